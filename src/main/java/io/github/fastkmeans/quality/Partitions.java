package io.github.fastkmeans.quality;

import io.github.fastkmeans.engine.DataMatrix;

/** The argument checks shared by the criteria that judge a partition given with its centres. */
final class Partitions {

  private Partitions() {}

  /**
   * Returns if {@code labels} has one entry in [0, k) per row, {@code centres} holds k rows of the
   * data's width and some row has positive weight.
   *
   * @throws IllegalArgumentException naming the first mismatch found
   */
  static void check(DataMatrix data, int[] labels, double[] centres, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("At least one cluster is needed, got " + k + ".");
    }
    if (labels.length != data.rows()) {
      throw new IllegalArgumentException(
          "Expected " + data.rows() + " labels but got " + labels.length + ".");
    }
    if (centres.length != (long) k * data.columns()) {
      throw new IllegalArgumentException(
          "Expected "
              + ((long) k * data.columns())
              + " centre values for "
              + k
              + " x "
              + data.columns()
              + " but got "
              + centres.length
              + ".");
    }
    for (int row = 0; row < labels.length; row++) {
      if (labels[row] < 0 || labels[row] >= k) {
        throw new IllegalArgumentException(
            "Label of row " + row + " is " + labels[row] + ", outside [0, " + k + ").");
      }
    }
    if (!(data.totalWeight() > 0)) {
      throw new IllegalArgumentException(
          "The weights add up to " + data.totalWeight() + "; at least one must be > 0.");
    }
  }
}
