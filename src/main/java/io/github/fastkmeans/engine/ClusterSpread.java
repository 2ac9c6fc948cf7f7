package io.github.fastkmeans.engine;

import java.io.Serializable;

/**
 * Per-cluster means and deviations as models of format 3 saved them, when they were this class:
 * only ever read, and replaced on reading by the {@link io.github.fastkmeans.quality.ClusterSpread}
 * they stand for. Its name, serialVersionUID and fields must never change, or those models no
 * longer load.
 */
final class ClusterSpread implements Serializable {

  private static final long serialVersionUID = 1L;

  // Set by deserialisation alone.
  private int columns;
  private double[] clusterMeans;
  private double[] clusterDeviations;
  private double[] overallMean;
  private double[] overallDeviation;

  private ClusterSpread() {}

  private Object readResolve() {
    return new io.github.fastkmeans.quality.ClusterSpread(
        columns, clusterMeans, clusterDeviations, overallMean, overallDeviation);
  }
}
