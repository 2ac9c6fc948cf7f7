package io.github.fastkmeans.bench;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.quality.ClusterSpread;
import java.util.Locale;
import java.util.Random;

/**
 * The model's per-cluster spread ({@link ClusterSpread#of}) alone, on uniform rows whose labels are
 * drawn uniformly among k clusters (as the rows of an unordered file fall into them), on 1 and on
 * the given threads, taking turns. The fastest of {@code repeats} counts; for figures free of the
 * heap's growth, run with {@code -Xms} as large as {@code -Xmx} and {@code -XX:+AlwaysPreTouch}.
 *
 * <pre>
 * java -Xmx14g -Xms14g -XX:+AlwaysPreTouch -cp "$(cat target/bench-classpath.txt)" \
 *     io.github.fastkmeans.bench.SpreadTime rows columns k threads [repeats]
 * </pre>
 */
public final class SpreadTime {

  private SpreadTime() {}

  /** Times the spread on the shape the arguments give. */
  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[0]);
    int columns = Integer.parseInt(args[1]);
    int k = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 10;
    Random random = new Random(1);
    double[] values = new double[Math.multiplyExact(rows, columns)];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble() * 100;
    }
    int[] labels = new int[rows];
    for (int row = 0; row < rows; row++) {
      labels[row] = random.nextInt(k);
    }
    DataMatrix data = DataMatrix.of(rows, columns, values, null);
    int[] threadCounts = {1, threads};
    long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
    double[] checks = new double[2];
    for (int repeat = 0; repeat < repeats; repeat++) {
      for (int t = 0; t < 2; t++) {
        try (ChunkRunner runner = new ChunkRunner(threadCounts[t])) {
          long start = System.nanoTime();
          ClusterSpread spread = ClusterSpread.of(data, labels, k, runner);
          best[t] = Math.min(best[t], System.nanoTime() - start);
          checks[t] = spread.clusterDeviation(k - 1, columns - 1);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "spread of %d x %d, k = %d: %.1f ms on 1 thread, %.1f ms on %d (fastest of %d)"
            + ", same deviations: %b%n",
        rows,
        columns,
        k,
        best[0] / 1e6,
        best[1] / 1e6,
        threads,
        repeats,
        checks[0] == checks[1]);
  }
}
