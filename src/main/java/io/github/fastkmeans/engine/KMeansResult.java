package io.github.fastkmeans.engine;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamField;
import java.io.Serializable;

/**
 * The outcome of one k-means fit; arrays handed out are copies.
 *
 * <p>Saved models hold results in the form {@link KMeansResultForm} describes, which stays the same
 * whatever the fields here are.
 */
public final class KMeansResult implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The fields of the saved form, in place of the fields below. */
  private static final ObjectStreamField[] serialPersistentFields = KMeansResultForm.fields();

  private final double[] initialCentres;
  private final Partition end;
  private final boolean converged;
  private final int relocations;
  private final Algorithm algorithm;
  private final IterationTrace trace;
  private final SwapCount swaps;

  /**
   * A lower bound on every row's distance to each centre but its own, valid for the final centres,
   * as the fit's assignment step left it; null when its algorithm keeps none (or the result was
   * read from a saved model). A fit from nearly the same centres starts from it ({@link
   * KMeans#fitFrom}).
   */
  private final transient double[] lowerBounds;

  /**
   * Which kernel compared rows with every centre (as {@link #kernel} says it); null when not
   * recorded. Not in the saved form, which never changes: saved models keep it beside the result.
   */
  private final transient String kernel;

  /** While a saved result is read: the result it stands for, returned in its place. */
  private transient KMeansResult restored;

  /**
   * A fit that started from {@code initialCentres}, ended with {@code end} after the iterations of
   * {@code trace}, converged or not, relocated {@code relocations} empty clusters, assigned with
   * {@code algorithm} and was refined by {@code swaps}.
   */
  KMeansResult(
      double[] initialCentres,
      Partition end,
      boolean converged,
      int relocations,
      Algorithm algorithm,
      IterationTrace trace,
      SwapCount swaps) {
    this(initialCentres, end, converged, relocations, algorithm, trace, swaps, null);
  }

  /** As the constructor above, with the rows' {@code lowerBounds} (null when none were kept). */
  KMeansResult(
      double[] initialCentres,
      Partition end,
      boolean converged,
      int relocations,
      Algorithm algorithm,
      IterationTrace trace,
      SwapCount swaps,
      double[] lowerBounds) {
    this(initialCentres, end, converged, relocations, algorithm, trace, swaps, lowerBounds, null);
  }

  /** As the constructor above, with the {@code kernel} that swept the rows (null: unknown). */
  KMeansResult(
      double[] initialCentres,
      Partition end,
      boolean converged,
      int relocations,
      Algorithm algorithm,
      IterationTrace trace,
      SwapCount swaps,
      double[] lowerBounds,
      String kernel) {
    this.kernel = kernel;
    this.lowerBounds = lowerBounds;
    this.initialCentres = initialCentres;
    this.end = end;
    this.converged = converged;
    this.relocations = relocations;
    this.algorithm = algorithm;
    this.trace = trace;
    this.swaps = swaps;
  }

  /**
   * A fit made by another driver of this iteration (a distributed one), unrefined: it started from
   * {@code initialCentres} and ended with {@code centres} (row-major k x columns), the rows' {@code
   * labels}, the clusters' weights and the weighted squared error, after as many iterations as
   * {@code distanceComputations} and {@code iterationNanos} have entries.
   */
  public static KMeansResult of(
      double[] initialCentres,
      double[] centres,
      int[] labels,
      double[] clusterWeights,
      double squaredError,
      boolean converged,
      int relocations,
      Algorithm algorithm,
      long[] distanceComputations,
      long[] iterationNanos) {
    if (distanceComputations.length != iterationNanos.length) {
      throw new IllegalArgumentException(
          distanceComputations.length
              + " counts of distances but "
              + iterationNanos.length
              + " iteration times.");
    }
    return new KMeansResult(
        initialCentres.clone(),
        new Partition(centres.clone(), labels.clone(), clusterWeights.clone(), squaredError),
        converged,
        relocations,
        algorithm,
        new IterationTrace(new double[0], distanceComputations.clone(), iterationNanos.clone()),
        SwapCount.NONE);
  }

  /**
   * This fit continued by {@code next}, a fit that started where this one ended (after a swap): the
   * initial centres of this fit, everything else of {@code next}, and the iterations, their
   * measurements and the relocations of both.
   */
  KMeansResult followedBy(KMeansResult next) {
    return new KMeansResult(
        initialCentres,
        next.end,
        next.converged,
        relocations + next.relocations,
        next.algorithm,
        trace.followedBy(next.trace),
        swaps,
        next.lowerBounds,
        next.kernel == null ? kernel : next.kernel);
  }

  /** This fit, recorded as refined by {@code swaps}. */
  KMeansResult withSwaps(SwapCount swaps) {
    return new KMeansResult(
        initialCentres, end, converged, relocations, algorithm, trace, swaps, lowerBounds, kernel);
  }

  /**
   * This fit, with {@code lowerBounds} (IN, kept as given) on every row's distance to each centre
   * but its own.
   */
  KMeansResult withLowerBounds(double[] lowerBounds) {
    return new KMeansResult(
        initialCentres, end, converged, relocations, algorithm, trace, swaps, lowerBounds, kernel);
  }

  /**
   * This fit, recorded as swept by {@code kernel} (null: unknown): for a result read from a saved
   * model that kept its kernel apart.
   */
  public KMeansResult withKernel(String kernel) {
    return new KMeansResult(
        initialCentres, end, converged, relocations, algorithm, trace, swaps, lowerBounds, kernel);
  }

  /**
   * Which kernel compared rows with every centre, such as {@code "vector (jdk.incubator.vector,
   * 512-bit, float estimates checked in double)"} or {@code "plain Java (...)"} with the reason;
   * null when not recorded (a result read from a saved model, or made by another driver).
   */
  public String kernel() {
    return kernel;
  }

  /**
   * This fit without the rows' lower bounds it may carry for a fit started from it ({@link
   * KMeans#fitFrom}): for keeping, where they would only take memory.
   */
  public KMeansResult withoutLowerBounds() {
    return lowerBounds == null ? this : withLowerBounds(null);
  }

  /** The final labels themselves, not a copy: for the engine, which never changes them. */
  int[] sharedLabels() {
    return end.labels;
  }

  /** The rows' lower bounds (see the field); null when none were kept. Not a copy. */
  double[] lowerBounds() {
    return lowerBounds;
  }

  /** The swaps a {@link SwapRefinement} tried on this fit; 0 when it was not refined. */
  public int swapTrials() {
    return swaps.trials;
  }

  /**
   * The swaps a {@link SwapRefinement} kept; each lowered the squared error, and {@link
   * #iterations()} and the histories include the k-means iterations after each.
   */
  public int swapsKept() {
    return swaps.kept;
  }

  /** The assignment algorithm that ran (never {@link Algorithm#AUTO}). */
  public Algorithm algorithm() {
    return algorithm;
  }

  /** The number of rows clustered. */
  public int rows() {
    return end.rows();
  }

  /**
   * The point-to-centre distances each iteration computed; plain Lloyd computes rows * k, and the
   * share of that a variant computed is its pruning ratio.
   */
  public long[] distanceComputations() {
    return trace.distanceComputations.clone();
  }

  /** The wall-clock time of each iteration (assignment pass and update), in nanoseconds. */
  public long[] iterationNanos() {
    return trace.nanos.clone();
  }

  /** The distances computed over all iterations divided by rows * k * iterations. */
  public double distanceRatio() {
    long total = 0;
    for (long count : trace.distanceComputations) {
      total += count;
    }
    return total / ((double) rows() * k() * Math.max(1, trace.distanceComputations.length));
  }

  /** The number of clusters. */
  public int k() {
    return end.k();
  }

  /** The number of dimensions of a centre. */
  public int columns() {
    return end.columns();
  }

  /** The centres the fit started from, row-major k x columns. */
  public double[] initialCentres() {
    return initialCentres.clone();
  }

  /** The final centres, row-major k x columns. */
  public double[] centres() {
    return end.centres.clone();
  }

  /** The cluster of every row: its nearest final centre (ties to the lowest index). */
  public int[] labels() {
    return end.labels.clone();
  }

  /** The total weight of the rows in each cluster. */
  public double[] clusterWeights() {
    return end.clusterWeights.clone();
  }

  /**
   * The number of assignment passes, counting the last one, which changed nothing on convergence.
   */
  public int iterations() {
    return trace.iterations();
  }

  /** The weighted sum of squared distances of the rows to their final centres. */
  public double squaredError() {
    return end.squaredError;
  }

  /**
   * The weighted sum of squared errors measured by each counted assignment pass, one entry per
   * iteration. When the fit stopped at the tolerance or the iteration limit, one more pass, not
   * counted, made the labels match the moved centres; its error, never larger than the last entry,
   * is {@link #squaredError()}.
   */
  public double[] squaredErrorHistory() {
    return trace.squaredErrors.clone();
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
    for (double w : end.clusterWeights) {
      if (w <= 0) {
        empty++;
      }
    }
    return empty;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    KMeansResultForm.write(this, out.putFields());
    out.writeFields();
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    restored = KMeansResultForm.read(in.readFields());
  }

  private Object readResolve() {
    return restored;
  }
}
