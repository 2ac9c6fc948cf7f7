package io.github.fastkmeans.spark;

import io.github.fastkmeans.engine.Algorithm;
import java.io.Serializable;

/** The result of a distributed fit, in the scaled space. */
final class FitOutcome implements Serializable {

  private static final long serialVersionUID = 1L;

  final double[] initialCentres;
  final double[] centres;
  final double[] clusterWeights;
  final long[] clusterSizes;
  final double squaredError;
  final int iterations;
  final boolean converged;
  final int relocations;
  final Algorithm algorithm;
  final long[] distances;
  final long[] nanos;
  final int[] labels;
  final Spread spread;

  FitOutcome(
      double[] initialCentres,
      double[] centres,
      double[] clusterWeights,
      long[] clusterSizes,
      double squaredError,
      int iterations,
      boolean converged,
      int relocations,
      Algorithm algorithm,
      long[] distances,
      long[] nanos,
      int[] labels,
      Spread spread) {
    this.initialCentres = initialCentres;
    this.centres = centres;
    this.clusterWeights = clusterWeights;
    this.clusterSizes = clusterSizes;
    this.squaredError = squaredError;
    this.iterations = iterations;
    this.converged = converged;
    this.relocations = relocations;
    this.algorithm = algorithm;
    this.distances = distances;
    this.nanos = nanos;
    this.labels = labels;
    this.spread = spread;
  }
}
