package io.github.fastkmeans.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * scikit-learn's KMeans (Lloyd and Elkan) in a Python subprocess: the data and the shared centres
 * go through temporary files of little-endian float64, {@code KMeans(init=centres, n_init=1,
 * max_iter=m, tol=0)} is fitted after the warm-ups as often as the {@link Plan} allows, and each
 * fit is timed inside Python around {@code fit()} only. sklearn's {@code n_iter_} counts like
 * FastKMeans: m when the limit stopped it, the pass that changed nothing when it converged.
 *
 * <p>OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which some machines set to keep old OpenBLAS builds
 * safe, slow a current numpy down; they are removed together from this subprocess's environment
 * only, and the BLAS kernel that threadpoolctl then reports is recorded.
 */
final class SklearnKMeans implements Contender {

  /** Imports, then prints the versions and the thread pools that threadpoolctl sees. */
  private static final String HEADER =
      String.join(
          "\n",
          "import json, sys, time, warnings, platform",
          "warnings.simplefilter('ignore')",
          "import numpy as np",
          "import sklearn",
          "from sklearn.cluster import KMeans",
          "print('versions', 'sklearn=' + sklearn.__version__, 'numpy=' + np.__version__,",
          "      'python=' + platform.python_version(), flush=True)",
          "try:",
          "    from threadpoolctl import threadpool_info",
          "    for p in threadpool_info():",
          "        print('threadpool', '%s:%s:%s:%s:%s' % (p.get('user_api'), p.get('internal_api'),",
          "              p.get('architecture') or '-', p.get('num_threads'), p.get('version') or '-'), flush=True)",
          "except ImportError:",
          "    print('threadpool', 'threadpoolctl-absent', flush=True)",
          "");

  /** Reads the spec, fits, prints one result line per algorithm and writes its centres. */
  private static final String SCRIPT =
      HEADER
          + String.join(
              "\n",
              "spec = json.load(open(sys.argv[1]))",
              "n, d, k, m = spec['n'], spec['d'], spec['k'], spec['iterations']",
              "X = np.fromfile(spec['data'], dtype='<f8').reshape(n, d)",
              "C0 = np.fromfile(spec['start'], dtype='<f8').reshape(k, d)",
              "def fit(algo, iterations):",
              "    km = KMeans(n_clusters=k, init=C0.copy(), n_init=1, max_iter=iterations, tol=0.0, algorithm=algo)",
              "    t0 = time.perf_counter()",
              "    km.fit(X)",
              "    return km, time.perf_counter() - t0",
              "for algo in spec['algorithms']:",
              "    for w in range(spec['warmups']):",
              "        fit(algo, spec['warmup_iterations'])",
              "    times = []",
              "    while len(times) < spec['runs'] and (not times or sum(times) + times[-1] <= spec['budget']):",
              "        km, t = fit(algo, m)",
              "        times.append(t)",
              "    np.ascontiguousarray(km.cluster_centers_, dtype='<f8').tofile(spec['out'] + algo + '.bin')",
              "    print('result', algo, int(km.n_iter_), ' '.join(repr(t) for t in times), flush=True)",
              "");

  private final String python;
  private final List<String> algorithms;
  private final Path workDir;

  /** Filled by {@link #probe()}: versions and thread pools, for the report. */
  private final List<String> environment = new ArrayList<>();

  SklearnKMeans(String python, List<String> algorithms, Path workDir) {
    this.python = python;
    this.algorithms = algorithms;
    this.workDir = workDir;
  }

  @Override
  public String id() {
    return "sklearn";
  }

  /**
   * What the Python process reported about itself, e.g. "scikit-learn 1.2.1 (numpy 1.24.2, Python
   * 3.11.2; threadpoolctl: openblas 0.3.21 kernel Cooperlake 2 threads, openmp 2 threads)".
   */
  String describe() {
    String versions = "";
    List<String> pools = new ArrayList<>();
    for (String line : environment) {
      String[] f = line.split("\\s+");
      if (f[0].equals("versions")) {
        StringBuilder v = new StringBuilder();
        for (int i = 1; i < f.length; i++) {
          v.append(i > 1 ? " " : "").append(f[i].replace('=', ' '));
        }
        versions = v.toString();
      } else if (f[0].equals("threadpool") && f.length > 1) {
        String[] p = f[1].split(":");
        if (p.length < 5) {
          pools.add(f[1]);
        } else {
          pools.add(
              p[1]
                  + (p[4].equals("-") ? "" : " " + p[4])
                  + (p[2].equals("-") ? "" : " kernel " + p[2])
                  + " "
                  + p[3]
                  + " threads");
        }
      }
    }
    return versions.replaceFirst("^sklearn", "scikit-learn")
        + "; threadpoolctl: "
        + (pools.isEmpty() ? "nothing" : String.join(", ", pools));
  }

