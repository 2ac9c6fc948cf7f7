package io.github.fastkmeans.spark;

import java.io.Serializable;

/**
 * What a fit leaves for the model: the centres in the scaled space, the scaling, and the fit's
 * figures (cluster weights and sizes, squared error, iterations).
 */
final class FittedCentres implements Serializable {

  private static final long serialVersionUID = 1L;

  final double[] centres;
  final int columns;
  final Scaling scaling;
  final double[] clusterWeights;
  final long[] clusterSizes;
  final double squaredError;
  final int iterations;
  final boolean converged;
  final double[] initialCentres;
  final long[] distances;
  final String algorithm;

  FittedCentres(
      double[] centres,
      int columns,
      Scaling scaling,
      double[] clusterWeights,
      long[] clusterSizes,
      double squaredError,
      int iterations,
      boolean converged,
      double[] initialCentres,
      long[] distances,
      String algorithm) {
    this.centres = centres;
    this.columns = columns;
    this.scaling = scaling;
    this.clusterWeights = clusterWeights;
    this.clusterSizes = clusterSizes;
    this.squaredError = squaredError;
    this.iterations = iterations;
    this.converged = converged;
    this.initialCentres = initialCentres;
    this.distances = distances;
    this.algorithm = algorithm;
  }

  FittedCentres(FitOutcome outcome, Scaling scaling) {
    this(
        outcome.centres,
        scaling.columns(),
        scaling,
        outcome.clusterWeights,
        outcome.clusterSizes,
        outcome.squaredError,
        outcome.iterations,
        outcome.converged,
        outcome.initialCentres,
        outcome.distances,
        outcome.algorithm.id());
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
