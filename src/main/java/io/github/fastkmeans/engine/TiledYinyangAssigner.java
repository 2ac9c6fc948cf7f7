package io.github.fastkmeans.engine;

import io.github.fastkmeans.parallel.ChunkRunner;
import java.util.Arrays;

/**
 * Yinyang's group bounds (Ding et al., ICML 2015) for the vector kernel, which computes a tile of
 * rows against a block of eight centres at once: a tile skips a block only when the bounds of all
 * its rows rule it out. The blocks are those of {@link CentreBlocks}, centres close together. The
 * first pass takes the rows in their own order and computes every block; then the rows are sorted
 * once, by their centre and within it by the block nearest after their centre's, so that a tile's
 * rows lie close together and need the same blocks.
 *
 * <p>Every row keeps an upper bound on the distance to its centre and per block a lower bound on
 * the distance to the block's centres, both renewed from the blocks its tile computes, with the
 * estimates' proven error ({@link TileSweep}): a block computed for the whole tile once any row
 * needs it gives the rows that did not need it a tighter bound for nothing. (Yinyang's global
 * filter, a bound per row on all other blocks, saves no distance here and made passes slower.)
 *
 * <p>A lower bound is stored with its block's drift so far added ({@link #drift}); a pass subtracts
 * the drift now: bounds of blocks a tile does not compute are never rewritten. A row's own block is
 * always computed, so its upper bound is renewed in every pass. Where the bounds fail to prune, a
 * pass costs about a third more than Lloyd's sweep, for the bounds it reads and writes.
 *
 * <p>A pass is computed before the chunks, tile by tile in the sorted order on all threads ({@link
 * #beforePass}); the chunks then record each row's centre in row order, so the sums have the bits
 * of every other algorithm.
 */
final class TiledYinyangAssigner extends Assigner {

  /**
   * A bound is trusted only with this relative margin, which covers the float roundings of the
   * bounds and drifts (each 2^-24 of the largest term).
   */
  private static final double MARGIN = 0x1p-17;

  /** Added to every threshold: below float's normal range, rounding is absolute. */
  private static final double SMALLEST_MARGIN = 0x1p-100;

  /** Tiled bounds are kept only while they take at most this share of the heap left. */
  private static final double SHARE_OF_FREE_HEAP = 0.5;

  /** Tiles per task of a pass: 512 rows with 32-row tiles, as a chunk. */
  private static final int TILES_PER_TASK = 16;

  private final TileSweep sweep;
  private final int tileRows;
  private final int tiles;
  private final int blockCount;

  /** The centre at each position of the kernel's layout. */
  private final int[] centreAt;

  /** The block of each centre. */
  private final int[] blockOf;

  /** The row at each position of the sorted order; -1 past the last row. */
  private final int[] rowAt;

  /** The position of each row in the sorted order. */
  private final int[] positionOf;

  /** Each row's centre after the pass {@link #beforePass} computed. */
  private final int[] next;

  /**
   * Per row, the block nearest to it after its own centre's, from the first pass; the rows are
   * sorted by it within each centre, so that a tile's rows border the same clusters. Null once
   * sorted.
   */
  private int[] runnerUp;

  /** By position: an upper bound on the distance from the row to its centre (kernel's frame). */
  private final float[] upper;

  /** By tile, block and lane: a lower bound on the distance to the block's centres, plus drift. */
  private final float[] bounds;

  /** By tile and block: the least of the tile's {@link #bounds} for the block. */
  private final float[] tileBounds;

  /** Per block, the sum of its largest moves since the fit began (kernel's frame). */
  private final double[] drift;

  /** Each centre's last move (kernel's frame). */
  private final double[] shift;

  /** Per block, {@link #drift} rounded up to float, for the coming pass. */
  private final float[] driftNow;

  /** The largest of {@link #drift}. */
  private double largestDrift;

  private final ThreadLocal<Search> searches;
  private int passesBegun;

  /** Whether the rows are sorted by centre and kept in that order: from the second pass on. */
  private boolean sorted;

