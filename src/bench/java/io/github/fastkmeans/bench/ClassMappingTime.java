package io.github.fastkmeans.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import weka.clusterers.ClusterEvaluation;
import weka.clusterers.FastKMeans;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;

/**
 * How long Weka's classes-to-clusters evaluation spends mapping classes to clusters, by number of
 * clusters. Weka's {@code ClusterEvaluation.mapClasses} tries every mapping (each cluster takes no
 * class or a class among its instances that no earlier cluster took), so its time grows
 * combinatorially with k and with how many classes share a cluster; it runs after the fit, and the
 * command prints nothing until it ends.
 *
 * <p>For each k, in a JVM of its own (a search that runs past the limit cannot be stopped
 * otherwise): FastKMeans with its defaults and {@code -S seed} on the data without its class (the
 * last attribute), then {@code mapClasses} on the counts of classes per cluster, exactly as
 * ClusterEvaluation computes them. Larger k are skipped once one k runs past the limit.
 *
 * <pre>
 * java -cp "$(cat target/bench-classpath.txt)" io.github.fastkmeans.bench.ClassMappingTime \
 *     ../shared/data/real/letter/letter.arff 4,5,6,7,8,9 [seed 1] [limit seconds 300]
 * </pre>
 */
public final class ClassMappingTime {

  private ClassMappingTime() {}

  /** Arguments: ARFF file (class last), comma-separated k, optional seed and limit in seconds. */
  public static void main(String[] args) throws Exception {
    if (args.length >= 1 && args[0].equals("--one")) {
      System.out.println(measure(Paths.get(args[1]), Integer.parseInt(args[2]), args[3]));
      return;
    }
    if (args.length < 2) {
      System.err.println("usage: ClassMappingTime <data.arff> <k,k,...> [seed] [limit seconds]");
      System.exit(2);
    }
    String seed = args.length > 2 ? args[2] : "1";
    long limit = args.length > 3 ? Long.parseLong(args[3]) : 300;
    System.out.println("data: " + args[0] + ", FastKMeans defaults with -S " + seed);
    System.out.println("| k | classes | fit s | mapping s | classes per cluster | errors |");
    System.out.println("|---:|---:|---:|---:|---:|---:|");
    for (String k : args[1].split(",")) {
      String row = inChildJvm(args[0], k.trim(), seed, limit);
      System.out.println(row);
      if (row.contains("> " + limit)) {
        break;
      }
    }
  }

  /**
   * Runs {@link #measure} for one k in a new JVM; the row, or a note that it ran past the limit.
   */
  private static String inChildJvm(String data, String k, String seed, long limit)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx3g");
    command.add("-Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ClassMappingTime.class.getName());
    command.addAll(List.of("--one", data, k, seed));
    Path out = Files.createTempFile("class-mapping", ".txt");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!process.waitFor(limit, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return "| " + k + " | | | > " + limit + " (stopped) | | |";
      }
      return Files.readString(out, StandardCharsets.UTF_8).trim();
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** Fits k clusters and times Weka's class mapping; one Markdown table row. */
  private static String measure(Path data, int k, String seed) throws Exception {
    Instances withClass = DataSource.read(data.toString());
    withClass.setClassIndex(withClass.numAttributes() - 1);
    Remove remove = new Remove();
    remove.setAttributeIndices(Integer.toString(withClass.numAttributes()));
    remove.setInputFormat(withClass);
    Instances withoutClass = Filter.useFilter(withClass, remove);

    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions("-N " + k + " -S " + seed));
    long start = System.nanoTime();
    kmeans.buildClusterer(withoutClass);
    double fitSeconds = (System.nanoTime() - start) / 1e9;

    int classes = withClass.classAttribute().numValues();
    int[][] counts = new int[k][classes];
    int[] clusterTotals = new int[k];
    int[] labels = kmeans.getAssignments();
    for (int i = 0; i < withClass.numInstances(); i++) {
      if (!withClass.instance(i).classIsMissing()) {
        counts[labels[i]][(int) withClass.instance(i).classValue()]++;
        clusterTotals[labels[i]]++;
      }
    }
    int shared = 0;
    for (int[] row : counts) {
      for (int count : row) {
        shared += count > 0 ? 1 : 0;
      }
    }
    double[] best = new double[k + 1];
    double[] current = new double[k + 1];
    best[k] = Double.MAX_VALUE;
    start = System.nanoTime();
    ClusterEvaluation.mapClasses(k, 0, counts, clusterTotals, current, best, 0);
    double mappingSeconds = (System.nanoTime() - start) / 1e9;
    return String.format(
        Locale.ROOT,
        "| %d | %d | %.2f | %.3f | %.1f | %.0f |",
        k,
        classes,
        fitSeconds,
        mappingSeconds,
        shared / (double) k,
        best[k]);
  }
}