  /**
   * Which of OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE this JVM's environment has (and removes for
   * Python).
   */
  static String openBlasVariables() {
    StringBuilder sb = new StringBuilder();
    for (String name : List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")) {
      String value = System.getenv(name);
      if (value != null) {
        sb.append(sb.length() == 0 ? "" : ", ").append(name).append('=').append(value);
      }
    }
    return sb.length() == 0 ? "neither was set" : sb + " (removed for the sklearn subprocess)";
  }

  /**
   * Checks that {@code python} can import scikit-learn and reads its versions and thread pools into
   * the environment that {@link #describe()} reports; returns null if it can, otherwise the reason.
   */
  String probe() {
    try {
      Process p = start(List.of(python, "-c", HEADER));
      String out = read(p.getInputStream());
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return python + " did not answer within 2 minutes";
      }
      if (p.exitValue() != 0) {
        return python + " cannot import sklearn: " + lastLine(out);
      }
      for (String line : out.split("\n")) {
        if (line.startsWith("versions") || line.startsWith("threadpool")) {
          environment.add(line.trim());
        }
      }
      return null;
    } catch (IOException e) {
      return python + " cannot be started: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  @Override
  public List<Measurement> measure(Dataset data, double[] start, Plan plan) throws Exception {
    Path dataFile = workDir.resolve(data.name + "-data.f64");
    Path startFile = workDir.resolve(data.name + "-start.f64");
    Path specFile = workDir.resolve(data.name + "-spec.json");
    Path scriptFile = workDir.resolve("sklearn_kmeans.py");
    String out = workDir.resolve(data.name + "-centres-").toString();
    writeDoubles(dataFile, data.values);
    writeDoubles(startFile, start);
    Files.writeString(scriptFile, SCRIPT);
    StringBuilder algos = new StringBuilder();
    for (String a : algorithms) {
      algos.append(algos.length() == 0 ? "" : ", ").append('"').append(a).append('"');
    }
    Files.writeString(
        specFile,
        String.format(
            "{\"n\": %d, \"d\": %d, \"k\": %d, \"iterations\": %d, \"warmups\": %d,"
                + " \"warmup_iterations\": %d, \"runs\": %d, \"budget\": %s, \"data\": \"%s\","
                + " \"start\": \"%s\", \"out\": \"%s\", \"algorithms\": [%s]}",
            data.rows,
            data.columns,
            data.k,
            data.iterations,
            plan.warmups,
            plan.warmupIterations(data),
            plan.runs,
            Double.toString(plan.budgetSeconds),
            json(dataFile.toString()),
            json(startFile.toString()),
            json(out),
            algos));
    List<Measurement> rows = new ArrayList<>();
    // scikit-learn uses every core through OpenMP (threadpoolctl's report is in the header).
    String threads = Integer.toString(Runtime.getRuntime().availableProcessors());
    try {
      CpuMonitor cpu = CpuMonitor.snapshot();
      Process p = start(List.of(python, scriptFile.toString(), specFile.toString()));
      String output = read(p.getInputStream());
      p.waitFor();
      // The whole subprocess (with data loading and warm-ups): the timed fits are most of it.
      double others = cpu.othersSince(CpuMonitor.snapshot());
      for (String line : output.split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f[0].equals("result") && f.length >= 3) {
          String algo = f[1];
          int nIter = Integer.parseInt(f[2]);
          List<Double> seconds = new ArrayList<>();
          for (int i = 3; i < f.length; i++) {
            seconds.add(Double.parseDouble(f[i]));
          }
          double[] centres = readDoubles(Path.of(out + algo + ".bin"));
          Measurement m =
              new Measurement(
                  "scikit-learn",
                  algo,
                  threads,
                  seconds,
                  nIter,
                  nIter < data.iterations,
                  centres,
                  null);
          m.othersCpu = others;
          rows.add(m);
        }
      }
      if (p.exitValue() != 0 || rows.size() < algorithms.size()) {
        String reason = "Python exited with " + p.exitValue() + ": " + lastLine(output);
        for (String a : algorithms) {
          if (rows.stream().noneMatch(r -> r.algorithm.equals(a))) {
            rows.add(Measurement.failed("scikit-learn", a, threads, "FAILED: " + reason));
          }
        }
      }
    } finally {
      Files.deleteIfExists(dataFile);
    }
    return rows;
  }

  private static Process start(List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    // Together, in this subprocess only (see the class comment).
    env.remove("OPENBLAS_CORETYPE");
    env.remove("OPENBLAS_L2_SIZE");
    return pb.start();
  }

  private static String read(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String lastLine(String text) {
    String[] lines = text.trim().split("\n");
    return lines.length == 0 ? "" : lines[lines.length - 1].trim();
  }

  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static void writeDoubles(Path file, double[] values) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asDoubleBuffer().put(values);
    try (FileChannel ch =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
    }
  }

  private static double[] readDoubles(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    double[] values = new double[bytes.length / 8];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
    return values;
  }
}
