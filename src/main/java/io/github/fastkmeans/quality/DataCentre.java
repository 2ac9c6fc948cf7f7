package io.github.fastkmeans.quality;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.SquaredEuclidean;

/**
 * The weighted mean of a data set and its rows of positive weight: what the Calinski-Harabasz index
 * needs besides a partition's centres, cluster weights and within scatter, so that a search over
 * many partitions of the same rows measures each without a pass over the rows.
 */
public final class DataCentre {

  private final double[] mean;
  private final int positiveRows;

  private DataCentre(double[] mean, int positiveRows) {
    this.mean = mean;
    this.positiveRows = positiveRows;
  }

  /** The weighted mean and the rows of positive weight of {@code data}, in one pass. */
  public static DataCentre of(DataMatrix data) {
    int columns = data.columns();
    double[] values = data.values();
    double[] sums = new double[columns];
    double total = 0;
    for (int row = 0; row < data.rows(); row++) {
      double weight = data.weight(row);
      if (weight > 0) {
        total += weight;
        for (int j = 0; j < columns; j++) {
          sums[j] += weight * values[row * columns + j];
        }
      }
    }
    for (int j = 0; j < columns; j++) {
      sums[j] /= total;
    }
    return new DataCentre(sums, CentroidIndices.positiveRows(data));
  }

  /**
   * The Calinski-Harabasz index of a partition given by its {@code centres} (row-major, each its
   * cluster's weighted mean), {@code clusterWeights} and weighted sum of squared distances {@code
   * within}: as {@link ClusterQuality#calinskiHarabasz()} measures it, the between scatter being
   * the clusters' weighted squared distances from the data's mean.
   */
  public double calinskiHarabasz(double[] centres, double[] clusterWeights, double within) {
    int columns = mean.length;
    double between = 0;
    int nonEmpty = 0;
    for (int c = 0; c < clusterWeights.length; c++) {
      if (clusterWeights[c] > 0) {
        nonEmpty++;
        between +=
            clusterWeights[c] * SquaredEuclidean.distance(centres, c * columns, mean, 0, columns);
      }
    }
    return CentroidIndices.calinskiHarabasz(between, within, positiveRows, nonEmpty);
  }
}
