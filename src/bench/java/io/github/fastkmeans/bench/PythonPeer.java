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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A k-means peer that runs in a Python subprocess: scikit-learn's {@code KMeans} (Lloyd and Elkan,
 * float64, {@code init} = the shared centres, {@code n_init=1}, {@code max_iter} = the set's
 * iterations, {@code tol=0}) or FAISS's {@code Kmeans} (float32, {@code init_centroids} = the
 * shared centres, {@code niter} = the set's iterations, no subsampling, not spherical, a fixed
 * seed). The data and the centres go through temporary files of little-endian float64; each fit is
 * timed inside Python around {@code fit()} / {@code train()} only, after the warm-ups, as often as
 * the {@link Plan} allows, with the thread pools limited to the benchmark's thread count
 * (threadpoolctl, and {@code faiss.omp_set_num_threads}).
 *
 * <p>Each peer runs once per {@link KernelSetting}: with the OpenBLAS kernel the library picks
 * itself and, when this JVM's environment forces one with OPENBLAS_CORETYPE, with that one. Per
 * algorithm the run with the lower median counts; the kernel each run used (threadpoolctl's report
 * of the library's own OpenBLAS) is recorded.
 *
 * <p>FAISS computes in float32 and replaces an empty cluster by splitting a large one, so its final
 * centres are not FastKMeans' to 1e-6: it is compared by time only.
 */
final class PythonPeer implements Contender {

  /** A library run in Python, with what the benchmark needs to know of it. */
  enum Library {
    /**
     * scikit-learn's KMeans; its BLAS calls go through SciPy's OpenBLAS (in the wheel's scipy.libs;
     * numpy's own, whose file name also says scipy_openblas, is another library).
     */
    SKLEARN("sklearn", "scikit-learn", List.of("lloyd", "elkan"), "float64", "scipy.libs", false),
    /** FAISS's Kmeans in float32; it bundles an OpenBLAS of its own. */
    FAISS("faiss", "FAISS", List.of("float32"), "float32", "faiss", true);

    /** The module the script imports, and the id's first word. */
    final String module;

    /** The system's name in the tables. */
    final String system;

    /** The algorithms the script can run. */
    final List<String> algorithms;

    /** The numpy type the data are given in. */
    final String dtype;

    /** A word of the path of the OpenBLAS library this library computes with. */
    final String blasPath;

    /** Whether its results are compared by time only (not by SSE and iterations). */
    final boolean timeOnly;

    Library(
        String module,
        String system,
        List<String> algorithms,
        String dtype,
        String blasPath,
        boolean timeOnly) {
      this.module = module;
      this.system = system;
      this.algorithms = algorithms;
      this.dtype = dtype;
      this.blasPath = blasPath;
      this.timeOnly = timeOnly;
    }

    /** The id of one of its algorithms for --systems: "sklearn-lloyd", "faiss". */
    String id(String prefix, String algorithm) {
      return algorithms.size() == 1 ? prefix : prefix + "-" + algorithm;
    }
  }

  /** How OpenBLAS chooses its kernel in one run of a peer. */
  enum KernelSetting {
    /** OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed: OpenBLAS detects the CPU itself. */
    OWN,
    /** The JVM's environment as it is, with its OPENBLAS_CORETYPE. */
    FORCED;

    /** "own choice" or "OPENBLAS_CORETYPE=Haswell". */
    String label() {
      return this == OWN ? "own choice" : "OPENBLAS_CORETYPE=" + System.getenv(CORETYPE);
    }

    /**
     * Those of {@code wanted} that differ here: FORCED only when the environment forces a kernel
     * (else it is OWN again); OWN when none of them is left.
     */
    static List<KernelSetting> available(List<KernelSetting> wanted) {
      List<KernelSetting> out = new ArrayList<>(wanted);
      if (System.getenv(CORETYPE) == null) {
        out.remove(FORCED);
      }
      return out.isEmpty() ? List.of(OWN) : List.copyOf(out);
    }

    /** The setting named "own" or "forced" (case-insensitive). */
    static KernelSetting of(String name) {
      for (KernelSetting s : values()) {
        if (s.name().equalsIgnoreCase(name)) {
          return s;
        }
      }
      throw new IllegalArgumentException("Unknown kernel setting " + name + "; known: own, forced");
    }
  }

  private static final String CORETYPE = "OPENBLAS_CORETYPE";

  /** scikit-learn's Elkan is left out where its n x k bounds would take more than this. */
  static final long ELKAN_MAX_BYTES = 2L << 30;

  /** The seed FAISS is given (it draws nothing when given its centres and not subsampling). */
  private static final int FAISS_SEED = 1234;

  /** Fits as the spec says; prints versions, one result line per algorithm, the thread pools. */
  private static final String SCRIPT =
      String.join(
          "\n",
          "import json, sys, time, warnings, platform",
          "warnings.simplefilter('ignore')",
          "import numpy as np",
          "spec = json.load(open(sys.argv[1]))",
          "library, threads = spec['library'], spec['threads']",
          "try:",
          "    from threadpoolctl import threadpool_info, threadpool_limits",
          "except ImportError:",
          "    threadpool_info = threadpool_limits = None",
          "if library == 'sklearn':",
          "    import sklearn",
          "    from sklearn.cluster import KMeans",
          "    version = sklearn.__version__",
          "else:",
          "    import faiss",
          "    version = faiss.__version__",
          "    faiss.omp_set_num_threads(threads)",
          "print('versions', library + '=' + version, 'numpy=' + np.__version__, 'python=' + platform.python_version(), flush=True)",
          "limits = threadpool_limits(limits=threads) if threadpool_limits else None",
          "def fit(X, C0, algo, iterations):",
          "    n, d = X.shape",
          "    k = C0.shape[0]",
          "    if library == 'sklearn':",
          "        km = KMeans(n_clusters=k, init=C0.copy(), n_init=1, max_iter=iterations, tol=0.0, algorithm=algo)",
          "        t0 = time.perf_counter()",
          "        km.fit(X)",
          "        return km.cluster_centers_, int(km.n_iter_), time.perf_counter() - t0",
          "    km = faiss.Kmeans(d, k, niter=iterations, nredo=1, verbose=False, spherical=False, seed=spec['seed'],",
          "                      max_points_per_centroid=n, min_points_per_centroid=1)",
          "    t0 = time.perf_counter()",
          "    km.train(X, init_centroids=C0)",
          "    return km.centroids, iterations, time.perf_counter() - t0",
          "if spec.get('probe'):",
          "    rng = np.random.default_rng(0)",
          "    X = rng.random((2000, 8))",
          "    fit(X.astype(spec['dtype']), X[:4].astype(spec['dtype']), spec['algorithms'][0], 2)",
          "else:",
          "    n, d, k, m = spec['n'], spec['d'], spec['k'], spec['iterations']",
          "    X = np.fromfile(spec['data'], dtype='<f8').reshape(n, d).astype(spec['dtype'])",
          "    C0 = np.fromfile(spec['start'], dtype='<f8').reshape(k, d).astype(spec['dtype'])",
          "    for algo in spec['algorithms']:",
          "        for w in range(spec['warmups']):",
          "            fit(X, C0, algo, spec['warmup_iterations'])",
          "        times = []",
          "        while len(times) < spec['runs'] and (not times or sum(times) + times[-1] <= spec['budget']):",
          "            centres, n_iter, t = fit(X, C0, algo, m)",
          "            times.append(t)",
          "        np.ascontiguousarray(centres, dtype='<f8').tofile(spec['out'] + algo + '.bin')",
          "        print('result', algo, n_iter, ' '.join(repr(t) for t in times), flush=True)",
          "for p in (threadpool_info() if threadpool_info else []):",
          "    print('threadpool', p.get('user_api'), p.get('internal_api'), p.get('version') or '-',",
          "          p.get('architecture') or '-', p.get('num_threads'), p.get('filepath'), flush=True)",
          "");

  private final String python;
  private final Library library;
  private final String system;
  private final String idPrefix;
  private final List<String> algorithms;
  private final int threads;
  private final Path workDir;
  private final List<KernelSetting> settings;

  /** Filled by {@link #probe()}: the versions line. */
  private String versions = "";

  /** Filled by {@link #probe()}: the kernel seen under each setting. */
  private final Map<KernelSetting, String> probedKernels = new LinkedHashMap<>();

  /**
   * A peer run by {@code python}, named {@code system} in the tables and {@code idPrefix} in ids,
   * running {@code algorithms} (a subset of the library's) on {@code threads} threads, once under
   * each of the {@code kernels} that differ here.
   */
  PythonPeer(
      String python,
      Library library,
      String system,
      String idPrefix,
      List<String> algorithms,
      int threads,
      List<KernelSetting> kernels,
      Path workDir) {
    this.python = python;
    this.library = library;
    this.system = system;
    this.idPrefix = idPrefix;
    this.algorithms = List.copyOf(algorithms);
    this.threads = threads;
    this.workDir = workDir;
    this.settings = KernelSetting.available(kernels);
  }

  @Override
  public String id() {
    return idPrefix;
  }

  /** The library's version as its Python reports it ("1.9.1"), or "" before {@link #probe()}. */
  String version() {
    for (String field : versions.split("\\s+")) {
      if (field.startsWith(library.module + "=")) {
        return field.substring(library.module.length() + 1);
      }
    }
    return "";
  }

  /**
   * For the report's header, e.g. "scikit-learn 1.9.1 (numpy 2.4.6, Python 3.11.7): openblas 0.3.30
   * SkylakeX (own choice), openblas 0.3.30 Haswell (OPENBLAS_CORETYPE=Haswell); 2 threads".
   */
  String describe() {
    StringBuilder sb = new StringBuilder(system).append(' ').append(version()).append(" (");
    String sep = "";
    for (String field : versions.split("\\s+")) {
      if (field.contains("=") && !field.startsWith(library.module + "=")) {
        sb.append(sep).append(field.replace('=', ' '));
        sep = ", ";
      }
    }
    sb.append(", ").append(python).append("): ");
    sep = "";
    for (Map.Entry<KernelSetting, String> e : probedKernels.entrySet()) {
      sb.append(sep).append(e.getValue()).append(" (").append(e.getKey().label()).append(')');
      sep = ", ";
    }
    return sb.append("; ").append(threads).append(" threads").toString();
  }

  /**
   * Checks that the Python runs the library (a tiny fit under every kernel setting) and records its
   * versions and kernels for {@link #describe()}; returns null if it does, otherwise the reason.
   */
  String probe() {
    try {
      Path script = script();
      for (KernelSetting setting : settings) {
        Path spec = workDir.resolve(idPrefix + "-probe.json");
        Files.writeString(
            spec,
            String.format(
                Locale.ROOT,
                "{\"library\": \"%s\", \"threads\": %d, \"seed\": %d, \"probe\": true, \"dtype\":"
                    + " \"%s\", \"algorithms\": [\"%s\"]}",
                library.module,
                threads,
                FAISS_SEED,
                library.dtype,
                library.algorithms.get(0)));
        Process p = start(List.of(python, script.toString(), spec.toString()), setting);
        String out = read(p.getInputStream());
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          return python + " did not answer within 5 minutes";
        }
        if (p.exitValue() != 0) {
          return python + " cannot run " + library.system + ": " + lastLine(out);
        }
        for (String line : out.split("\n")) {
          if (line.startsWith("versions ")) {
            versions = line.substring("versions ".length()).trim();
          }
        }
        probedKernels.put(setting, ThreadPools.kernel(out, library.blasPath));
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
    List<String> run = new ArrayList<>();
    List<Measurement> skipped = new ArrayList<>();
    for (String a : algorithms) {
      long bounds = 8L * data.rows * data.k;
      if (a.equals("elkan") && bounds > ELKAN_MAX_BYTES) {
        Measurement m =
            Measurement.skipped(
                system,
                a,
                Integer.toString(threads),
                String.format(
                    Locale.ROOT,
                    "skipped: Elkan's n x k bounds would take %.1f GiB (more than %d GiB)",
                    bounds / (double) (1L << 30),
                    ELKAN_MAX_BYTES >> 30));
        skipped.add(m);
      } else {
        run.add(a);
      }
    }
    List<Measurement> rows = new ArrayList<>();
    if (!run.isEmpty()) {
      Path dataFile = workDir.resolve(idPrefix + "-" + data.name + "-data.f64");
      Path startFile = workDir.resolve(idPrefix + "-" + data.name + "-start.f64");
      try {
        writeDoubles(dataFile, data.values);
        writeDoubles(startFile, start);
        Map<String, List<KernelRun>> byAlgorithm = new LinkedHashMap<>();
        for (KernelSetting setting : settings) {
          for (KernelRun r : runOnce(data, plan, run, setting, dataFile, startFile)) {
            byAlgorithm.computeIfAbsent(r.algorithm, a -> new ArrayList<>()).add(r);
          }
        }
        for (String a : run) {
          rows.add(KernelRun.best(byAlgorithm.getOrDefault(a, List.of())).measurement);
        }
      } finally {
        Files.deleteIfExists(dataFile);
        Files.deleteIfExists(startFile);
      }
    }
    rows.addAll(skipped);
    return rows;
  }

  /** One subprocess under one kernel setting: a {@link KernelRun} per algorithm. */
  private List<KernelRun> runOnce(
      Dataset data,
      Plan plan,
      List<String> run,
      KernelSetting setting,
      Path dataFile,
      Path startFile)
      throws IOException, InterruptedException {
    Path specFile = workDir.resolve(idPrefix + "-" + data.name + "-spec.json");
    String out = workDir.resolve(idPrefix + "-" + data.name + "-centres-").toString();
    StringBuilder algos = new StringBuilder();
    for (String a : run) {
      algos.append(algos.length() == 0 ? "" : ", ").append('"').append(a).append('"');
    }
    Files.writeString(
        specFile,
        String.format(
            Locale.ROOT,
            "{\"library\": \"%s\", \"threads\": %d, \"seed\": %d, \"dtype\": \"%s\", \"n\": %d,"
                + " \"d\": %d, \"k\": %d, \"iterations\": %d, \"warmups\": %d,"
                + " \"warmup_iterations\": %d, \"runs\": %d, \"budget\": %s, \"data\": \"%s\","
                + " \"start\": \"%s\", \"out\": \"%s\", \"algorithms\": [%s]}",
            library.module,
            threads,
            FAISS_SEED,
            library.dtype,
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
    String threadText = Integer.toString(threads);
    List<KernelRun> runs = new ArrayList<>();
    CpuMonitor cpu = CpuMonitor.snapshot();
    Process p = start(List.of(python, script().toString(), specFile.toString()), setting);
    String output = read(p.getInputStream());
    p.waitFor();
    // The whole subprocess (with data loading and warm-ups): the timed fits are most of it.
    double others = cpu.othersSince(CpuMonitor.snapshot());
    String kernel = ThreadPools.kernel(output, library.blasPath);
    for (String line : output.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f[0].equals("result") && f.length >= 3) {
        String algo = f[1];
        int nIter = Integer.parseInt(f[2]);
        List<Double> seconds = new ArrayList<>();
        for (int i = 3; i < f.length; i++) {
          seconds.add(Double.parseDouble(f[i]));
        }
        Path centresFile = Path.of(out + algo + ".bin");
        double[] centres = readDoubles(centresFile);
        Files.deleteIfExists(centresFile);
        Measurement m =
            new Measurement(
                system,
                algo,
                threadText,
                seconds,
                nIter,
                !library.timeOnly && nIter < data.iterations,
                centres,
                null);
        m.othersCpu = others;
        m.kernel = kernel;
        m.timeOnly = library.timeOnly;
        m.pythonPeer = true;
        runs.add(new KernelRun(algo, setting, m));
      }
    }
    if (p.exitValue() != 0 || runs.size() < run.size()) {
      String reason =
          "Python exited with " + p.exitValue() + " (" + setting.label() + "): " + lastLine(output);
      for (String a : run) {
        if (runs.stream().noneMatch(r -> r.algorithm.equals(a))) {
          runs.add(
              new KernelRun(
                  a, setting, Measurement.failed(system, a, threadText, "FAILED: " + reason)));
        }
      }
    }
    return runs;
  }

  private Path script() throws IOException {
    Path file = workDir.resolve("python_peer.py");
    if (!Files.exists(file)) {
      Files.writeString(file, SCRIPT);
    }
    return file;
  }

  private static Process start(List<String> command, KernelSetting setting) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (setting == KernelSetting.OWN) {
      // Together: OPENBLAS_L2_SIZE is part of the same override of OpenBLAS's detection.
      pb.environment().remove(CORETYPE);
      pb.environment().remove("OPENBLAS_L2_SIZE");
    }
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

  /** Writes {@code values} as little-endian float64. */
  static void writeDoubles(Path file, double[] values) throws IOException {
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
