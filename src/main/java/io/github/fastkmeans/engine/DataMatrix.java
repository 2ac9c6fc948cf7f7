package io.github.fastkmeans.engine;

import java.util.Arrays;

/**
 * An immutable view of n points in d dimensions, stored row-major in one {@code double[]}, with an
 * optional non-negative weight per point.
 *
 * <p>The arrays are not copied: whoever builds a matrix hands its arrays over and must not change
 * them afterwards. That keeps the largest allocation of a fit (the data) to a single copy.
 */
public final class DataMatrix {

  private final int rows;
  private final int columns;
  private final double[] values;
  private final double[] weights;

  /**
   * The sum of the weights, added in row order while they are checked: a build asks for it several
   * times (its own check, the magnitude check, every fit's), each a pass over the weights.
   */
  private final double totalWeight;

  /** The k-d tree of the rows, once a fit has asked for it. */
  private KdTree tree;

  private DataMatrix(int rows, int columns, double[] values, double[] weights, double totalWeight) {
    this.rows = rows;
    this.columns = columns;
    this.values = values;
    this.weights = weights;
    this.totalWeight = totalWeight;
  }

  /**
   * Wraps {@code values} (length rows * columns, row-major) with unit weights.
   *
   * @throws IllegalArgumentException if the length does not match or a value is not finite
   */
  public static DataMatrix of(int rows, int columns, double[] values) {
    return of(rows, columns, values, null);
  }

  /**
   * Wraps {@code values} (length rows * columns, row-major) and {@code weights} (length rows, each
   * usable: {@link #isUsableWeight}; {@code null} for unit weights).
   *
   * @throws IllegalArgumentException if a length does not match or a value is not finite
   */
  public static DataMatrix of(int rows, int columns, double[] values, double[] weights) {
    checkShape(rows, columns, values);
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            "Value in row "
                + (i / Math.max(columns, 1))
                + ", column "
                + (i % Math.max(columns, 1))
                + " is "
                + values[i]
                + "; every value must be finite.");
      }
    }
    return withWeights(rows, columns, values, weights);
  }

  /**
   * Wraps {@code values} as {@link #of(int, int, double[], double[])} does, without looking at them
   * again: for a caller that has already found every value finite while it wrote them, as the Weka
   * encoder does; a pass over all values is the cost saved.
   *
   * @throws IllegalArgumentException if a length does not match or a weight is not usable
   */
  public static DataMatrix ofFiniteValues(
      int rows, int columns, double[] values, double[] weights) {
    checkShape(rows, columns, values);
    return withWeights(rows, columns, values, weights);
  }

  private static void checkShape(int rows, int columns, double[] values) {
    if (rows < 0 || columns < 0) {
      throw new IllegalArgumentException("Negative matrix size " + rows + " x " + columns + ".");
    }
    if (values.length != (long) rows * columns) {
      throw new IllegalArgumentException(
          "Expected "
              + ((long) rows * columns)
              + " values for "
              + rows
              + " x "
              + columns
              + " but got "
              + values.length
              + ".");
    }
  }

  /** Which weights k-means takes, and why: the end of a refusal's message. */
  public static final String USABLE_WEIGHTS =
      "weights that are 0 or finite and at least "
          + Double.MIN_NORMAL
          + " (below, the weighted sums lose double's precision).";

  /**
   * Whether a row may have {@code weight}: 0, or finite and at least {@link Double#MIN_NORMAL}. A
   * subnormal weight keeps only some of a double's bits, and the weighted sums behind the means
   * lose them (centroids of weights 1e-320 came out 5.9995 for 6).
   */
  public static boolean isUsableWeight(double weight) {
    return weight == 0 || (weight >= Double.MIN_NORMAL && !Double.isInfinite(weight));
  }

  private static DataMatrix withWeights(int rows, int columns, double[] values, double[] weights) {
    double totalWeight = rows;
    if (weights != null) {
      if (weights.length != rows) {
        throw new IllegalArgumentException(
            "Expected " + rows + " weights but got " + weights.length + ".");
      }
      totalWeight = 0;
      for (int i = 0; i < rows; i++) {
        if (!isUsableWeight(weights[i])) {
          throw new IllegalArgumentException(
              "Weight of row " + i + " is " + weights[i] + "; k-means needs " + USABLE_WEIGHTS);
        }
        totalWeight += weights[i];
      }
    }
    return new DataMatrix(rows, columns, values, weights, totalWeight);
  }

  /** Number of points. */
  public int rows() {
    return rows;
  }

  /** Number of dimensions. */
  public int columns() {
    return columns;
  }

  /** The row-major values; callers must treat the array as read-only. */
  public double[] values() {
    return values;
  }

  /** The value of one coordinate. */
  public double value(int row, int column) {
    return values[row * columns + column];
  }

  /** Whether per-row weights were given (otherwise every weight is 1). */
  public boolean hasWeights() {
    return weights != null;
  }

  /** The weight of one row (1 when no weights were given). */
  public double weight(int row) {
    return weights == null ? 1.0 : weights[row];
  }

  /**
   * The k-d tree of the rows, built by the first fit that asks for it and kept, so that restarts
   * and refinement trials on the same matrix build it once.
   */
  synchronized KdTree kdTree() {
    if (tree == null) {
      tree = new KdTree(this);
    }
    return tree;
  }

  /** The sum of all weights, added in row order. */
  public double totalWeight() {
    return totalWeight;
  }

  /** A copy of one row. */
  public double[] row(int row) {
    return Arrays.copyOfRange(values, row * columns, (row + 1) * columns);
  }
}
