package io.github.fastkmeans.bench;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.KMeansSettings;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Engine fit times of the assignment algorithms on the large-k sets of issue 15, for the rule of
 * {@code auto}: wall and process CPU time (all threads of the JVM, so JIT and GC too) of one fit
 * from the first k rows, with a fixed number of iterations, interleaved algorithm by algorithm and
 * repeated. Arguments: the set (E, K3K, K10K, F, F200K, or the benchmark's own sets as BENCH-A to
 * BENCH-G, F on its first 200,000 rows), with {@code @N} after it for at most N iterations instead
 * of the set's (to convergence when N is large), the threads, the repetitions, then the algorithm
 * ids. Every fit's squared error is printed, so that a differing one would show; with {@code
 * -Dlargek.passes=true} also the wall time of each pass.
 *
 * <p>The sets are Gaussian blobs of standard deviation 1 around centres drawn uniformly in a cube:
 * E 200,000 x 32 with 1,000 centres in [-10, 10]^32, k = 1,000, 10 iterations; K10K 100,000 x 32
 * with 10,000 centres in [-10, 10]^32, k = 10,000, 5 iterations (K3K: 3,000 centres, k = 3,000); F
 * 1,000,000 x 64 (F200K: 200,000) with 256 centres in [-1, 1]^64, so the blobs overlap, k = 256, 10
 * iterations.
 */
public final class LargeKTime {

  private LargeKTime() {}

  /**
   * One set: its size, its true centres' spread and the fit's k and iterations; {@code benchmark}
   * is the benchmark's own set it is, generated once, or null for this module's own kind.
   */
  private record LargeKSet(
      int rows, int columns, int blobs, double halfWidth, int iterations, Dataset benchmark) {

    /** Blobs of this module's own kind (not the benchmark's). */
    LargeKSet(int rows, int columns, int blobs, double halfWidth, int iterations) {
      this(rows, columns, blobs, halfWidth, iterations, null);
    }

    static LargeKSet named(String name) {
      String upper = name.toUpperCase(Locale.ROOT);
      if (upper.startsWith("BENCH-")) {
        return benchmarks(upper.substring("BENCH-".length()));
      }
      switch (upper) {
        case "E":
          return new LargeKSet(200_000, 32, 1000, 10, 10);
        case "K3K":
          return new LargeKSet(100_000, 32, 3000, 10, 5);
        case "K10K":
          return new LargeKSet(100_000, 32, 10_000, 10, 5);
        case "F":
          return new LargeKSet(1_000_000, 64, 256, 1, 10);
        case "F200K":
          return new LargeKSet(200_000, 64, 256, 1, 10);
        default:
          throw new IllegalArgumentException("Unknown set " + name);
      }
    }

    /** The benchmark's set {@code name} (A-G), F on its first 200,000 rows. */
    static LargeKSet benchmarks(String name) {
      Dataset set = Datasets.synthetic(name, false);
      if (set == null) {
        throw new IllegalArgumentException("Unknown benchmark set " + name);
      }
      int rows = name.equals("F") ? 200_000 : set.rows;
      return new LargeKSet(rows, set.columns, set.k, 0, set.iterations, set);
    }

    /** The set named {@code name}, its iterations replaced by N where the name ends in @N. */
    static LargeKSet parse(String name) {
      int at = name.indexOf('@');
      if (at < 0) {
        return named(name);
      }
      LargeKSet set = named(name.substring(0, at));
      int iterations = Integer.parseInt(name.substring(at + 1));
      return new LargeKSet(
          set.rows, set.columns, set.blobs, set.halfWidth, iterations, set.benchmark);
    }

    DataMatrix generate() {
      if (benchmark != null) {
        double[] values = benchmark.values;
        return DataMatrix.of(rows, columns, Arrays.copyOf(values, rows * columns));
      }
      Random random = new Random(15L * rows + columns + blobs);
      double[] centres = new double[blobs * columns];
      for (int i = 0; i < centres.length; i++) {
        centres[i] = (2 * random.nextDouble() - 1) * halfWidth;
      }
      double[] values = new double[rows * columns];
      for (int row = 0; row < rows; row++) {
        int blob = random.nextInt(blobs);
        for (int j = 0; j < columns; j++) {
          values[row * columns + j] = centres[blob * columns + j] + random.nextGaussian();
        }
      }
      return DataMatrix.of(rows, columns, values);
    }
  }

  /** Each pass's wall time in milliseconds, one decimal, separated by spaces. */
  private static String passMillis(long[] nanos) {
    StringBuilder line = new StringBuilder();
    for (long pass : nanos) {
      line.append(String.format(Locale.ROOT, "%.1f ", pass / 1e6));
    }
    return line.toString().trim();
  }

  /** Prints one line per fit, and each pass's time with {@code -Dlargek.passes=true}. */
  public static void main(String[] args) throws Exception {
    LargeKSet set = LargeKSet.parse(args[0]);
    int threads = Integer.parseInt(args[1]);
    int repetitions = Integer.parseInt(args[2]);
    Algorithm[] algorithms =
        Arrays.stream(args, 3, args.length).map(Algorithm::fromId).toArray(Algorithm[]::new);
    DataMatrix data = set.generate();
    int k = set.blobs();
    double[] start = Arrays.copyOf(data.values(), k * set.columns());
    KMeansSettings settings =
        KMeansSettings.DEFAULTS
            .withThreads(threads)
            .withMaxIterations(set.iterations())
            .withTolerance(0)
            .withElkanBudgetBytes(8L << 30);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(
        Locale.ROOT,
        "%s: %d x %d, k = %d, %d iterations, %d threads%n",
        args[0],
        data.rows(),
        data.columns(),
        k,
        set.iterations(),
        threads);
    for (int repetition = 0; repetition < repetitions; repetition++) {
      for (Algorithm algorithm : algorithms) {
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        KMeansResult result = new KMeans(settings.withAlgorithm(algorithm)).fit(data, start);
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "run %d %-9s wall %7.3f s  cpu %7.3f s  iterations %d  distances %.3f  error %.10e%n",
            repetition,
            algorithm.id(),
            wallSeconds,
            cpuSeconds,
            result.iterations(),
            result.distanceRatio(),
            result.squaredError());
        if (Boolean.getBoolean("largek.passes")) {
          System.out.println("  pass ms: " + passMillis(result.iterationNanos()));
          System.out.println("  distances: " + passShares(result));
        }
      }
    }
  }

  /** Each pass's distances as a share of a full pass's, rows times k. */
  private static String passShares(KMeansResult result) {
    double full = (double) result.rows() * result.k();
    StringBuilder text = new StringBuilder();
    for (long computed : result.distanceComputations()) {
      text.append(String.format(Locale.ROOT, "%.2f ", computed / full));
    }
    return text.toString().trim();
  }
}
