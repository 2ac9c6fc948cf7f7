package io.github.fastkmeans.parallel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Worker threads that combine two results, each ready now or still being computed, as soon as both
 * are ready, while the calling thread goes on; at most a given number of combinations are waiting
 * or running at once, so that a fast caller holds bounded memory (it waits for a free place).
 *
 * <p>What is computed does not depend on the threads: each combination is a function of its two
 * inputs, called once. Idle workers end after {@link #IDLE_SECONDS} seconds, so that a pool left
 * open (a stream never finished) keeps no thread for long; {@link #close} ends them at once.
 */
public final class CombiningPool implements AutoCloseable {

  /** Seconds after which an idle worker ends; a later task starts a new one. */
  public static final long IDLE_SECONDS = 2;

  /** A combination of two results. */
  @FunctionalInterface
  public interface Combination<T> {
    /**
     * The combination of {@code first} and {@code second}.
     *
     * @throws InterruptedException if the worker is interrupted (the pool is being closed)
     */
    T apply(T first, T second) throws InterruptedException;
  }

  private final WorkerThreads workers;
  private final ThreadPoolExecutor executor;
  private final Semaphore places;

  /** The first failure of a combination, reported to every later call; null while none failed. */
  private volatile Throwable failure;

  /**
   * A pool of {@code threads} workers named {@code name} and their number, with at most {@code
   * inFlight} combinations not yet done.
   *
   * @throws IllegalArgumentException if either number is below 1
   */
  public CombiningPool(String name, int threads, int inFlight) {
    if (threads < 1 || inFlight < 1) {
      throw new IllegalArgumentException(
          "A pool needs a thread and a place: threads " + threads + ", in flight " + inFlight);
    }
    this.workers = new WorkerThreads(name);
    this.executor =
        new ThreadPoolExecutor(
            threads, threads, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), workers);
    executor.allowCoreThreadTimeOut(true);
    this.places = new Semaphore(inFlight);
  }

  /**
   * The combination of {@code first} and {@code second} by {@code combination}, computed on a
   * worker once both are ready; waits first while the most combinations are in flight.
   *
   * @throws InterruptedException if the calling thread is interrupted while it waits, or an earlier
   *     combination was
   * @throws RuntimeException (or an {@link Error}) that an earlier combination failed with
   */
  public <T> CompletableFuture<T> combine(
      CompletableFuture<T> first, CompletableFuture<T> second, Combination<T> combination)
      throws InterruptedException {
    rethrowFailure();
    places.acquire();
    CompletableFuture<T> combined =
        first.thenCombineAsync(
            second,
            (a, b) -> {
              try {
                return combination.apply(a, b);
              } catch (InterruptedException e) {
                throw new CompletionException(e);
              }
            },
            executor);
    // Released however the combination ends, even unrun because an input failed: never a wait
    // for a place that no task will free.
    return combined.whenComplete(
        (result, thrown) -> {
          if (thrown != null && failure == null) {
            failure = thrown instanceof CompletionException ? thrown.getCause() : thrown;
          }
          places.release();
        });
  }

  /**
   * The value of {@code future}, waiting for it.
   *
   * @throws InterruptedException if the calling thread is interrupted while it waits, or the
   *     computation was
   * @throws RuntimeException (or an {@link Error}) the computation failed with
   */
  public static <T> T result(CompletableFuture<T> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw WorkerFailure.rethrown(e.getCause());
    }
  }

  private void rethrowFailure() throws InterruptedException {
    Throwable failed = failure;
    if (failed != null) {
      throw WorkerFailure.rethrown(failed);
    }
  }

  /**
   * Interrupts the combinations still running, drops those waiting, and returns once no worker is
   * alive; what they would have computed is lost.
   */
  @Override
  public void close() {
    executor.shutdownNow();
    workers.joinAll();
  }
}
