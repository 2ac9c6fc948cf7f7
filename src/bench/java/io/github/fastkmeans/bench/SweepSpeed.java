package io.github.fastkmeans.bench;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.KMeansSettings;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * GFLOP/s of the brute-force assignment sweep (plain Lloyd, every row against every centre; 2 flops
 * per coordinate per row-centre pair) with each kernel, in one run: the Vector API kernel (a child
 * JVM with {@code --add-modules jdk.incubator.vector}), the plain Java kernel (a child JVM without
 * the module) and, when {@code --baseline DIR} names the engine classes of an earlier build, that
 * build's kernel. Each measurement is a fresh child JVM, the kernels taken in a rotating order, so
 * that the machine's other load falls on all of them alike.
 *
 * <p>Sets: F-like (1,000,000 x 64, k = 256, overlapping Gaussian blobs), D-like (50,000 x 128, k =
 * 100), E-like (200,000 x 32, k = 1,000) and G-like (100,000 x 32, k = 10,000). Per measurement:
 * one short warm-up fit, then a fit of {@code --iterations} Lloyd iterations from the same distinct
 * random rows; the rate is the flops of the logged iterations over their wall time, and over the
 * process's CPU time (which other processes on a shared machine do not inflate).
 *
 * <pre>
 * java -cp "$(cat target/bench-classpath.txt)" io.github.fastkmeans.bench.SweepSpeed \
 *     [--baseline DIR] [--repeats 3] [--sets F,D] [--threads 1,2] [--iterations 5]
 * </pre>
 */
public final class SweepSpeed {

  private SweepSpeed() {}

  /** Runs the comparison, or with {@code --child} one measurement (for the parent). */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      return;
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    String baseline = options.get("--baseline");
    int repeats = Integer.parseInt(options.getOrDefault("--repeats", "3"));
    String[] sets = options.getOrDefault("--sets", "F,D").split(",");
    String[] threads = options.getOrDefault("--threads", "1,2").split(",");
    int iterations = Integer.parseInt(options.getOrDefault("--iterations", "5"));
    List<String> kernels = new ArrayList<>(Arrays.asList("vector", "plain"));
    if (baseline != null) {
      kernels.add("baseline");
    }
    System.out.printf(
        Locale.ROOT,
        "%-4s %-8s %-7s %-6s %10s %12s %8s  %s%n",
        "set",
        "kernel",
        "threads",
        "repeat",
        "GFLOP/s",
        "GFLOP/cpu-s",
        "others",
        "kernel named by the result");
    for (int repeat = 0; repeat < repeats; repeat++) {
      for (String set : sets) {
        for (String thread : threads) {
          for (int i = 0; i < kernels.size(); i++) {
            String kernel = kernels.get((i + repeat) % kernels.size());
            String line = runChild(kernel, baseline, set, thread, iterations);
            System.out.printf(
                Locale.ROOT, "%-4s %-8s %-7s %-6d %s%n", set, kernel, thread, repeat + 1, line);
          }
        }
      }
    }
  }

  private static String runChild(
      String kernel, String baseline, String set, String threads, int iterations) throws Exception {
    String engine = codeOf(KMeans.class);
    String bench = codeOf(SweepSpeed.class);
    String classPath =
        kernel.equals("baseline")
            ? baseline + File.pathSeparator + bench
            : engine + File.pathSeparator + bench;
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.add("-Xmx3g");
    if (kernel.equals("vector")) {
      command.add("--add-modules");
      command.add("jdk.incubator.vector");
    }
    command.addAll(
        Arrays.asList(
            "-cp",
            classPath,
            SweepSpeed.class.getName(),
            "--child",
            set,
            threads,
            Integer.toString(iterations)));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String last = "";
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("RESULT ")) {
          last = line.substring("RESULT ".length());
        }
      }
    }
    if (process.waitFor() != 0 || last.isEmpty()) {
      throw new IllegalStateException("The child JVM failed: " + command);
    }
    return last;
  }

  private static String codeOf(Class<?> type) throws Exception {
    return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
  }

  /** Rows, columns, clusters and blob spread of a set. */
  private static int[] shape(String set) {
    switch (set) {
      case "F":
        return new int[] {1_000_000, 64, 256};
      case "D":
        return new int[] {50_000, 128, 100};
      case "E":
        return new int[] {200_000, 32, 1000};
      case "G":
        return new int[] {100_000, 32, 10_000};
      default:
        throw new IllegalArgumentException("Unknown set " + set + "; F, D, E or G.");
    }
  }

  /** Gaussian blobs whose means lie about one standard deviation apart per coordinate. */
  public static DataMatrix blobs(int rows, int columns, int groups, long seed) {
    Random random = new Random(seed);
    double[] means = new double[groups * columns];
    for (int i = 0; i < means.length; i++) {
      means[i] = random.nextGaussian();
    }
    double[] values = new double[rows * columns];
    for (int row = 0; row < rows; row++) {
      int group = random.nextInt(groups);
      for (int j = 0; j < columns; j++) {
        values[row * columns + j] = means[group * columns + j] + random.nextGaussian();
      }
    }
    return DataMatrix.of(rows, columns, values);
  }

  private static void child(String set, int threads, int iterations) throws Exception {
    int[] shape = shape(set);
    int rows = shape[0];
    int columns = shape[1];
    int k = shape[2];
    DataMatrix data = blobs(rows, columns, k, 20_260_512L + columns);
    Random random = new Random(7);
    double[] start = new double[k * columns];
    int[] picked = random.ints(0, rows).distinct().limit(k).toArray();
    for (int c = 0; c < k; c++) {
      System.arraycopy(data.values(), picked[c] * columns, start, c * columns, columns);
    }
    KMeansSettings settings =
        KMeansSettings.DEFAULTS
            .withAlgorithm(Algorithm.LLOYD)
            .withThreads(threads)
            .withTolerance(0);
    // Warm-up, at least 5 s: the JIT compiles the kernel (the vector one in the background, the
    // plain one sweeping meanwhile) before the measured fit, whose result says if it did not.
    long warmUpStart = System.nanoTime();
    do {
      new KMeans(settings.withMaxIterations(2)).fit(data, start);
    } while (System.nanoTime() - warmUpStart < 5_000_000_000L);
    CpuMonitor before = CpuMonitor.snapshot();
    long cpuBefore = processCpuNanos();
    KMeansResult result = new KMeans(settings.withMaxIterations(iterations)).fit(data, start);
    long cpu = processCpuNanos() - cpuBefore;
    double others = before.othersSince(CpuMonitor.snapshot());
    long nanos = 0;
    for (long n : result.iterationNanos()) {
      nanos += n;
    }
    long pairs = 0;
    for (long count : result.distanceComputations()) {
      pairs += count;
    }
    double flops = 2.0 * columns * pairs;
    // The fit ends with one more pass after its last logged iteration when it did not converge.
    double passes = result.iterations() + (result.converged() ? 0 : 1);
    double cpuFlops = 2.0 * columns * (double) rows * k * passes;
    System.out.printf(
        Locale.ROOT,
        "RESULT %10.1f %12.1f %8.2f  %s%n",
        flops / nanos,
        cpuFlops / cpu,
        others,
        kernelOf(result));
  }

  /** The kernel the result names; builds before the kernel was recorded have no such method. */
  private static String kernelOf(KMeansResult result) {
    try {
      return String.valueOf(result.getClass().getMethod("kernel").invoke(result));
    } catch (ReflectiveOperationException e) {
      return "(not recorded by this build: " + e.getClass().getSimpleName() + ")";
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
