package io.github.fastkmeans.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The FastKMeans benchmark (docs/benchmarks.md): on each data set, every system starts from the
 * same k centres (SimpleKMeans' random initialisation with a fixed seed) and runs the same number
 * of Lloyd iterations with tolerance 0; after warm-up runs, the median of the timed fits is
 * reported with its ratio to FastKMeans and its speed-up over SimpleKMeans, and every system's
 * final centres are checked to give FastKMeans' SSE (relative 1e-6).
 *
 * <p>Run it with {@code mvn -q -Pbench test [-Dbench.args="--quick"]}; {@code --help} lists the
 * options.
 */
public final class Benchmark {

  /** Largest relative SSE difference to FastKMeans that still counts as the same result. */
  static final double SSE_TOLERANCE = 1e-6;

  private final Options options;
  private final Plan plan;
  private final Report report;

  private Benchmark(Options options, Report report) {
    this.options = options;
    this.plan = new Plan(options.warmups, options.warmupIterations, options.runs, options.budget);
    this.report = report;
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println();
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(Options.USAGE);
      return;
    }
    Locale.setDefault(Locale.ROOT);
    Report report = new Report();
    try {
      new Benchmark(options, report).run();
    } finally {
      if (options.out != null) {
        Files.writeString(options.out, report.text());
        System.err.println("Report written to " + options.out.toAbsolutePath());
      }
    }
  }

  private void run() throws Exception {
    long begin = System.nanoTime();
    Path work = Files.createTempDirectory("fastkmeans-bench");
    try {
      List<Contender> contenders = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      List<PythonPeer> peers = contenders(work, contenders, notes);
      header(peers, notes);
      Map<String, List<Measurement>> all = new LinkedHashMap<>();
      Map<String, Dataset> shapes = new LinkedHashMap<>();
      for (String set : options.sets) {
        Dataset data;
        try {
          data = load(set);
        } catch (SkipException e) {
          report.line("### " + set);
          report.line("");
          report.line("Skipped: " + e.getMessage());
          report.line("");
          progress("[" + set + "] skipped: " + e.getMessage());
          continue;
        }
        progress("[" + set + "] " + data.shape() + ": choosing the start");
        double[] start = start(data);
        List<Measurement> rows = inTurns(contenders, data, start);
        Table table = new Table(data, rows);
        table.print(report, options);
        all.put(set, rows);
        shapes.put(set, data);
      }
      summary(all, shapes);
      reading(all, shapes);
      report.line(String.format("Total wall time: %.0f s.", (System.nanoTime() - begin) / 1e9));
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private List<PythonPeer> contenders(Path work, List<Contender> out, List<String> notes) {
    for (String algorithm : FastKMeansBuild.ALGORITHMS) {
      out.add(new FastKMeansBuild(algorithm, options.threads, true));
      if (algorithm.equals("auto") && options.threads != 1) {
        out.add(new FastKMeansBuild(algorithm, 1, false));
      }
    }
    for (String algorithm : FastKMeansAdapter.ALGORITHMS) {
      List<Integer> threadCounts = options.threads == 1 ? List.of(1) : List.of(options.threads, 1);
      for (int t : threadCounts) {
        out.add(new FastKMeansAdapter(algorithm, t, t == options.threads));
      }
    }
    out.add(new WekaSimpleKMeans(options.seed, options.skmRuns));
    for (ElkiKMeans.Variant v : ElkiKMeans.Variant.values()) {
      out.add(new ElkiKMeans(v));
    }
    out.add(new SmileBbdKMeans());
    out.removeIf(c -> !options.selected(c.id(), c.byDefault()));
    List<PythonPeer> peers = pythonPeers(work, notes);
    out.addAll(peers);
    return peers;
  }

  /** The Python peers that run here (selected, installed and answering), probed. */
  private List<PythonPeer> pythonPeers(Path work, List<String> notes) {
    List<PythonPeer> peers = new ArrayList<>();
    boolean wanted = false;
    for (PythonPeer.Library library : PythonPeer.Library.values()) {
      wanted |= !selected(library, library.module).isEmpty();
    }
    if (!wanted) {
      return peers;
    }
    String python = options.python;
    if (python == null) {
      try {
        python = PythonEnvironment.python(options.venv);
      } catch (IOException e) {
        notes.add("scikit-learn and FAISS skipped: " + e.getMessage() + ".");
        return peers;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return peers;
      }
    }
    PythonPeer sklearn =
        peer(python, PythonPeer.Library.SKLEARN, "scikit-learn", "sklearn", work, notes);
    if (sklearn != null) {
      peers.add(sklearn);
    }
    PythonPeer faiss = peer(python, PythonPeer.Library.FAISS, "FAISS", "faiss", work, notes);
    if (faiss != null) {
      peers.add(faiss);
    }
    if (Files.isExecutable(Path.of(DEBIAN_PYTHON))) {
      PythonPeer debian =
          peer(
              DEBIAN_PYTHON,
              PythonPeer.Library.SKLEARN,
              "scikit-learn (Debian)",
              "debian-sklearn",
              work,
              notes);
      if (debian != null && (sklearn == null || !debian.version().equals(sklearn.version()))) {
        peers.add(debian);
      } else if (debian != null) {
        notes.add(
            "Debian's scikit-learn is the environment's version ("
                + debian.version()
                + "): not run twice.");
      }
    }
    return peers;
  }

  /** Debian's Python, whose python3-sklearn runs too when its version differs from the pinned. */
  private static final String DEBIAN_PYTHON = "/usr/bin/python3";

  private List<String> selected(PythonPeer.Library library, String prefix) {
    List<String> algorithms = new ArrayList<>();
    for (String a : library.algorithms) {
      if (options.selected(library.id(prefix, a), true)) {
        algorithms.add(a);
      }
    }
    return algorithms;
  }

  /**
   * The peer, probed; null when none of its algorithms is selected or it does not run (then why, in
   * {@code notes} unless null).
   */
  private PythonPeer peer(
      String python,
      PythonPeer.Library library,
      String system,
      String prefix,
      Path work,
      List<String> notes) {
    List<String> algorithms = selected(library, prefix);
    if (algorithms.isEmpty()) {
      return null;
    }
    progress("Probing " + system + " in " + python + " ...");
    PythonPeer peer =
        new PythonPeer(
            python, library, system, prefix, algorithms, options.threads, options.kernels, work);
    String problem = peer.probe();
    if (problem != null) {
      if (notes != null) {
        notes.add(system + " skipped: " + problem + ".");
      }
      return null;
    }
    return peer;
  }

  /**
   * SimpleKMeans' random starting rows: drawn as SimpleKMeans draws them, and on the sets small
   * enough to run SimpleKMeans checked against its own choice (which counts if they differ).
   */
  private double[] start(Dataset data) throws Exception {
    double[] drawn = StartRows.draw(data, options.seed);
    if (data.large) {
      return drawn;
    }
    double[] simple = WekaSimpleKMeans.startingPoints(data, options.seed);
    if (!java.util.Arrays.equals(drawn, simple)) {
      report.line(
          "!!! "
              + data.name
              + ": the benchmark's draw of the starting rows differs from SimpleKMeans'; its"
              + " rows are used here, but the large sets' starts are not SimpleKMeans'.");
      report.line("");
    }
    return simple;
  }

  /**
   * Every contender's rows on {@code data}, the contenders taking turns for --rounds rounds, each
   * round starting one contender later than the last (the system timed first after another process
   * ran lags), so that each is first at most once in every as many rounds as there are contenders.
   * The timings of a row are pooled over the rounds; the rest of a row (centres, iterations, notes)
   * is its last round's. A system whose rows differ in number from round to round (one failed)
   * keeps every round's rows apart.
   */
  private List<Measurement> inTurns(List<Contender> contenders, Dataset data, double[] start) {
    int count = contenders.size();
    List<List<Measurement>> byContender = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      byContender.add(null);
    }
    for (int round = 0; round < options.rounds; round++) {
      if (options.rounds > 1) {
        progress("[" + data.name + "] round " + (round + 1) + " of " + options.rounds);
      }
      for (int turn = 0; turn < count; turn++) {
        int c = (round + turn) % count;
        List<Measurement> rows = measure(contenders.get(c), data, start);
        List<Measurement> earlier = byContender.get(c);
        byContender.set(c, earlier == null ? new ArrayList<>(rows) : pooled(earlier, rows));
      }
    }
    List<Measurement> all = new ArrayList<>();
    byContender.forEach(all::addAll);
    return all;
  }

  /** The rows {@code earlier} with the timings of {@code later} added, row by row. */
  private static List<Measurement> pooled(List<Measurement> earlier, List<Measurement> later) {
    if (earlier.size() != later.size()) {
      List<Measurement> both = new ArrayList<>(earlier);
      both.addAll(later);
      return both;
    }
    List<Measurement> rows = new ArrayList<>();
    for (int i = 0; i < later.size(); i++) {
      Measurement before = earlier.get(i);
      Measurement now = later.get(i);
      rows.add(before.ok() && now.ok() ? now.withEarlierSeconds(before) : now);
    }
    return rows;
  }

  private List<Measurement> measure(Contender c, Dataset data, double[] start) {
    long begin = System.nanoTime();
    List<Measurement> rows;
    String slow = c.tooSlowFor(data);
    try {
      if (slow != null && !options.named(c.id())) {
        rows = c.skipped("skipped: " + slow + " (--systems " + c.id() + " times it)");
      } else {
        rows = c.measure(data, start, plan);
      }
    } catch (Exception | LinkageError | OutOfMemoryError | StackOverflowError e) {
      rows = List.of(Measurement.failed(c.id(), "", "", "FAILED: " + e));
    }
    for (Measurement m : rows) {
      progress(
          String.format(
              "[%s] %-40s %s",
              data.name,
              m.label() + " (" + m.threads + " thr)",
              m.ok()
                  ? String.format("median %.3f s of %d run(s)", m.median(), m.seconds.size())
                  : m.note));
    }
    progress(
        String.format(
            "[%s]   (%.1f s with warm-up and conversion)",
            data.name, (System.nanoTime() - begin) / 1e9));
    return rows;
  }

  private Dataset load(String set) throws Exception {
    boolean q = options.quick;
    int div = q ? 10 : 1;
    Dataset synthetic = Datasets.synthetic(set, q);
    if (synthetic != null) {
      return synthetic;
    }
    switch (set) {
      case "birch1":
        return Datasets.arff("birch1", file("uef", "birch1", "birch1.arff"), 100, it(50), div);
      case "kddcup99":
        // Quick mode: every 7th row (with every 10th a cluster empties, and the systems' rules
        // differ).
        return Datasets.arff(
            "kddcup99",
            file("real", "kddcup99", "kddcup99-10pct-numeric.arff.gz"),
            23,
            it(20),
            q ? 7 : 1);
      default:
        throw new IllegalArgumentException(set);
    }
  }

  private int it(int iterations) {
    return options.quick ? Math.min(iterations, 10) : iterations;
  }

  private Path file(String... parts) throws SkipException {
    Path p = options.data;
    for (String part : parts) {
      p = p.resolve(part);
    }
    if (!Files.isRegularFile(p)) {
      throw new SkipException(
          p.toAbsolutePath().normalize()
              + " not found (give the shared data folder with --data DIR; mvn -Pbench:"
              + " -Dbench.data=DIR)");
    }
    return p;
  }

  private void header(List<PythonPeer> peers, List<String> notes) {
    Runtime rt = Runtime.getRuntime();
    report.line("# FastKMeans benchmark");
    report.line("");
    report.line(
        "- machine: "
            + rt.availableProcessors()
            + " cores ("
            + cpuModel()
            + "), "
            + gib(physicalMemory())
            + " memory; "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    report.line(
        "- JVM: "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vm.vendor")
            + "), max heap "
            + gib(rt.maxMemory())
            + ", flags "
            + ManagementFactory.getRuntimeMXBean().getInputArguments());
    report.line(
        "- systems: FastKMeans (this build), Weka "
            + weka.core.Version.VERSION
            + ", ELKI "
            + jarVersion(elki.clustering.kmeans.LloydKMeans.class)
            + ", Smile "
            + jarVersion(smile.clustering.BBDTree.class));
    for (PythonPeer peer : peers) {
      report.line("- peer: " + peer.describe());
    }
    if (!peers.isEmpty()) {
      report.line(
          "- OpenBLAS kernels: each Python peer runs under "
              + options.kernels
              + " (OWN: OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed, OpenBLAS picks its kernel"
              + " itself; FORCED: the environment as it is, run only when it sets"
              + " OPENBLAS_CORETYPE); the faster counts, and its kernel is shown in brackets. This"
              + " JVM's environment: "
              + openBlasVariables());
    }
    report.line(
        String.format(
            "- load average when the benchmark started: %.2f",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    report.line("- options: " + options);
    for (String n : notes) {
      report.line("- " + n);
    }
    report.line(
        "- method: every system starts from the same k centres (Weka SimpleKMeans' random"
            + " initialisation, seed "
            + options.seed
            + ": k distinct rows) and runs the data set's number of"
            + " Lloyd iterations (maximum = that number, tolerance 0, stopping earlier only at a pass that changes"
            + " no assignment). FastKMeans is timed as a Weka user waits for it: buildClusterer on Weka"
            + " Instances with -init given -init-file (the start) -normalize none -refine none -empty keep;"
            + " the \"FastKMeans engine\" rows time the engine's fit alone. The peers' times are of the"
            + " fit alone (data conversion excluded). Times are the median of the timed"
            + " runs, after "
            + options.warmups
            + " untimed warm-up fit(s) of at most "
            + options.warmupIterations
            + " iterations (at most "
            + Plan.LARGE_SET_WARMUP_ITERATIONS
            + " on the large sets) on the same data; FastKMeans always does "
            + options.runs
            + " timed runs, a peer"
            + " stops before a run that would take its timed fits past "
            + String.format("%.0f", options.budget)
            + " s. The SSE of each system's final centres (every row to its nearest centre, computed by the"
            + " benchmark) must match FastKMeans' within "
            + SSE_TOLERANCE
            + " relative; FAISS (float32, its own empty-cluster rule) is compared by time only.");
    report.line("");
  }

  /**
   * Which of OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE this JVM's environment has, e.g.
   * "OPENBLAS_CORETYPE=Haswell, OPENBLAS_L2_SIZE=512".
   */
  static String openBlasVariables() {
    StringBuilder sb = new StringBuilder();
    for (String name : List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")) {
      String value = System.getenv(name);
      if (value != null) {
        sb.append(sb.length() == 0 ? "" : ", ").append(name).append('=').append(value);
      }
    }
    return sb.length() == 0
        ? "neither OPENBLAS_CORETYPE nor OPENBLAS_L2_SIZE is set"
        : sb.toString();
  }

  private void summary(Map<String, List<Measurement>> all, Map<String, Dataset> shapes) {
    if (all.isEmpty()) {
      return;
    }
    report.line(
        "## Summary: median fit time in seconds (fastest FastKMeans time with "
            + options.threads
            + " threads ÷ this system's time)");
    report.line("");
    List<String> labels = new ArrayList<>();
    for (List<Measurement> rows : all.values()) {
      for (Measurement m : rows) {
        String label = m.label() + " (" + m.threads + " thr)";
        if (!labels.contains(label)) {
          labels.add(label);
        }
      }
    }
    StringBuilder head = new StringBuilder("| system |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String set : all.keySet()) {
      head.append(' ').append(set).append(" |");
      rule.append("---:|");
    }
    report.line(head.toString());
    report.line(rule.toString());
    for (String label : labels) {
      StringBuilder row = new StringBuilder("| " + label + " |");
      for (Map.Entry<String, List<Measurement>> e : all.entrySet()) {
        Table t = new Table(shapes.get(e.getKey()), e.getValue());
        Measurement m =
            e.getValue().stream()
                .filter(x -> (x.label() + " (" + x.threads + " thr)").equals(label))
                .findFirst()
                .orElse(null);
        if (m == null || !m.ok()) {
          row.append(m == null ? " |" : m.skipped ? " skipped |" : " failed |");
        } else {
          double ref = t.fastest(false);
          row.append(String.format(" %.3f (%s) |", m.median(), Table.ratio(ref, m.median())));
        }
      }
      report.line(row.toString());
    }
    report.line("");
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<Measurement>> e : all.entrySet()) {
      problems.addAll(new Table(shapes.get(e.getKey()), e.getValue()).problems());
    }
    List<String> cautions = new ArrayList<>();
    for (Map.Entry<String, List<Measurement>> e : all.entrySet()) {
      cautions.addAll(new Table(shapes.get(e.getKey()), e.getValue()).cautions());
    }
    int timed = 0;
    for (List<Measurement> rows : all.values()) {
      timed += (int) rows.stream().filter(Measurement::ok).count();
    }
    if (cautions.isEmpty()) {
      report.line(
          "No row was timed while other processes kept more than "
              + Table.BUSY
              + " cores busy on average (column \"others' CPU\").");
    } else if (cautions.size() > 8) {
      report.line(
          "Caution: "
              + cautions.size()
              + " of "
              + timed
              + " rows were timed while other processes"
              + " kept more than "
              + Table.BUSY
              + " cores busy on average (column \"others' CPU\", in bold);"
              + " their times are too long by an unknown amount.");
    } else {
      report.line(
          "Caution: "
              + cautions.size()
              + " row(s) were timed while other processes used the CPU;"
              + " their times are too long by an unknown amount:");
      for (String c : cautions) {
        report.line("- " + c);
      }
    }
    report.line("");
    if (problems.isEmpty()) {
      report.line(
          "Every system reached FastKMeans' SSE (relative difference at most "
              + SSE_TOLERANCE
              + ") after the same number of iterations (FAISS, in float32, is compared by time"
              + " only).");
    } else {
      report.line(
          "!!! " + problems.size() + " PROBLEM(S) — these rows do not compare like with like:");
      for (String p : problems) {
        report.line("!!! " + p);
      }
    }
    report.line("");
  }

  /**
   * Per set: the fastest FastKMeans build and auto's with all threads, the fastest Python peer
   * (with its kernel) and JVM peer and FastKMeans' ratio to each (the target is 1.5x the Python
   * peers), the brute-force sweep's GFLOP/s, and SimpleKMeans' time over FastKMeans'.
   */
  private void reading(Map<String, List<Measurement>> all, Map<String, Dataset> shapes) {
    if (all.isEmpty()) {
      return;
    }
    int threads = options.threads;
    report.line("## Reading: FastKMeans' build against the fastest peers");
    report.line("");
    report.line(
        "Median seconds; ratio = the peer's time ÷ the fastest FastKMeans build's (target: at least "
            + TARGET_RATIO
            + "x the best of scikit-learn and FAISS). Sweep: FastKMeans' Lloyd with "
            + threads
            + " threads, 2·d flops per distance the engine counted over the passes' own time (the"
            + " whole build's rate, 2·n·k·d per iteration over its median, in brackets).");
    report.line("");
    report.line(
        "| set | fastest FastKMeans build ("
            + threads
            + " thr) | `auto` ("
            + threads
            + " thr) | fastest of scikit-learn and FAISS | ratio to it | fastest JVM peer | ratio to it"
            + " | sweep GFLOP/s | SimpleKMeans ÷ fastest FastKMeans |");
    report.line("|---|---:|---:|---|---:|---|---:|---:|---:|");
    String thr = Integer.toString(threads);
    for (Map.Entry<String, List<Measurement>> e : all.entrySet()) {
      List<Measurement> rows = e.getValue();
      Dataset data = shapes.get(e.getKey());
      Measurement fkm = fastest(rows, m -> m.system.equals("FastKMeans") && m.threads.equals(thr));
      Measurement auto =
          fastest(
              rows,
              m ->
                  m.system.equals("FastKMeans")
                      && m.threads.equals(thr)
                      && m.algorithm.equals("auto"));
      Measurement python = fastest(rows, m -> m.pythonPeer);
      Measurement reference = fastest(rows, m -> m.system.equals("FastKMeans"));
      String pythonCheck =
          python != null
                  && reference != null
                  && !python.timeOnly
                  && !(Math.abs(python.sse - reference.sse)
                      <= SSE_TOLERANCE * Math.abs(reference.sse))
              ? " (**SSE MISMATCH**)"
              : "";
      Measurement jvm = fastest(rows, m -> !m.pythonPeer && !m.system.startsWith("FastKMeans"));
      Measurement simple = fastest(rows, m -> m.system.equals("Weka SimpleKMeans"));
      Measurement lloyd =
          fastest(
              rows,
              m ->
                  m.system.equals("FastKMeans engine")
                      && m.threads.equals(thr)
                      && m.algorithm.equals("lloyd"));
      Measurement lloydBuild =
          fastest(
              rows,
              m ->
                  m.system.equals("FastKMeans")
                      && m.threads.equals(thr)
                      && m.algorithm.equals("lloyd"));
      String sweep = lloyd == null ? "–" : String.format("%.1f", lloyd.sweepGflops);
      if (lloydBuild != null && lloydBuild.iterations > 0) {
        sweep +=
            String.format(
                " (%.1f)", data.flopsPerPass() * lloydBuild.iterations / lloydBuild.median() / 1e9);
      }
      report.line(
          String.format(
              "| %s | %s | %s | %s | %s | %s | %s | %s | %s |",
              e.getKey(),
              fkm == null ? "–" : String.format("%.3f %s", fkm.median(), fkm.algorithm),
              auto == null ? "–" : String.format("%.3f", auto.median()),
              python == null
                  ? "–"
                  : String.format(
                      "%.3f %s %s [%s]%s",
                      python.median(), python.system, python.algorithm, python.kernel, pythonCheck),
              targetRatio(python, fkm),
              jvm == null ? "–" : String.format("%.3f %s", jvm.median(), jvm.label()),
              fkm == null || jvm == null ? "–" : Table.ratio(jvm.median(), fkm.median()) + "x",
              sweep,
              fkm == null || simple == null
                  ? "–"
                  : Table.ratio(simple.median(), fkm.median()) + "x"));
    }
    report.line("");
  }

  /** FastKMeans' build against the best Python peer: at least this ratio is the target. */
  static final double TARGET_RATIO = 1.5;

  private static String targetRatio(Measurement peer, Measurement fkm) {
    if (peer == null || fkm == null) {
      return "–";
    }
    double r = peer.median() / fkm.median();
    return String.format(
        r >= TARGET_RATIO ? "**%sx** (met)" : "%sx (not met)",
        Table.ratio(peer.median(), fkm.median()));
  }

  /** The timed row with the lowest median among those {@code which} accepts; null if none. */
  private static Measurement fastest(
      List<Measurement> rows, java.util.function.Predicate<Measurement> which) {
    Measurement best = null;
    for (Measurement m : rows) {
      if (m.ok() && which.test(m) && (best == null || m.median() < best.median())) {
        best = m;
      }
    }
    return best;
  }

  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("CPU model unknown");
    } catch (IOException | RuntimeException e) {
      return System.getProperty("os.arch");
    }
  }

  private static long physicalMemory() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
    }
    return -1;
  }

  private static String gib(long bytes) {
    return bytes < 0 ? "?" : String.format("%.1f GiB", bytes / (double) (1L << 30));
  }

  /**
   * The version in the name of the jar a class came from, e.g. 0.8.0 from
   * elki-clustering-0.8.0.jar.
   */
  static String jarVersion(Class<?> type) {
    try {
      String path = type.getProtectionDomain().getCodeSource().getLocation().getPath();
      String name = path.substring(path.lastIndexOf('/') + 1);
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("-(\\d[^/]*)\\.jar$").matcher(name);
      return m.find() ? m.group(1) : name;
    } catch (RuntimeException e) {
      return "?";
    }
  }

  static void progress(String message) {
    System.err.println(message);
  }

  /** A data set that cannot be had here. */
  private static final class SkipException extends Exception {
    private static final long serialVersionUID = 1L;

    SkipException(String message) {
      super(message);
    }
  }
}
