package io.github.fastkmeans.engine;

/** Immutable settings of one k-means fit; every {@code with} method returns a validated copy. */
public final class KMeansSettings {

  /** The accepted maximum numbers of iterations. */
  public static final IntRange MAX_ITERATIONS = IntRange.atLeast(1);

  /** The accepted tolerances; 0 iterates until no assignment changes. */
  public static final RealRange TOLERANCE = RealRange.finiteAtLeast(0);

  /** The accepted numbers of threads, here and in every other pass over the data. */
  public static final IntRange THREADS = IntRange.atLeast(1);

  /** Default memory allowed for Elkan's per-row, per-centre bounds: 512 MiB. */
  public static final long DEFAULT_ELKAN_BUDGET_BYTES = 512L << 20;

  /**
   * The defaults: 500 iterations, exact convergence, relocate empty clusters, one thread, the
   * algorithm chosen automatically, 512 MiB for Elkan's bounds, no per-iteration error trace.
   */
  public static final KMeansSettings DEFAULTS =
      new KMeansSettings(
          500,
          0.0,
          EmptyClusterPolicy.RELOCATE,
          1,
          Algorithm.AUTO,
          DEFAULT_ELKAN_BUDGET_BYTES,
          false);

  private final int maxIterations;
  private final double tolerance;
  private final EmptyClusterPolicy emptyClusterPolicy;
  private final int threads;
  private final Algorithm algorithm;
  private final long elkanBudgetBytes;
  private final boolean traceErrors;

  private KMeansSettings(
      int maxIterations,
      double tolerance,
      EmptyClusterPolicy emptyClusterPolicy,
      int threads,
      Algorithm algorithm,
      long elkanBudgetBytes,
      boolean traceErrors) {
    MAX_ITERATIONS.check("The maximum number of iterations", maxIterations);
    TOLERANCE.check("The tolerance", tolerance);
    if (emptyClusterPolicy == null) {
      throw new IllegalArgumentException("The empty-cluster policy must not be null.");
    }
    THREADS.check("The number of threads", threads);
    if (algorithm == null) {
      throw new IllegalArgumentException("The algorithm must not be null.");
    }
    if (elkanBudgetBytes < 0) {
      throw new IllegalArgumentException(
          "The memory budget for Elkan's bounds must be >= 0, got " + elkanBudgetBytes + ".");
    }
    this.algorithm = algorithm;
    this.elkanBudgetBytes = elkanBudgetBytes;
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.emptyClusterPolicy = emptyClusterPolicy;
    this.threads = threads;
    this.traceErrors = traceErrors;
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

  /** The assignment algorithm, possibly {@link Algorithm#AUTO}. */
  public Algorithm algorithm() {
    return algorithm;
  }

  /** The most memory Elkan's bounds may take, in bytes. */
  public long elkanBudgetBytes() {
    return elkanBudgetBytes;
  }

  /** A copy with another assignment algorithm. */
  public KMeansSettings withAlgorithm(Algorithm value) {
    return new KMeansSettings(
        maxIterations,
        tolerance,
        emptyClusterPolicy,
        threads,
        value,
        elkanBudgetBytes,
        traceErrors);
  }

  /** A copy with another memory budget for Elkan's bounds (bytes, at least 0). */
  public KMeansSettings withElkanBudgetBytes(long value) {
    return new KMeansSettings(
        maxIterations, tolerance, emptyClusterPolicy, threads, algorithm, value, traceErrors);
  }

  /** A copy with another maximum number of iterations (at least 1). */
  public KMeansSettings withMaxIterations(int value) {
    return new KMeansSettings(
        value, tolerance, emptyClusterPolicy, threads, algorithm, elkanBudgetBytes, traceErrors);
  }

  /** A copy with another tolerance (finite, at least 0). */
  public KMeansSettings withTolerance(double value) {
    return new KMeansSettings(
        maxIterations,
        value,
        emptyClusterPolicy,
        threads,
        algorithm,
        elkanBudgetBytes,
        traceErrors);
  }

  /** A copy with another empty-cluster policy. */
  public KMeansSettings withEmptyClusterPolicy(EmptyClusterPolicy value) {
    return new KMeansSettings(
        maxIterations, tolerance, value, threads, algorithm, elkanBudgetBytes, traceErrors);
  }

  /** A copy with another number of threads (at least 1). */
  public KMeansSettings withThreads(int value) {
    return new KMeansSettings(
        maxIterations,
        tolerance,
        emptyClusterPolicy,
        value,
        algorithm,
        elkanBudgetBytes,
        traceErrors);
  }

  /**
   * Whether the squared error of every iteration is measured and kept in the result's history; it
   * costs a pass over the data per iteration that the bounds of the faster algorithms otherwise
   * save.
   */
  public boolean traceErrors() {
    return traceErrors;
  }

  /** A copy that does or does not keep the squared error of every iteration. */
  public KMeansSettings withTraceErrors(boolean value) {
    return new KMeansSettings(
        maxIterations, tolerance, emptyClusterPolicy, threads, algorithm, elkanBudgetBytes, value);
  }
}
