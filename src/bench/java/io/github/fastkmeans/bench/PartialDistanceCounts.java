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
 * vector kernel would complete. Nothing is pruned for real: every pass computes all distances.
 *
 * <p>Run: {@code java -cp "$(cat target/bench-classpath.txt)"
 * io.github.fastkmeans.bench.PartialDistanceCounts E}.
 */
public final class PartialDistanceCounts {

  private static final int[] PARTIAL_COLUMNS = {8, 16, 24};
  private static final int LANES = 16; // rows per vector of a 512-bit float kernel
  private static final int THREADS = 2;

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
                      int nearest = -1;
                      double own =
                          first
                              ? Double.POSITIVE_INFINITY
                              : squared(x, offset, centres, labels[row] * d, d, d, null);
                      for (int c = 0; c < k; c++) {
                        double s = squared(x, offset, centres, c * d, d, d, null);
                        if (s < best) {
                          best = s;
                          nearest = c;
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
      updateMeans(x, labels, centres, k, d);
    }
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
