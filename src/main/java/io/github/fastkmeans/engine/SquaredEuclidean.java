package io.github.fastkmeans.engine;

/** Squared Euclidean distance between rows stored in flat row-major arrays. */
public final class SquaredEuclidean {

  /**
   * The triangle inequality's test with room for rounding: when {@code d(c, m) >= TRIANGLE_FACTOR
   * d(x, m)} for squared distances {@code d} computed by {@link #distance}, then {@code d(x, c) >=
   * d(x, m)} as computed too, so a point x can be left with m without measuring its distance to c.
   * Exactly the factor is 4 (|x - c| >= |c - m| - |x - m| >= |x - m|); the 1e-9 to spare exceeds
   * the relative rounding of a distance over fewer than a million columns (about columns x 2^-53).
   */
  public static final double TRIANGLE_FACTOR = 4 * (1 + 1e-9);

  private SquaredEuclidean() {}

  /**
   * The squared distance between {@code a[aOffset .. aOffset+length)} and {@code b[bOffset ..
   * bOffset+length)}.
   */
  public static double distance(double[] a, int aOffset, double[] b, int bOffset, int length) {
    // Four running sums: the JIT keeps floating-point additions in order, so one sum would make
    // every addition wait for the one before. Column j always goes to sum j % 4, in column order;
    // the loop takes eight columns a step only to spend less time on loop control.
    double sum0 = 0;
    double sum1 = 0;
    double sum2 = 0;
    double sum3 = 0;
    int i = 0;
    for (; i + 7 < length; i += 8) {
      double diff0 = a[aOffset + i] - b[bOffset + i];
      double diff1 = a[aOffset + i + 1] - b[bOffset + i + 1];
      double diff2 = a[aOffset + i + 2] - b[bOffset + i + 2];
      double diff3 = a[aOffset + i + 3] - b[bOffset + i + 3];
      double diff4 = a[aOffset + i + 4] - b[bOffset + i + 4];
      double diff5 = a[aOffset + i + 5] - b[bOffset + i + 5];
      double diff6 = a[aOffset + i + 6] - b[bOffset + i + 6];
      double diff7 = a[aOffset + i + 7] - b[bOffset + i + 7];
      sum0 += diff0 * diff0;
      sum1 += diff1 * diff1;
      sum2 += diff2 * diff2;
      sum3 += diff3 * diff3;
      sum0 += diff4 * diff4;
      sum1 += diff5 * diff5;
      sum2 += diff6 * diff6;
      sum3 += diff7 * diff7;
    }
    for (; i + 3 < length; i += 4) {
      double diff0 = a[aOffset + i] - b[bOffset + i];
      double diff1 = a[aOffset + i + 1] - b[bOffset + i + 1];
      double diff2 = a[aOffset + i + 2] - b[bOffset + i + 2];
      double diff3 = a[aOffset + i + 3] - b[bOffset + i + 3];
      sum0 += diff0 * diff0;
      sum1 += diff1 * diff1;
      sum2 += diff2 * diff2;
      sum3 += diff3 * diff3;
    }
    for (; i < length; i++) {
      double diff = a[aOffset + i] - b[bOffset + i];
      sum0 += diff * diff;
    }
    return (sum0 + sum1) + (sum2 + sum3);
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
