package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * {@link AttributeSums#addRows}, block by block, gives the sums of {@link AttributeSums#addWeight}
 * and {@link AttributeSums#addValue} row by row and value by value, bit for bit.
 */
class AttributeSumsTest {

  private static final int ROWS = 2_000;
  private static final int BLOCK = 64;

  @Test
  void numericBlocksGiveTheSumsOfValueByValue() throws Exception {
    for (boolean weighted : new boolean[] {false, true}) {
      for (boolean troubled : new boolean[] {false, true}) {
        assertSameSums(header(5, false), weighted, troubled);
      }
    }
  }

  @Test
  void blocksWithANominalAttributeGiveTheSumsOfValueByValue() throws Exception {
    for (boolean weighted : new boolean[] {false, true}) {
      assertSameSums(header(4, true), weighted, true);
    }
  }

  /** {@code numeric} numeric attributes, then a nominal one of three values when asked. */
  private static Instances header(int numeric, boolean withNominal) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int j = 0; j < numeric; j++) {
      attributes.add(new Attribute("a" + j));
    }
    if (withNominal) {
      attributes.add(new Attribute("colour", List.of("red", "green", "blue")));
    }
    return new Instances("sums", attributes, 0);
  }

  /**
   * Rows with zeros of both signs (attribute 0 holds only zeros, the last one +0.0), values of both
   * signs (attribute 2), unit weights in the first half (other weights from the second when {@code
   * weighted}); when {@code troubled}, a missing value now and then and an overflow of attribute
   * 1's sum near the end.
   */
  private static void assertSameSums(Instances header, boolean weighted, boolean troubled)
      throws Exception {
    int columns = header.numAttributes();
    int[] used = new int[columns];
    int[] firstColumn = new int[columns];
    for (int a = 0; a < columns; a++) {
      used[a] = a;
      firstColumn[a] = a;
    }
    Random random = new Random(5);
    double[] values = new double[ROWS * columns];
    double[] weights = new double[ROWS];
    for (int row = 0; row < ROWS; row++) {
      for (int a = 0; a < columns; a++) {
        boolean nominal = header.attribute(a).isNominal();
        values[row * columns + a] =
            nominal
                ? random.nextInt(3)
                : (a == 2 ? 0 : 1e6) + random.nextGaussian() * 1e3 * (a + 1);
      }
      values[row * columns] = random.nextBoolean() && row < ROWS - 1 ? -0.0 : 0.0;
      if (troubled && row % 300 == 7) {
        values[row * columns + row % columns] = Double.NaN;
      }
      if (troubled && (row == 1_900 || row == 1_901)) {
        values[row * columns + 1] = 1e308;
      }
      weights[row] =
          weighted && row >= ROWS / 2 ? Math.scalb(random.nextDouble(), random.nextInt(9)) : 1;
    }
    AttributeSums byBlock = new AttributeSums(header, used);
    for (int from = 0; from < ROWS; from += BLOCK) {
      int to = Math.min(ROWS, from + BLOCK);
      byBlock.addRows(
          values, columns, firstColumn, Arrays.copyOfRange(weights, from, to), from, to);
    }
    AttributeSums byValue = new AttributeSums(header, used);
    for (int row = 0; row < ROWS; row++) {
      byValue.addWeight(row, weights[row]);
      for (int a = 0; a < columns; a++) {
        byValue.addValue(a, row, values[row * columns + a], weights[row]);
      }
    }
    String shape = columns + " columns, weighted " + weighted + ", troubled " + troubled;
    assertArrayEquals(bits(byValue.weightSum), bits(byBlock.weightSum), shape);
    assertArrayEquals(bits(byValue.weightedSum), bits(byBlock.weightedSum), shape);
    assertArrayEquals(bits(byValue.plainSum), bits(byBlock.plainSum), shape);
    assertArrayEquals(bits(byValue.min), bits(byBlock.min), shape);
    assertArrayEquals(bits(byValue.max), bits(byBlock.max), shape);
    assertArrayEquals(byValue.present, byBlock.present, shape);
    for (int a = 0; a < columns; a++) {
      if (byValue.counts[a] != null) {
        assertArrayEquals(bits(byValue.counts[a]), bits(byBlock.counts[a]), shape);
      }
    }
    assertEquals(byValue.totalWeight, byBlock.totalWeight, 0, shape);
    assertEquals(byValue.unitWeights, byBlock.unitWeights, shape);
    // The data hold what the comparison is meant to see.
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(byValue.min[0]));
    assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(byValue.max[0]));
    assertEquals(troubled, Double.isInfinite(byValue.plainSum[1]));
  }

  private static long[] bits(double[] values) {
    return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
  }
}
