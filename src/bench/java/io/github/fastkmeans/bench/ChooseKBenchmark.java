package io.github.fastkmeans.bench;

import io.github.fastkmeans.choosek.KSearchTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import weka.clusterers.CascadeSimpleKMeans;
import weka.clusterers.FastKMeans;
import weka.clusterers.XMeans;
import weka.core.Instances;
import weka.core.Utils;

/**
 * The choose-k benchmark of docs/choosing-k.md: on sets of known k and known centres, which k each
 * system picks when searching [2, 2k], whether its centres then match the true ones (Fränti's
 * centroid index CI = 0), and how long the search takes. Systems: FastKMeans with each {@code
 * -k-criterion}, a FastKMeans fit at the true k (the reference the search is timed against), a
 * sweep of FastKMeans single fits over every k (the baseline a search must beat), XMeans 1.0.6
 * (defaults, and {@code -I 50}) and CascadeSimpleKMeans 1.0.4 (defaults).
 *
 * <p>Run it with {@code mvn -q -Pchoosek test [-Dchoosek.args="-sets uef,separated -systems
 * xmeans,cascade -timeout 120 -out target/choosek.md"]}. The sets are the UEF sets with published
 * centres in {@code <data>/uef} (birch1 and birch2 only when named) and Gaussian blobs generated
 * here ({@link BlobSet}).
 *
 * <p>Every system sees the same Weka data (class attribute removed) and scales every attribute to
 * [0,1] by its range: FastKMeans' default {@code -normalize range}, and the default {@code
 * weka.core.EuclideanDistance} of XMeans and of CascadeSimpleKMeans' SimpleKMeans, which normalises
 * by the attribute ranges. All three report centres in original units, where CI is computed. Each
 * fit runs in a thread of its own and is stopped after {@code -timeout} seconds (interrupted first,
 * then stopped outright, since XMeans and SimpleKMeans ignore interrupts); an exception becomes a
 * "failed" row, so one system cannot end the run.
 */
public final class ChooseKBenchmark {

  /** The UEF sets measured by default, in the order of the tables. */
  private static final List<String> UEF_SETS =
      List.of("s1", "s2", "s3", "s4", "a1", "a2", "a3", "unbalance", "dim032");

  /** The large UEF sets, measured only when named (XMeans and the cascade are slow on them). */
  private static final List<String> BIRCH_SETS = List.of("birch1", "birch2");

  /** The generated sets: well separated (centres 6 sd apart or more), then overlapping (2.5 sd). */
  private static final List<BlobSet> BLOB_SETS =
      List.of(
          BlobSet.of(3_000, 2, 5, 1, 6),
          BlobSet.of(5_000, 2, 15, 10, 6),
          BlobSet.of(20_000, 2, 40, 1, 6),
          BlobSet.of(5_000, 8, 10, 5, 6),
          BlobSet.of(12_000, 8, 30, 1, 6),
          BlobSet.of(10_000, 16, 20, 10, 6),
          BlobSet.of(3_000, 32, 8, 1, 6),
          BlobSet.of(20_000, 32, 40, 5, 6),
          BlobSet.of(5_000, 2, 8, 1, 2.5),
          BlobSet.of(8_000, 8, 15, 5, 2.5),
          BlobSet.of(5_000, 32, 10, 1, 2.5));

  /** Group of the UEF sets in the tables. */
  private static final String UEF = "UEF";

  /** Group of the generated sets whose centres are at least 6 sd apart. */
  private static final String SEPARATED = "separated";

  /** Group of the generated sets whose centres may be 2.5 sd apart: no clear right answer. */
  private static final String OVERLAPPING = "overlapping";

  /** The id of the FastKMeans fit at the true k, against which the searches are timed. */
  private static final String REFERENCE = "fast-fixed-k";

  /**
   * With {@code -cpu}: FastKMeans runs on one thread ({@code -num-slots 1}) and its fits are timed
   * in CPU time of that thread, which other work on the machine changes far less than wall time.
   */
  private static boolean oneThreadCpu;

  /** With {@code -repeat r}: every FastKMeans fit runs r times and the fastest counts. */
  private static int repeat = 1;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ChooseKBenchmark() {}