  /**
   * Tiled Yinyang on {@code sweep} (made for these centres' order {@code centreAt}, IN, and these
   * rows).
   */
  TiledYinyangAssigner(
      DataMatrix data, double[] centres, int[] labels, TileSweep sweep, int[] centreAt) {
    // No block kernel of its own: the tiles sweep every pass; single rows the estimates cannot
    // bound are swept exactly.
    super(data, centres, labels, true, false);
    this.sweep = sweep;
    this.centreAt = centreAt;
    this.blockOf = CentreBlocks.blockOf(centreAt);
    this.tileRows = sweep.tileRows();
    this.blockCount = (k + CentreBlocks.SIZE - 1) / CentreBlocks.SIZE;
    int rows = data.rows();
    this.tiles = (rows + tileRows - 1) / tileRows;
    this.rowAt = new int[tiles * tileRows];
    this.positionOf = new int[rows];
    this.next = new int[rows];
    this.runnerUp = new int[rows];
    this.upper = new float[tiles * tileRows];
    this.bounds = new float[Math.multiplyExact(tiles * tileRows, blockCount)];
    this.tileBounds = new float[Math.multiplyExact(tiles, blockCount)];
    this.drift = new double[blockCount];
    this.driftNow = new float[blockCount];
    this.shift = new double[k];
    this.searches = ThreadLocal.withInitial(Search::new);
    // The first pass takes the rows in their own order: no row has a centre to sort by yet.
    for (int position = 0; position < rowAt.length; position++) {
      rowAt[position] = position < rows ? position : -1;
    }
    Arrays.setAll(positionOf, row -> row);
    sweep.update(centres);
  }

  /**
   * Yinyang's assignment step for a fit on {@code data} from {@code centres}: tiled where the
   * vector kernel runs compiled, the rows have enough columns for its estimates, there is more than
   * one block of centres and the bounds take at most {@link #SHARE_OF_FREE_HEAP} of the heap left;
   * row by row ({@link YinyangAssigner}) otherwise. Both choose the centres of every other
   * algorithm.
   */
  static Assigner create(DataMatrix data, double[] centres, int[] labels) {
    int columns = data.columns();
    int k = centres.length / columns;
    if (columns >= CentreColumns.DOT_PRODUCT_COLUMNS
        && k > CentreBlocks.SIZE
        && bytes(data.rows(), columns, k) <= SHARE_OF_FREE_HEAP * MemoryEstimate.freeHeap()) {
      int[] centreAt = CentreBlocks.order(centres, k, columns);
      TileSweep sweep = BlockSweeps.tileSweep(k, columns, centreAt, data.rows());
      if (sweep != null) {
        return new TiledYinyangAssigner(data, centres, labels, sweep, centreAt);
      }
    }
    return new YinyangAssigner(data, centres, labels);
  }

  /** The bytes tiled Yinyang keeps for {@code rows} x {@code columns} rows and k centres. */
  static long bytes(long rows, int columns, int k) {
    long blocks = (k + CentreBlocks.SIZE - 1) / CentreBlocks.SIZE;
    // Bounds per row and block, and per tile of 32 rows and block; kept rows and norms; position,
    // row, next centre and upper bound.
    return 4 * rows * blocks + rows / 8 * blocks + 4 * rows * (columns + 1) + 16 * rows + 24L * k;
  }

  @Override
  String kernel() {
    return sweep.kernel()
        + "; tiles of "
        + tileRows
        + " rows against the blocks of "
        + CentreBlocks.SIZE
        + " centres their bounds do not rule out";
  }

  /**
   * The first pass, in the rows' own order, computes every block; a range that does not start and
   * end on tiles (a distributed fit's block may not) is swept exactly, row by row.
   */
  @Override
  void assignFirst(int start, int end, ClusterSums sums) {
    if (start % tileRows != 0 || (end % tileRows != 0 && end != labels.length)) {
      super.assignFirst(start, end, sums);
      return;
    }
    Search search = searches.get();
    long computed = 0;
    for (int tile = start / tileRows; tile * tileRows < end; tile++) {
      computed += search.sweepTile(tile, true);
    }
    assign(start, end, sums);
    sums.countDistances(computed);
  }

