package io.github.fastkmeans.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.EmptyClusterPolicy;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.KMeansSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * From the same start, the Spark fit gives the in-process engine's assignments, iteration count,
 * centres and squared error, bit for bit, for 1, 2 and 7 partitions of uneven sizes.
 */
class ExactFitTest {

  @ParameterizedTest(name = "{0} partitions, layout {1}, {2}, weighted {3}")
  @CsvSource({
    "1, 1, exponion, false",
    "2, 2, exponion, true",
    "7, 3, exponion, true",
    "7, 4, hamerly, false",
    "7, 5, lloyd, true",
    "2, 6, elkan, false",
    "7, 7, kdtree, true",
    "7, 8, auto, false"
  })
  void sameFitAsTheEngine(int partitions, long layout, String algorithm, boolean weighted)
      throws InterruptedException {
    DataMatrix data = SparkTests.blobs(11, 4100, algorithm.equals("kdtree") ? 3 : 5, 7, weighted);
    double[] start = Arrays.copyOf(data.values(), 7 * data.columns());
    KMeansResult expected =
        new KMeans(KMeansSettings.DEFAULTS.withAlgorithm(Algorithm.LLOYD)).fit(data, start);

    FastKMeans kmeans =
        new FastKMeans()
            .setK(7)
            .setAlgorithm(algorithm)
            .setInitialCenters(SparkTests.asArrays(start, data.columns()));
    if (weighted) {
      kmeans.setWeightCol("weight");
    }
    Dataset<Row> frame = SparkTests.frame(data, partitions, layout);
    FastKMeansModel model = kmeans.fit(frame);

    assertEquals(expected.iterations(), model.numIter());
    assertArrayEquals(expected.centres(), model.scaledCenters());
    assertEquals(expected.squaredError(), model.trainingCost());
    assertArrayEquals(expected.labels(), predictions(model, frame));
    assertArrayEquals(expected.clusterWeights(), model.summary().clusterWeights());
  }

  @Test
  void relocatesAnEmptyClusterAsTheEngineDoes() throws InterruptedException {
    DataMatrix data = SparkTests.blobs(12, 3000, 4, 5, true);
    double[] start = Arrays.copyOf(data.values(), 6 * data.columns());
    // A centre far from every row empties in the first pass and must be relocated.
    Arrays.fill(start, 5 * 4, 6 * 4, 1e4);
    KMeansResult expected =
        new KMeans(
                KMeansSettings.DEFAULTS
                    .withAlgorithm(Algorithm.LLOYD)
                    .withEmptyClusterPolicy(EmptyClusterPolicy.RELOCATE))
            .fit(data, start);
    assertTrue(expected.relocations() > 0);

    FastKMeansModel model =
        new FastKMeans()
            .setK(6)
            .setWeightCol("weight")
            .setAlgorithm("hamerly")
            .setInitialCenters(SparkTests.asArrays(start, 4))
            .fit(SparkTests.frame(data, 7, 9));

    assertEquals(expected.iterations(), model.numIter());
    assertArrayEquals(expected.centres(), model.scaledCenters());
  }

  @Test
  void toleranceAndIterationLimitStopAsTheEngine() throws InterruptedException {
    DataMatrix data = SparkTests.blobs(13, 2600, 6, 9, false);
    double[] start = Arrays.copyOf(data.values(), 9 * 6);
    for (KMeansSettings settings :
        List.of(
            KMeansSettings.DEFAULTS.withMaxIterations(3),
            KMeansSettings.DEFAULTS.withTolerance(1e-2))) {
      KMeansResult expected = new KMeans(settings).fit(data, start);
      Dataset<Row> frame = SparkTests.frame(data, 2, 10);
      FastKMeansModel model =
          new FastKMeans()
              .setK(9)
              .setMaxIter(settings.maxIterations())
              .setTol(settings.tolerance())
              .setInitialCenters(SparkTests.asArrays(start, 6))
              .fit(frame);
      assertEquals(expected.iterations(), model.numIter());
      assertEquals(expected.converged(), model.summary().converged());
      assertArrayEquals(expected.centres(), model.scaledCenters());
      assertArrayEquals(expected.labels(), predictions(model, frame));
    }
  }

  /**
   * The model answers for one row as it does for the frame, says how it scaled the features, and
   * reported every pass of the fit, the rows it moved falling to none at convergence.
   */
  @Test
  void oneRowIsPredictedAsTheFrameAndEveryIterationIsReported() throws InterruptedException {
    DataMatrix data = SparkTests.blobs(14, 1500, 3, 4, false);
    double[] start = Arrays.copyOf(data.values(), 4 * 3);
    List<IterationProgress> reports = new ArrayList<>();
    Dataset<Row> frame = SparkTests.frame(data, 3, 11);
    FastKMeansModel model =
        new FastKMeans()
            .setK(4)
            .setNormalize("range")
            .setInitialCenters(SparkTests.asArrays(start, 3))
            .setProgress(reports::add)
            .fit(frame);

    assertEquals("range", model.scaling().kind());
    int[] labels = predictions(model, frame);
    for (int row = 0; row < data.rows(); row += 37) {
      double[] values = Arrays.copyOfRange(data.values(), row * 3, row * 3 + 3);
      assertEquals(labels[row], model.predict(Vectors.dense(values)), "row " + row);
    }
    assertTrue(model.summary().converged());
    assertTrue(reports.size() >= model.numIter(), reports.toString());
    assertTrue(reports.get(0).moved() > 0, reports.toString());
    assertEquals(0, reports.get(reports.size() - 1).moved(), reports.toString());
  }

  static int[] predictions(FastKMeansModel model, Dataset<Row> frame) {
    return model.transform(frame).select("prediction").collectAsList().stream()
        .mapToInt(row -> row.getInt(0))
        .toArray();
  }
}
