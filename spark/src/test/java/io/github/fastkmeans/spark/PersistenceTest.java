package io.github.fastkmeans.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fastkmeans.engine.DataMatrix;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark ML save and load of the estimator and the model. */
class PersistenceTest {

  @TempDir Path folder;

  @Test
  void aSavedModelLoadsWithItsCentresFiguresAndParameters() throws Exception {
    DataMatrix data = SparkTests.blobs(21, 1500, 3, 4, true);
    Dataset<Row> frame = SparkTests.frame(data, 2, 1);
    FastKMeansModel model =
        new FastKMeans()
            .setK(4)
            .setNormalize("range")
            .setWeightCol("weight")
            .setAlgorithm("hamerly")
            .setSeed(5)
            .fit(frame);
    String path = folder.resolve("model").toString();
    model.write().save(path);
    FastKMeansModel loaded = FastKMeansModel.load(path);

    assertEquals(model.uid(), loaded.uid());
    assertArrayEquals(model.scaledCenters(), loaded.scaledCenters());
    assertEquals(Arrays.asList(model.clusterCenters()), Arrays.asList(loaded.clusterCenters()));
    assertEquals(model.trainingCost(), loaded.trainingCost());
    assertEquals(model.numIter(), loaded.numIter());
    assertArrayEquals(model.summary().clusterSizes(), loaded.summary().clusterSizes());
    assertEquals("range", loaded.getNormalize());
    assertEquals("hamerly", loaded.getAlgorithm());
    assertEquals("weight", loaded.getWeightCol());
    assertArrayEquals(
        ExactFitTest.predictions(model, frame), ExactFitTest.predictions(loaded, frame));
  }

  @Test
  void aSavedEstimatorKeepsItsParameters() throws Exception {
    FastKMeans kmeans =
        new FastKMeans().setK(7).setMaxIter(12).setInitMode("random").setEmptyClusterPolicy("keep");
    String path = folder.resolve("estimator").toString();
    kmeans.save(path);
    FastKMeans loaded = FastKMeans.load(path);
    assertEquals(7, loaded.getK());
    assertEquals(12, loaded.getMaxIter());
    assertEquals("random", loaded.getInitMode());
    assertEquals("keep", loaded.getEmptyClusterPolicy());
    assertEquals(kmeans.uid(), loaded.uid());
  }
}
