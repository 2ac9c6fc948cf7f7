package io.github.fastkmeans.engine;

import java.util.SplittableRandom;

/** Runs a fit from several seeded starts and keeps the one with the lowest squared error. */
public final class Restarts {

  /** The accepted numbers of restarts. */
  public static final IntRange COUNT = IntRange.atLeast(1);

  private Restarts() {}

  /** The starting centres of one restart. */
  @FunctionalInterface
  public interface Start {
    /**
     * Row-major starting centres drawn with {@code seed}.
     *
     * @throws InterruptedException if the calling thread is interrupted while they are chosen
     */
    double[] centres(long seed) throws InterruptedException;
  }

  /**
   * The seeds of {@code restarts} starts derived from {@code seed}: the first is {@code seed}
   * itself, so that one restart behaves exactly like a single fit with that seed.
   */
  public static long[] seeds(long seed, int restarts) {
    COUNT.check("The number of restarts", restarts);
    long[] seeds = new long[restarts];
    SplittableRandom derived = new SplittableRandom(seed);
    seeds[0] = seed;
    for (int r = 1; r < restarts; r++) {
      seeds[r] = derived.nextLong();
    }
    return seeds;
  }

  /**
   * Fits {@code data} once per seed of {@link #seeds}, each from {@code start.centres(seed)}, and
   * returns the fit with the lowest squared error (the earliest on a tie).
   *
   * @throws InterruptedException if the calling thread is interrupted
   */
  public static KMeansResult best(
      KMeans kmeans, DataMatrix data, int restarts, long seed, Start start)
      throws InterruptedException {
    KMeansResult best = null;
    for (long restartSeed : seeds(seed, restarts)) {
      KMeansResult result = kmeans.fit(data, start.centres(restartSeed));
      if (best == null || result.squaredError() < best.squaredError()) {
        best = result;
      }
    }
    return best;
  }
}
