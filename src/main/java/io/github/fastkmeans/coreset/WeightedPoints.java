package io.github.fastkmeans.coreset;

import java.util.Arrays;

/** Weighted points: row-major values and one weight per point, the first {@link #count} used. */
public final class WeightedPoints {

  private final int columns;
  private final double[] values;
  private final double[] weights;
  private final int count;

  /** The first {@code count} points of {@code values} (row-major) and {@code weights}. */
  WeightedPoints(int columns, double[] values, double[] weights, int count) {
    this.columns = columns;
    this.values = values;
    this.weights = weights;
    this.count = count;
  }

  /** The points of {@code parts}, one after another. */
  static WeightedPoints concat(int columns, WeightedPoints... parts) {
    int count = 0;
    for (WeightedPoints part : parts) {
      count += part.count;
    }
    double[] values = new double[count * columns];
    double[] weights = new double[count];
    int at = 0;
    for (WeightedPoints part : parts) {
      System.arraycopy(part.values, 0, values, at * columns, part.count * columns);
      System.arraycopy(part.weights, 0, weights, at, part.count);
      at += part.count;
    }
    return new WeightedPoints(columns, values, weights, count);
  }

  /** The number of coordinates of a point. */
  public int columns() {
    return columns;
  }

  /** The number of points. */
  public int count() {
    return count;
  }

  /** The coordinates, row-major; only the first count() x columns() are points. */
  double[] values() {
    return values;
  }

  /** The weights; only the first count() are points'. */
  double[] weights() {
    return weights;
  }

  /** A copy of the coordinates of every point, row-major. */
  public double[] copyOfValues() {
    return Arrays.copyOf(values, count * columns);
  }

  /** A copy of the weight of every point. */
  public double[] copyOfWeights() {
    return Arrays.copyOf(weights, count);
  }
}
