package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Tests of {@link InstanceEncoder} on a five-instance weighted data set whose statistics are worked
 * out by hand below.
 */
class InstanceEncoderTest {

  /** The one-hot level of a nominal value, 1/sqrt(2). */
  private static final double LEVEL = 1 / Math.sqrt(2);

  /*
   * The data: x = 1, 2, 4, ?, 5 and colour = red, green, red, blue, ? with weights 1, 2, 1, 4, 2.
   * x over its present values (weights 1, 2, 1, 2; total 6): minimum 1, maximum 5, weighted mean
   * (1 + 4 + 4 + 10) / 6 = 19/6; squared deviations times weights 169/36 + 2 * 49/36 + 25/36 +
   * 2 * 121/36 = 534/36, so the weighted sample variance is 534/36 / (6 - 1) = 89/30. Colour by
   * weight: red 1 + 1 = 2, green 2, blue 4: the mode is blue, though red is the most frequent value
   * by count.
   */
  private static final double MEAN = 19.0 / 6;
  private static final double DEVIATION = Math.sqrt(89.0 / 30);
  private static final double[] WEIGHTS = {1, 2, 1, 4, 2};

  private static Instances data() {
    return TestData.xAndColour(
        new double[] {1, 2, 4, Double.NaN, 5},
        new String[] {"red", "green", "red", "blue", null},
        WEIGHTS);
  }

  /** The x column (column 0) of every encoded row. */
  private static double[] xColumn(DataMatrix matrix) {
    double[] x = new double[matrix.rows()];
    for (int row = 0; row < x.length; row++) {
      x[row] = matrix.value(row, 0);
    }
    return x;
  }

  @Test
  void rangeMapsTheTrainingMinimumAndMaximumToZeroAndOne() throws Exception {
    DataMatrix matrix = InstanceEncoder.fit(data(), Normalization.RANGE).encode(data());
    // (x - 1) / 4; the missing x is the weighted mean, (19/6 - 1) / 4 = 13/24.
    assertArrayEquals(new double[] {0, 0.25, 0.75, 13.0 / 24, 1}, xColumn(matrix), 1e-12);
  }

  @Test
  void standardizeUsesTheWeightedMeanAndTheWeightedSampleDeviation() throws Exception {
    DataMatrix matrix = InstanceEncoder.fit(data(), Normalization.STANDARDIZE).encode(data());
    double[] expected = new double[5];
    double[] x = {1, 2, 4, MEAN, 5};
    for (int row = 0; row < 5; row++) {
      expected[row] = (x[row] - MEAN) / DEVIATION;
    }
    assertArrayEquals(expected, xColumn(matrix), 1e-12);
    // The same deviation as Weka's own weighted variance of the attribute.
    assertEquals(89.0 / 30, data().variance(0), 1e-12);
  }

  @Test
  void noneKeepsTheRawValues() throws Exception {
    DataMatrix matrix = InstanceEncoder.fit(data(), Normalization.NONE).encode(data());
    assertArrayEquals(new double[] {1, 2, 4, MEAN, 5}, xColumn(matrix), 1e-12);
  }

  @Test
  void encodedRowsCarryTheInstanceWeights() throws Exception {
    DataMatrix matrix = InstanceEncoder.fit(data(), Normalization.RANGE).encode(data());
    assertEquals(5, matrix.rows());
    assertEquals(4, matrix.columns(), "x, then one column per colour");
    for (int row = 0; row < 5; row++) {
      assertEquals(WEIGHTS[row], matrix.weight(row), 0, "row " + row);
    }
  }

  @Test
  void aNominalValueIsOneOverRootTwoInItsOwnColumn() throws Exception {
    DataMatrix matrix = InstanceEncoder.fit(data(), Normalization.RANGE).encode(data());
    double[][] colours = {{LEVEL, 0, 0}, {0, LEVEL, 0}, {LEVEL, 0, 0}, {0, 0, LEVEL}};
    for (int row = 0; row < colours.length; row++) {
      double[] encoded = {matrix.value(row, 1), matrix.value(row, 2), matrix.value(row, 3)};
      assertArrayEquals(colours[row], encoded, 1e-15, "row " + row);
    }
  }

  @Test
  void aNominalMismatchAddsOneToTheSquaredDistance() throws Exception {
    Instances data = data();
    InstanceEncoder encoder = InstanceEncoder.fit(data, Normalization.RANGE);
    double[] red = encoder.encode(instance(data, 3, "red"));
    double[] blue = encoder.encode(instance(data, 3, "blue"));
    double[] alsoRed = encoder.encode(instance(data, 3, "red"));
    // Exactly 1 but for rounding: 1/sqrt(2) squared is 0.5 only to within one unit of the last
    // place.
    assertEquals(1, squaredDistance(red, blue), 2 * Math.ulp(1.0));
    assertEquals(0, squaredDistance(red, alsoRed), 0);
  }

