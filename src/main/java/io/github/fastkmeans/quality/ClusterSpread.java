package io.github.fastkmeans.quality;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.GroupedSums;
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

  /**
   * Measures {@code data} grouped by {@code labels} (each in [0, k)), on the calling thread.
   *
   * @throws InterruptedException if the calling thread is interrupted
   */
  public static ClusterSpread of(DataMatrix data, int[] labels, int k) throws InterruptedException {
    try (ChunkRunner callerOnly = new ChunkRunner(1)) {
      return of(data, labels, k, callerOnly);
    }
  }

  /**
   * Measures {@code data} grouped by {@code labels} (each in [0, k)) on {@code runner}'s threads,
   * in two passes over the rows (each cluster's weighted sums, then its squared deviations from its
   * mean), whose partial sums are merged in chunk order: the same spread for any thread count. The
   * overall mean and deviation follow from the clusters' (their sums and weights added in cluster
   * order; the squared deviations as each cluster's, moved to the overall mean), so the rows are
   * summed per cluster alone.
   *
   * @throws InterruptedException if the calling thread is interrupted
   */
  public static ClusterSpread of(DataMatrix data, int[] labels, int k, ChunkRunner runner)
      throws InterruptedException {
    int columns = data.columns();
    double[] values = data.values();
    // Per cluster: the weighted sums of every column, then the cluster's weight.
    int width = columns + 1;
    double[] sums =
        GroupedSums.sum(
            runner,
            data.rows(),
            k,
            width,
            (start, end, partial) -> {
              // Row by row, reading the values in order (column by column, a chunk's rows were read
              // a row apart, five times slower with many columns); every sum still adds its terms
              // in row order onto a zeroed partial, so the bits are the same either way.
              double[] sum = partial.sums();
              for (int row = start; row < end; row++) {
                double w = data.weight(row);
                int cluster = partial.offset(labels[row]);
                int at = row * columns;
                for (int j = 0; j < columns; j++) {
                  sum[cluster + j] += w * values[at + j];
                }
                sum[cluster + columns] += w;
              }
            });
    int weightsAt = k * columns;
    double[] weights = new double[k];
    double[] means = new double[weightsAt];
    double[] overallMean = new double[columns];
    double totalWeight = 0;
    for (int c = 0; c < k; c++) {
      double weight = sums[c * width + columns];
      weights[c] = weight;
      totalWeight += weight;
      for (int j = 0; j < columns; j++) {
        means[c * columns + j] = weight > 0 ? sums[c * width + j] / weight : 0;
        overallMean[j] += sums[c * width + j];
      }
    }
    for (int j = 0; j < columns; j++) {
      overallMean[j] = totalWeight > 0 ? overallMean[j] / totalWeight : 0;
    }
    // Per cluster: the weighted squared deviations of every column from its mean, then the
    // weighted deviations, which are 0 but for the mean's rounding and make the overall figure
    // exact up to it.
    double[] squares =
        GroupedSums.sum(
            runner,
            data.rows(),
            k,
            2 * columns,
            (start, end, partial) -> {
              // Row by row, as the sums above.
              double[] sum = partial.sums();
              for (int row = start; row < end; row++) {
                double w = data.weight(row);
                int mean = labels[row] * columns;
                int cluster = partial.offset(labels[row]);
                int from = row * columns;
                for (int j = 0; j < columns; j++) {
                  double diff = values[from + j] - means[mean + j];
                  double weighted = w * diff;
                  sum[cluster + j] += weighted * diff;
                  sum[cluster + columns + j] += weighted;
                }
              }
            });
    double[] deviations = new double[weightsAt];
    double[] overallSquares = new double[columns];
    for (int c = 0; c < k; c++) {
      int group = c * 2 * columns;
      for (int j = 0; j < columns; j++) {
        int i = c * columns + j;
        double square = squares[group + j];
        double residual = squares[group + columns + j];
        deviations[i] = deviation(square, weights[c]);
        // sum w (x - m)^2 = sum w (x - m_c)^2 + 2 (m_c - m) sum w (x - m_c) + w_c (m_c - m)^2
        double offset = means[i] - overallMean[j];
        overallSquares[j] += square + 2 * offset * residual + weights[c] * offset * offset;
      }
    }
    double[] overallDeviation = new double[columns];
    for (int j = 0; j < columns; j++) {
      overallDeviation[j] = deviation(overallSquares[j], totalWeight);
    }
    return new ClusterSpread(columns, means, deviations, overallMean, overallDeviation);
  }

  /**
   * The weighted sample standard deviation from a weighted sum of squared deviations, as Weka's
   * Instances.variance: 0 up to a weight of 1.
   */
  private static double deviation(double squares, double weight) {
    return weight > 1 ? Math.sqrt(squares / (weight - 1)) : 0;
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
