package io.github.fastkmeans.quality;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.ChunkedSums;
import java.util.Arrays;

/**
 * The measures built on cluster centroids: the within-cluster sum of squares, the Davies-Bouldin
 * index and the Calinski-Harabasz index, for rows grouped by labels. See {@link ClusterQuality} for
 * the definitions, the role of the weights and the degenerate cases.
 */
final class CentroidIndices {

  /** The weighted sum of squared distances of the rows to their cluster's centroid. */
  final double withinSumOfSquares;

  /** The Davies-Bouldin index; NaN or infinite in the degenerate cases. */
  final double daviesBouldin;

  /** The Calinski-Harabasz index; NaN or infinite in the degenerate cases. */
  final double calinskiHarabasz;

  /** The number of clusters holding weight. */
  final int nonEmptyClusters;

  private CentroidIndices(
      double withinSumOfSquares,
      double daviesBouldin,
      double calinskiHarabasz,
      int nonEmptyClusters) {
    this.withinSumOfSquares = withinSumOfSquares;
    this.daviesBouldin = daviesBouldin;
    this.calinskiHarabasz = calinskiHarabasz;
    this.nonEmptyClusters = nonEmptyClusters;
  }

  /**
   * Measures {@code data} grouped by {@code labels} (each in [0, k)), in two passes over the rows:
   * one for the centroids, one for the distances to them. Rows of weight 0 take no part.
   *
   * @throws InterruptedException if the calling thread is interrupted
   */
  static CentroidIndices of(DataMatrix data, int[] labels, int k, ChunkRunner runner)
      throws InterruptedException {
    int columns = data.columns();
    double[] values = data.values();
    int weightsAt = k * columns;
    double[] sums =
        ChunkedSums.sum(
            runner,
            data.rows(),
            weightsAt + k,
            (start, end, partial) -> {
              for (int row = start; row < end; row++) {
                double weight = data.weight(row);
                if (weight > 0) {
                  int base = labels[row] * columns;
                  for (int j = 0; j < columns; j++) {
                    partial[base + j] += weight * values[row * columns + j];
                  }
                  partial[weightsAt + labels[row]] += weight;
                }
              }
            });
    double[] weights = Arrays.copyOfRange(sums, weightsAt, weightsAt + k);
    double[] centroids = new double[k * columns];
    double[] overall = new double[columns];
    double totalWeight = 0;
    int nonEmpty = 0;
    for (int c = 0; c < k; c++) {
      if (weights[c] > 0) {
        nonEmpty++;
        totalWeight += weights[c];
        for (int j = 0; j < columns; j++) {
          centroids[c * columns + j] = sums[c * columns + j] / weights[c];
          overall[j] += sums[c * columns + j];
        }
      }
    }
    for (int j = 0; j < columns; j++) {
      overall[j] /= totalWeight;
    }

    double[] scatter =
        ChunkedSums.sum(
            runner,
            data.rows(),
            2 * k,
            (start, end, partial) -> {
              for (int row = start; row < end; row++) {
                double weight = data.weight(row);
                if (weight > 0) {
                  int c = labels[row];
                  double squared =
                      SquaredEuclidean.distance(
                          values, row * columns, centroids, c * columns, columns);
                  partial[c] += weight * Math.sqrt(squared);
                  partial[k + c] += weight * squared;
                }
              }
            });
    double within = 0;
    double between = 0;
    double[] spreads = new double[k];
    for (int c = 0; c < k; c++) {
      if (weights[c] > 0) {
        within += scatter[k + c];
        between +=
            weights[c] * SquaredEuclidean.distance(centroids, c * columns, overall, 0, columns);
        spreads[c] = scatter[c] / weights[c];
      }
    }
    return new CentroidIndices(
        within,
        daviesBouldin(centroids, spreads, weights, columns),
        calinskiHarabasz(between, within, positiveRows(data), nonEmpty),
        nonEmpty);
  }

  /**
   * The mean over the clusters holding weight of the largest (S_c + S_d) / M_cd over the others, S
   * the weighted mean distance to the centroid and M the distance between centroids. NaN for fewer
   * than two such clusters; a pair of clusters with the same centroid is not separated at all and
   * makes the index infinite.
   */
  private static double daviesBouldin(
      double[] centroids, double[] spreads, double[] weights, int columns) {
    int k = weights.length;
    int nonEmpty = 0;
    double total = 0;
    for (int c = 0; c < k; c++) {
      if (!(weights[c] > 0)) {
        continue;
      }
      nonEmpty++;
      double worst = 0;
      for (int d = 0; d < k; d++) {
        if (d == c || !(weights[d] > 0)) {
          continue;
        }
        double separation =
            Math.sqrt(
                SquaredEuclidean.distance(centroids, c * columns, centroids, d * columns, columns));
        double ratio =
            separation > 0 ? (spreads[c] + spreads[d]) / separation : Double.POSITIVE_INFINITY;
        worst = Math.max(worst, ratio);
      }
      total += worst;
    }
    return nonEmpty < 2 ? Double.NaN : total / nonEmpty;
  }

  /**
   * (between / (K - 1)) / (within / (n - K)), K the clusters holding weight and n the rows of
   * positive weight. NaN for K below 2 or n at most K (no degrees of freedom left), and when both
   * scatters are 0; infinite when only the within scatter is 0.
   */
  static double calinskiHarabasz(double between, double within, int positiveRows, int nonEmpty) {
    if (nonEmpty < 2 || positiveRows <= nonEmpty) {
      return Double.NaN;
    }
    if (within == 0) {
      return between > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    return (between / (nonEmpty - 1)) / (within / (positiveRows - nonEmpty));
  }

  /** The number of rows of positive weight. */
  static int positiveRows(DataMatrix data) {
    if (!data.hasWeights()) {
      return data.rows();
    }
    int count = 0;
    for (int row = 0; row < data.rows(); row++) {
      if (data.weight(row) > 0) {
        count++;
      }
    }
    return count;
  }
}
