package io.github.fastkmeans.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.clusterers.ClusterEvaluation;
import weka.clusterers.FastKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

/**
 * A model fitted on Spark, written as a Weka model file, is read by Weka's own command-line
 * evaluation ({@code -l model -T new.arff}) and assigns new data as the Spark model does; with the
 * same start and range normalisation, Weka's FastKMeans on the same data finds the same clusters.
 */
class WekaModelFileTest {

  @TempDir Path folder;

  @Test
  void wekaReadsTheModelAndAssignsAsSpark() throws Exception {
    DataMatrix data = SparkTests.blobs(31, 2200, 3, 5, false);
    Dataset<Row> frame = SparkTests.frame(data, 7, 2);
    double[] start = java.util.Arrays.copyOf(data.values(), 5 * 3);
    FastKMeansModel model =
        new io.github.fastkmeans.spark.FastKMeans()
            .setK(5)
            .setNormalize("range")
            .setInitialCenters(SparkTests.asArrays(start, 3))
            .fit(frame);
    Path modelFile = folder.resolve("spark.model");
    model.writeWekaModel(modelFile.toString());

    DataMatrix fresh = SparkTests.blobs(32, 300, 3, 5, false);
    Path arff = folder.resolve("new.arff");
    writeArff(fresh, arff);
    String output =
        ClusterEvaluation.evaluateClusterer(
            new FastKMeans(),
            new String[] {"-l", modelFile.toString(), "-T", arff.toString(), "-p", "0"});
    int[] wekaLabels = labelsFromPredictions(output, fresh.rows());
    int[] sparkLabels = ExactFitTest.predictions(model, SparkTests.frame(fresh, 2, 3));
    assertArrayEquals(sparkLabels, wekaLabels);

    Object[] read = SerializationHelper.readAll(modelFile.toString());
    FastKMeans clusterer = (FastKMeans) read[0];
    assertEquals(5, clusterer.numberOfClusters());
    assertTrue(read[1] instanceof Instances);
    assertTrue(clusterer.toString().contains("Normalization: range"), clusterer.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "range", "standardize"})
  void wekaFindsTheSameClustersFromTheSameStart(String normalize) throws Exception {
    DataMatrix data = SparkTests.blobs(33, 1800, 4, 6, false);
    double[] start = java.util.Arrays.copyOf(data.values(), 6 * 4);
    FastKMeansModel model =
        new io.github.fastkmeans.spark.FastKMeans()
            .setK(6)
            .setNormalize(normalize)
            .setInitialCenters(SparkTests.asArrays(start, 4))
            .fit(SparkTests.frame(data, 2, 4));

    Path centres = folder.resolve("centres.arff");
    writeArff(DataMatrix.of(6, 4, start), centres);
    FastKMeans weka = new FastKMeans();
    weka.setOptions(
        Utils.splitOptions(
            "-N 6 -init given -init-file "
                + centres
                + " -normalize "
                + normalize
                + " -refine none"));
    weka.buildClusterer(instances(data));

    assertArrayEquals(model.fitted().labels, weka.getAssignments());
    assertEquals(model.numIter(), weka.getNumIterations());
    if (!normalize.equals("standardize")) {
      // No scaling, or the exact minimum and maximum: the same encoded values, the same bits.
      assertEquals(model.trainingCost(), weka.getSquaredError());
    } else {
      // Means and deviations are summed in another order on the cluster.
      assertEquals(weka.getSquaredError(), model.trainingCost(), 1e-9 * weka.getSquaredError());
    }
  }

  private static int[] labelsFromPredictions(String output, int rows) {
    // Weka prints one "<index> <cluster>" line per instance with -p.
    Matcher matcher = Pattern.compile("(?m)^\\s*(\\d+)\\s+(\\d+)\\s*$").matcher(output);
    int[] labels = new int[rows];
    int found = 0;
    while (matcher.find()) {
      labels[Integer.parseInt(matcher.group(1))] = Integer.parseInt(matcher.group(2));
      found++;
    }
    assertEquals(rows, found, output);
    return labels;
  }

  private static Instances instances(DataMatrix data) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int j = 0; j < data.columns(); j++) {
      attributes.add(new Attribute("x" + j));
    }
    Instances out = new Instances("spark-features", attributes, data.rows());
    for (int row = 0; row < data.rows(); row++) {
      out.add(new DenseInstance(1, data.row(row)));
    }
    return out;
  }

  private static void writeArff(DataMatrix data, Path file) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
      out.println("@relation spark-features");
      for (int j = 0; j < data.columns(); j++) {
        out.println("@attribute x" + j + " numeric");
      }
      out.println("@data");
      for (int row = 0; row < data.rows(); row++) {
        StringBuilder line = new StringBuilder();
        for (int j = 0; j < data.columns(); j++) {
          line.append(j == 0 ? "" : ",")
              .append(String.format(Locale.ROOT, "%.17g", data.value(row, j)));
        }
        out.println(line);
      }
    }
  }
}
