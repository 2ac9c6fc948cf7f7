package io.github.fastkmeans.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import weka.clusterers.FastKMeans;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * How good a model from a stream summarised by its coreset is: on every UEF set and every real set
 * of the shared data, FastKMeans' batch defaults at the set's k against the same options fed row by
 * row (in file order) with a {@code -stream-budget} of 5% of the rows, and against scikit-learn's
 * MiniBatchKMeans (its defaults, and one epoch) on the same range-scaled data in a Python
 * subprocess. Every model's squared error is measured on all rows, in the space FastKMeans clusters
 * by default (every attribute scaled to [0,1] by its range over all rows).
 *
 * <p>Run it with {@code mvn -q -Pstreaming test [-Dstreaming.args="-sets s1,a1 -share 0.05"]}; the
 * first run makes the benchmarks' Python environment in target/bench-venv ({@link
 * PythonEnvironment}: scikit-learn and faiss-cpu from pip's configured sources). The table goes to
 * standard output in Markdown.
 */
public final class StreamingBenchmark {

  private static final List<String> UEF =
      List.of("s1", "s2", "s3", "s4", "a1", "a2", "a3", "unbalance", "dim032", "birch1", "birch2");

  private static final List<String> REAL =
      List.of(
          "iris",
          "wine",
          "seeds",
          "optdigits",
          "pendigits",
          "usps_test",
          "mnist10k",
          "letter",
          "skin_segmentation",
          "kddcup99");

  private static final String MINIBATCH_SCRIPT =
      String.join(
          "\n",
          "import sys, time, json, warnings",
          "warnings.simplefilter('ignore')",
          "import numpy as np, sklearn",
          "from sklearn.cluster import MiniBatchKMeans",
          "spec = json.load(open(sys.argv[1]))",
          "X = np.fromfile(spec['data'], dtype='<f8').reshape(spec['n'], spec['d'])",
          "for name, kwargs in (('defaults', {}), ('one-epoch', {'max_iter': 1})):",
          "    seconds = float('inf')",
          "    for _ in range(spec['repeat']):",
          "        model = MiniBatchKMeans(n_clusters=spec['k'], random_state=0, **kwargs)",
          "        start = time.perf_counter()",
          "        model.fit(X)",
          "        seconds = min(seconds, time.perf_counter() - start)",
          "    model.cluster_centers_.astype('<f8').tofile(spec['out'] + '.' + name)",
          "    print('fit', name, seconds, model.n_iter_, sklearn.__version__, flush=True)",
          "");

  private StreamingBenchmark() {}

  /** One result row. */
  private static final class Row {
    String set;
    int rows;
    int columns;
    int k;
    double batchError;
    double streamError;
    double miniBatchError;
    double oneEpochError;
    String batchCi = "-";
    String streamCi = "-";
    String miniBatchCi = "-";
    double batchSeconds;
    double streamSeconds;
    double miniBatchSeconds;
    double oneEpochSeconds;
    String coreset;
  }

  /** Options: -data DIR, -sets a,b, -share f, -repeat r, -python PATH, -no-minibatch. */
  public static void main(String[] args) throws Exception {
    Path data = Paths.get(Utils.getOption("data", args));
    // Without MiniBatchKMeans (its columns read NaN): for quick comparisons of the summary alone.
    boolean miniBatch = !Utils.getFlag("no-minibatch", args);
    String sets = Utils.getOption("sets", args);
    String shareText = Utils.getOption("share", args);
    double share = shareText.isEmpty() ? 0.05 : Double.parseDouble(shareText);
    String repeatText = Utils.getOption("repeat", args);
    // Fits of each system per set, the fastest timed (a seed fixes every fit, so each gives the
    // same model): 1 times a JVM's first stream of a set, JIT compilation included.
    int repeat = repeatText.isEmpty() ? 1 : Integer.parseInt(repeatText);
    String python = Utils.getOption("python", args);
    if (python.isEmpty() && miniBatch) {
      python = PythonEnvironment.python(PythonEnvironment.DEFAULT_FOLDER);
    }
    List<String> names = new ArrayList<>();
    if (sets.isEmpty()) {
      names.addAll(UEF);
      names.addAll(REAL);
    } else {
      names.addAll(Arrays.asList(sets.split(",")));
    }
    System.err.println(
        "FastKMeans streaming benchmark: " + names.size() + " sets, budget " + share);
    List<Row> rows = new ArrayList<>();
    Path work = Files.createTempDirectory("fastkmeans-streaming");
    for (String name : names) {
      Path folder = data.resolve(UEF.contains(name) ? "uef" : "real").resolve(name);
      rows.add(run(name, folder, share, repeat, miniBatch ? python : null, work));
    }
    System.out.println(report(rows, share, repeat));
  }

