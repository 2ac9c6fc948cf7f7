package io.github.fastkmeans.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a task over a range of chunks on a fixed set of worker threads and waits for all of them.
 * The worker threads live as long as the runner; close it (try-with-resources) to release them.
 * Made while a {@link WorkerScope} is open on the thread, a runner takes its threads from the scope
 * and its close waits only until none of them works for it.
 */
public final class ChunkRunner implements AutoCloseable {

  /** The name of every worker thread starts with this. */
  static final String WORKER_PREFIX = "fastkmeans-worker-";

  /** The work done for one chunk. */
  @FunctionalInterface
  public interface ChunkTask {
    /** Processes chunk {@code chunk}; {@code slot} is its index within the current batch. */
    void run(int chunk, int slot);
  }

  private final int threads;

  /** The runner's own threads; null when they are a scope's (or the caller works alone). */
  private final WorkerThreads workers;

  private final ExecutorService pool;

  /** The batches handed to a scope's threads and not yet ended, for {@link #close}. */
  private final Phaser lent = new Phaser(1);

  /** A runner with {@code threads} workers; one thread means the caller's thread does the work. */
  public ChunkRunner(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("At least one thread is needed, got " + threads + ".");
    }
    this.threads = threads;
    ExecutorService shared = threads == 1 ? null : WorkerScope.current();
    if (threads == 1 || shared != null) {
      this.workers = null;
      this.pool = shared;
    } else {
      this.workers = new WorkerThreads(WORKER_PREFIX);
      // The calling thread is one of the threads: the pool holds the others.
      this.pool = Executors.newFixedThreadPool(threads - 1, workers);
    }
  }

  /** The number of threads working. */
  public int threads() {
    return threads;
  }

  /**
   * Runs {@code task} for every chunk in {@code [from, to)} and returns when all are done; {@code
   * slot} is {@code chunk - from}. The first failure of a task is rethrown.
   *
   * @throws InterruptedException if the calling thread is interrupted; the remaining chunks are
   *     abandoned
   */
  public void run(int from, int to, ChunkTask task) throws InterruptedException {
    if (pool == null || to - from <= 1) {
      for (int chunk = from; chunk < to; chunk++) {
        Interruption.check("A pass over the data");
        task.run(chunk, chunk - from);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger(from);
    // Every thread stops taking chunks once the caller is interrupted, so that a long pass ends
    // within a chunk's time of it.
    Thread caller = Thread.currentThread();
    Runnable work =
        () -> {
          for (int chunk = next.getAndIncrement();
              chunk < to && !caller.isInterrupted();
              chunk = next.getAndIncrement()) {
            task.run(chunk, chunk - from);
          }
        };
    // The calling thread takes chunks too: one hand-off fewer to wait for in every pass.
    int helpers = Math.min(threads, to - from) - 1;
    List<Future<?>> futures = new ArrayList<>(helpers);
    try {
      for (int w = 0; w < helpers; w++) {
        futures.add(workers != null ? pool.submit(work) : lend(work));
      }
      work.run();
      Interruption.check("A pass over the data");
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (ExecutionException e) {
      throw WorkerFailure.rethrown(e.getCause());
    } finally {
      // On failure or interruption the remaining chunks are abandoned, never left running.
      next.set(to);
      for (Future<?> future : futures) {
        future.cancel(true);
      }
    }
  }

  /**
   * Hands {@code work} to a scope's thread, counted until that thread is done with it, whether it
   * ran, failed or was cancelled before it started.
   */
  private Future<?> lend(Runnable work) {
    FutureTask<Void> task = new FutureTask<>(work, null);
    lent.register();
    try {
      pool.execute(
          () -> {
            try {
              task.run();
            } finally {
              lent.arriveAndDeregister();
            }
          });
    } catch (RuntimeException e) {
      lent.arriveAndDeregister();
      throw e;
    }
    return task;
  }

  /**
   * Stops the worker threads and returns once none of them is alive; with a scope's threads, once
   * none of them works for this runner any more (a batch abandoned on a failure ends within a
   * chunk).
   */
  @Override
  public void close() {
    if (pool == null) {
      return;
    }
    if (workers != null) {
      pool.shutdownNow();
      workers.joinAll();
      return;
    }
    // Uninterruptible: the caller often closes because of an interrupt, which stays set.
    lent.arriveAndAwaitAdvance();
  }
}
