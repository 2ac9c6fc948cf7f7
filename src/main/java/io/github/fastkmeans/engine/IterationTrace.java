package io.github.fastkmeans.engine;

import java.util.Arrays;

/**
 * What each iteration of a fit measured: its squared error, when errors are traced, the distances
 * it computed and its time. The arrays are kept as given and handed out as they are: callers
 * outside the engine get copies from {@link KMeansResult}.
 */
final class IterationTrace {

  /** The squared error of each iteration; empty when errors were not traced. */
  final double[] squaredErrors;

  /** The distances each iteration computed. */
  final long[] distanceComputations;

  /** The wall-clock time of each iteration, in nanoseconds. */
  final long[] nanos;

  /**
   * The trace of {@code distanceComputations.length} iterations; {@code nanos} holds as many
   * entries, {@code squaredErrors} as many or none.
   */
  IterationTrace(double[] squaredErrors, long[] distanceComputations, long[] nanos) {
    this.squaredErrors = squaredErrors;
    this.distanceComputations = distanceComputations;
    this.nanos = nanos;
  }

  /** The number of iterations traced. */
  int iterations() {
    return distanceComputations.length;
  }

  /** The iterations of this trace, then those of {@code next}. */
  IterationTrace followedBy(IterationTrace next) {
    return new IterationTrace(
        concat(squaredErrors, next.squaredErrors),
        concat(distanceComputations, next.distanceComputations),
        concat(nanos, next.nanos));
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
}
