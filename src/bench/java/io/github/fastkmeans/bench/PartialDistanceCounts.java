package io.github.fastkmeans.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * How many point-centre pairs the partial-distance test would leave to compute in full, along an
 * exact Lloyd run from the first k rows of a synthetic benchmark set: a pair is left when its
 * squared distance over the m columns where the centres spread most is at most the row's squared
 * distance to its centre of the pass before (a sum over some columns never exceeds the sum over
 * all, so no pair it drops can be the nearest).
 *
 * <p>Why: that test needs no bounds in memory, and its first stage is a sweep over m of the d
 * columns in the tile kernel's shape; what it saves depends on how few pairs it leaves, counted
 * here per pass and per vector of 16 rows (rows ordered by centre) against one centre, the unit a
 * vector kernel would complete; and again for only the rows that Hamerly's tests keep, with the
 * kernel passes each way would cost. Nothing is pruned for real: every pass computes all distances.
 *
 * <p>Run: {@code java -cp "$(cat target/bench-classpath.txt)"
 * io.github.fastkmeans.bench.PartialDistanceCounts E}.
 */
public final class PartialDistanceCounts {

  private static final int[] PARTIAL_COLUMNS = {8, 16, 24};
  private static final int LANES = 16; // rows per vector of a 512-bit float kernel
  private static final int THREADS = 2;
  private static final int HAMERLY_PARTIAL = 16; // columns of the partial test after Hamerly's

  private PartialDistanceCounts() {}

