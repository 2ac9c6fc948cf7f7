package io.github.fastkmeans.parallel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Makes FastKMeans' worker threads: daemons, so that a forgotten pool never keeps a JVM alive,
 * named by a prefix and a number, and remembered so that {@link #joinAll} can wait until none is
 * alive.
 */
final class WorkerThreads implements ThreadFactory {

  private final String prefix;
  private final List<Thread> created = new CopyOnWriteArrayList<>();

  /** Threads named {@code prefix} followed by their number, from 1. */
  WorkerThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable runnable) {
    // A pool whose idle threads end makes new ones: the ended ones need no joining.
    created.removeIf(thread -> !thread.isAlive() && thread.getState() != Thread.State.NEW);
    Thread thread = new Thread(runnable, prefix + (created.size() + 1));
    thread.setDaemon(true);
    created.add(thread);
    return thread;
  }

  /**
   * Waits until every thread made has ended, after its pool was shut down: a pool's termination can
   * be seen before its threads have ended, and "no worker left alive" must hold on return.
   */
  void joinAll() {
    try {
      for (Thread worker : created) {
        worker.join(TimeUnit.MINUTES.toMillis(1));
      }
    } catch (InterruptedException e) {
      // The caller is closing, often because it was interrupted: keep the flag for it.
      Thread.currentThread().interrupt();
    }
  }
}
