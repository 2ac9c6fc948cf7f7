package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rows' order by Morton code: Z-order on a grid, value order on one column, stable on ties. */
class MortonCodesTest {

  private static int[] order(DataMatrix data) {
    int rowBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, data.rows() - 1));
    long[] codes = MortonCodes.of(data, rowBits);
    long mask = (1L << rowBits) - 1;
    int[] rows = new int[codes.length];
    for (int p = 0; p < codes.length; p++) {
      rows[p] = (int) (codes[p] & mask);
    }
    return rows;
  }

  @Test
  void oneColumnIsOrderedByValueThenByRow() {
    Random random = new Random(3);
    int rows = 5000;
    double[] values = new double[rows];
    for (int row = 0; row < rows; row++) {
      // Few distinct values: many ties, which must keep the rows' order.
      values[row] = random.nextInt(40) * 0.25 - 3;
    }
    int[] expected =
        IntStream.range(0, rows)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer row) -> values[row]))
            .mapToInt(Integer::intValue)
            .toArray();
    assertArrayEquals(expected, order(DataMatrix.of(rows, 1, values)));
  }

  @Test
  void aGridComesInZOrderWithTheFirstWidestColumnMajor() {
    // Rows listed in reverse Z-order of their (first, second) coordinates on a 4 x 4 grid.
    int[][] zOrder = {
      {0, 0}, {0, 1}, {1, 0}, {1, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3},
      {2, 0}, {2, 1}, {3, 0}, {3, 1}, {2, 2}, {2, 3}, {3, 2}, {3, 3}
    };
    double[] values = new double[32];
    for (int i = 0; i < 16; i++) {
      values[2 * i] = zOrder[15 - i][0];
      values[2 * i + 1] = zOrder[15 - i][1];
    }
    int[] expected = IntStream.range(0, 16).map(i -> 15 - i).toArray();
    assertArrayEquals(expected, order(DataMatrix.of(16, 2, values)));
  }

  @Test
  void aColumnWithoutWidthDoesNotChangeTheOrder() {
    double[] values = {3, 7, 1, 7, 2, 7, 0, 7};
    assertArrayEquals(new int[] {3, 1, 2, 0}, order(DataMatrix.of(4, 2, values)));
  }
}
