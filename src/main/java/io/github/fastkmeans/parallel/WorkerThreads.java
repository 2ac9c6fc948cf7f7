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
   * be seen before its threads have ended, and "no worker left alive" must hold on return. The wait
   * goes on through an interrupt of the caller, who is often closing because of one (the workers,
   * interrupted by the shutdown, end within a unit of their work); the interrupt is kept for the
   * caller.
   */
  void joinAll() {
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    // Until a pass finds every thread ended: a task handed over while the pool was shut down may
    // have made a thread after the pass before had taken its copy of the list.
    boolean joined = false;
    while (!joined && System.nanoTime() < deadline) {
      joined = true;
      for (Thread worker : created) {
        while (worker.isAlive() && System.nanoTime() < deadline) {
          joined = false;
          try {
            worker.join(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
