package io.github.fastkmeans.engine;

/** Squared Euclidean distance between rows stored in flat row-major arrays. */
public final class SquaredEuclidean {

  private SquaredEuclidean() {}

  /**
   * The squared distance between {@code a[aOffset .. aOffset+length)} and {@code b[bOffset ..
   * bOffset+length)}.
   */
  public static double distance(double[] a, int aOffset, double[] b, int bOffset, int length) {
    double sum = 0;
    for (int i = 0; i < length; i++) {
      double diff = a[aOffset + i] - b[bOffset + i];
      sum += diff * diff;
    }
    return sum;
  }

  /**
   * Index of the centre nearest to {@code point[offset .. offset+columns)} among the {@code k}
   * row-major {@code centres}; ties go to the lowest index.
   */
  public static int nearest(double[] point, int offset, double[] centres, int k, int columns) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double dist = distance(point, offset, centres, c * columns, columns);
      if (dist < bestDistance) {
        bestDistance = dist;
        best = c;
      }
    }
    return best;
  }
}
