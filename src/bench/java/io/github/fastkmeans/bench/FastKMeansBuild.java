package io.github.fastkmeans.bench;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.KMeansSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import weka.clusterers.FastKMeans;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * FastKMeans as a Weka user waits for it: {@code buildClusterer} on Weka {@link Instances} with
 * {@code -init given -init-file F -normalize none -refine none -empty keep -I m -num-slots t
 * -algorithm A}, the whole build timed (checks, encoding, reading the start file, the fit, the
 * model). The start's ARFF file is written before each run, untimed; the centres, the algorithm
 * that ran and the share of distances computed are read from the model afterwards, untimed.
 */
final class FastKMeansBuild extends JavaContender {

  /** The algorithms timed: {@code auto} and every one the engine offers. */
  static final java.util.List<String> ALGORITHMS = algorithms();

  private static java.util.List<String> algorithms() {
    java.util.List<String> ids = new java.util.ArrayList<>();
    ids.add(Algorithm.AUTO.id());
    ids.addAll(FastKMeansAdapter.ALGORITHMS);
    return java.util.List.copyOf(ids);
  }

  private final String algorithm;
  private final int threads;
  private final boolean onlyRowOfItsKind;

  /**
   * @param onlyRowOfItsKind false for a 1-thread row beside a row with more threads: such rows are
   *     left out on the large sets
   */
  FastKMeansBuild(String algorithm, int threads, boolean onlyRowOfItsKind) {
    if (!ALGORITHMS.contains(algorithm)) {
      throw new IllegalArgumentException(
          "Unknown FastKMeans algorithm " + algorithm + "; known: " + ALGORITHMS);
    }
    this.algorithm = algorithm;
    this.threads = threads;
    this.onlyRowOfItsKind = onlyRowOfItsKind;
  }

  @Override
  public String id() {
    return "fastkmeans-" + algorithm + "-" + threads + "t";
  }

  @Override
  String system() {
    return "FastKMeans";
  }

  @Override
  String algorithm() {
    return algorithm;
  }

  @Override
  String threads() {
    return Integer.toString(threads);
  }

  /** The subject of the benchmark: always every timed run asked for. */
  @Override
  boolean ignoresBudget() {
    return true;
  }

  @Override
  public String tooSlowFor(Dataset data) {
    if (algorithm.equals(Algorithm.KD_TREE.id())
        && (data.large || data.columns > TREE_MAX_COLUMNS)) {
      return "a k-d tree prunes little in " + data.columns + " dimensions";
    }
    if (data.large && !onlyRowOfItsKind) {
      return LARGE_SET;
    }
    return elkanRefused(algorithm, data);
  }

  /**
   * Why {@code -algorithm elkan} is refused on {@code data} with the default -elkan-memory (its
   * bounds take 8 n k bytes); null if it is not, or for another algorithm.
   */
  static String elkanRefused(String algorithm, Dataset data) {
    long bounds = 8L * data.rows * data.k;
    if (algorithm.equals(Algorithm.ELKAN.id())
        && bounds > KMeansSettings.DEFAULT_ELKAN_BUDGET_BYTES) {
      return String.format(
          Locale.ROOT,
          "Elkan's bounds would take %.1f GiB, more than -elkan-memory's default %d MiB",
          bounds / (double) (1L << 30),
          KMeansSettings.DEFAULT_ELKAN_BUDGET_BYTES >> 20);
    }
    return null;
  }

  /** The set whose instances {@link #converted} holds: the build rows share one conversion. */
  private static Dataset convertedFrom;

  private static Instances converted;

  /** The instances of {@code data}, converted once per set for all the build rows. */
  private static synchronized Instances instances(Dataset data) {
    if (convertedFrom != data) {
      converted = null;
      converted = WekaSimpleKMeans.instances(data);
      convertedFrom = data;
    }
    return converted;
  }

  @Override
  Fit prepare(Dataset data) throws IOException {
    // A build reads its instances and never changes them, so the rows can share them.
    Instances instances = instances(data);
    Path startFile = Files.createTempFile("fastkmeans-bench-start", ".arff");
    startFile.toFile().deleteOnExit();
    return new Fit() {
      private FastKMeans clusterer;

      @Override
      public void ready(double[] start, int iterations) throws Exception {
        Instances centres = new Instances(instances, data.k);
        for (int c = 0; c < data.k; c++) {
          centres.add(
              new DenseInstance(
                  1.0, Arrays.copyOfRange(start, c * data.columns, (c + 1) * data.columns)));
        }
        Files.writeString(startFile, centres.toString(), StandardCharsets.UTF_8);
        clusterer = new FastKMeans();
        // Tolerance 0 (the default): stop only when no assignment changes, or at the limit. Empty
        // clusters keep their centre, as in ELKI and Smile (none occur on the benchmark's data).
        clusterer.setOptions(
            new String[] {
              "-N",
              Integer.toString(data.k),
              "-I",
              Integer.toString(iterations),
              "-init",
              "given",
              "-init-file",
              startFile.toString(),
              "-normalize",
              "none",
              "-refine",
              "none",
              "-empty",
              "keep",
              "-algorithm",
              algorithm,
              "-num-slots",
              Integer.toString(threads)
            });
      }

      @Override
      public Outcome run() throws Exception {
        clusterer.buildClusterer(instances);
        return null;
      }

      @Override
      public Outcome describe(Outcome timed) throws Exception {
        Instances centroids = clusterer.getClusterCentroids();
        double[] centres = new double[centroids.numInstances() * data.columns];
        for (int c = 0; c < centroids.numInstances(); c++) {
          for (int j = 0; j < data.columns; j++) {
            centres[c * data.columns + j] = centroids.instance(c).value(j);
          }
        }
        String text = clusterer.toString();
        return new Outcome(centres, clusterer.getNumIterations(), converged(text), ranWhat(text));
      }
    };
  }

  /** Whether the model's text says the fit converged ("Number of iterations: 7 (converged)"). */
  static boolean converged(String modelText) {
    for (String line : modelText.split("\n")) {
      if (line.startsWith("Number of iterations: ")) {
        return line.contains("(converged)");
      }
    }
    return false;
  }

  /** "ran exponion on 2 threads, 39.12% of the distances" from the model's text. */
  static String ranWhat(String modelText) {
    String ran = null;
    String distances = null;
    for (String line : modelText.split("\n")) {
      if (line.startsWith("Algorithm: ")) {
        ran = line.substring("Algorithm: ".length()).trim();
      } else if (line.startsWith("Distances computed: ")) {
        distances = line.substring("Distances computed: ".length()).replaceFirst(" .*", "").trim();
      }
    }
    if (ran == null) {
      return null;
    }
    return "ran "
        + ran
        + (distances == null ? "" : ", computed " + distances + " of the distances");
  }
}
