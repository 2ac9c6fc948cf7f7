package io.github.fastkmeans.engine;

import java.io.Serializable;

/** The outcome of one k-means fit; arrays handed out are copies. */
public final class KMeansResult implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int columns;
  private final double[] initialCentres;
  private final double[] centres;
  private final int[] labels;
  private final double[] clusterWeights;
  private final int iterations;
  private final double squaredError;
  private final double[] squaredErrorHistory;
  private final boolean converged;
  private final int relocations;
  private final Algorithm algorithm;
  private final int rows;
  private final long[] distanceComputations;
  private final long[] iterationNanos;

  KMeansResult(
      int columns,
      double[] initialCentres,
      double[] centres,
      int[] labels,
      double[] clusterWeights,
      int iterations,
      double squaredError,
      double[] squaredErrorHistory,
      boolean converged,
      int relocations,
      Algorithm algorithm,
      int rows,
      long[] distanceComputations,
      long[] iterationNanos) {
    this.columns = columns;
    this.initialCentres = initialCentres;
    this.centres = centres;
    this.labels = labels;
    this.clusterWeights = clusterWeights;
    this.iterations = iterations;
    this.squaredError = squaredError;
    this.squaredErrorHistory = squaredErrorHistory;
    this.converged = converged;
    this.relocations = relocations;
    this.algorithm = algorithm;
    this.rows = rows;
    this.distanceComputations = distanceComputations;
    this.iterationNanos = iterationNanos;
  }

  /** The assignment algorithm that ran (never {@link Algorithm#AUTO}). */
  public Algorithm algorithm() {
    return algorithm;
  }

  /** The number of rows clustered. */
  public int rows() {
    return rows;
  }

  /**
   * The point-to-centre distances each iteration computed; plain Lloyd computes rows * k, and the
   * share of that a variant computed is its pruning ratio.
   */
  public long[] distanceComputations() {
    return distanceComputations.clone();
  }

  /** The wall-clock time of each iteration (assignment pass and update), in nanoseconds. */
  public long[] iterationNanos() {
    return iterationNanos.clone();
  }

  /** The distances computed over all iterations divided by rows * k * iterations. */
  public double distanceRatio() {
    long total = 0;
    for (long count : distanceComputations) {
      total += count;
    }
    return total / ((double) rows * k() * Math.max(1, distanceComputations.length));
  }

  /** The number of clusters. */
  public int k() {
    return clusterWeights.length;
  }

  /** The number of dimensions of a centre. */
  public int columns() {
    return columns;
  }

  /** The centres the fit started from, row-major k x columns. */
  public double[] initialCentres() {
    return initialCentres.clone();
  }

  /** The final centres, row-major k x columns. */
  public double[] centres() {
    return centres.clone();
  }

  /** The cluster of every row: its nearest final centre (ties to the lowest index). */
  public int[] labels() {
    return labels.clone();
  }

  /** The total weight of the rows in each cluster. */
  public double[] clusterWeights() {
    return clusterWeights.clone();
  }

  /** The number of assignment passes, counting the last one, which changed nothing on convergence. */
  public int iterations() {
    return iterations;
  }

  /** The weighted sum of squared distances of the rows to their final centres. */
  public double squaredError() {
    return squaredError;
  }

  /**
   * The weighted sum of squared errors measured by each counted assignment pass, one entry per
   * iteration. When the fit stopped at the tolerance or the iteration limit, one more pass, not
   * counted, made the labels match the moved centres; its error, never larger than the last entry,
   * is {@link #squaredError()}.
   */
  public double[] squaredErrorHistory() {
    return squaredErrorHistory.clone();
  }

  /** Whether assignments stopped changing (or centres moved less than the tolerance). */
  public boolean converged() {
    return converged;
  }

  /** How many times an empty cluster was given a new centre. */
  public int relocations() {
    return relocations;
  }

  /** The number of clusters that hold no weight at the end. */
  public int emptyClusters() {
    int empty = 0;
    for (double w : clusterWeights) {
      if (w <= 0) {
        empty++;
      }
    }
    return empty;
  }
}
