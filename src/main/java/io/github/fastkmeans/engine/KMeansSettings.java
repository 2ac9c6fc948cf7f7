package io.github.fastkmeans.engine;

/** Immutable settings of one k-means fit; every {@code with} method returns a validated copy. */
public final class KMeansSettings {

  /** The defaults: 500 iterations, exact convergence, relocate empty clusters, one thread. */
  public static final KMeansSettings DEFAULTS =
      new KMeansSettings(500, 0.0, EmptyClusterPolicy.RELOCATE, 1);

  private final int maxIterations;
  private final double tolerance;
  private final EmptyClusterPolicy emptyClusterPolicy;
  private final int threads;

  private KMeansSettings(
      int maxIterations, double tolerance, EmptyClusterPolicy emptyClusterPolicy, int threads) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException(
          "The maximum number of iterations must be at least 1, got " + maxIterations + ".");
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException(
          "The tolerance must be a finite number >= 0, got " + tolerance + ".");
    }
    if (emptyClusterPolicy == null) {
      throw new IllegalArgumentException("The empty-cluster policy must not be null.");
    }
    if (threads < 1) {
      throw new IllegalArgumentException(
          "The number of threads must be at least 1, got " + threads + ".");
    }
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.emptyClusterPolicy = emptyClusterPolicy;
    this.threads = threads;
  }

  /** The largest number of assignment passes before the fit stops unconverged. */
  public int maxIterations() {
    return maxIterations;
  }

  /** Stop once the total squared centre shift of an iteration is at most this; 0 disables it. */
  public double tolerance() {
    return tolerance;
  }

  /** What happens to a centre that loses all its points. */
  public EmptyClusterPolicy emptyClusterPolicy() {
    return emptyClusterPolicy;
  }

  /** The number of threads the passes over the data use. */
  public int threads() {
    return threads;
  }

  /** A copy with another maximum number of iterations (at least 1). */
  public KMeansSettings withMaxIterations(int value) {
    return new KMeansSettings(value, tolerance, emptyClusterPolicy, threads);
  }

  /** A copy with another tolerance (finite, at least 0). */
  public KMeansSettings withTolerance(double value) {
    return new KMeansSettings(maxIterations, value, emptyClusterPolicy, threads);
  }

  /** A copy with another empty-cluster policy. */
  public KMeansSettings withEmptyClusterPolicy(EmptyClusterPolicy value) {
    return new KMeansSettings(maxIterations, tolerance, value, threads);
  }

  /** A copy with another number of threads (at least 1). */
  public KMeansSettings withThreads(int value) {
    return new KMeansSettings(maxIterations, tolerance, emptyClusterPolicy, value);
  }
}
