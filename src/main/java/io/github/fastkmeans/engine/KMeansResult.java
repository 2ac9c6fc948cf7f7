package io.github.fastkmeans.engine;

import java.io.Serializable;
import java.util.Arrays;

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

  /** Swaps tried by a {@link SwapRefinement}; 0 when none ran. */
  private final int swapTrials;

  /** Swaps a {@link SwapRefinement} kept. */
  private final int swapsKept;

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
    this(
        columns,
        initialCentres,
        centres,
        labels,
        clusterWeights,
        iterations,
        squaredError,
        squaredErrorHistory,
        converged,
        relocations,
        algorithm,
        rows,
        distanceComputations,
        iterationNanos,
        0,
        0);
  }

  private KMeansResult(
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
      long[] iterationNanos,
      int swapTrials,
      int swapsKept) {
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
    this.swapTrials = swapTrials;
    this.swapsKept = swapsKept;
  }

  /**
   * This fit continued by {@code next}, a fit that started where this one ended (after a swap): the
   * initial centres of this fit, everything else of {@code next}, and the iterations, their
   * measurements and the relocations of both.
   */
  KMeansResult followedBy(KMeansResult next) {
    return new KMeansResult(
        columns,
        initialCentres,
        next.centres,
        next.labels,
        next.clusterWeights,
        iterations + next.iterations,
        next.squaredError,
        concat(squaredErrorHistory, next.squaredErrorHistory),
        next.converged,
        relocations + next.relocations,
        next.algorithm,
        rows,
        concat(distanceComputations, next.distanceComputations),
        concat(iterationNanos, next.iterationNanos),
        swapTrials,
        swapsKept);
  }

  /**
   * This fit, recorded as refined by {@code trials} swap trials of which {@code kept} were kept.
   */
  KMeansResult withSwaps(int trials, int kept) {
    return new KMeansResult(
        columns,
        initialCentres,
        centres,
        labels,
        clusterWeights,
        iterations,
        squaredError,
        squaredErrorHistory,
        converged,
        relocations,
        algorithm,
        rows,
        distanceComputations,
        iterationNanos,
        trials,
        kept);
  }

  private static double[] concat(double[] a, double[] b) {
    double[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static long[] concat(long[] a, long[] b) {
    long[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** The swaps a {@link SwapRefinement} tried on this fit; 0 when it was not refined. */
  public int swapTrials() {
    return swapTrials;
  }

  /**
   * The swaps a {@link SwapRefinement} kept; each lowered the squared error, and {@link
   * #iterations()} and the histories include the k-means iterations after each.
   */
  public int swapsKept() {
    return swapsKept;
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

  /**
   * The number of assignment passes, counting the last one, which changed nothing on convergence.
   */
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