  /** What a system returned: the k it chose and its centres in original units. */
  private record Outcome(int chosenK, double[][] centres) {}

  /** One way of choosing k, given the data and the true k (which sets the range [2, 2k]). */
  private interface Chooser {
    Outcome fit(Instances data, int trueK) throws Exception;
  }

  /**
   * A system in the tables.
   *
   * @param id name for {@code -systems}
   * @param title heading of its table
   * @param options its options, with {@code K} for 2 x true k and {@code k} for true k
   * @param chooser how it is run
   */
  private record Scheme(String id, String title, String options, Chooser chooser) {}

  /** A set with its true centres and its group (UEF, separated, overlapping). */
  private record Case(String name, String group, Instances data, double[][] truth) {}

  /** One measurement; {@code status} is ok, failed or timeout. */
  private record Result(String status, String message, int chosenK, int ci, double seconds) {
    boolean ok() {
      return status.equals("ok");
    }

    /** Right: the true k chosen and every true cluster found (CI = 0). */
    boolean right(int trueK) {
      return ok() && chosenK == trueK && ci == 0;
    }
  }

  /** The systems, in the order of the tables. */
  private static List<Scheme> systems() {
    List<Scheme> systems = new ArrayList<>();
    for (String criterion : List.of("bic", "gmeans", "silhouette", "calinski-harabasz")) {
      String options = "-min-clusters 2 -max-clusters K -k-criterion " + criterion;
      systems.add(
          new Scheme(
              "fast-" + criterion,
              "FastKMeans, -k-criterion " + criterion,
              options,
              (data, trueK) -> fast(data, expand(options, trueK))));
    }
    systems.add(
        new Scheme(
            REFERENCE,
            "FastKMeans at the true k (reference fit, no search)",
            "-N k",
            (data, trueK) -> fast(data, expand("-N k", trueK))));
    for (String criterion : List.of("bic", "calinski-harabasz")) {
      systems.add(
          new Scheme(
              "sweep-" + criterion,
              "Sweep of FastKMeans single fits, every k, by " + criterion,
              "-N k' for every k' in [2, K], the best by " + criterion,
              (data, trueK) -> sweep(data, 2 * trueK, criterion)));
    }
    systems.add(
        new Scheme(
            "xmeans",
            "XMeans 1.0.6, defaults",
            "-L 2 -H K",
            (data, trueK) -> xmeans(data, expand("-L 2 -H K", trueK))));
    systems.add(
        new Scheme(
            "xmeans-i50",
            "XMeans 1.0.6, -I 50",
            "-L 2 -H K -I 50",
            (data, trueK) -> xmeans(data, expand("-L 2 -H K -I 50", trueK))));
    systems.add(
        new Scheme(
            "cascade",
            "CascadeSimpleKMeans 1.0.4, defaults",
            "-min 2 -max K",
            (data, trueK) -> cascade(data, expand("-min 2 -max K", trueK))));
    return systems;
  }

  /** Whether a system is FastKMeans (a search, the reference fit or a sweep of fits). */
  private static boolean isFast(Scheme system) {
    return system.id().startsWith("fast-") || system.id().startsWith("sweep-");
  }

  /** The options with K replaced by 2 x true k and k by true k. */
  private static String expand(String options, int trueK) {
    StringBuilder expanded = new StringBuilder();
    for (String word : options.split(" ")) {
      String value =
          word.equals("K") ? String.valueOf(2 * trueK) : word.equals("k") ? "" + trueK : word;
      expanded.append(expanded.length() == 0 ? "" : " ").append(value);
    }
    return expanded.toString();
  }