  private static Row run(
      String name, Path folder, double share, int repeat, String python, Path work)
      throws Exception {
    // The MNIST sample's files are named after its source (mnist10k_npm.*).
    String file =
        name.equals("mnist10k")
            ? "mnist10k_npm"
            : name.equals("kddcup99") ? "kddcup99-10pct-numeric" : name;
    Instances data = QualityBenchmark.load(folder, file);
    double[][] truth = UEF.contains(name) ? QualityBenchmark.groundTruth(folder) : null;
    int k = truth != null ? truth.length : classMeans(folder, name);
    Row row = new Row();
    row.set = name;
    row.rows = data.numInstances();
    row.columns = data.numAttributes();
    row.k = k;
    double[] min = new double[row.columns];
    double[] span = new double[row.columns];
    for (int a = 0; a < row.columns; a++) {
      double[] values = data.attributeToDoubleArray(a);
      min[a] = Arrays.stream(values).min().orElse(0);
      double max = Arrays.stream(values).max().orElse(0);
      span[a] = max > min[a] ? max - min[a] : 1;
    }

    FastKMeans batch = null;
    row.batchSeconds = Double.POSITIVE_INFINITY;
    for (int r = 0; r < repeat; r++) {
      long start = System.nanoTime();
      batch = new FastKMeans();
      batch.setOptions(Utils.splitOptions("-N " + k));
      batch.buildClusterer(data);
      row.batchSeconds = Math.min(row.batchSeconds, (System.nanoTime() - start) / 1e9);
    }
    double[][] batchCentres = QualityBenchmark.rows(batch.getClusterCentroids());

    // 8 bytes per value and weight: the budget that keeps the given share of the rows.
    double budget = share * row.rows * 8.0 * (row.columns + 1) / (1 << 20);
    FastKMeans streamed = null;
    row.streamSeconds = Double.POSITIVE_INFINITY;
    for (int r = 0; r < repeat; r++) {
      long start = System.nanoTime();
      streamed = new FastKMeans();
      streamed.setOptions(
          Utils.splitOptions(
              "-N " + k + " -stream-budget " + String.format(Locale.ROOT, "%.6f", budget)));
      streamed.buildClusterer(new Instances(data, 0));
      for (Instance instance : data) {
        streamed.updateClusterer(instance);
      }
      streamed.updateFinished();
      row.streamSeconds = Math.min(row.streamSeconds, (System.nanoTime() - start) / 1e9);
    }
    String text = streamed.toString();
    int at = text.indexOf("Training data: ");
    row.coreset = text.substring(at + 15, text.indexOf('\n', at)).replaceAll(" \\(.*", "");
    double[][] streamCentres = QualityBenchmark.rows(streamed.getClusterCentroids());

    row.batchError = error(data, batchCentres, min, span);
    row.streamError = error(data, streamCentres, min, span);
    if (truth != null) {
      row.batchCi = Integer.toString(QualityBenchmark.centroidIndex(batchCentres, truth));
      row.streamCi = Integer.toString(QualityBenchmark.centroidIndex(streamCentres, truth));
    }
    if (python != null) {
      double[][][] miniBatch = miniBatch(python, data, k, min, span, work, row, repeat);
      row.miniBatchError = error(data, miniBatch[0], min, span);
      row.oneEpochError = error(data, miniBatch[1], min, span);
      if (truth != null) {
        row.miniBatchCi = Integer.toString(QualityBenchmark.centroidIndex(miniBatch[0], truth));
      }
    } else {
      row.miniBatchError = Double.NaN;
      row.oneEpochError = Double.NaN;
    }
    System.err.printf(
        Locale.ROOT,
        "%s: batch %.6g, stream %.6g (%+.2f%%), CI %s / %s, %.2f / %.2f s, MiniBatch %.6g, one"
            + " epoch %.6g; %s%n",
        name,
        row.batchError,
        row.streamError,
        100 * (row.streamError / row.batchError - 1),
        row.batchCi,
        row.streamCi,
        row.batchSeconds,
        row.streamSeconds,
        row.miniBatchError,
        row.oneEpochError,
        row.coreset);
    return row;
  }