  @Test
  void missingValuesAreReplacedByTheWeightedMeanAndTheWeightedMode() throws Exception {
    InstanceEncoder encoder = InstanceEncoder.fit(data(), Normalization.NONE);
    assertTrue(encoder.missingValuesReplaced());
    DataMatrix matrix = encoder.encode(data());
    assertEquals(MEAN, matrix.value(3, 0), 1e-12, "the missing x");
    double[] colourOfRow4 = {matrix.value(4, 1), matrix.value(4, 2), matrix.value(4, 3)};
    assertArrayEquals(
        new double[] {0, 0, LEVEL}, colourOfRow4, 1e-15, "the missing colour is blue");

    Instances complete =
        TestData.xAndColour(new double[] {1, 2}, new String[] {"red", "blue"}, new double[] {1, 1});
    assertFalse(InstanceEncoder.fit(complete, Normalization.NONE).missingValuesReplaced());
  }

  @ParameterizedTest
  @EnumSource(Normalization.class)
  void aCentreDecodesToOriginalUnits(Normalization normalization) throws Exception {
    Instances data = data();
    InstanceEncoder encoder = InstanceEncoder.fit(data, normalization);
    double[] green = encoder.encode(instance(data, 3.5, "green"));
    assertArrayEquals(new double[] {3.5, 1}, encoder.decodeCentre(green, 0), 1e-12);

    // The weighted mean of all encoded rows is the weighted mean in original units (the missing x
    // counts as the mean, the missing colour as blue): x = 19/6, colour shares by weight red 2/10,
    // green 2/10 and blue (4 + 2)/10.
    DataMatrix matrix = encoder.encode(data);
    double[] centre = new double[matrix.columns()];
    for (int row = 0; row < matrix.rows(); row++) {
      for (int j = 0; j < centre.length; j++) {
        centre[j] += matrix.weight(row) * matrix.value(row, j) / matrix.totalWeight();
      }
    }
    assertArrayEquals(new double[] {MEAN, 2}, encoder.decodeCentre(centre, 0), 1e-12);
    assertArrayEquals(new double[] {0.2, 0.2, 0.6}, encoder.decodeFrequencies(1, centre, 0), 1e-12);
  }

  @Test
  void theClassAttributeIsLeftOutAndMayBeMissingFromNewInstances() throws Exception {
    Instances data = data();
    data.insertAttributeAt(new Attribute("label", List.of("a", "b")), 2);
    data.setClassIndex(2);
    for (int row = 0; row < data.numInstances(); row++) {
      data.instance(row).setValue(2, row % 2);
    }
    InstanceEncoder encoder = InstanceEncoder.fit(data, Normalization.RANGE);
    assertEquals(4, encoder.columns());
    assertEquals(2, encoder.clusteredAttributeCount());
    for (int a = 0; a < encoder.clusteredAttributeCount(); a++) {
      assertFalse(encoder.attributeIndex(a) == 2, "the class is not clustered");
    }

    ArrayList<Attribute> withoutClass = new ArrayList<>();
    withoutClass.add(data.attribute(0).copy("x"));
    withoutClass.add(data.attribute(1).copy("colour"));
    Instances noClass = new Instances("no class", withoutClass, 1);
    noClass.add(new DenseInstance(1, new double[] {2, 1}));
    double[] withClass = encoder.encode(data.instance(1));
    assertArrayEquals(withClass, encoder.encode(noClass.instance(0)), 0);
  }

  @ParameterizedTest
  @EnumSource(Normalization.class)
  void theUsersInstancesAreNotModified(Normalization normalization) throws Exception {
    Instances data = data();
    String before = data.toString();
    InstanceEncoder encoder = InstanceEncoder.fit(data, normalization);
    encoder.encode(data);
    encoder.encode(data.instance(3));
    assertEquals(before, data.toString());
    assertTrue(data.instance(3).isMissing(0) && data.instance(4).isMissing(1), "still missing");
    for (int row = 0; row < WEIGHTS.length; row++) {
      assertEquals(WEIGHTS[row], data.instance(row).weight(), 0, "weight of row " + row);
    }
  }

  /** A new instance of {@code data}'s header with the given x and colour. */
  private static Instance instance(Instances data, double x, String colour) {
    Instance instance =
        new DenseInstance(1, new double[] {x, data.attribute(1).indexOfValue(colour)});
    instance.setDataset(data);
    return instance;
  }

  private static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return sum;
  }
}
