package io.github.fastkmeans.quality;

import io.github.fastkmeans.engine.DataMatrix;
import java.io.Serializable;

/**
 * Weighted means and weighted sample standard deviations of every column, per cluster and over all
 * rows, for describing a clustering.
 */
public final class ClusterSpread implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int columns;
  private final double[] clusterMeans;
  private final double[] clusterDeviations;
  private final double[] overallMean;
  private final double[] overallDeviation;

  /**
   * The spread with the given values, as {@link #of} finds them (row-major k x columns per cluster,
   * length columns overall; the arrays are kept, not copied); for spreads kept elsewhere, as in
   * saved models.
   */
  public ClusterSpread(
      int columns,
      double[] clusterMeans,
      double[] clusterDeviations,
      double[] overallMean,
      double[] overallDeviation) {
    this.columns = columns;
    this.clusterMeans = clusterMeans;
    this.clusterDeviations = clusterDeviations;
    this.overallMean = overallMean;
    this.overallDeviation = overallDeviation;
  }

  /** Measures {@code data} grouped by {@code labels} (each in [0, k)). */
  public static ClusterSpread of(DataMatrix data, int[] labels, int k) {
    int columns = data.columns();
    int[] all = new int[data.rows()];
    double[] clusterMeans = new double[k * columns];
    double[] clusterDeviations = new double[k * columns];
    double[] overallMean = new double[columns];
    double[] overallDeviation = new double[columns];
    measure(data, labels, k, clusterMeans, clusterDeviations);
    measure(data, all, 1, overallMean, overallDeviation);
    return new ClusterSpread(
        columns, clusterMeans, clusterDeviations, overallMean, overallDeviation);
  }

  /**
   * Writes the weighted mean and weighted sample standard deviation (denominator: total weight - 1,
   * as Weka's {@code Instances.variance}; 0 when the weight is at most 1) of each group's columns.
   */
  private static void measure(
      DataMatrix data, int[] groups, int groupCount, double[] means, double[] deviations) {
    int columns = data.columns();
    double[] values = data.values();
    double[] weights = new double[groupCount];
    for (int row = 0; row < data.rows(); row++) {
      double w = data.weight(row);
      int base = groups[row] * columns;
      weights[groups[row]] += w;
      for (int j = 0; j < columns; j++) {
        means[base + j] += w * values[row * columns + j];
      }
    }
    for (int g = 0; g < groupCount; g++) {
      for (int j = 0; j < columns; j++) {
        means[g * columns + j] = weights[g] > 0 ? means[g * columns + j] / weights[g] : 0;
      }
    }
    for (int row = 0; row < data.rows(); row++) {
      double w = data.weight(row);
      int base = groups[row] * columns;
      for (int j = 0; j < columns; j++) {
        double diff = values[row * columns + j] - means[base + j];
        deviations[base + j] += w * diff * diff;
      }
    }
    for (int g = 0; g < groupCount; g++) {
      for (int j = 0; j < columns; j++) {
        int i = g * columns + j;
        deviations[i] = weights[g] > 1 ? Math.sqrt(deviations[i] / (weights[g] - 1)) : 0;
      }
    }
  }

  /** The weighted mean of column {@code column} in cluster {@code cluster}. */
  public double clusterMean(int cluster, int column) {
    return clusterMeans[cluster * columns + column];
  }

  /** The weighted sample standard deviation of column {@code column} in cluster {@code cluster}. */
  public double clusterDeviation(int cluster, int column) {
    return clusterDeviations[cluster * columns + column];
  }

  /** The weighted mean of column {@code column} over all rows. */
  public double overallMean(int column) {
    return overallMean[column];
  }

  /** The weighted sample standard deviation of column {@code column} over all rows. */
  public double overallDeviation(int column) {
    return overallDeviation[column];
  }

  /** The overall means as one row (a copy). */
  public double[] overallMeans() {
    return overallMean.clone();
  }
}
