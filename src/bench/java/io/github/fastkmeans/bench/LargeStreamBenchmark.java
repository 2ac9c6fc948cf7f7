package io.github.fastkmeans.bench;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import weka.clusterers.FastKMeans;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;
import weka.core.converters.ArffLoader;

/**
 * A file larger than the heap, end to end: writes an ARFF of Gaussian blobs (default 20 million
 * rows by 8 numeric attributes) to a temporary folder, clusters it with Weka's command line in a
 * JVM of {@code -Xmx1g} ({@code weka.clusterers.FastKMeans -t big.arff -N 20 -d model}, which
 * streams the file), and reports wall time, peak heap (from the GC log), rows per second, the time
 * Weka's ARFF reader alone takes over the file, and the squared error of the model on the first
 * million rows against a batch fit of those rows. SimpleKMeans is run the same way, with a time
 * limit. The folder is deleted at the end.
 *
 * <p>{@code mvn -q -Plarge-stream test [-Dlarge.args="-rows 20000000 -k 20 -heap 1g -dir /tmp"]}
 */
public final class LargeStreamBenchmark {

  private static final int COLUMNS = 8;
  private static final int SAMPLE = 1_000_000;

  private LargeStreamBenchmark() {}

  /** Options: -rows, -k, -heap, -dir, -classpath (the package's and Weka's). */
  public static void main(String[] args) throws Exception {
    long rows = option(args, "rows", 20_000_000L);
    int k = (int) option(args, "k", 20L);
    String heap = orDefault(Utils.getOption("heap", args), "1g");
    Path parent =
        Paths.get(orDefault(Utils.getOption("dir", args), System.getProperty("java.io.tmpdir")));
    String classPath =
        orDefault(Utils.getOption("classpath", args), System.getProperty("java.class.path"));
    Path dir = Files.createTempDirectory(parent, "fastkmeans-large");
    try {
      run(dir, rows, k, heap, classPath);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static void run(Path dir, long rows, int k, String heap, String classPath)
      throws Exception {
    Path arff = dir.resolve("big.arff");
    long start = System.nanoTime();
    writeBlobs(arff, rows, k);
    System.out.printf(
        Locale.ROOT,
        "Wrote %,d rows x %d attributes (%,d MB) in %.1f s%n",
        rows,
        COLUMNS,
        Files.size(arff) >> 20,
        (System.nanoTime() - start) / 1e9);

    Child read = child(dir, heap, classPath, "read", ArffReadTime.class.getName(), arff.toString());
    System.out.printf(
        Locale.ROOT, "Weka's ArffLoader alone, one pass: %.1f s%n%s%n", read.seconds, read.output);

    Path model = dir.resolve("fastkmeans.model");
    Child fast =
        child(
            dir,
            heap,
            classPath,
            "fastkmeans",
            FastKMeans.class.getName(),
            "-t",
            arff.toString(),
            "-N",
            Integer.toString(k),
            "-d",
            model.toString());
    System.out.printf(
        Locale.ROOT,
        "FastKMeans (-Xmx%s, streamed by Weka's command line): exit %d, %.1f s wall, %,.0f rows/s,"
            + " peak heap %d MB (largest after a collection: %d MB)%n",
        heap,
        fast.exit,
        fast.seconds,
        rows / fast.seconds,
        fast.peakHeapMb,
        fast.afterCollectionMb);
    String text = fast.output;
    int at = text.indexOf("Training data:");
    if (at >= 0) {
      System.out.println(text.substring(at, text.indexOf('\n', at)));
    } else {
      System.out.println(text.length() > 4000 ? text.substring(0, 4000) : text);
    }
    System.out.printf(
        Locale.ROOT,
        "ARFF parsing share: the command reads the file twice (training stream, then the"
            + " evaluation pass): %.1f s of %.1f s (%.0f%%)%n",
        2 * read.seconds,
        fast.seconds,
        100 * 2 * read.seconds / fast.seconds);

    Instances sample = firstRows(arff, SAMPLE);
    FastKMeans streamed = (FastKMeans) SerializationHelper.readAll(model.toString())[0];
    FastKMeans batch = new FastKMeans();
    batch.setOptions(Utils.splitOptions("-N " + k));
    start = System.nanoTime();
    batch.buildClusterer(sample);
    double batchSeconds = (System.nanoTime() - start) / 1e9;
    double streamedError = error(sample, streamed.getClusterCentroids());
    double batchError = error(sample, batch.getClusterCentroids());
    System.out.printf(
        Locale.ROOT,
        "Squared error on the first %,d rows (original units): streamed model %.6g, batch fit of"
            + " those rows %.6g (%.1f s): %+.2f%%%n",
        SAMPLE,
        streamedError,
        batchError,
        batchSeconds,
        100 * (streamedError / batchError - 1));

    Child simple =
        child(
            dir,
            heap,
            classPath,
            "simplekmeans",
            "weka.clusterers.SimpleKMeans",
            "-t",
            arff.toString(),
            "-N",
            Integer.toString(k));
    String last = simple.output.strip();
    int cut = Math.max(0, last.length() - 600);
    System.out.printf(
        Locale.ROOT,
        "SimpleKMeans (-Xmx%s): exit %d after %.1f s, peak heap %d MB; last output:%n%s%n",
        heap,
        simple.exit,
        simple.seconds,
        simple.peakHeapMb,
        last.substring(cut));
  }

  /** Writes {@code rows} rows of {@code k} Gaussian blobs (sd 1 to 3, centres in [0, 100]^8). */
  private static void writeBlobs(Path arff, long rows, int k) throws IOException {
    Random random = new Random(20_000_000L + k);
    double[][] centres = new double[k][COLUMNS];
    double[] spread = new double[k];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < COLUMNS; j++) {
        centres[c][j] = 100 * random.nextDouble();
      }
      spread[c] = 1 + 2 * random.nextDouble();
    }
    try (BufferedWriter out = Files.newBufferedWriter(arff, StandardCharsets.US_ASCII)) {
      out.write("@relation blobs\n\n");
      for (int j = 0; j < COLUMNS; j++) {
        out.write("@attribute x" + j + " numeric\n");
      }
      out.write("\n@data\n");
      StringBuilder line = new StringBuilder();
      for (long row = 0; row < rows; row++) {
        int c = random.nextInt(k);
        line.setLength(0);
        for (int j = 0; j < COLUMNS; j++) {
          if (j > 0) {
            line.append(',');
          }
          double value = centres[c][j] + spread[c] * random.nextGaussian();
          line.append(Math.round(value * 1e4) / 1e4);
        }
        line.append('\n');
        out.append(line);
      }
    }
  }

