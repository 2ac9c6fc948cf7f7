package io.github.fastkmeans.quality;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.GroupedSums;
import io.github.fastkmeans.parallel.RowChunks;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Weighted means and weighted sample standard deviations of every column, per cluster and over all
 * rows, for describing a clustering.
 */
public final class ClusterSpread implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Rows per chunk of the spread's sums: each chunk's partial holds k x (2d + 1) sums, which a
   * chunk of 512 rows among hundreds of clusters took as long to clear and merge as to add.
   */
  public static final int CHUNK_ROWS = 4096;

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
   * in one pass over the rows: per cluster, the weighted differences of its rows from its first row
   * and their squares, summed in row order within chunks of {@link #CHUNK_ROWS} rows and over the
   * chunks in chunk order, so the spread is the same for any thread count. The mean and the squared
   * deviations from it follow from those sums; the first row lies within its cluster, so the
   * differences are of the cluster's own spread and the squares lose no more than a bit or two to
   * the mean's share of them, wherever the cluster lies. The overall mean and deviation follow from
   * the clusters' (their weighted means and weights added in cluster order; the squared deviations
   * as each cluster's, moved to the overall mean).
   *
   * @throws InterruptedException if the calling thread is interrupted
   */
  public static ClusterSpread of(DataMatrix data, int[] labels, int k, ChunkRunner runner)
      throws InterruptedException {
    int columns = data.columns();
    double[] values = data.values();
    int[] firstRows = firstRows(labels, k);
    // Per cluster: the weighted differences from its first row, their squares, then the weight.
    int width = 2 * columns + 1;
    double[] sums =
        GroupedSums.sum(
            runner,
            new RowChunks(data.rows(), CHUNK_ROWS),
            k,
            width,
            (start, end, partial) -> {
              double[] sum = partial.sums();
              for (int row = start; row < end; row++) {
                double w = data.weight(row);
                int label = labels[row];
                int cluster = partial.offset(label);
                int first = firstRows[label] * columns;
                int at = row * columns;
                for (int j = 0; j < columns; j++) {
                  double difference = values[at + j] - values[first + j];
                  double weighted = w * difference;
                  sum[cluster + j] += weighted;
                  sum[cluster + columns + j] += weighted * difference;
                }
                sum[cluster + 2 * columns] += w;
              }
            });
    double[] weights = new double[k];
    double[] means = new double[k * columns];
    double[] squares = new double[k * columns];
    double[] shifts = new double[k * columns];
    double totalWeight = 0;
    double[] overallMean = new double[columns];
    for (int c = 0; c < k; c++) {
      int group = c * width;
      double weight = sums[group + 2 * columns];
      weights[c] = weight;
      totalWeight += weight;
      if (weight == 0) {
        continue;
      }
      int first = firstRows[c] * columns;
      for (int j = 0; j < columns; j++) {
        int i = c * columns + j;
        double shift = sums[group + j] / weight;
        shifts[i] = shift;
        means[i] = values[first + j] + shift;
        // sum w (x - m)^2 = sum w (x - x0)^2 - (m - x0) sum w (x - x0), never below zero
        squares[i] = Math.max(0, sums[group + columns + j] - shift * sums[group + j]);
        overallMean[j] += weight * means[i];
      }
    }
    for (int j = 0; j < columns; j++) {
      overallMean[j] = totalWeight > 0 ? overallMean[j] / totalWeight : 0;
    }
    double[] deviations = new double[k * columns];
    double[] overallSquares = new double[columns];
    for (int c = 0; c < k; c++) {
      if (weights[c] == 0) {
        continue;
      }
      int first = firstRows[c] * columns;
      for (int j = 0; j < columns; j++) {
        int i = c * columns + j;
        deviations[i] = deviation(squares[i], weights[c]);
        // sum w (x - m)^2 = sum w (x - m_c)^2 + w_c (m_c - m)^2, with m_c - m taken from the
        // cluster's first row and its shift, not from m_c, which is rounded where it lies
        double offset = (values[first + j] - overallMean[j]) + shifts[i];
        overallSquares[j] += squares[i] + weights[c] * offset * offset;
      }
    }
    double[] overallDeviation = new double[columns];
    for (int j = 0; j < columns; j++) {
      overallDeviation[j] = deviation(overallSquares[j], totalWeight);
    }
    return new ClusterSpread(columns, means, deviations, overallMean, overallDeviation);
  }

  /** The first row of each cluster by {@code labels}; 0 for a cluster without rows. */
  private static int[] firstRows(int[] labels, int k) {
    int[] first = new int[k];
    Arrays.fill(first, -1);
    int found = 0;
    for (int row = 0; row < labels.length && found < k; row++) {
      if (first[labels[row]] < 0) {
        first[labels[row]] = row;
        found++;
      }
    }
    for (int c = 0; c < k; c++) {
      first[c] = Math.max(0, first[c]);
    }
    return first;
  }

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
