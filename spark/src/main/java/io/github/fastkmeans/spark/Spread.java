package io.github.fastkmeans.spark;

import java.io.Serializable;

/**
 * Weighted means and weighted sample deviations (denominator: weight - 1, as Weka's) of the scaled
 * features per cluster (row-major k x columns) and over all rows, as Weka's model shows with -V.
 */
final class Spread implements Serializable {

  private static final long serialVersionUID = 1L;

  final double[] clusterMeans;
  final double[] clusterDeviations;
  final double[] overallMean;
  final double[] overallDeviation;

  Spread(
      double[] clusterMeans,
      double[] clusterDeviations,
      double[] overallMean,
      double[] overallDeviation) {
    this.clusterMeans = clusterMeans;
    this.clusterDeviations = clusterDeviations;
    this.overallMean = overallMean;
    this.overallDeviation = overallDeviation;
  }
}