  /** The first {@code count} rows of {@code arff}, read incrementally. */
  private static Instances firstRows(Path arff, int count) throws IOException {
    ArffLoader loader = new ArffLoader();
    loader.setFile(arff.toFile());
    Instances structure = loader.getStructure();
    Instances rows = new Instances(structure, count);
    Instance row;
    while (rows.numInstances() < count && (row = loader.getNextInstance(structure)) != null) {
      rows.add(row);
    }
    return rows;
  }

  /** The squared error of {@code centroids} on {@code data}, in original units. */
  private static double error(Instances data, Instances centroids) {
    double total = 0;
    for (Instance instance : data) {
      double best = Double.POSITIVE_INFINITY;
      for (Instance centroid : centroids) {
        double sum = 0;
        for (int j = 0; j < data.numAttributes(); j++) {
          double diff = instance.value(j) - centroid.value(j);
          sum += diff * diff;
        }
        best = Math.min(best, sum);
      }
      total += best;
    }
    return total;
  }

  /** What a child JVM did. */
  private static final class Child {
    int exit;
    double seconds;
    long peakHeapMb;
    long afterCollectionMb;
    String output;
  }

  /** Runs {@code mainClass} in a JVM of heap {@code heap}, logging its GC to find the peak heap. */
  private static Child child(
      Path dir, String heap, String classPath, String name, String mainClass, String... args)
      throws Exception {
    Path gcLog = dir.resolve(name + "-gc.log");
    Path output = dir.resolve(name + ".out");
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-Xlog:gc:file=" + gcLog);
    command.add("-Dweka.packageManager.offline=true");
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(List.of(args));
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    Child child = new Child();
    if (!process.waitFor(60, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      child.exit = -1;
    } else {
      child.exit = process.exitValue();
    }
    child.seconds = (System.nanoTime() - start) / 1e9;
    child.output = Files.readString(output, StandardCharsets.UTF_8);
    child.peakHeapMb = largestHeap(gcLog, 1);
    child.afterCollectionMb = largestHeap(gcLog, 2);
    return child;
  }

  /**
   * The largest heap occupancy in a -Xlog:gc log, in MB: before a collection ({@code which} 1, how
   * full the heap got) or after one (2: at most what stayed reachable, since a young collection
   * leaves the old generation's garbage).
   */
  private static long largestHeap(Path gcLog, int which) throws IOException {
    if (!Files.exists(gcLog)) {
      return -1;
    }
    Matcher collection =
        Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)").matcher(Files.readString(gcLog));
    long largest = 0;
    while (collection.find()) {
      largest = Math.max(largest, Long.parseLong(collection.group(which)));
    }
    return largest;
  }

  private static long option(String[] args, String name, long fallback) throws Exception {
    String value = Utils.getOption(name, args);
    return value.isEmpty() ? fallback : Long.parseLong(value.replace("_", ""));
  }

  private static String orDefault(String value, String fallback) {
    return value.isEmpty() ? fallback : value;
  }

  /** Reads an ARFF file once with Weka's incremental ArffLoader; prints the rows read. */
  public static final class ArffReadTime {
    private ArffReadTime() {}

    /** The file to read. */
    public static void main(String[] args) throws IOException {
      ArffLoader loader = new ArffLoader();
      loader.setFile(new File(args[0]));
      Instances structure = loader.getStructure();
      long rows = 0;
      while (loader.getNextInstance(structure) != null) {
        rows++;
      }
      System.out.println("rows read: " + rows);
    }
  }
}
