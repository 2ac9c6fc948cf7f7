package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.KMeansSettings;
import io.github.fastkmeans.quality.ClusterSpread;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.clusterers.FastKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * A model built outside Weka (as on Spark) from a numeric encoding and an engine result answers in
 * Weka as the fit did, and survives serialisation as Weka's -d writes it.
 */
class ImportedModelTest {

  @Test
  void aModelBuiltElsewhereAssignsAsItsFit() throws Exception {
    Instances data = numericData(300, 3);
    InstanceEncoder learnt = InstanceEncoder.fit(data, Normalization.RANGE);
    double[] min = new double[3];
    double[] span = new double[3];
    double[] mean = new double[3];
    for (int a = 0; a < 3; a++) {
      double[] column = data.attributeToDoubleArray(a);
      min[a] = Arrays.stream(column).min().getAsDouble();
      span[a] = Arrays.stream(column).max().getAsDouble() - min[a];
      mean[a] = data.meanOrMode(a);
    }
    InstanceEncoder encoder =
        InstanceEncoder.ofNumeric(
            new Instances(data, 0), Normalization.RANGE, min, span, new boolean[3], mean);
    DataMatrix matrix = encoder.encode(data);
    assertArrayEquals(learnt.encode(data).values(), matrix.values());

    KMeansResult fit =
        new KMeans(KMeansSettings.DEFAULTS).fit(matrix, Arrays.copyOf(matrix.values(), 9));
    KMeansResult imported =
        KMeansResult.of(
            fit.initialCentres(),
            fit.centres(),
            fit.labels(),
            fit.clusterWeights(),
            fit.squaredError(),
            fit.converged(),
            fit.relocations(),
            fit.algorithm(),
            fit.distanceComputations(),
            fit.iterationNanos());
    assertEquals(fit.iterations(), imported.iterations());
    FittedModel model =
        new FittedModel(
            encoder,
            imported,
            ClusterSpread.of(matrix, fit.labels(), 3),
            "given",
            1,
            1,
            0,
            false,
            List.of(),
            null,
            null,
            null,
            false);
    FastKMeans clusterer =
        FastKMeans.withModel(model, new String[] {"-N", "3", "-normalize", "range"});

    FastKMeans loaded = roundTrip(clusterer);
    for (int i = 0; i < data.numInstances(); i++) {
      assertEquals(fit.labels()[i], loaded.clusterInstance(data.instance(i)));
    }
    assertEquals(3, loaded.numberOfClusters());
    assertTrue(loaded.toString().contains("Number of clusters: 3"), loaded.toString());
  }

  @Test
  void aNumericEncodingRefusesANominalAttribute() {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("colour", List.of("red", "blue")));
    Instances header = new Instances("h", attributes, 0);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            InstanceEncoder.ofNumeric(
                header,
                Normalization.NONE,
                new double[1],
                new double[] {1},
                new boolean[1],
                new double[1]));
  }

  private static FastKMeans roundTrip(FastKMeans clusterer) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(clusterer);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (FastKMeans) in.readObject();
    }
  }

  private static Instances numericData(int rows, int columns) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int a = 0; a < columns; a++) {
      attributes.add(new Attribute("x" + a));
    }
    Instances data = new Instances("numbers", attributes, rows);
    Random random = new Random(3);
    for (int i = 0; i < rows; i++) {
      double[] values = new double[columns];
      int group = random.nextInt(3);
      for (int a = 0; a < columns; a++) {
        values[a] = 10 * group * (a + 1) + random.nextGaussian();
      }
      data.add(new DenseInstance(1, values));
    }
    return data;
  }
}