  private static Outcome fast(Instances data, String options) throws Exception {
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions(oneThreadCpu ? options + " -num-slots 1" : options));
    kmeans.buildClusterer(data);
    return new Outcome(
        kmeans.numberOfClusters(), QualityBenchmark.rows(kmeans.getClusterCentroids()));
  }

  /**
   * The baseline a search must beat: a default single fit at every k in [2, max], each measured as
   * a range of one k measures it (exactly the fit -N k gives), the best by {@code criterion}.
   */
  private static Outcome sweep(Instances data, int max, String criterion) throws Exception {
    Outcome best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int k = 2; k <= max; k++) {
      FastKMeans kmeans = new FastKMeans();
      String options = "-min-clusters " + k + " -max-clusters " + k;
      kmeans.setOptions(Utils.splitOptions(oneThreadCpu ? options + " -num-slots 1" : options));
      kmeans.buildClusterer(data);
      KSearchTable.Row row = kmeans.getKSearchTable().chosen();
      double value = criterion.equals("bic") ? row.bic() : row.calinskiHarabasz();
      if (best == null || value > bestValue) {
        bestValue = value;
        best = new Outcome(k, QualityBenchmark.rows(kmeans.getClusterCentroids()));
      }
    }
    return best;
  }

  private static Outcome xmeans(Instances data, String options) throws Exception {
    XMeans xmeans = new XMeans();
    xmeans.setOptions(Utils.splitOptions(options));
    xmeans.buildClusterer(data);
    return new Outcome(
        xmeans.numberOfClusters(), QualityBenchmark.rows(xmeans.getClusterCenters()));
  }

  private static Outcome cascade(Instances data, String options) throws Exception {
    CascadeWithCentres cascade = new CascadeWithCentres();
    cascade.setOptions(Utils.splitOptions(options));
    cascade.buildClusterer(data);
    return new Outcome(cascade.numberOfClusters(), QualityBenchmark.rows(cascade.centres()));
  }

  /** CascadeSimpleKMeans keeps its final SimpleKMeans protected: this exposes its centroids. */
  @SuppressWarnings("unchecked") // the raw Enumeration of the inherited listOptions()
  private static final class CascadeWithCentres extends CascadeSimpleKMeans {
    Instances centres() {
      return kMeans.getClusterCentroids();
    }
  }

  /** Runs the benchmark and prints the tables in Markdown (and writes them to {@code -out}). */
  public static void main(String[] args) throws Exception {
    String dataOption = Utils.getOption("data", args);
    Path dataDir = Paths.get(dataOption.isEmpty() ? "../shared/data" : dataOption);
    String timeoutOption = Utils.getOption("timeout", args);
    int timeout = timeoutOption.isEmpty() ? 120 : Integer.parseInt(timeoutOption);
    String outOption = Utils.getOption("out", args);
    String repeatOption = Utils.getOption("repeat", args);
    repeat = repeatOption.isEmpty() ? 1 : Integer.parseInt(repeatOption);
    oneThreadCpu = Utils.getFlag("cpu", args);
    List<String> sets = setNames(Utils.getOption("sets", args));
    List<Scheme> systems = selectSystems(Utils.getOption("systems", args));
    Utils.checkForRemainingOptions(args);

    Path uef = dataDir.resolve("uef");
    for (String set : sets) {
      if (blob(set) == null && !Files.isDirectory(uef.resolve(set))) {
        // One line, no trace: the usual cause is a clone without the shared data folder.
        System.err.println(
            "No UEF set "
                + set
                + " in "
                + uef.toAbsolutePath().normalize()
                + ": give the shared data folder with -data DIR (mvn -Pchoosek:"
                + " -Dchoosek.data=DIR), or leave the set out with -sets.");
        System.exit(2);
      }
    }

    warmUp(systems, timeout);
    System.err.printf(
        Locale.ROOT,
        "FastKMeans fits timed as the fastest of %d runs%s%n",
        repeat,
        oneThreadCpu ? ", in CPU time on one thread" : "");
    Map<String, Map<String, Result>> results = new LinkedHashMap<>();
    for (Scheme system : systems) {
      results.put(system.id(), new LinkedHashMap<>());
    }
    List<Case> cases = new ArrayList<>();
    for (String set : sets) {
      Case c = load(uef, set);
      // Only the description is kept: the data go once the set is measured.
      cases.add(new Case(c.name(), c.group(), new Instances(c.data(), 0), c.truth()));
      for (Scheme system : systems) {
        Result result = measure(system, c, timeout, isFast(system) ? repeat : 1);
        results.get(system.id()).put(set, result);
        System.err.printf(Locale.ROOT, "%s %s: %s%n", set, system.id(), describe(result, c));
      }
      describeSize(c);
    }
    String report = report(cases, systems, results, timeout);
    System.out.print(report);
    if (!outOption.isEmpty()) {
      Files.writeString(Paths.get(outOption), report, StandardCharsets.UTF_8);
    }
  }

  /** The rows x columns of each set, remembered for the tables. */
  private static final Map<String, String> SIZES = new LinkedHashMap<>();

  private static void describeSize(Case c) {
    SIZES.put(c.name(), c.data().numInstances() + " x " + c.data().numAttributes());
  }

  /**
   * The sets named by {@code -sets}: set names and the groups uef, birch, separated, overlapping.
   */
  private static List<String> setNames(String option) {
    List<String> words =
        option.isEmpty()
            ? List.of("uef", "separated", "overlapping")
            : Arrays.asList(option.split(","));
    Set<String> names = new LinkedHashSet<>();
    for (String word : words) {
      switch (word.trim()) {
        case "uef" -> names.addAll(UEF_SETS);
        case "birch" -> names.addAll(BIRCH_SETS);
        case "separated", "overlapping" -> {
          for (BlobSet blob : BLOB_SETS) {
            if (blob.wellSeparated() == word.trim().equals("separated")) {
              names.add(blob.name());
            }
          }
        }
        case "" -> {}
        default -> names.add(word.trim());
      }
    }
    return new ArrayList<>(names);
  }

  /** The systems named by {@code -systems} (ids, comma-separated; all by default). */
  private static List<Scheme> selectSystems(String option) {
    List<Scheme> all = systems();
    if (option.isEmpty()) {
      return all;
    }
    List<Scheme> chosen = new ArrayList<>();
    for (String id : option.split(",")) {
      Scheme found = null;
      for (Scheme system : all) {
        if (system.id().equals(id.trim())) {
          found = system;
        }
      }
      if (found == null) {
        List<String> ids = new ArrayList<>();
        all.forEach(s -> ids.add(s.id()));
        throw new IllegalArgumentException(
            "Unknown system " + id + " in -systems; known: " + String.join(",", ids));
      }
      chosen.add(found);
    }
    return chosen;
  }

  private static BlobSet blob(String name) {
    for (BlobSet blob : BLOB_SETS) {
      if (blob.name().equals(name)) {
        return blob;
      }
    }
    return null;
  }

  private static Case load(Path uef, String name) throws Exception {
    BlobSet blob = blob(name);
    if (blob != null) {
      BlobSet.Generated generated = blob.generate();
      return new Case(
          name,
          blob.wellSeparated() ? SEPARATED : OVERLAPPING,
          generated.data(),
          generated.centres());
    }
    Path folder = uef.resolve(name);
    return new Case(
        name, UEF, QualityBenchmark.load(folder, name), QualityBenchmark.groundTruth(folder));
  }

  /**
   * Untimed runs of every system on the smallest generated set (with {@code -repeat r}, r of every
   * FastKMeans system), so that timing starts JIT-ed.
   */
  private static void warmUp(List<Scheme> systems, int timeout) {
    BlobSet.Generated small = BLOB_SETS.get(0).generate();
    Case c = new Case("warm-up", SEPARATED, small.data(), small.centres());
    for (Scheme system : systems) {
      // With repeats, as many warm-up runs: the first set measured should find the code compiled.
      measure(system, c, timeout, isFast(system) ? repeat : 1);
    }
  }

  /**
   * Fits one system on one set {@code runs} times in a thread of its own, bounded by {@code
   * timeout} seconds per run; the fastest run's time counts (a fit of a few milliseconds is easily
   * stalled by other work on the machine, and every run gives the same result). With more than one
   * run, one more run before them is not timed.
   */
  private static Result measure(Scheme system, Case c, int timeout, int runs) {
    AtomicReference<Object> outcome = new AtomicReference<>();
    long[] nanos = {Long.MAX_VALUE};
    Thread worker =
        new Thread(
            () -> {
              try {
                boolean cpu = oneThreadCpu && isFast(system);
                // With repeats, a first untimed run compiles the code paths of this set's shape.
                for (int run = runs > 1 ? -1 : 0; run < runs; run++) {
                  long start = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
                  Outcome fitted = system.chooser().fit(c.data(), c.truth().length);
                  long end = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
                  if (run >= 0) {
                    nanos[0] = Math.min(nanos[0], end - start);
                  }
                  outcome.set(fitted);
                }
              } catch (Throwable failure) {
                outcome.set(failure);
              }
            },
            "choosek-" + system.id());
    worker.setDaemon(true);
    worker.start();
    try {
      // The timeout holds for each run, the untimed one included.
      worker.join(timeout * 1000L * (runs > 1 ? runs + 1 : 1));
      if (worker.isAlive()) {
        end(worker);
        return new Result("timeout", "", 0, 0, timeout);
      }
    } catch (InterruptedException e) {
      end(worker);
      Thread.currentThread().interrupt();
      return new Result("failed", "interrupted", 0, 0, 0);
    }
    Object value = outcome.get();
    if (value instanceof Outcome fitted) {
      int ci = QualityBenchmark.centroidIndex(fitted.centres(), c.truth());
      return new Result("ok", "", fitted.chosenK(), ci, nanos[0] / 1e9);
    }
    Throwable failure = (Throwable) value;
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    return new Result("failed", message.lines().findFirst().orElse("").trim(), 0, 0, 0);
  }

  /**
   * Ends a fit that ran out of time: an interrupt first (FastKMeans stops on one), then, since
   * XMeans and SimpleKMeans never look at it, Thread.stop, which is safe here because nothing
   * outside the worker shares its objects.
   */
  @SuppressWarnings({"deprecation", "removal"})
  private static void end(Thread worker) {
    worker.interrupt();
    try {
      worker.join(5_000);
      if (worker.isAlive()) {
        worker.stop();
        worker.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String describe(Result result, Case c) {
    if (!result.ok()) {
      return result.status() + (result.message().isEmpty() ? "" : ": " + result.message());
    }
    return String.format(
        Locale.ROOT,
        "k %d (true %d), CI %d, %.2f s",
        result.chosenK(),
        c.truth().length,
        result.ci(),
        result.seconds());
  }

  /** The Markdown report: the machine, one table per system, then the summary. */
  private static String report(
      List<Case> cases, List<Scheme> systems, Map<String, Map<String, Result>> results, int timeout)
      throws IOException {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Choose-k benchmark: k searched in [2, 2k] (k the true number of clusters); every"
                + " attribute scaled to [0,1] by its range (all systems' default); timeout %d s per"
                + " fit.%nFastKMeans times: the fastest of %d runs, %s.%nMachine: %s, %d processors,"
                + " Java %s (%s).%n%n",
            timeout,
            repeat,
            oneThreadCpu ? "CPU time on one thread (-num-slots 1)" : "wall time, default threads",
            cpuModel(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            System.getProperty("java.vm.name")));
    Map<String, Result> reference = results.get(REFERENCE);
    for (Scheme system : systems) {
      boolean fastSearch = isFast(system) && !system.id().equals(REFERENCE);
      boolean ratio = fastSearch && reference != null;
      out.append("### ").append(system.title()).append("\n\n");
      out.append("Options: `")
          .append(system.options())
          .append("`")
          .append(system.options().contains(" K") ? " (K = 2k).\n\n" : ".\n\n");
      out.append("| set | group | n x d | chosen k (true k) | CI | right | time (s) |");
      out.append(ratio ? " search / fit |\n" : "\n");
      out.append("|---|---|---|---:|---:|:---:|---:|").append(ratio ? "---:|\n" : "\n");
      for (Case c : cases) {
        Result r = results.get(system.id()).get(c.name());
        int trueK = c.truth().length;
        out.append("| ")
            .append(c.name())
            .append(" | ")
            .append(c.group())
            .append(" | ")
            .append(SIZES.get(c.name()))
            .append(" | ");
        if (r.ok()) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "%d (%d) | %d | %s | %.2f |",
                  r.chosenK(),
                  trueK,
                  r.ci(),
                  r.right(trueK) ? "yes" : "no",
                  r.seconds()));
        } else if (r.status().equals("timeout")) {
          out.append(String.format(Locale.ROOT, "timeout (%d) | - | no | > %d |", trueK, timeout));
        } else {
          out.append("failed: ").append(r.message().replace("|", "\\|")).append(" | - | no | - |");
        }
        if (ratio) {
          Result fit = reference.get(c.name());
          out.append(
              r.ok() && fit.ok() && fit.seconds() > 0
                  ? String.format(Locale.ROOT, " %.1f |", r.seconds() / fit.seconds())
                  : " - |");
        }
        out.append('\n');
      }
      out.append('\n');
    }
    if (reference != null) {
      out.append(ratioSummary(cases, systems, results, reference));
    }
    out.append("### Summary\n\n");
    out.append(
        "Right = the true k chosen and CI = 0. Overlapping sets are listed apart: there the"
            + " true k is not clearly the right answer.\n\n");
    out.append(
        "| system | right: UEF | right: separated blobs | right: UEF + separated | overlapping:"
            + " true k chosen | failed / timeout | total time (s) |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Scheme system : systems) {
      Map<String, Result> byCase = results.get(system.id());
      int[] right = new int[3];
      int[] total = new int[3];
      int overlappingK = 0;
      int overlapping = 0;
      int notOk = 0;
      double seconds = 0;
      for (Case c : cases) {
        Result r = byCase.get(c.name());
        int trueK = c.truth().length;
        seconds += r.seconds();
        if (!r.ok()) {
          notOk++;
        }
        if (c.group().equals(OVERLAPPING)) {
          overlapping++;
          if (r.ok() && r.chosenK() == trueK) {
            overlappingK++;
          }
          continue;
        }
        int g = c.group().equals(UEF) ? 0 : 1;
        total[g]++;
        total[2]++;
        if (r.right(trueK)) {
          right[g]++;
          right[2]++;
        }
      }
      out.append("| ")
          .append(system.title())
          .append(" | ")
          .append(share(right[0], total[0]))
          .append(" | ")
          .append(share(right[1], total[1]))
          .append(" | ")
          .append(share(right[2], total[2]))
          .append(" | ")
          .append(share(overlappingK, overlapping))
          .append(" | ")
          .append(notOk)
          .append(String.format(Locale.ROOT, " | %.1f |%n", seconds));
    }
    return out.toString();
  }

  /** Each search's time over the reference fit's: median and largest over the sets, per system. */
  private static String ratioSummary(
      List<Case> cases,
      List<Scheme> systems,
      Map<String, Map<String, Result>> results,
      Map<String, Result> reference) {
    StringBuilder out = new StringBuilder("### Search time over one fit at the true k\n\n");
    out.append("| system | median | largest | sets at most 5 |\n|---|---:|---:|---:|\n");
    for (Scheme system : systems) {
      if (!isFast(system) || system.id().equals(REFERENCE)) {
        continue;
      }
      List<Double> ratios = new ArrayList<>();
      for (Case c : cases) {
        Result r = results.get(system.id()).get(c.name());
        Result fit = reference.get(c.name());
        if (r.ok() && fit.ok() && fit.seconds() > 0) {
          ratios.add(r.seconds() / fit.seconds());
        }
      }
      if (ratios.isEmpty()) {
        continue;
      }
      ratios.sort(null);
      int n = ratios.size();
      double median = (ratios.get((n - 1) / 2) + ratios.get(n / 2)) / 2;
      long atMostFive = ratios.stream().filter(x -> x <= 5).count();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %d/%d |%n",
              system.title(),
              median,
              ratios.get(n - 1),
              atMostFive,
              n));
    }
    return out.append('\n').toString();
  }

  private static String share(int count, int of) {
    return of == 0
        ? "-"
        : String.format(Locale.ROOT, "%d/%d (%.0f%%)", count, of, 100.0 * count / of);
  }

  /** The processor's model name from /proc/cpuinfo, or the architecture where there is none. */
  private static String cpuModel() throws IOException {
    Path cpuinfo = Paths.get("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    }
    return System.getProperty("os.arch");
  }
}
