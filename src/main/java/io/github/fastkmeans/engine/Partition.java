package io.github.fastkmeans.engine;

/**
 * The clusters a fit ended with: the centres, the cluster of every row, the weight of every cluster
 * and the squared error. The arrays are kept as given and handed out as they are: callers outside
 * the engine get copies from {@link KMeansResult}.
 */
final class Partition {

  /** Row-major k x columns. */
  final double[] centres;

  /** The cluster of every row: its nearest centre, ties to the lowest index. */
  final int[] labels;

  /** The total weight of the rows in each cluster; its length is k. */
  final double[] clusterWeights;

  /** The weighted sum of squared distances of the rows to their centres. */
  final double squaredError;

  Partition(double[] centres, int[] labels, double[] clusterWeights, double squaredError) {
    this.centres = centres;
    this.labels = labels;
    this.clusterWeights = clusterWeights;
    this.squaredError = squaredError;
  }

  /** The number of clusters. */
  int k() {
    return clusterWeights.length;
  }

  /** The number of dimensions of a centre. */
  int columns() {
    return centres.length / k();
  }

  /** The number of rows clustered. */
  int rows() {
    return labels.length;
  }
}
