package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tests of {@link DataMatrix}: validation and accessors. */
class DataMatrixTest {

  @Test
  void accessorsReadRowMajorValues() {
    double[] values = {1, 2, 3, 4, 5, 6};
    DataMatrix data = DataMatrix.of(3, 2, values);
    assertEquals(3, data.rows());
    assertEquals(2, data.columns());
    assertSame(values, data.values(), "the array is handed over, not copied");
    assertEquals(4, data.value(1, 1));
    assertEquals(5, data.value(2, 0));
    assertArrayEquals(new double[] {3, 4}, data.row(1));
  }

  @Test
  void rowReturnsACopy() {
    double[] values = {1, 2, 3, 4};
    DataMatrix data = DataMatrix.of(2, 2, values);
    double[] row = data.row(0);
    row[0] = 99;
    assertEquals(1, data.value(0, 0));
  }

  @Test
  void withoutWeightsEveryWeightIsOneAndTotalIsRowCount() {
    DataMatrix data = DataMatrix.of(3, 1, new double[] {1, 2, 3});
    assertFalse(data.hasWeights());
    for (int row = 0; row < 3; row++) {
      assertEquals(1.0, data.weight(row));
    }
    assertEquals(3.0, data.totalWeight());
  }

  @Test
  void givenWeightsAreReportedAndSummed() {
    DataMatrix data = DataMatrix.of(3, 1, new double[] {1, 2, 3}, new double[] {0.5, 0, 2.25});
    assertTrue(data.hasWeights());
    assertEquals(0.5, data.weight(0));
    assertEquals(0.0, data.weight(1));
    assertEquals(2.25, data.weight(2));
    assertEquals(2.75, data.totalWeight());
  }

  /**
   * The total is the weights added in row order: 1e16 absorbs each later 1 (its spacing is 2), but
   * two 1s added first make 2, which it keeps.
   */
  @Test
  void theTotalWeightAddsInRowOrder() {
    double[] values = new double[3];
    assertEquals(1e16, DataMatrix.of(3, 1, values, new double[] {1e16, 1, 1}).totalWeight(), 0);
    assertEquals(
        1e16 + 2, DataMatrix.of(3, 1, values.clone(), new double[] {1, 1, 1e16}).totalWeight(), 0);
  }

  @Test
  void rejectsValuesOfWrongLength() {
    assertThrows(IllegalArgumentException.class, () -> DataMatrix.of(2, 2, new double[3]));
    assertThrows(IllegalArgumentException.class, () -> DataMatrix.of(2, 2, new double[5]));
  }

  @Test
  void rejectsNegativeSizes() {
    assertThrows(IllegalArgumentException.class, () -> DataMatrix.of(-1, 2, new double[0]));
    assertThrows(IllegalArgumentException.class, () -> DataMatrix.of(1, -2, new double[0]));
  }

  @Test
  void rejectsNonFiniteValues() {
    assertThrows(
        IllegalArgumentException.class, () -> DataMatrix.of(2, 1, new double[] {1, Double.NaN}));
    assertThrows(
        IllegalArgumentException.class,
        () -> DataMatrix.of(2, 1, new double[] {Double.POSITIVE_INFINITY, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> DataMatrix.of(2, 1, new double[] {1, Double.NEGATIVE_INFINITY}));
  }

  @Test
  void nonFiniteValueMessageNamesRowAndColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DataMatrix.of(2, 3, new double[] {0, 0, 0, 0, Double.NaN, 0}));
    assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    assertTrue(e.getMessage().contains("column 1"), e.getMessage());
  }

  @Test
  void rejectsWeightsOfWrongLength() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DataMatrix.of(2, 1, new double[] {1, 2}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> DataMatrix.of(2, 1, new double[] {1, 2}, new double[] {1, 1, 1}));
  }

  /**
   * A subnormal weight keeps too few bits for the weighted means; the smallest normal one is kept.
   */
  @Test
  void rejectsSubnormalWeightsNamingTheRow() {
    double[] values = {1, 2};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DataMatrix.of(2, 1, values, new double[] {1, 1e-320}));
    assertTrue(
        e.getMessage().startsWith("Weight of row 1 is 1.0E-320; k-means needs weights that are 0"),
        e.getMessage());
    assertEquals(
        1 + Double.MIN_NORMAL,
        DataMatrix.of(2, 1, values, new double[] {1, Double.MIN_NORMAL}).totalWeight());
  }

  @Test
  void rejectsNegativeNanOrInfiniteWeights() {
    double[] values = {1, 2};
    assertThrows(
        IllegalArgumentException.class, () -> DataMatrix.of(2, 1, values, new double[] {1, -0.5}));
    assertThrows(
        IllegalArgumentException.class,
        () -> DataMatrix.of(2, 1, values, new double[] {Double.NaN, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> DataMatrix.of(2, 1, values, new double[] {1, Double.POSITIVE_INFINITY}));
  }

  @Test
  void acceptsZeroWeightsAndEmptyMatrix() {
    DataMatrix zero = DataMatrix.of(2, 1, new double[] {1, 2}, new double[] {0, 0});
    assertEquals(0.0, zero.totalWeight());
    DataMatrix empty = DataMatrix.of(0, 3, new double[0]);
    assertEquals(0, empty.rows());
    assertEquals(0.0, empty.totalWeight());
  }
}
