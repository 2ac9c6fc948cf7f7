package io.github.fastkmeans.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;

/** Assertions shared by the initializer tests. */
final class InitTestSupport {

  private InitTestSupport() {}

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
