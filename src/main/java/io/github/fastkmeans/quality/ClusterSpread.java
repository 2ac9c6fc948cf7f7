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
              // Row by row, reading the values in order (column by column, a chunk's rows were read
              // a row apart, five times slower with many columns); every sum still adds its terms
              // in row order onto a zeroed partial, so the bits are the same either way.
              for (int row = start; row < end; row++) {
                double w = data.weight(row);
                int cluster = labels[row] * columns;
                int at = row * columns;
                partial[weightsAt + labels[row]] += w;
                partial[weightsAt + k] += w;
                for (int j = 0; j < columns; j++) {
                  double weighted = w * values[at + j];
                  partial[cluster + j] += weighted;
                  partial[overall + j] += weighted;
                }
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
              // Row by row, as the sums above.
              for (int row = start; row < end; row++) {
                double w = data.weight(row);
                int cluster = labels[row] * columns;
                int from = row * columns;
                for (int j = 0; j < columns; j++) {
                  double value = values[from + j];
                  double diff = value - means[cluster + j];
                  double overallDiff = value - means[overall + j];
                  partial[cluster + j] += w * diff * diff;
                  partial[overall + j] += w * overallDiff * overallDiff;
                }
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
