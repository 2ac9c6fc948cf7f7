package io.github.fastkmeans.engine;

import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.RowChunks;
import java.util.SplittableRandom;

/**
 * Runs a fit from several seeded starts and keeps the one with the lowest squared error (the
 * earliest on a tie). On data of at most {@link #SIDE_BY_SIDE_ROWS} rows the restarts run side by
 * side, one per thread, each fit on one thread: the passes over so few rows are too short to share
 * (each shared pass wakes the other threads), and the fit kept is the same.
 */
public final class Restarts {

  /** The accepted numbers of restarts. */
  public static final IntRange COUNT = IntRange.atLeast(1);

  /**
   * The most rows whose restarts run side by side: 16 chunks, so that a pass shared by two threads
   * gives each at most 8 chunks between hand-offs. Each restart running holds its own fit's memory,
   * small at this size.
   */
  static final int SIDE_BY_SIDE_ROWS = 16 * RowChunks.CHUNK_ROWS;

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
    long[] seeds = seeds(seed, restarts);
    int threads = Math.min(kmeans.settings().threads(), restarts);
    if (threads > 1 && data.rows() <= SIDE_BY_SIDE_ROWS) {
      return lowestError(sideBySide(kmeans, data, seeds, start, threads));
    }
    KMeansResult best = null;
    for (long restartSeed : seeds) {
      best = lower(best, kmeans.fit(data, start.centres(restartSeed)));
    }
    return best;
  }

  /** The fits from every seed, run side by side on {@code threads} threads, one thread each. */
  private static KMeansResult[] sideBySide(
      KMeans kmeans, DataMatrix data, long[] seeds, Start start, int threads)
      throws InterruptedException {
    KMeans alone = new KMeans(kmeans.settings().withThreads(1));
    KMeansResult[] fits = new KMeansResult[seeds.length];
    try (ChunkRunner runner = new ChunkRunner(threads)) {
      runner.run(
          0,
          seeds.length,
          (restart, slot) -> {
            try {
              fits[restart] = alone.fit(data, start.centres(seeds[restart]));
            } catch (InterruptedException e) {
              throw new RestartInterrupted(e);
            }
          });
    } catch (RestartInterrupted e) {
      throw e.interruption;
    }
    return fits;
  }

  /** The fit of lowest error, the earliest on a tie: the one a run in seed order keeps. */
  private static KMeansResult lowestError(KMeansResult[] fits) {
    KMeansResult best = null;
    for (KMeansResult fit : fits) {
      best = lower(best, fit);
    }
    return best;
  }

  /**
   * {@code fit} if its error is below {@code best}'s (or there is no best yet), else {@code best}.
   */
  private static KMeansResult lower(KMeansResult best, KMeansResult fit) {
    return best == null || fit.squaredError() < best.squaredError() ? fit : best;
  }

  /** Carries a restart's interruption out of the worker that saw it. */
  private static final class RestartInterrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The interruption seen. */
    final InterruptedException interruption;

    RestartInterrupted(InterruptedException interruption) {
      super(interruption);
      this.interruption = interruption;
    }
  }
}