  /** The number of clusters of a real set: the lines of its class-means file. */
  private static int classMeans(Path folder, String name) throws IOException {
    Path means = folder.resolve(name + "-class-means.txt");
    if (!Files.exists(means)) {
      try (var files = Files.list(folder)) {
        means =
            files
                .filter(p -> p.getFileName().toString().endsWith("-class-means.txt"))
                .findFirst()
                .orElseThrow(() -> new IOException("No class means in " + folder));
      }
    }
    return (int)
        Files.readAllLines(means, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .count();
  }

  /** The squared error of {@code centres} (original units) on every row, range-scaled. */
  private static double error(Instances data, double[][] centres, double[] min, double[] span) {
    int columns = data.numAttributes();
    double[][] scaled = new double[centres.length][columns];
    for (int c = 0; c < centres.length; c++) {
      for (int a = 0; a < columns; a++) {
        scaled[c][a] = (centres[c][a] - min[a]) / span[a];
      }
    }
    double total = 0;
    for (Instance instance : data) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] centre : scaled) {
        double sum = 0;
        for (int a = 0; a < columns; a++) {
          double diff = (instance.value(a) - min[a]) / span[a] - centre[a];
          sum += diff * diff;
        }
        best = Math.min(best, sum);
      }
      total += instance.weight() * best;
    }
    return total;
  }

  /** MiniBatchKMeans' centres (defaults, then one epoch) in original units. */
  private static double[][][] miniBatch(
      String python,
      Instances data,
      int k,
      double[] min,
      double[] span,
      Path work,
      Row row,
      int repeat)
      throws Exception {
    int n = data.numInstances();
    int d = data.numAttributes();
    ByteBuffer buffer = ByteBuffer.allocate(8 * n * d).order(ByteOrder.LITTLE_ENDIAN);
    for (Instance instance : data) {
      for (int a = 0; a < d; a++) {
        buffer.putDouble((instance.value(a) - min[a]) / span[a]);
      }
    }
    Path input = work.resolve("data.bin");
    Files.write(input, buffer.array());
    Path out = work.resolve("centres");
    Path spec = work.resolve("spec.json");
    Files.writeString(
        spec,
        String.format(
            Locale.ROOT,
            "{\"data\": \"%s\", \"n\": %d, \"d\": %d, \"k\": %d, \"out\": \"%s\","
                + " \"repeat\": %d}",
            input,
            n,
            d,
            k,
            out,
            repeat));
    Path script = work.resolve("minibatch.py");
    Files.writeString(script, MINIBATCH_SCRIPT);
    Process process =
        new ProcessBuilder(python, script.toString(), spec.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException("MiniBatchKMeans failed:\n" + output);
    }
    for (String line : output.split("\n")) {
      String[] parts = line.trim().split(" ");
      if (parts[0].equals("fit") && parts[1].equals("defaults")) {
        row.miniBatchSeconds = Double.parseDouble(parts[2]);
      } else if (parts[0].equals("fit")) {
        row.oneEpochSeconds = Double.parseDouble(parts[2]);
      }
    }
    double[][][] centres = new double[2][][];
    String[] names = {"defaults", "one-epoch"};
    for (int m = 0; m < 2; m++) {
      ByteBuffer read =
          ByteBuffer.wrap(Files.readAllBytes(Paths.get(out + "." + names[m])))
              .order(ByteOrder.LITTLE_ENDIAN);
      centres[m] = new double[k][d];
      for (int c = 0; c < k; c++) {
        for (int a = 0; a < d; a++) {
          centres[m][c][a] = read.getDouble() * span[a] + min[a];
        }
      }
    }
    return centres;
  }

  private static String report(List<Row> rows, double share, int repeat) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Streaming benchmark: budget %.0f%% of the rows; squared error on all rows, range-scaled;"
                + " times the fastest of %d fit(s) per system; Java %s; %s%n%n",
            100 * share,
            repeat,
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors() + " processors"));
    text.append(
        "| set | n x d | k | batch error | streamed (coreset) | MiniBatch defaults | MiniBatch one"
            + " epoch | CI batch / stream / MiniBatch | time batch / stream / MiniBatch (s) |"
            + " coreset |\n");
    text.append("|---|---|---:|---:|---:|---:|---:|:---:|---:|---|\n");
    List<Double> ratios = new ArrayList<>();
    int beaten = 0;
    int ciKept = 0;
    int ciBatch = 0;
    for (Row row : rows) {
      double ratio = row.streamError / row.batchError;
      ratios.add(ratio);
      if (row.streamError < row.miniBatchError) {
        beaten++;
      }
      if ("0".equals(row.batchCi)) {
        ciBatch++;
        if ("0".equals(row.streamCi)) {
          ciKept++;
        }
      }
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %d x %d | %d | %.6g | %.6g (%+.2f%%) | %.6g (%+.2f%%) | %.6g (%+.2f%%) | %s /"
                  + " %s / %s | %.2f / %.2f / %.2f | %s |%n",
              row.set,
              row.rows,
              row.columns,
              row.k,
              row.batchError,
              row.streamError,
              100 * (ratio - 1),
              row.miniBatchError,
              100 * (row.miniBatchError / row.batchError - 1),
              row.oneEpochError,
              100 * (row.oneEpochError / row.batchError - 1),
              row.batchCi,
              row.streamCi,
              row.miniBatchCi,
              row.batchSeconds,
              row.streamSeconds,
              row.miniBatchSeconds,
              row.coreset));
    }
    List<Double> sorted = new ArrayList<>(ratios);
    sorted.sort(null);
    double median =
        sorted.size() % 2 == 1
            ? sorted.get(sorted.size() / 2)
            : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    text.append(
        String.format(
            Locale.ROOT,
            "%nStreamed vs batch squared error: median %+.2f%%, worst %+.2f%%; every cluster found"
                + " (CI 0) by the stream on %d of the %d UEF sets where the batch finds them; lower"
                + " error than MiniBatchKMeans' defaults on %d of %d sets.%n",
            100 * (median - 1),
            100 * (sorted.get(sorted.size() - 1) - 1),
            ciKept,
            ciBatch,
            beaten,
            rows.size()));
    return text.toString();
  }
}