  @Override
  void assign(int start, int end, ClusterSums sums) {
    for (int row = start; row < end; row++) {
      record(row, next[row], sums);
    }
  }

  @Override
  void rowMoved(int row) {
    upper[positionOf[row]] = Float.POSITIVE_INFINITY;
  }

  @Override
  void centresMoved(double[] previous) {
    sweep.update(centres);
    double scale = sweep.scale();
    double[] largest = new double[blockCount];
    for (int c = 0; c < k; c++) {
      double moved =
          Math.sqrt(SquaredEuclidean.distance(previous, c * columns, centres, c * columns, columns))
              * scale;
      shift[c] = moved;
      largest[blockOf[c]] = Math.max(largest[blockOf[c]], moved);
    }
    for (int b = 0; b < blockCount; b++) {
      drift[b] += largest[b];
      largestDrift = Math.max(largestDrift, drift[b]);
    }
  }

  @Override
  long beforePass(ChunkRunner runner, ChunkRunner callerOnly) throws InterruptedException {
    if (passesBegun++ == 0) {
      // The first pass runs chunk by chunk ({@link #assignFirst}).
      return 0;
    }
    boolean first = !sorted;
    if (first) {
      sortByCentre();
      Arrays.fill(upper, Float.POSITIVE_INFINITY);
      sorted = true;
    }
    for (int b = 0; b < blockCount; b++) {
      driftNow[b] = roundedUp(drift[b]);
    }
    int tasks = (tiles + TILES_PER_TASK - 1) / TILES_PER_TASK;
    long[] computed = new long[tasks];
    runner.run(
        0,
        tasks,
        (task, slot) -> {
          Search search = searches.get();
          int end = Math.min(tiles, (task + 1) * TILES_PER_TASK);
          long count = 0;
          for (int tile = task * TILES_PER_TASK; tile < end; tile++) {
            count += search.sweepTile(tile, first);
          }
          computed[task] = count;
        });
    long total = 0;
    for (long count : computed) {
      total += count;
    }
    return total;
  }

  /**
   * Sorts the rows by their centre, and within a centre by their {@link #runnerUp} block, rows of
   * both in row order (two stable counting sorts).
   */
  private void sortByCentre() {
    int rows = labels.length;
    int[] rowOrder = new int[rows];
    Arrays.setAll(rowOrder, row -> row);
    int[] byRunnerUp = countingSort(rowOrder, runnerUp, blockCount);
    int[] order = countingSort(byRunnerUp, labels, k);
    for (int position = 0; position < rows; position++) {
      rowAt[position] = order[position];
      positionOf[order[position]] = position;
    }
    Arrays.fill(rowAt, rows, rowAt.length, -1);
    runnerUp = null;
  }

  /**
   * The rows of {@code order} (IN) stably sorted by {@code key} (IN, by row, below {@code keys}).
   */
  private static int[] countingSort(int[] order, int[] key, int keys) {
    int[] start = new int[keys + 1];
    for (int row : order) {
      start[key[row] + 1]++;
    }
    for (int value = 0; value < keys; value++) {
      start[value + 1] += start[value];
    }
    int[] sorted = new int[order.length];
    for (int row : order) {
      sorted[start[key[row]]++] = row;
    }
    return sorted;
  }

  /** {@code value} as the least float not below it. */
  private static float roundedUp(double value) {
    float rounded = (float) value;
    return rounded < value ? Math.nextUp(rounded) : rounded;
  }

  /** One thread's room for the tiles of a pass. */
  private final class Search {
    private final TileSweep.Tile tile = sweep.newTile();
    private final float[] thresholds = new float[tileRows];
    private final boolean[] forced = new boolean[blockCount];
    private final CentreColumns.Scratch scratch = centreColumns.newScratch();

