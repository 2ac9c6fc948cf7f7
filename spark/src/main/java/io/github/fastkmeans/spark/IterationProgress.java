package io.github.fastkmeans.spark;

import java.io.Serializable;
import java.util.Locale;

/** What one iteration of a distributed fit did: for progress lines. */
public final class IterationProgress implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int iteration;
  private final long nanos;
  private final long distances;
  private final long moved;

  IterationProgress(int iteration, long nanos, long distances, long moved) {
    this.iteration = iteration;
    this.nanos = nanos;
    this.distances = distances;
    this.moved = moved;
  }

  /** The iteration, from 1. */
  public int iteration() {
    return iteration;
  }

  /** Its wall time in nanoseconds. */
  public long nanos() {
    return nanos;
  }

  /** The point-to-centre distances it computed. */
  public long distances() {
    return distances;
  }

  /** The rows that changed cluster. */
  public long moved() {
    return moved;
  }

  /** One line: iteration, time, distances, rows moved. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "iteration %d: %.3f s, %d distances computed, %d rows moved",
        iteration,
        nanos / 1e9,
        distances,
        moved);
  }
}
