package io.github.fastkmeans.engine;

import java.util.Arrays;

/** Per-iteration measurements of a fit: squared error, distances computed, time. */
final class IterationLog {

  private double[] squaredErrors;
  private long[] distanceComputations;
  private long[] nanos;
  private int size;

  IterationLog(int capacity) {
    squaredErrors = new double[Math.max(1, capacity)];
    distanceComputations = new long[squaredErrors.length];
    nanos = new long[squaredErrors.length];
  }

  void add(double squaredError, long computations, long elapsedNanos) {
    if (size == squaredErrors.length) {
      squaredErrors = Arrays.copyOf(squaredErrors, 2 * size);
      distanceComputations = Arrays.copyOf(distanceComputations, 2 * size);
      nanos = Arrays.copyOf(nanos, 2 * size);
    }
    squaredErrors[size] = squaredError;
    distanceComputations[size] = computations;
    nanos[size] = elapsedNanos;
    size++;
  }

  int size() {
    return size;
  }

  /** The iterations logged; their squared errors only when {@code withErrors}. */
  IterationTrace toTrace(boolean withErrors) {
    return new IterationTrace(
        withErrors ? Arrays.copyOf(squaredErrors, size) : new double[0],
        Arrays.copyOf(distanceComputations, size),
        Arrays.copyOf(nanos, size));
  }
}
