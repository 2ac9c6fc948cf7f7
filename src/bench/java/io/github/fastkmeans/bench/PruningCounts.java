package io.github.fastkmeans.bench;

import io.github.fastkmeans.engine.SquaredEuclidean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * How many point-centre distances a pruned assignment sweep would compute, as a share of brute
 * force (n k per pass), for row-level and tile-level Yinyang pruning (Ding et al., ICML 2015) along
 * an exact Lloyd run from the first k rows of a synthetic benchmark set.
 *
 * <p>Why: a tiled kernel computes a tile of rows against a whole group of centres at once, so it
 * can skip a group only when no row of the tile needs it. These counts show how much of row-level
 * Yinyang's saving survives tiling, before any such kernel is written. Nothing is pruned for real:
 * every pass computes all n k distances and takes the exact labels, so all schemes follow the same
 * centres and each only counts what it would have computed. The bounds are checked against the
 * exact distances (the nearest centre is never pruned, no group bound is above its group's true
 * minimum); the exit status is 1 if a check fails.
 *
 * <p>Each row has an upper bound on the distance to its centre and one lower bound per group of
 * centres (on the distance to the group's nearest centre other than the row's own). A pass adds the
 * centre's drift to the upper bound and subtracts the group's largest drift from its bound; a row
 * whose upper bound is below every group bound keeps its label, else the upper bound is tightened
 * to the exact distance (one distance, counted by every scheme) and the test repeated; a row that
 * still fails needs every group whose bound is not above its upper bound. Schemes:
 *
 * <ul>
 *   <li>row: each row computes the groups it needs;
 *   <li>Ts16, Ts32, Ts64: tiles of 16, 32, 64 rows sorted by label; a tile computes every group any
 *       of its rows needs;
 *   <li>Tu32: tiles of 32 rows in row order;
 *   <li>upd32: as Ts32, but each row refreshes its bounds of every group its tile computed;
 *   <li>upd32q16, upd32q8: as upd32, with the bounds kept in 16 or 8 bits ({@link
 *       #REFRESH_LEVELS}).
 * </ul>
 *
 * <p>row, Ts and Tu share one set of bounds, in which a row refreshes only the groups it needed
 * itself; upd32 has bounds of its own, so its filter passes differ. Groups of centres: k/10 groups
 * by 5 k-means iterations on the initial centres, and blocks of 8 centres in the order of a
 * recursive principal-axis bisection of the initial centres.
 *
 * <pre>
 * java -Xmx12g -cp "$(cat target/bench-classpath.txt)" io.github.fastkmeans.bench.PruningCounts \
 *     [sets...]   (default E: about a minute; F and G: a few minutes each)
 * </pre>
 */
public final class PruningCounts {

  /** The schemes' column names, in the order of {@link Grouping#countPruned}. */
  private static final List<String> SCHEMES =
      List.of("row", "Ts16", "Ts32", "Ts64", "Tu32", "upd32", "upd32q16", "upd32q8");

  /**
   * The levels of upd32's bounds kept in fewer bits: 0 for doubles, then 16 and 8 bits, each row's
   * bounds as multiples of a step of its own (twice its upper bound over the levels, set when its
   * bounds are renewed), rounded down and capped at twice the upper bound.
   */
  private static final int[] REFRESH_LEVELS = {0, 65535, 255};

  private static final int REFRESH_TILE_ROWS = 32; // rows per tile of upd32
  private static final int CHUNK = 128; // rows per parallel work item
  private static final int THREADS = 2; // the machine is shared and has two cores
  private static final int BLOCK = 8; // centres per block of the principal-axis grouping

  private final Dataset data;
  private final int n;
  private final int d;
  private final int k;
  private final double[] centres;
  private final int[] labels; // of the previous pass, which the bounds refer to
  private final double[] ownDistance; // to the label's centre, with the current centres
  private final double[] drift; // of each centre in the last update
  private final List<Grouping> groupings;
  private final List<Long> changedPerPass = new ArrayList<>();

  private PruningCounts(Dataset data) {
    this.data = data;
    n = data.rows;
    d = data.columns;
    k = data.k;
    centres = Arrays.copyOf(data.values, k * d);
    labels = new int[n];
    Arrays.fill(labels, -1);
    ownDistance = new double[n];
    drift = new double[k];
    groupings =
        List.of(
            new Grouping("k-means k/10", groupByKMeans(k / 10), k / 10),
            new Grouping("k-means k/40", groupByKMeans(k / 40), k / 40),
            new Grouping(
                "PCA blocks of " + BLOCK, groupByPcaBlocks(BLOCK), (k + BLOCK - 1) / BLOCK),
            // Four times fewer bounds per row, for a kernel whose bounds must fit in less memory.
            new Grouping(
                "PCA blocks of " + 4 * BLOCK,
                groupByPcaBlocks(4 * BLOCK),
                (k + 4 * BLOCK - 1) / (4 * BLOCK)));
  }

  /** Runs the sets named in {@code args} (default E) and prints Markdown to standard output. */
  public static void main(String[] args) throws Exception {
    boolean valid = true;
    // Parallel streams started inside a pool's task run on that pool, which caps the threads.
    ForkJoinPool pool = new ForkJoinPool(THREADS);
    try {
      for (String set : args.length == 0 ? new String[] {"E"} : args) {
        Dataset data = Datasets.synthetic(set, false);
        if (data == null) {
          throw new IllegalArgumentException("Unknown set: " + set);
        }
        valid &= pool.submit(() -> new PruningCounts(data).run()).get();
      }
    } finally {
      pool.shutdown();
    }
    if (!valid) {
      System.err.println("A bound check failed: see the totals tables.");
      System.exit(1);
    }
  }

  /** Runs Lloyd, prints the tables and returns whether every bound check held. */
  private boolean run() {
    long start = System.nanoTime();
    int[] newLabels = new int[n];
    int maxPasses = data.iterations + 1; // the last update's centres get their assignment too
    for (int pass = 1; pass <= maxPasses; pass++) {
      int[] refreshTileOfRow = pass == 1 ? null : countPruned();
      long changed =
          IntStream.range(0, (n + CHUNK - 1) / CHUNK)
              .parallel()
              .mapToLong(chunk -> assign(chunk, newLabels, refreshTileOfRow))
              .sum();
      changedPerPass.add(changed);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.err.println(
          f("%s pass %d: %d labels changed (%.1f s)", data.name, pass, changed, seconds));
      System.arraycopy(newLabels, 0, labels, 0, n);
      if ((pass > 1 && changed == 0) || pass == maxPasses) {
        break;
      }
      double[] squaredShift = updateMeans(data.values, labels, centres);
      Arrays.setAll(drift, c -> Math.sqrt(squaredShift[c]));
      groupings.forEach(Grouping::takeDrift);
    }
    report();
    return groupings.stream().allMatch(g -> g.prunedNearest.sum() + g.boundAboveMinimum.sum() == 0);
  }

  /** Counts what each scheme would compute this pass; returns each row's upd32 tile. */
  private int[] countPruned() {
    IntStream.range(0, n).parallel().forEach(x -> ownDistance[x] = distance(x, labels[x]));
    int[] order = sortedByLabel();
    for (Grouping g : groupings) {
      g.countPruned(order);
    }
    int[] refreshTileOfRow = new int[n];
    for (int i = 0; i < n; i++) {
      refreshTileOfRow[order[i]] = i / REFRESH_TILE_ROWS;
    }
    return refreshTileOfRow;
  }

  /**
   * The exact assignment of one chunk of rows into {@code newLabels} (OUT), checking and refreshing
   * every bound set; returns how many labels changed. {@code refreshTileOfRow} is null in pass 1.
   */
  private long assign(int chunk, int[] newLabels, int[] refreshTileOfRow) {
    double[] squared = new double[k];
    List<RowTruth> truths = groupings.stream().map(g -> new RowTruth(g.groups)).toList();
    long changed = 0;
    for (int x = chunk * CHUNK; x < Math.min(n, (chunk + 1) * CHUNK); x++) {
      int nearest = nearest(data.values, x * d, centres, squared);
      newLabels[x] = nearest;
      changed += nearest != labels[x] ? 1 : 0;
      for (int q = 0; q < groupings.size(); q++) {
        Grouping g = groupings.get(q);
        RowTruth truth = truths.get(q);
        truth.compute(x, labels[x], nearest, squared, g.groupOf);
        if (refreshTileOfRow == null) {
          g.reset(g.rowBounds, truth);
          for (Bounds refresh : g.refreshBounds) {
            g.reset(refresh, truth);
          }
        } else {
          g.checkAndRefresh(
              g.rowBounds, truth, g.rowBounds.kept[x] ? null : g.rowBounds.needed, x * g.words);
          for (int v = 0; v < REFRESH_LEVELS.length; v++) {
            g.checkAndRefresh(
                g.refreshBounds[v], truth, g.refreshTileGroups[v], refreshTileOfRow[x] * g.words);
          }
        }
      }
    }
    return changed;
  }

  /** A partition of the centres, the schemes' bounds on it, and its counts. */
  private final class Grouping {
    final String name;
    final int[] groupOf;
    final int groups;
    final int words; // of a group bit set
    final int[] size;
    final double[] maxDrift;
    final Bounds rowBounds; // shared by row, Ts and Tu
    final Bounds[] refreshBounds; // upd32's, one per REFRESH_LEVELS
    final long[][] refreshTileGroups; // per bound set and upd32 tile: the groups it computed
    final List<long[]> distancesPerPass = new ArrayList<>(); // in the order of SCHEMES
    final List<Long> keptPerPass = new ArrayList<>(); // by the row-level global filter
    final LongAdder prunedNearest = new LongAdder();
    final LongAdder boundAboveMinimum = new LongAdder();

    Grouping(String name, int[] groupOf, int groups) {
      this.name = name;
      this.groupOf = groupOf;
      this.groups = groups;
      words = (groups + 63) / 64;
      size = new int[groups];
      for (int group : groupOf) {
        size[group]++;
      }
      maxDrift = new double[groups];
      rowBounds = new Bounds(n, groups, words, 0);
      refreshBounds = new Bounds[REFRESH_LEVELS.length];
      refreshTileGroups = new long[REFRESH_LEVELS.length][];
      for (int v = 0; v < REFRESH_LEVELS.length; v++) {
        refreshBounds[v] = new Bounds(n, groups, words, REFRESH_LEVELS[v]);
        refreshTileGroups[v] = new long[(n + REFRESH_TILE_ROWS - 1) / REFRESH_TILE_ROWS * words];
      }
      long[] bruteForce = new long[SCHEMES.size()]; // the first pass has no bounds yet
      Arrays.fill(bruteForce, (long) n * k);
      distancesPerPass.add(bruteForce);
      keptPerPass.add(0L);
    }

    /** Each group's largest drift of the last update. */
    void takeDrift() {
      Arrays.fill(maxDrift, 0);
      for (int c = 0; c < k; c++) {
        maxDrift[groupOf[c]] = Math.max(maxDrift[groupOf[c]], drift[c]);
      }
    }

    /** Filters both bound sets and records what each scheme would compute this pass. */
    void countPruned(int[] labelOrder) {
      FilterCounts row = filter(rowBounds);
      long[] distances = new long[SCHEMES.size()];
      distances[0] = row.groupDistances;
      distances[1] = tileDistances(rowBounds, labelOrder, 16, null);
      distances[2] = tileDistances(rowBounds, labelOrder, 32, null);
      distances[3] = tileDistances(rowBounds, labelOrder, 64, null);
      distances[4] = tileDistances(rowBounds, null, 32, null);
      for (int s = 0; s < 5; s++) {
        distances[s] += row.tightened;
      }
      for (int v = 0; v < REFRESH_LEVELS.length; v++) {
        FilterCounts refresh = filter(refreshBounds[v]);
        distances[5 + v] =
            tileDistances(refreshBounds[v], labelOrder, REFRESH_TILE_ROWS, refreshTileGroups[v])
                + refresh.tightened;
      }
      distancesPerPass.add(distances);
      keptPerPass.add(row.kept);
    }

    /** Drifts the bounds, runs the global filter (loose, then tightened) and the group filter. */
    FilterCounts filter(Bounds b) {
      long kept = 0;
      long tightened = 0;
      long groupDistances = 0;
      for (int x = 0; x < n; x++) {
        int base = x * groups;
        double upper = b.upper[x] + drift[labels[x]];
        double minLower = Double.POSITIVE_INFINITY;
        for (int q = 0; q < groups; q++) {
          b.lower[base + q] = b.roundDown(x, b.lower[base + q] - maxDrift[q]);
          minLower = Math.min(minLower, b.lower[base + q]);
        }
        Arrays.fill(b.needed, x * words, (x + 1) * words, 0L);
        if (upper >= minLower) {
          tightened++;
          upper = ownDistance[x];
        }
        b.upper[x] = upper;
        b.kept[x] = upper < minLower;
        kept += b.kept[x] ? 1 : 0;
        for (int q = 0; q < groups && !b.kept[x]; q++) {
          if (b.lower[base + q] <= upper) {
            b.needed[x * words + (q >>> 6)] |= 1L << (q & 63);
            groupDistances += size[q];
          }
        }
      }
      return new FilterCounts(kept, tightened, groupDistances);
    }

    /**
     * Sum over tiles of the tile's rows times the centres of the groups any of its rows needs;
     * {@code order} null takes the rows in their own order; {@code tileGroups} (OUT, may be null)
     * receives each tile's group set.
     */
    long tileDistances(Bounds b, int[] order, int tileRows, long[] tileGroups) {
      long total = 0;
      long[] union = new long[words];
      for (int from = 0; from < n; from += tileRows) {
        Arrays.fill(union, 0L);
        int to = Math.min(n, from + tileRows);
        for (int i = from; i < to; i++) {
          int x = order == null ? i : order[i];
          for (int w = 0; w < words && !b.kept[x]; w++) {
            union[w] |= b.needed[x * words + w];
          }
        }
        if (tileGroups != null) {
          System.arraycopy(union, 0, tileGroups, from / tileRows * words, words);
        }
        for (int q = 0; q < groups; q++) {
          total += isSet(union, 0, q) ? (long) size[q] * (to - from) : 0;
        }
      }
      return total;
    }

    /** Sets one row's bounds to the exact distances. */
    void reset(Bounds b, RowTruth truth) {
      b.upper[truth.row] = truth.nearestDistance;
      System.arraycopy(truth.excludingNew, 0, b.lower, truth.row * groups, groups);
      b.requantize(truth.row, groups);
    }

    /**
     * Checks one row's bounds against the exact distances, then refreshes those of the groups in
     * {@code computed} (a group bit set at {@code computedBase}; null when nothing was computed).
     */
    void checkAndRefresh(Bounds b, RowTruth truth, long[] computed, int computedBase) {
      int x = truth.row;
      int base = x * groups;
      boolean moved = truth.nearest != truth.oldLabel;
      for (int q = 0; q < groups; q++) {
        if (b.lower[base + q] > truth.excludingOld[q]) {
          boundAboveMinimum.increment();
        }
      }
      if (moved && (b.kept[x] || !isSet(b.needed, x * words, groupOf[truth.nearest]))) {
        prunedNearest.increment();
        reset(b, truth); // so that the run goes on with valid bounds; the exit status tells
        return;
      }
      for (int q = 0; q < groups && computed != null; q++) {
        if (isSet(computed, computedBase, q)) {
          b.lower[base + q] = truth.excludingNew[q];
        }
      }
      int oldGroup = groupOf[truth.oldLabel];
      boolean oldGroupComputed = computed != null && isSet(computed, computedBase, oldGroup);
      if (moved && !oldGroupComputed) {
        // The old centre is now one of its group's other centres: the bound must cover it too.
        b.lower[base + oldGroup] = Math.min(b.lower[base + oldGroup], ownDistance[x]);
      }
      if (!b.kept[x] || oldGroupComputed) {
        b.upper[x] = truth.nearestDistance; // else the row's own distance was never computed
      }
      if (computed != null || moved) {
        b.requantize(x, groups);
      }
    }
  }

  /**
   * One scheme's bounds: per row an upper bound and one lower bound per group, as doubles or, with
   * {@code levels}, as what fewer bits would keep of them.
   */
  private static final class Bounds {
    final double[] upper;
    final double[] lower; // n x groups
    final long[] needed; // n x words: groups whose bound failed this pass
    final boolean[] kept; // passed the global filter this pass
    final int levels; // 0: doubles
    final double[] step; // per row, with levels: the value of one level

    Bounds(int n, int groups, int words, int levels) {
      upper = new double[n];
      lower = new double[Math.multiplyExact(n, groups)];
      needed = new long[Math.multiplyExact(n, words)];
      kept = new boolean[n];
      this.levels = levels;
      step = levels == 0 ? null : new double[n];
    }

    /** {@code value} as row x's bounds keep it: itself, or the level at or below it, capped. */
    double roundDown(int x, double value) {
      if (levels == 0) {
        return value;
      }
      if (!(value > 0)) {
        return 0; // no level below zero: such a bound bounds nothing either way
      }
      if (!(step[x] > 0)) {
        return 0;
      }
      return Math.min(levels, Math.floor(value / step[x])) * step[x];
    }

    /** Takes row x's step from its upper bound and keeps its group bounds at that step. */
    void requantize(int x, int groups) {
      if (levels == 0) {
        return;
      }
      step[x] = 2 * upper[x] / levels;
      for (int q = 0; q < groups; q++) {
        lower[x * groups + q] = roundDown(x, lower[x * groups + q]);
      }
    }
  }

  /** The filter's result: rows kept, upper bounds tightened, row-level group distances. */
  private record FilterCounts(long kept, long tightened, long groupDistances) {}

  /** One row's exact pass as one grouping sees it; reused row after row. */
  private static final class RowTruth {
    int row;
    int oldLabel;
    int nearest;
    double nearestDistance;
    final double[] excludingOld; // per group: true distance to its nearest centre but oldLabel
    final double[] excludingNew; // the same, but nearest

    RowTruth(int groups) {
      excludingOld = new double[groups];
      excludingNew = new double[groups];
    }

    /** Takes row x, its old and new label and its squared distances to all centres. */
    void compute(int x, int old, int best, double[] squared, int[] groupOf) {
      row = x;
      oldLabel = old;
      nearest = best;
      nearestDistance = Math.sqrt(squared[best]);
      Arrays.fill(excludingOld, Double.POSITIVE_INFINITY);
      Arrays.fill(excludingNew, Double.POSITIVE_INFINITY);
      for (int c = 0; c < groupOf.length; c++) {
        int g = groupOf[c];
        excludingOld[g] = c == old ? excludingOld[g] : Math.min(excludingOld[g], squared[c]);
        excludingNew[g] = c == best ? excludingNew[g] : Math.min(excludingNew[g], squared[c]);
      }
      Arrays.setAll(excludingOld, g -> Math.sqrt(excludingOld[g]));
      Arrays.setAll(excludingNew, g -> Math.sqrt(excludingNew[g]));
    }
  }

  /** Groups by 5 k-means iterations on the centres, from the first {@code groups} centres. */
  private int[] groupByKMeans(int groups) {
    double[] means = Arrays.copyOf(centres, groups * d);
    int[] groupOf = new int[k];
    double[] squared = new double[groups];
    for (int iteration = 0; ; iteration++) {
      for (int c = 0; c < k; c++) {
        groupOf[c] = nearest(centres, c * d, means, squared);
      }
      if (iteration == 5) {
        return groupOf;
      }
      updateMeans(centres, groupOf, means);
    }
  }

  /**
   * Blocks of {@code size} consecutive centres (a multiple of {@link #BLOCK}) in principal-axis
   * bisection order.
   */
  private int[] groupByPcaBlocks(int size) {
    Integer[] order = new Integer[k];
    Arrays.setAll(order, c -> c);
    bisect(order, 0, k);
    int[] groupOf = new int[k];
    for (int p = 0; p < k; p++) {
      groupOf[order[p]] = p / size;
    }
    return groupOf;
  }

  /**
   * Sorts {@code order[from, to)} along the centres' principal axis (30 power iterations), splits
   * it at the multiple of {@link #BLOCK} at or after the middle and recurses on both halves.
   */
  private void bisect(Integer[] order, int from, int to) {
    int m = to - from;
    if (m <= BLOCK) {
      return;
    }
    double[] mean = new double[d];
    for (int p = 0; p < m * d; p++) {
      mean[p % d] += centres[order[from + p / d] * d + p % d] / m;
    }
    double[] centred = new double[m * d];
    for (int p = 0; p < m * d; p++) {
      centred[p] = centres[order[from + p / d] * d + p % d] - mean[p % d];
    }
    double[] axis = new double[d];
    Arrays.setAll(axis, j -> 1.0 + 0.01 * j); // a deterministic start
    for (int iteration = 0; iteration < 30; iteration++) {
      double[] next = new double[d];
      for (int p = 0; p < m; p++) {
        double along = dot(centred, p * d, axis, 0);
        for (int j = 0; j < d; j++) {
          next[j] += along * centred[p * d + j];
        }
      }
      double norm = Math.sqrt(dot(next, 0, next, 0));
      if (norm == 0) {
        break;
      }
      Arrays.setAll(axis, j -> next[j] / norm);
    }
    double[] projection = new double[k];
    for (int p = from; p < to; p++) {
      projection[order[p]] = dot(centres, order[p] * d, axis, 0);
    }
    Comparator<Integer> byProjection = Comparator.comparingDouble(c -> projection[c]);
    Arrays.sort(order, from, to, byProjection.thenComparingInt(c -> c));
    int middle = from + ((m + 1) / 2 + BLOCK - 1) / BLOCK * BLOCK;
    if (middle < to) {
      bisect(order, from, middle);
      bisect(order, middle, to);
    }
  }

  /** The nearest mean to the point at {@code offset}; squared distances to all means (OUT). */
  private int nearest(double[] points, int offset, double[] means, double[] squared) {
    int nearest = -1;
    double best = Double.POSITIVE_INFINITY;
    for (int c = 0; c < squared.length; c++) {
      squared[c] = SquaredEuclidean.distance(points, offset, means, c * d, d);
      if (squared[c] < best) {
        best = squared[c];
        nearest = c;
      }
    }
    return nearest;
  }

  /**
   * Each mean (IN/OUT) becomes the mean of the points labelled with it (an empty one stays);
   * returns each mean's squared shift.
   */
  private double[] updateMeans(double[] points, int[] pointLabels, double[] means) {
    double[] sum = new double[means.length];
    int[] count = new int[means.length / d];
    for (int x = 0; x < pointLabels.length; x++) {
      count[pointLabels[x]]++;
      for (int j = 0; j < d; j++) {
        sum[pointLabels[x] * d + j] += points[x * d + j];
      }
    }
    double[] squaredShift = new double[count.length];
    for (int c = 0; c < count.length; c++) {
      for (int j = 0; count[c] > 0 && j < d; j++) {
        double mean = sum[c * d + j] / count[c];
        squaredShift[c] += (mean - means[c * d + j]) * (mean - means[c * d + j]);
        means[c * d + j] = mean;
      }
    }
    return squaredShift;
  }

  private double distance(int x, int centre) {
    return Math.sqrt(SquaredEuclidean.distance(data.values, x * d, centres, centre * d, d));
  }

  private double dot(double[] a, int aOffset, double[] b, int bOffset) {
    double sum = 0;
    for (int j = 0; j < d; j++) {
      sum += a[aOffset + j] * b[bOffset + j];
    }
    return sum;
  }

  /** Row indices sorted by label, rows of one label in row order. */
  private int[] sortedByLabel() {
    Comparator<Integer> byLabel = Comparator.comparingInt(x -> labels[x]);
    return IntStream.range(0, n).boxed().sorted(byLabel).mapToInt(x -> x).toArray();
  }

  private static boolean isSet(long[] bits, int base, int index) {
    return (bits[base + (index >>> 6)] & (1L << (index & 63))) != 0;
  }

  /** Prints the tables in Markdown: per pass for each grouping, then the totals. */
  private void report() {
    double bruteForce = (double) n * k;
    int passes = changedPerPass.size();
    print("## Set %s: %s\n\n%s.\n\n", data.name, data.shape(), data.description);
    double sse = Table.sse(data, centres);
    print("Lloyd from the first k rows: %d passes, final SSE %.6e.\n", passes, sse);
    print("Cells: distances computed, %% of n k (the tightenings can take it past 100).\n");
    print("kept: %% of rows whose label the row-level global filter kept.\n");
    String columns = " " + String.join(" | ", SCHEMES) + " |";
    String alignment = " ---: |".repeat(SCHEMES.size());
    for (Grouping g : groupings) {
      IntSummaryStatistics sizes = Arrays.stream(g.size).summaryStatistics();
      print(
          "\n### %s: %d groups of %d..%d centres\n\n",
          g.name, g.groups, sizes.getMin(), sizes.getMax());
      print("| pass | labels changed | kept |%s\n| ---: | ---: | ---: |%s\n", columns, alignment);
      for (int p = 0; p < passes; p++) {
        String kept = p == 0 ? "-" : f("%.2f", 100.0 * g.keptPerPass.get(p) / n);
        print("| %d | %d | %s |", p + 1, changedPerPass.get(p), kept);
        for (long distances : g.distancesPerPass.get(p)) {
          print(" %.3f |", 100 * distances / bruteForce);
        }
        print("\n");
      }
    }
    print("\n### Totals, set %s: %% of n k over all %d passes\n\n", data.name, passes);
    print("| grouping |%s nearest pruned | bounds above minimum |\n", columns);
    print("| --- |%s ---: | ---: |\n", alignment);
    for (Grouping g : groupings) {
      print("| %s |", g.name);
      for (int s = 0; s < SCHEMES.size(); s++) {
        int scheme = s;
        long total = g.distancesPerPass.stream().mapToLong(counts -> counts[scheme]).sum();
        print(" %.3f |", 100 * total / (bruteForce * passes));
      }
      print(" %d | %d |\n", g.prunedNearest.sum(), g.boundAboveMinimum.sum());
    }
  }

  private static void print(String format, Object... args) {
    System.out.print(f(format, args));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