  /** Counts for the sets named in {@code args} (default E), printed as Markdown. */
  public static void main(String[] args) throws Exception {
    ForkJoinPool pool = new ForkJoinPool(THREADS);
    try {
      for (String set : args.length == 0 ? new String[] {"E"} : args) {
        Dataset data = Datasets.synthetic(set, false);
        if (data == null) {
          throw new IllegalArgumentException("Unknown set: " + set);
        }
        pool.submit(() -> run(data)).get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static void run(Dataset data) {
    int n = data.rows;
    int d = data.columns;
    int k = data.k;
    double[] x = data.values;
    double[] centres = Arrays.copyOf(x, k * d);
    int[] labels = new int[n];
    int[] next = new int[n];
    double[] nearestDistance = new double[n];
    double[] secondDistance = new double[n];
    // Hamerly's bounds, renewed from each pass's exact distances and moved by the centres' drift.
    double[] upper = new double[n];
    double[] lower = new double[n];
    StringBuilder hamerly = new StringBuilder();
    System.out.printf(
        Locale.ROOT,
        "%n%s (%,d x %d, k = %,d): share of pairs left after the partial test, per pass"
            + " (pairs; vectors of %d rows by centre)%n%n| pass | rows changed |",
        data.name,
        n,
        d,
        k,
        LANES);
    for (int m : PARTIAL_COLUMNS) {
      System.out.printf(Locale.ROOT, " m = %d | vectors |", m);
    }
    System.out.printf("%n|---:|---:|%s%n", "---:|---:|".repeat(PARTIAL_COLUMNS.length));
    for (int pass = 1; pass <= data.iterations + 1; pass++) {
      int[] columns = bySpread(centres, k, d);
      boolean first = pass == 1;
      // Rows in order of their centre: a vector of rows shares its centre, as tiles sorted by it
      // do.
      int[] order =
          IntStream.range(0, n)
              .boxed()
              .sorted((a, b) -> Integer.compare(labels[a], labels[b]))
              .mapToInt(Integer::intValue)
              .toArray();
      long[] pairs = new long[PARTIAL_COLUMNS.length];
      long[] vectors = new long[PARTIAL_COLUMNS.length];
      int vectorCount = (n + LANES - 1) / LANES;
      long[][] perVector =
          IntStream.range(0, vectorCount)
              .parallel()
              .mapToObj(
                  v -> {
                    long[] counts = new long[2 * PARTIAL_COLUMNS.length];
                    boolean[][] any = new boolean[PARTIAL_COLUMNS.length][k];
                    for (int i = v * LANES; i < Math.min(n, (v + 1) * LANES); i++) {
                      int row = order[i];
                      int offset = row * d;
                      double best = Double.POSITIVE_INFINITY;
                      double second = Double.POSITIVE_INFINITY;
                      int nearest = -1;
                      double own =
                          first
                              ? Double.POSITIVE_INFINITY
                              : squared(x, offset, centres, labels[row] * d, d, d, null);
                      for (int c = 0; c < k; c++) {
                        double s = squared(x, offset, centres, c * d, d, d, null);
                        if (s < best) {
                          second = best;
                          best = s;
                          nearest = c;
                        } else if (s < second) {
                          second = s;
                        }
                        for (int p = 0; p < PARTIAL_COLUMNS.length; p++) {
                          if (first
                              || squared(x, offset, centres, c * d, d, PARTIAL_COLUMNS[p], columns)
                                  <= own) {
                            counts[p]++;
                            any[p][c] = true;
                          }
                        }
                      }
                      next[row] = nearest;
                      nearestDistance[row] = Math.sqrt(best);
                      secondDistance[row] = Math.sqrt(second);
                    }
                    for (int p = 0; p < PARTIAL_COLUMNS.length; p++) {
                      for (boolean needed : any[p]) {
                        counts[PARTIAL_COLUMNS.length + p] += needed ? 1 : 0;
                      }
                    }
                    return counts;
                  })
              .toArray(long[][]::new);
      for (long[] counts : perVector) {
        for (int p = 0; p < PARTIAL_COLUMNS.length; p++) {
          pairs[p] += counts[p];
          vectors[p] += counts[PARTIAL_COLUMNS.length + p];
        }
      }
      if (!first) {
        hamerly.append(hamerlyRow(pass, x, centres, labels, upper, lower, columns, n, d, k));
      }
      long changed = IntStream.range(0, n).filter(i -> first || next[i] != labels[i]).count();
      System.out.printf(Locale.ROOT, "| %d | %,d |", pass, changed);
      for (int p = 0; p < PARTIAL_COLUMNS.length; p++) {
        System.out.printf(
            Locale.ROOT,
            " %.3f | %.3f |",
            pairs[p] / ((double) n * k),
            vectors[p] / ((double) vectorCount * k));
      }
      System.out.println();
      System.arraycopy(next, 0, labels, 0, n);
      if (!first && changed == 0) {
        break;
      }
      double[] before = centres.clone();
      updateMeans(x, labels, centres, k, d);
      double[] drift = new double[k];
      double largest = 0;
      for (int c = 0; c < k; c++) {
        drift[c] = Math.sqrt(squared(before, c * d, centres, c * d, d, d, null));
        largest = Math.max(largest, drift[c]);
      }
      for (int row = 0; row < n; row++) {
        upper[row] = nearestDistance[row] + drift[labels[row]];
        lower[row] = secondDistance[row] - largest;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nWith Hamerly's tests first (the bound and half the distance to the nearest other"
            + " centre), the partial test on the %d columns of most spread for the rows they"
            + " keep; cost in full passes of the kernel, %d columns of the rows kept and the rest"
            + " of the vectors left%n%n| pass | rows Hamerly computes | pairs left | vectors left |"
            + " cost | Hamerly's cost |%n|---:|---:|---:|---:|---:|---:|%n%s",
        HAMERLY_PARTIAL,
        HAMERLY_PARTIAL,
        hamerly);
  }

  /**
   * One pass of Hamerly's tests from the bounds of the pass before, then the partial test on the
   * rows they keep, in order of their centre, in vectors of {@link #LANES}: a table row.
   */
  private static String hamerlyRow(
      int pass,
      double[] x,
      double[] centres,
      int[] labels,
      double[] upper,
      double[] lower,
      int[] columns,
      int n,
      int d,
      int k) {
    double[] half = new double[k];
    Arrays.fill(half, Double.POSITIVE_INFINITY);
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        double distance = Math.sqrt(squared(centres, a * d, centres, b * d, d, d, null)) / 2;
        half[a] = Math.min(half[a], distance);
        half[b] = Math.min(half[b], distance);
      }
    }
    int[] kept =
        IntStream.range(0, n)
            .filter(
                row -> {
                  double bound = Math.max(lower[row], half[labels[row]]);
                  if (bound >= upper[row]) {
                    return false;
                  }
                  double own = Math.sqrt(squared(x, row * d, centres, labels[row] * d, d, d, null));
                  return bound < own;
                })
            .boxed()
            .sorted((a, b) -> Integer.compare(labels[a], labels[b]))
            .mapToInt(Integer::intValue)
            .toArray();
    int vectorCount = (kept.length + LANES - 1) / LANES;
    long[] counts =
        IntStream.range(0, vectorCount)
            .parallel()
            .mapToObj(
                v -> {
                  long[] own = new long[2];
                  boolean[] any = new boolean[k];
                  for (int i = v * LANES; i < Math.min(kept.length, (v + 1) * LANES); i++) {
                    int row = kept[i];
                    double threshold = squared(x, row * d, centres, labels[row] * d, d, d, null);
                    for (int c = 0; c < k; c++) {
                      if (squared(x, row * d, centres, c * d, d, HAMERLY_PARTIAL, columns)
                          <= threshold) {
                        own[0]++;
                        any[c] = true;
                      }
                    }
                  }
                  for (boolean needed : any) {
                    own[1] += needed ? 1 : 0;
                  }
                  return own;
                })
            .reduce(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
    double keptShare = kept.length / (double) n;
    double cost =
        keptShare * HAMERLY_PARTIAL / d
            + counts[1] * (double) LANES * (d - HAMERLY_PARTIAL) / ((double) n * k * d);
    return String.format(
        Locale.ROOT,
        "| %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
        pass,
        keptShare,
        counts[0] / ((double) n * k),
        counts[1] / ((double) (n + LANES - 1) / LANES * k),
        cost,
        keptShare);
  }

  /** The columns in order of the centres' variance along them, largest first. */
  private static int[] bySpread(double[] centres, int k, int d) {
    double[] variance = new double[d];
    for (int j = 0; j < d; j++) {
      double sum = 0;
      double squares = 0;
      for (int c = 0; c < k; c++) {
        double v = centres[c * d + j];
        sum += v;
        squares += v * v;
      }
      variance[j] = squares / k - (sum / k) * (sum / k);
    }
    return IntStream.range(0, d)
        .boxed()
        .sorted((a, b) -> Double.compare(variance[b], variance[a]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** The squared distance over the first {@code m} of {@code columns} (all d when null). */
  private static double squared(
      double[] x, int offset, double[] centres, int centre, int d, int m, int[] columns) {
    double sum = 0;
    for (int i = 0; i < m; i++) {
      int j = columns == null ? i : columns[i];
      double diff = x[offset + j] - centres[centre + j];
      sum += diff * diff;
    }
    return sum;
  }

  private static void updateMeans(double[] x, int[] labels, double[] centres, int k, int d) {
    double[] sums = new double[k * d];
    long[] counts = new long[k];
    for (int row = 0; row < labels.length; row++) {
      counts[labels[row]]++;
      for (int j = 0; j < d; j++) {
        sums[labels[row] * d + j] += x[row * d + j];
      }
    }
    for (int c = 0; c < k; c++) {
      if (counts[c] > 0) {
        for (int j = 0; j < d; j++) {
          centres[c * d + j] = sums[c * d + j] / counts[c];
        }
      }
    }
  }
}
