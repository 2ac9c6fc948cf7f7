package io.github.fastkmeans.spark;

import java.io.Serializable;

/** What a fit reports: cluster sizes and weights, the squared error, iterations, distances. */
public final class FastKMeansSummary implements Serializable {

  private static final long serialVersionUID = 1L;

  private final FittedCentres fit;

  FastKMeansSummary(FittedCentres fit) {
    this.fit = fit;
  }

  /** The number of clusters. */
  public int k() {
    return fit.k();
  }

  /** The number of training rows of positive weight in each cluster. */
  public long[] clusterSizes() {
    return fit.clusterSizes.clone();
  }

  /** The total weight of each cluster. */
  public double[] clusterWeights() {
    return fit.clusterWeights.clone();
  }

  /** The weighted sum of squared distances to the centres (scaled space). */
  public double trainingCost() {
    return fit.squaredError;
  }

  /** The number of iterations. */
  public int numIter() {
    return fit.iterations;
  }

  /** Whether the fit converged before the iteration limit. */
  public boolean converged() {
    return fit.converged;
  }

  /** The distances computed in each iteration. */
  public long[] distanceComputations() {
    return fit.distances.clone();
  }

  /** The assignment algorithm that ran. */
  public String algorithm() {
    return fit.algorithm;
  }

  /** The starting centres, row-major, scaled. */
  public double[] initialCenters() {
    return fit.initialCentres.clone();
  }
}
