package io.github.fastkmeans.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** Tests of {@link RowReader}: the weights it takes and those it refuses, naming the row. */
class RowReaderTest {

  private final RowReader reader = new RowReader(2, true, "features", Scaling.none(2));

  @Test
  void zeroAndNormalWeightsAreRead() {
    assertEquals(0.0, reader.read(RowFactory.create(Vectors.dense(1, 2), 0.0), 0).weight);
    assertEquals(
        Double.MIN_NORMAL,
        reader.read(RowFactory.create(Vectors.dense(1, 2), Double.MIN_NORMAL), 1).weight);
  }

  @Test
  void subnormalNegativeNanAndInfiniteWeightsAreRefusedNamingTheRow() {
    for (double weight : new double[] {1e-320, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> reader.read(RowFactory.create(Vectors.dense(1, 2), weight), 7));
      assertTrue(
          e.getMessage().startsWith("Row 7 has weight " + weight + "; k-means needs weights"),
          e.getMessage());
    }
  }
}
