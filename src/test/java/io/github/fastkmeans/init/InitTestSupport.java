package io.github.fastkmeans.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.Random;

/** Assertions shared by the initializer tests. */
final class InitTestSupport {

  private InitTestSupport() {}

  /**
   * Tight, far apart groups of 4,000 rows in 40 columns, every seventh row a repeat of an earlier
   * one, weights 1 or 2: most rows are provably nearer their own centre than a centre of another
   * group, the case the initializers' triangle tests leave unmeasured.
   */
  static DataMatrix tightGroupsWithRepeats(long seed) {
    Random random = new Random(seed);
    int n = 4_000;
    int columns = 40;
    double[] values = new double[n * columns];
    double[] weights = new double[n];
    for (int row = 0; row < n; row++) {
      weights[row] = 1 + random.nextInt(2);
      int source = row % 7 == 0 ? row / 2 : row;
      for (int j = 0; j < columns; j++) {
        values[row * columns + j] =
            source < row
                ? values[source * columns + j]
                : 0.01 * random.nextGaussian() + 3 * ((row * 13 + j) % 25);
      }
    }
    return DataMatrix.of(n, columns, values, weights);
  }

  /**
   * The rows whose values equal centre {@code centre} of {@code centres}, as a bit mask per row.
   */
  static boolean[] matchingRows(DataMatrix data, double[] centres, int centre) {
    int columns = data.columns();
    boolean[] match = new boolean[data.rows()];
    for (int row = 0; row < data.rows(); row++) {
      boolean equal = true;
      for (int j = 0; j < columns && equal; j++) {
        equal =
            Double.doubleToLongBits(data.value(row, j))
                == Double.doubleToLongBits(centres[centre * columns + j]);
      }
      match[row] = equal;
    }
    return match;
  }

  /** Asserts that there are k centres and each equals a row of positive weight. */
  static void assertCentresAreWeightedRows(DataMatrix data, int k, double[] centres) {
    assertEquals(k * data.columns(), centres.length, "k * columns values");
    for (int c = 0; c < k; c++) {
      boolean[] match = matchingRows(data, centres, c);
      boolean weighted = false;
      for (int row = 0; row < data.rows(); row++) {
        weighted |= match[row] && data.weight(row) > 0;
      }
      assertTrue(weighted, "centre " + c + " is not a row of positive weight");
    }
  }

  /** The index of the first row equal to centre {@code centre}, or -1. */
  static int firstMatchingRow(DataMatrix data, double[] centres, int centre) {
    boolean[] match = matchingRows(data, centres, centre);
    for (int row = 0; row < match.length; row++) {
      if (match[row]) {
        return row;
      }
    }
    return -1;
  }

  /** Unit-weight data from a flat array. */
  static DataMatrix data(int columns, double... values) {
    return DataMatrix.of(values.length / columns, columns, values);
  }
}
