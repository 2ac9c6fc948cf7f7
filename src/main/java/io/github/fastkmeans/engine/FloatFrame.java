package io.github.fastkmeans.engine;

/**
 * The frame the vector kernel estimates in, and its error bound, in one place for the kernel and
 * for {@link FloatFilterProbe}, which predicts what the kernel will do: the origin at the mean of
 * the centres, the spread the largest distance of a centre from it, and the bound {@code (d + 10)
 * 2^-24 (||x'|| + max ||c'||)^2} on an estimate's error (derived in {@code VectorBlockSweep}).
 */
final class FloatFrame {

  private FloatFrame() {}

  /** The mean of the {@code k} centres in {@code centres} (IN, row-major k x columns). */
  static double[] meanOf(double[] centres, int k, int columns) {
    double[] mean = new double[columns];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < columns; j++) {
        mean[j] += centres[c * columns + j];
      }
    }
    for (int j = 0; j < columns; j++) {
      mean[j] /= k;
    }
    return mean;
  }

  /** The largest distance from {@code mean} (IN) to one of the {@code k} {@code centres} (IN). */
  static double spread(double[] mean, double[] centres, int k, int columns) {
    double spread = 0;
    for (int c = 0; c < k; c++) {
      spread = Math.max(spread, distance(mean, centres, c * columns, columns));
    }
    return spread;
  }

  /** The Euclidean distance from {@code point} (IN) to the row at {@code values[offset]} (IN). */
  static double distance(double[] point, double[] values, int offset, int columns) {
    return Math.sqrt(SquaredEuclidean.distance(point, 0, values, offset, columns));
  }

  /** The bound on an estimate's error per square of {@code ||x'|| + max ||c'||}, d columns. */
  static double errorPerSquare(int columns) {
    return (columns + 10) * 0x1p-24;
  }
}
