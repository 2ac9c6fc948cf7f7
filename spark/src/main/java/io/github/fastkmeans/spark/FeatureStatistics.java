package io.github.fastkmeans.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Weighted per-feature statistics of the data, gathered on the cluster for normalisation: minimum,
 * maximum, weighted mean and weighted sample standard deviation (denominator: total weight - 1, as
 * Weka's; the population deviation when the weights add up to 1 or less).
 */
final class FeatureStatistics implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] min;
  private final double[] max;
  private final double[] mean;
  private final double[] deviation;

  private FeatureStatistics(double[] min, double[] max, double[] mean, double[] deviation) {
    this.min = min;
    this.max = max;
    this.mean = mean;
    this.deviation = deviation;
  }

  /** Statistics from the first pass's {@code moments} and the second's {@code squares}. */
  static FeatureStatistics of(Moments moments, double[] squares) {
    int columns = moments.min.length;
    double[] mean = new double[columns];
    double[] deviation = new double[columns];
    for (int j = 0; j < columns; j++) {
      mean[j] = moments.weight > 0 ? moments.weightedSum[j] / moments.weight : 0;
      double denominator = moments.weight > 1 ? moments.weight - 1 : moments.weight;
      deviation[j] = denominator > 0 ? Math.sqrt(squares[j] / denominator) : 0;
    }
    return new FeatureStatistics(moments.min, moments.max, mean, deviation);
  }

  int columns() {
    return min.length;
  }

  double min(int j) {
    return min[j];
  }

  double max(int j) {
    return max[j];
  }

  double mean(int j) {
    return mean[j];
  }

  double standardDeviation(int j) {
    return deviation[j];
  }

  /** The first pass: minimum, maximum, weighted sums and total weight. */
  static final class Moments implements Serializable {
    private static final long serialVersionUID = 1L;

    final double[] min;
    final double[] max;
    final double[] weightedSum;
    double weight;

    Moments(int columns) {
      min = new double[columns];
      max = new double[columns];
      weightedSum = new double[columns];
      Arrays.fill(min, Double.POSITIVE_INFINITY);
      Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** Adds one row. */
    Moments add(double[] values, double rowWeight) {
      for (int j = 0; j < values.length; j++) {
        min[j] = Math.min(min[j], values[j]);
        max[j] = Math.max(max[j], values[j]);
        weightedSum[j] += rowWeight * values[j];
      }
      weight += rowWeight;
      return this;
    }

    /** Adds another partition's moments. */
    Moments merge(Moments other) {
      for (int j = 0; j < min.length; j++) {
        min[j] = Math.min(min[j], other.min[j]);
        max[j] = Math.max(max[j], other.max[j]);
        weightedSum[j] += other.weightedSum[j];
      }
      weight += other.weight;
      return this;
    }
  }
}
