package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.Random;

/** Well-separated groups of points, and a count of how many groups a set of centres covers. */
final class SeparatedGroups {

  /** Distance between neighbouring group centres along the first axis. */
  static final double SPACING = 100.0;

  private SeparatedGroups() {}

  /**
   * {@code groups} tight groups of {@code perGroup} rows in 2-d, group g around (100 g, 100 (g mod
   * 2)) with standard deviation 0.1, rows in group order.
   */
  static DataMatrix of(int groups, int perGroup, long seed) {
    Random random = new Random(seed);
    double[] values = new double[groups * perGroup * 2];
    for (int g = 0; g < groups; g++) {
      for (int i = 0; i < perGroup; i++) {
        int row = g * perGroup + i;
        values[2 * row] = SPACING * g + 0.1 * random.nextGaussian();
        values[2 * row + 1] = SPACING * (g % 2) + 0.1 * random.nextGaussian();
      }
    }
    return DataMatrix.of(groups * perGroup, 2, values);
  }

  /** The number of distinct groups that the 2-d {@code centres} fall into. */
  static int covered(double[] centres, int groups) {
    boolean[] seen = new boolean[groups];
    int count = 0;
    for (int c = 0; c < centres.length / 2; c++) {
      int group = (int) Math.round(centres[2 * c] / SPACING);
      if (!seen[group]) {
        seen[group] = true;
        count++;
      }
    }
    return count;
  }
}
