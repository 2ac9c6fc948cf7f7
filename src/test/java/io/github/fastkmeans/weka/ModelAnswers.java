package io.github.fastkmeans.weka;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import weka.clusterers.FastKMeans;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * Everything a FastKMeans model answers about a data set, as text that round-trips every double:
 * run as a program in a fresh JVM on saved models, and called in the test's JVM on the originals.
 */
public final class ModelAnswers {

  private ModelAnswers() {}

  /**
   * The model's text, centroids and assignments, and its answers for every instance of {@code
   * data}.
   */
  public static String of(FastKMeans kmeans, Instances data) throws Exception {
    StringBuilder text = new StringBuilder();
    text.append(kmeans).append('\n');
    text.append(kmeans.getClusterCentroids()).append('\n');
    text.append(Arrays.toString(kmeans.getAssignments())).append('\n');
    text.append(Arrays.toString(kmeans.getClusterSizes())).append('\n');
    text.append(kmeans.getSquaredError())
        .append(' ')
        .append(kmeans.getNumIterations())
        .append('\n');
    text.append(String.join(" ", kmeans.getOptions())).append('\n');
    for (Instance instance : data) {
      text.append(kmeans.clusterInstance(instance))
          .append(' ')
          .append(Arrays.toString(kmeans.distributionForInstance(instance)))
          .append(' ')
          .append(Arrays.toString(kmeans.distancesToCentroids(instance)))
          .append('\n');
    }
    return text.toString();
  }

  /**
   * Reads an ARFF file with Weka's ARFF reader (no converter discovery: a fresh JVM stays quick).
   */
  public static Instances readArff(String path) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(Paths.get(path), StandardCharsets.UTF_8)) {
      return new Instances(reader);
    }
  }

  /**
   * {@code ModelAnswers data.arff model...}: prints, for each model file (read with Weka's
   * SerializationHelper, which also reads files saved with -d), a line "== file" and its answers.
   */
  public static void main(String[] args) throws Exception {
    Instances data = readArff(args[0]);
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < args.length; i++) {
      FastKMeans kmeans = (FastKMeans) SerializationHelper.read(args[i]);
      out.append("== ").append(args[i]).append('\n').append(of(kmeans, data));
    }
    System.out.print(out);
    System.out.flush();
  }
}
