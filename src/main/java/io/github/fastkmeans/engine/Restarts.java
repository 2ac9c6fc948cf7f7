package io.github.fastkmeans.engine;

import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.RowChunks;
import java.util.SplittableRandom;

/**
 * Runs a fit from several seeded starts and keeps the one with the lowest squared error (the
 * earliest on a tie). On data of at most {@link #SIDE_BY_SIDE_ROWS} rows (and {@link
 * #SIDE_BY_SIDE_CELLS} rows times clusters) the restarts run side by side, one per thread, each fit
 * on one thread: the passes over so few rows are too short to share (each shared pass wakes the
 * other threads), and the fit kept is the same.
 */
public final class Restarts {

  /** The accepted numbers of restarts. */
  public static final IntRange COUNT = IntRange.atLeast(1);

  /**
   * The most rows whose restarts run side by side: 16 chunks, so that a pass shared by two threads
   * gives each at most 8 chunks between hand-offs.
   */
  static final int SIDE_BY_SIDE_ROWS = 16 * RowChunks.CHUNK_ROWS;

  /**
   * The most rows times clusters whose restarts run side by side: each restart running holds its
   * own fit's memory, whose largest part (Elkan's bounds, a double per row and cluster) then stays
   * within 8 MiB.
   */
  static final long SIDE_BY_SIDE_CELLS = 1L << 20;

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
    // The first start is drawn first, whatever follows: it tells how many clusters there are.
    double[] first = start.centres(seeds[0]);
    int threads = Math.min(kmeans.settings().threads(), restarts);
    long cells = (long) data.rows() * (first.length / Math.max(1, data.columns()));
    if (threads > 1 && data.rows() <= SIDE_BY_SIDE_ROWS && cells <= SIDE_BY_SIDE_CELLS) {
      return sideBySide(kmeans, data, seeds, first, start, threads);
    }
    KMeansResult best = kmeans.fit(data, first);
    for (int r = 1; r < restarts; r++) {
      KMeansResult fit = kmeans.fit(data, start.centres(seeds[r]));
      if (fit.squaredError() < best.squaredError()) {
        best = fit;
      }
    }
    return best;
  }

  /**
   * The fit of lowest error from every seed (the earliest on a tie), the fits run side by side on
   * {@code threads} threads, one thread each; the first from {@code first}.
   */
  private static KMeansResult sideBySide(
      KMeans kmeans, DataMatrix data, long[] seeds, double[] first, Start start, int threads)
      throws InterruptedException {
    KMeans alone = new KMeans(kmeans.settings().withThreads(1));
    Kept kept = new Kept();
    try (ChunkRunner runner = new ChunkRunner(threads)) {
      runner.run(
          0,
          seeds.length,
          (restart, slot) -> {
            try {
              double[] centres = restart == 0 ? first : start.centres(seeds[restart]);
              kept.offer(restart, alone.fit(data, centres));
            } catch (InterruptedException e) {
              throw new RestartInterrupted(e);
            } catch (RuntimeException e) {
              kept.fail(restart, e);
            }
          });
    } catch (RestartInterrupted e) {
      throw e.interruption;
    }
    return kept.result();
  }

  /**
   * The fit of lowest error offered so far, the one of the earliest restart on a tie: whatever
   * order the restarts end in, the one a run in seed order keeps. Only it is held.
   */
  private static final class Kept {
    private KMeansResult fit;
    private int restart;
    private RuntimeException failure;
    private int failedRestart;

    /**
     * Notes that restart {@code failed} failed with {@code thrown}: the earliest failure is the one
     * a run in seed order meets first and throws, whichever thread saw it first.
     */
    synchronized void fail(int failed, RuntimeException thrown) {
      if (failure == null || failed < failedRestart) {
        failure = thrown;
        failedRestart = failed;
      }
    }

    /** The fit kept, or the earliest failure. */
    synchronized KMeansResult result() {
      if (failure != null) {
        throw failure;
      }
      return fit;
    }

    synchronized void offer(int offered, KMeansResult candidate) {
      if (fit == null
          || candidate.squaredError() < fit.squaredError()
          || (candidate.squaredError() == fit.squaredError() && offered < restart)) {
        fit = candidate;
        restart = offered;
      }
    }
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
