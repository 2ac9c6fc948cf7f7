package io.github.fastkmeans.bench;

/** How often and how long each system is run on one data set. */
final class Plan {

  /** Untimed warm-up fits, for the JIT (and Python's lazy initialisations). */
  final int warmups;

  /** Iterations of a warm-up fit (at most the data set's): enough to compile every hot loop. */
  final int warmupIterations;

  /** Timed fits wanted; the median is reported. */
  final int runs;

  /**
   * Seconds of timed fits a peer may spend: a peer stops before a run that would exceed it (after
   * at least one). FastKMeans, the subject, always does {@link #runs}.
   */
  final double budgetSeconds;

  Plan(int warmups, int warmupIterations, int runs, double budgetSeconds) {
    this.warmups = warmups;
    this.warmupIterations = warmupIterations;
    this.runs = runs;
    this.budgetSeconds = budgetSeconds;
  }

  /**
   * Iterations of a warm-up fit on the large sets at most: a pass there runs every hot loop
   * millions of times, and a warm-up of the whole fit would double their cost.
   */
  static final int LARGE_SET_WARMUP_ITERATIONS = 2;

  int warmupIterations(Dataset data) {
    int cap =
        data.large ? Math.min(warmupIterations, LARGE_SET_WARMUP_ITERATIONS) : warmupIterations;
    return Math.min(cap, data.iterations);
  }

  /**
   * Whether a peer that spent {@code spent} seconds, the last run taking {@code last}, runs again.
   */
  boolean another(int done, double spent, double last) {
    return done < runs && (done == 0 || spent + last <= budgetSeconds);
  }
}
