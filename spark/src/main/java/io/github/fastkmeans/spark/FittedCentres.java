package io.github.fastkmeans.spark;

import java.io.Serializable;

/**
 * What a fit leaves for the model: the centres in the scaled space, the scaling, the features'
 * names, and the fit's figures (cluster weights and sizes, squared error, iterations, the rows'
 * clusters and the clusters' spread).
 */
final class FittedCentres implements Serializable {

  private static final long serialVersionUID = 1L;

  final double[] centres;
  final int columns;
  final String[] featureNames;
  final Scaling scaling;
  final double[] clusterWeights;
  final long[] clusterSizes;
  final double squaredError;
  final int iterations;
  final boolean converged;
  final int relocations;
  final double[] initialCentres;
  final long[] distances;
  final long[] nanos;
  final String algorithm;
  final int[] labels;
  final Spread spread;
  final int partitions;

  FittedCentres(
      double[] centres,
      String[] featureNames,
      Scaling scaling,
      double[] clusterWeights,
      long[] clusterSizes,
      double squaredError,
      int iterations,
      boolean converged,
      int relocations,
      double[] initialCentres,
      long[] distances,
      long[] nanos,
      String algorithm,
      int[] labels,
      Spread spread,
      int partitions) {
    this.centres = centres;
    this.columns = featureNames.length;
    this.featureNames = featureNames;
    this.scaling = scaling;
    this.clusterWeights = clusterWeights;
    this.clusterSizes = clusterSizes;
    this.squaredError = squaredError;
    this.iterations = iterations;
    this.converged = converged;
    this.relocations = relocations;
    this.initialCentres = initialCentres;
    this.distances = distances;
    this.nanos = nanos;
    this.algorithm = algorithm;
    this.labels = labels;
    this.spread = spread;
    this.partitions = partitions;
  }

  int k() {
    return centres.length / columns;
  }

  /** Centre {@code c} in original units. */
  double[] originalCentre(int c) {
    double[] centre = new double[columns];
    for (int j = 0; j < columns; j++) {
      centre[j] = scaling.original(j, centres[c * columns + j]);
    }
    return centre;
  }
}
