package io.github.fastkmeans.engine;

import java.util.Random;

/**
 * Draws an index with probability proportional to its weight, from the running totals of the
 * weights: the one draw behind k-means++, k-means||, AFK-MC² and the swap refinement's D² sampling.
 */
public final class WeightedDraw {

  private WeightedDraw() {}

  /**
   * The first index whose running total in {@code cumulative} (IN, non-decreasing, the last entry
   * the total) exceeds a uniform draw below the total: an index drawn with probability proportional
   * to its increment. Indices with a zero increment are never drawn.
   */
  public static int index(double[] cumulative, Random random) {
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

  /**
   * Fills {@code cumulative} (OUT, a row each) with the running totals of weight times {@code
   * distances} (IN, a row each), in row order, for {@link #index}; returns the last, the potential.
   */
  public static double runningTotals(DataMatrix data, double[] distances, double[] cumulative) {
    double total = 0;
    for (int row = 0; row < distances.length; row++) {
      total += data.weight(row) * distances[row];
      cumulative[row] = total;
    }
    return total;
  }

  /** A row of {@code data} drawn with probability proportional to its weight. */
  public static int rowByWeight(DataMatrix data, Random random) {
    double[] cumulative = new double[data.rows()];
    double total = 0;
    for (int row = 0; row < cumulative.length; row++) {
      total += data.weight(row);
      cumulative[row] = total;
    }
    return index(cumulative, random);
  }
}
