package io.github.fastkmeans.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a task over a range of chunks on a fixed set of worker threads and waits for all of them.
 * The worker threads live as long as the runner; close it (try-with-resources) to release them.
 */
public final class ChunkRunner implements AutoCloseable {

  /** The work done for one chunk. */
  @FunctionalInterface
  public interface ChunkTask {
    /** Processes chunk {@code chunk}; {@code slot} is its index within the current batch. */
    void run(int chunk, int slot);
  }

  private final int threads;
  private final WorkerThreads workers;
  private final ExecutorService pool;

  /** A runner with {@code threads} workers; one thread means the caller's thread does the work. */
  public ChunkRunner(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("At least one thread is needed, got " + threads + ".");
    }
    this.threads = threads;
    this.workers = new WorkerThreads("fastkmeans-worker-");
    // The calling thread is one of the threads: the pool holds the others.
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, workers);
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
        futures.add(pool.submit(work));
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

  /** Stops the worker threads and returns once none of them is alive. */
  @Override
  public void close() {
    if (pool == null) {
      return;
    }
    pool.shutdownNow();
    workers.joinAll();
  }
}
