package io.github.fastkmeans.bench;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.KMeansSettings;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.init.InitializerKind;
import io.github.fastkmeans.weka.InstanceEncoder;
import io.github.fastkmeans.weka.Normalization;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import weka.clusterers.FastKMeans;
import weka.clusterers.SimpleKMeans;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The quality benchmark of docs/quality.md: on each UEF set with published centroids, how often
 * each configuration finds every true cluster (centroid index CI = 0) over seeds 1..n, and how long
 * a fit takes. Run it with {@code mvn -q -Pquality test [-Dquality.args="-seeds 10 -repeats 3
 * -normalize none -sets s1,birch1 -random-swap-trials 50"]}; the data come from {@code
 * ../shared/data/uef} ({@code -data} overrides it).
 *
 * <p>Every configuration is given the same Weka data (the class attribute removed) and normalises
 * it the same way: to [0,1] per attribute, FastKMeans' and SimpleKMeans' default, or not at all
 * with {@code -normalize none}; CI is computed from the centroids in original units. Fits of one
 * set run seed by seed, the configurations in turn for each seed, so that a change in the machine's
 * load hits all of them alike. The defaults and k-means++ without refinement, whose times the
 * target compares, are timed {@code -repeats} times each, alternating, and their median time is
 * kept.
 *
 * <p>CI (P. Fränti, M. Rezaei, Q. Zhao, "Centroid index: cluster level similarity measure", Pattern
 * Recognition 47(9), 2014): map every found centroid to its nearest true one and count the true
 * centroids nothing maps to; CI is the larger of that count and the same count with the roles
 * swapped.
 */
public final class QualityBenchmark {

  /** The UEF sets measured, in the order of the tables. */
  private static final List<String> SETS =
      List.of("s1", "s2", "s3", "s4", "a1", "a2", "a3", "unbalance", "birch1", "birch2", "dim032");

  private QualityBenchmark() {}

  /** One way of clustering, applied to a set with its true centroids (k of them) and a seed. */
  private interface Method {
    /** The centroids in original units, one row per cluster. */
    double[][] centroids(Instances data, double[][] truth, int seed) throws Exception;
  }

  /** A named configuration and what it measured. */
  private static final class Config {
    final String name;
    final Method method;
    final boolean repeated;
    final Map<String, int[]> found = new LinkedHashMap<>();
    final Map<String, double[]> seconds = new LinkedHashMap<>();

    Config(String name, Method method, boolean repeated) {
      this.name = name;
      this.method = method;
      this.repeated = repeated;
    }
  }

  /** Runs the benchmark and prints the tables in Markdown. */
  public static void main(String[] args) throws Exception {
    String dataOption = Utils.getOption("data", args);
    Path dataDir = Paths.get(dataOption.isEmpty() ? "../shared/data/uef" : dataOption);
    if (!Files.isDirectory(dataDir.resolve("s1"))) {
      // One line, no trace: the usual cause is a clone without the shared data folder.
      System.err.println(
          "No UEF data sets (s1/s1.arff and the others) in "
              + dataDir.toAbsolutePath().normalize()
              + ": give their folder with -data DIR (mvn -Pquality: -Dquality.data=DIR).");
      System.exit(2);
    }
    String seedsOption = Utils.getOption("seeds", args);
    int seeds = seedsOption.isEmpty() ? 10 : Integer.parseInt(seedsOption);
    String repeatsOption = Utils.getOption("repeats", args);
    int repeats = repeatsOption.isEmpty() ? 3 : Integer.parseInt(repeatsOption);
    String setsOption = Utils.getOption("sets", args);
    List<String> sets = setsOption.isEmpty() ? SETS : Arrays.asList(setsOption.split(","));
    String swapsOption = Utils.getOption("random-swap-trials", args);
    int randomSwapTrials = swapsOption.isEmpty() ? 50 : Integer.parseInt(swapsOption);
    String normalizeOption = Utils.getOption("normalize", args);
    boolean raw = normalizeOption.equals("none");
    if (!normalizeOption.isEmpty() && !raw && !normalizeOption.equals("range")) {
      throw new IllegalArgumentException("-normalize takes range (the default) or none.");
    }

    List<Config> configs = configs(randomSwapTrials, raw);
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "Seeds 1..%d; %s; defaults and kmeans++ timed %d times each (median); %d processors;%n"
            + "FastKMeans %s.%n%n",
        seeds,
        raw
            ? "no normalisation (-normalize none, SimpleKMeans' distance with -D)"
            : "every attribute scaled to [0,1] (both schemes' default)",
        repeats,
        Runtime.getRuntime().availableProcessors(),
        String.join(" ", new FastKMeans().getOptions()));
    warmUp(dataDir, configs);
    for (String set : sets) {
      Instances data = load(dataDir.resolve(set), set);
      double[][] truth = groundTruth(dataDir.resolve(set));
      for (Config config : configs) {
        config.found.put(set, new int[1]);
        config.seconds.put(set, new double[1]);
      }
      for (int seed = 1; seed <= seeds; seed++) {
        for (Config config : configs) {
          int runs = config.repeated ? repeats : 1;
          double[] times = new double[runs];
          double[][] centroids = null;
          for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            centroids = config.method.centroids(data, truth, seed);
            times[r] = (System.nanoTime() - start) / 1e9;
          }
          Arrays.sort(times);
          config.seconds.get(set)[0] += times[runs / 2] / seeds;
          if (centroidIndex(centroids, truth) == 0) {
            config.found.get(set)[0]++;
          }
        }
      }
      System.err.printf(Locale.ROOT, "%s done%n", set);
    }
    printTables(out, sets, configs, seeds);
  }

  /**
   * The configurations: defaults, each initializer without and with refinement, the others; all
   * without normalisation when {@code raw}.
   */
  private static List<Config> configs(int randomSwapTrials, boolean raw) {
    String scaling = raw ? " -normalize none" : "";
    List<Config> configs = new ArrayList<>();
    configs.add(new Config("FastKMeans defaults", fast(scaling), true));
    List<String> initializers = new ArrayList<>();
    for (InitializerKind kind : InitializerKind.values()) {
      if (!kind.startsGiven()) {
        initializers.add(kind.id());
      }
    }
    for (String init : initializers) {
      configs.add(
          new Config(
              init + ", no refinement",
              fast("-init " + init + " -refine none" + scaling),
              init.equals("kmeans++")));
      configs.add(
          new Config(init + " + swap", fast("-init " + init + " -refine swap" + scaling), false));
    }
    configs.add(
        new Config(
            "kmeans++, 10 restarts, no refinement",
            fast("-restarts 10 -refine none" + scaling),
            false));
    configs.add(
        new Config(
            "kmeans++ + random swap (" + randomSwapTrials + " trials)",
            (data, truth, seed) -> randomSwap(data, truth.length, seed, randomSwapTrials, raw),
            false));
    configs.add(
        new Config(
            "SimpleKMeans defaults",
            (data, truth, seed) ->
                simpleKMeans(
                    data,
                    truth.length,
                    seed,
                    raw ? " -A \"weka.core.EuclideanDistance -D -R first-last\"" : ""),
            false));
    configs.add(
        new Config(
            "reference: k-means from the true centroids",
            (data, truth, seed) -> fromTruth(data, truth, "-refine none" + scaling),
            false));
    return configs;
  }

  private static Method fast(String options) {
    return (data, truth, seed) -> {
      FastKMeans kmeans = new FastKMeans();
      kmeans.setOptions(Utils.splitOptions("-N " + truth.length + " -S " + seed + " " + options));
      kmeans.buildClusterer(data);
      return rows(kmeans.getClusterCentroids());
    };
  }

  /**
   * FastKMeans started from the true centroids: whether k-means, in this scaling, keeps every true
   * cluster once it starts from all of them, which bounds what any start can reach.
   */
  private static double[][] fromTruth(Instances data, double[][] truth, String options)
      throws Exception {
    Instances centres = new Instances(data, truth.length);
    for (double[] centre : truth) {
      centres.add(new DenseInstance(1.0, centre.clone()));
    }
    Path file = Files.createTempFile("quality-truth", ".arff");
    try {
      Files.writeString(file, centres.toString(), StandardCharsets.UTF_8);
      FastKMeans kmeans = new FastKMeans();
      kmeans.setOptions(
          Utils.splitOptions(
              "-N " + truth.length + " -init given -init-file " + file + " " + options));
      kmeans.buildClusterer(data);
      return rows(kmeans.getClusterCentroids());
    } finally {
      Files.delete(file);
    }
  }

  private static double[][] simpleKMeans(Instances data, int k, int seed, String options)
      throws Exception {
    SimpleKMeans kmeans = new SimpleKMeans();
    kmeans.setOptions(Utils.splitOptions("-N " + k + " -S " + seed + options));
    kmeans.buildClusterer(data);
    return rows(kmeans.getClusterCentroids());
  }

  /**
   * Fränti's random swap after a k-means++ fit, on the data normalised as FastKMeans does: each
   * trial moves a random centre onto a random row, runs two k-means iterations and keeps the result
   * if its squared error is lower; k-means then runs to convergence. The same k-means++ start as
   * FastKMeans' with that seed.
   */
  private static double[][] randomSwap(Instances data, int k, int seed, int trials, boolean raw)
      throws Exception {
    FastKMeans start = new FastKMeans();
    start.setOptions(
        Utils.splitOptions(
            "-N " + k + " -S " + seed + " -refine none" + (raw ? " -normalize none" : "")));
    start.buildClusterer(data);
    InstanceEncoder encoder =
        InstanceEncoder.fit(data, raw ? Normalization.NONE : Normalization.RANGE);
    DataMatrix matrix = encoder.encode(data);
    int columns = matrix.columns();
    KMeansSettings settings =
        KMeansSettings.DEFAULTS.withThreads(Runtime.getRuntime().availableProcessors());
    KMeans twoIterations = new KMeans(settings.withMaxIterations(2));
    KMeans kmeans = new KMeans(settings);
    double[] centres = new double[k * columns];
    Instances found = start.getClusterCentroids();
    for (int c = 0; c < k; c++) {
      System.arraycopy(encoder.encode(found.instance(c)), 0, centres, c * columns, columns);
    }
    KMeansResult current = kmeans.fit(matrix, centres);
    Random random = new Random(seed);
    for (int t = 0; t < trials; t++) {
      double[] swapped = current.centres();
      int row = random.nextInt(matrix.rows());
      System.arraycopy(
          matrix.values(), row * columns, swapped, random.nextInt(k) * columns, columns);
      KMeansResult trial = twoIterations.fit(matrix, swapped);
      if (trial.squaredError() < current.squaredError()) {
        current = trial;
      }
    }
    current = kmeans.fit(matrix, current.centres());
    double[][] centroids = new double[k][];
    double[] finalCentres = current.centres();
    for (int c = 0; c < k; c++) {
      centroids[c] = encoder.decodeCentre(finalCentres, c);
    }
    return centroids;
  }

  /** One untimed pass of every configuration over a small set, so that timing starts compiled. */
  private static void warmUp(Path dataDir, List<Config> configs) throws Exception {
    Instances data = load(dataDir.resolve("s1"), "s1");
    double[][] truth = groundTruth(dataDir.resolve("s1"));
    for (int round = 0; round < 3; round++) {
      for (Config config : configs) {
        config.method.centroids(data, truth, 100 + round);
      }
    }
  }

  /** The set's ARFF without its label attribute. */
  static Instances load(Path folder, String name) throws Exception {
    Path arff = folder.resolve(name + ".arff");
    if (!Files.exists(arff)) {
      arff = folder.resolve(name + ".arff.gz");
    }
    Instances data = DataSource.read(arff.toString());
    for (int a = data.numAttributes() - 1; a >= 0; a--) {
      if (data.attribute(a).isNominal()) {
        data.deleteAttributeAt(a);
      }
    }
    return data;
  }

  /** The ground-truth centroids named by meta.json's files.gt_centroids. */
  static double[][] groundTruth(Path folder) throws IOException {
    String meta = Files.readString(folder.resolve("meta.json"), StandardCharsets.UTF_8);
    Matcher file = Pattern.compile("\"gt_centroids\"\\s*:\\s*\"([^\"]+)\"").matcher(meta);
    if (!file.find()) {
      throw new IOException("No files.gt_centroids in " + folder.resolve("meta.json"));
    }
    List<double[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(folder.resolve(file.group(1)), StandardCharsets.UTF_8)) {
      String trimmed = line.trim();
      if (!trimmed.isEmpty()) {
        rows.add(Arrays.stream(trimmed.split("\\s+")).mapToDouble(Double::parseDouble).toArray());
      }
    }
    return rows.toArray(new double[0][]);
  }

  static double[][] rows(Instances centroids) {
    double[][] rows = new double[centroids.numInstances()][];
    for (int c = 0; c < rows.length; c++) {
      Instance centroid = centroids.instance(c);
      rows[c] = centroid.toDoubleArray();
    }
    return rows;
  }

  /** Fränti's centroid index of {@code found} against {@code truth} (both in original units). */
  static int centroidIndex(double[][] found, double[][] truth) {
    return Math.max(orphans(found, truth), orphans(truth, found));
  }

  /** How many centroids of {@code to} are nearest to no centroid of {@code from}. */
  private static int orphans(double[][] from, double[][] to) {
    int columns = to[0].length;
    double[] flat = new double[to.length * columns];
    for (int c = 0; c < to.length; c++) {
      System.arraycopy(to[c], 0, flat, c * columns, columns);
    }
    boolean[] mapped = new boolean[to.length];
    for (double[] centroid : from) {
      mapped[SquaredEuclidean.nearest(centroid, 0, flat, to.length, columns)] = true;
    }
    int orphans = 0;
    for (boolean m : mapped) {
      if (!m) {
        orphans++;
      }
    }
    return orphans;
  }

  private static void printTables(
      PrintStream out, List<String> sets, List<Config> configs, int seeds) {
    StringBuilder header = new StringBuilder("| configuration |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String set : sets) {
      header.append(' ').append(set).append(" |");
      rule.append("---:|");
    }
    out.println("CI = 0 (every true cluster found) in how many of " + seeds + " seeds:\n");
    out.println(header + " all |");
    out.println(rule + "---:|");
    for (Config config : configs) {
      StringBuilder line = new StringBuilder("| " + config.name.replace("|", "\\|") + " |");
      int total = 0;
      for (String set : sets) {
        int found = config.found.get(set)[0];
        total += found;
        line.append(' ').append(found).append(" |");
      }
      line.append(String.format(Locale.ROOT, " %.0f%% |", 100.0 * total / (seeds * sets.size())));
      out.println(line);
    }
    out.println(
        "\nMean fit time in seconds (buildClusterer, median of the repeats where timed):\n");
    out.println(header);
    out.println(rule);
    for (Config config : configs) {
      StringBuilder line = new StringBuilder("| " + config.name.replace("|", "\\|") + " |");
      for (String set : sets) {
        line.append(String.format(Locale.ROOT, " %.3f |", config.seconds.get(set)[0]));
      }
      out.println(line);
    }
    Config defaults = configs.get(0);
    Config plusPlus = null;
    for (Config config : configs) {
      if (config.name.equals("kmeans++, no refinement")) {
        plusPlus = config;
      }
    }
    out.println("\nCost of a default fit relative to one k-means++ fit without refinement:\n");
    out.println(header);
    out.println(rule);
    StringBuilder line = new StringBuilder("| defaults / kmeans++ |");
    for (String set : sets) {
      line.append(
          String.format(
              Locale.ROOT, " %.2f |", defaults.seconds.get(set)[0] / plusPlus.seconds.get(set)[0]));
    }
    out.println(line);
  }
}