    /**
     * Assigns the rows of tile {@code index} into {@link #next} and renews their bounds; {@code
     * first} on the first pass over sorted rows, which keeps them. Returns the distances computed.
     */
    long sweepTile(int index, boolean first) {
      if (first) {
        sweep.keep(values, rowAt, index);
      }
      int base = index * tileRows;
      int rows = 0;
      for (int lane = 0; lane < tileRows; lane++) {
        int row = rowAt[base + lane];
        if (row < 0) {
          thresholds[lane] = Float.NaN;
          continue;
        }
        rows++;
        int own = labels[row];
        if (own < 0) {
          // The first pass: no centre, no bound.
          thresholds[lane] = Float.POSITIVE_INFINITY;
          continue;
        }
        forced[blockOf[own]] = true;
        double bound = (double) upper[base + lane] + shift[own];
        thresholds[lane] =
            bound <= Double.MAX_VALUE
                ? roundedUp(bound * (1 + MARGIN) + MARGIN * largestDrift + SMALLEST_MARGIN)
                : Float.POSITIVE_INFINITY;
      }
      if (!sweep.estimable()) {
        return exactly(base, rows);
      }
      int count = sweep.needed(index, bounds, tileBounds, driftNow, thresholds, forced, tile);
      sweep.estimate(index, count, tile);
      long computed = 0;
      for (int i = 0; i < count; i++) {
        int from = tile.groups[i] * CentreBlocks.SIZE;
        computed += Math.min(k, from + CentreBlocks.SIZE) - from;
      }
      computed *= rows;
      for (int lane = 0; lane < tileRows; lane++) {
        int row = rowAt[base + lane];
        if (row < 0) {
          continue;
        }
        int sole = sweep.sole(tile, lane);
        if (sole >= 0) {
          next[row] = centreAt[sole];
        } else if (sole == TileSweep.SEVERAL) {
          computed += nearestWithinReach(row, lane, count);
        } else {
          next[row] = nearestOfAll(row, scratch);
          computed += k;
        }
        if (!sorted) {
          runnerUp[row] = sweep.nearestOtherBlock(tile, lane, count, blockOf[next[row]]);
        }
      }
      sweep.renew(index, count, driftNow, tile, bounds, tileBounds, upper);
      return computed;
    }

    /**
     * Puts into {@link #next} the nearest of the centres within the reach of {@code lane}'s row,
     * among the first {@code count} blocks computed, measured exactly, the lowest index on a tie;
     * returns the distances measured.
     */
    private int nearestWithinReach(int row, int lane, int count) {
      int best = -1;
      double bestSquared = Double.POSITIVE_INFINITY;
      int measured = 0;
      for (int i = 0; i < count; i++) {
        int from = tile.groups[i] * CentreBlocks.SIZE;
        int to = Math.min(k, from + CentreBlocks.SIZE);
        for (int position = from; position < to; position++) {
          if (!sweep.withinReach(tile, lane, position)) {
            continue;
          }
          int c = centreAt[position];
          double squared = squaredDistance(row, c);
          measured++;
          if (squared < bestSquared || (squared == bestSquared && c < best)) {
            best = c;
            bestSquared = squared;
          }
        }
      }
      // The nearest by estimate is always within reach; a row with none falls to the exact sweep.
      if (best < 0) {
        next[row] = nearestOfAll(row, scratch);
        return measured + k;
      }
      next[row] = best;
      return measured;
    }

    /**
     * Assigns the tile's rows from {@code base} by the exact sweep, where the centres cannot be
     * estimated; their bounds then rule nothing out. Returns the distances computed.
     */
    private long exactly(int base, int rows) {
      for (int lane = 0; lane < tileRows; lane++) {
        int row = rowAt[base + lane];
        if (row >= 0) {
          next[row] = nearestOfAll(row, scratch);
          upper[base + lane] = Float.POSITIVE_INFINITY;
        }
      }
      Arrays.fill(forced, false);
      return (long) rows * k;
    }
  }
}
