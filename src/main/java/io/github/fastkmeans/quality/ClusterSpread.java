package io.github.fastkmeans.quality;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.ChunkedSums;
import java.io.Serializable;
import java.util.Arrays;

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
   * in two passes over the rows (the means, then the deviations from them), whose partial sums are
   * merged in chunk order: the same spread for any thread count.
   *
   * @throws InterruptedException if the calling thread is interrupted
   */
  public static ClusterSpread of(DataMatrix data, int[] labels, int k, ChunkRunner runner)
      throws InterruptedException {
    int columns = data.columns();
    double[] values = data.values();
    // Per cluster then over all rows: the weighted sums of every column, then the weights.
    int overall = k * columns;
    int weightsAt = overall + columns;
    double[] sums =
        ChunkedSums.sum(
            runner,
            data.rows(),
            weightsAt + k + 1,
            (start, end, partial) -> {
              // Column by column, each sum over all rows in a local: the same additions in the same
              // (row) order as row by row, without a store and a reload of the sum for every row.
              double totalWeight = 0;
              for (int row = start; row < end; row++) {
                double w = data.weight(row);
                partial[weightsAt + labels[row]] += w;
                totalWeight += w;
              }
              partial[weightsAt + k] += totalWeight;
              for (int j = 0; j < columns; j++) {
                double sum = 0;
                for (int row = start; row < end; row++) {
                  double weighted = data.weight(row) * values[row * columns + j];
                  partial[labels[row] * columns + j] += weighted;
                  sum += weighted;
                }
                partial[overall + j] += sum;
              }
            });
    double[] means = new double[overall + columns];
    for (int g = 0; g <= k; g++) {
      double weight = sums[weightsAt + g];
      for (int j = 0; j < columns; j++) {
        int i = g * columns + j;
        means[i] = weight > 0 ? sums[i] / weight : 0;
      }
    }
    double[] squares =
        ChunkedSums.sum(
            runner,
            data.rows(),
            overall + columns,
            (start, end, partial) -> {
              // Column by column, as the sums above.
              for (int j = 0; j < columns; j++) {
                double overallMean = means[overall + j];
                double sum = 0;
                for (int row = start; row < end; row++) {
                  double w = data.weight(row);
                  int at = labels[row] * columns + j;
                  double value = values[row * columns + j];
                  double diff = value - means[at];
                  double overallDiff = value - overallMean;
                  partial[at] += w * diff * diff;
                  sum += w * overallDiff * overallDiff;
                }
                partial[overall + j] += sum;
              }
            });
    double[] deviations = new double[overall + columns];
    for (int g = 0; g <= k; g++) {
      double weight = sums[weightsAt + g];
      for (int j = 0; j < columns; j++) {
        int i = g * columns + j;
        // The weighted sample deviation, as Weka's Instances.variance: 0 up to a weight of 1.
        deviations[i] = weight > 1 ? Math.sqrt(squares[i] / (weight - 1)) : 0;
      }
    }
    return new ClusterSpread(
        columns,
        Arrays.copyOf(means, overall),
        Arrays.copyOf(deviations, overall),
        Arrays.copyOfRange(means, overall, overall + columns),
        Arrays.copyOfRange(deviations, overall, overall + columns));
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
