package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.SquaredEuclidean;
import java.util.Random;

/** Small helpers the initializers share. */
final class Rows {

  private Rows() {}

  /** Copies row {@code row} of {@code data} into centre {@code centre} of {@code centres}. */
  static void copyRow(DataMatrix data, int row, double[] centres, int centre) {
    int columns = data.columns();
    System.arraycopy(data.values(), row * columns, centres, centre * columns, columns);
  }

  /**
   * Squared distance from every row to centre {@code centre} of {@code centres}, written to {@code
   * out} (length rows).
   */
  static void distancesTo(DataMatrix data, double[] centres, int centre, double[] out) {
    int columns = data.columns();
    double[] values = data.values();
    for (int row = 0; row < data.rows(); row++) {
      out[row] =
          SquaredEuclidean.distance(values, row * columns, centres, centre * columns, columns);
    }
  }

  /** A row drawn with probability proportional to its weight. */
  static int drawByWeight(DataMatrix data, Random random) {
    double[] cumulative = new double[data.rows()];
    double total = 0;
    for (int row = 0; row < cumulative.length; row++) {
      total += data.weight(row);
      cumulative[row] = total;
    }
    return draw(cumulative, random);
  }

  /**
   * The first index whose running total exceeds a uniform draw below the last total: an index drawn
   * with probability proportional to its increment. Indices with a zero increment are never drawn.
   */
  static int draw(double[] cumulative, Random random) {
    double total = cumulative[cumulative.length - 1];
    double target = random.nextDouble() * total;
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > target) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    // Rounding can put the target on the last total; step back to an index that has weight.
    while (low > 0 && cumulative[low] == cumulative[low - 1]) {
      low--;
    }
    return low;
  }
}
