package io.github.fastkmeans.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Working room for the tasks of a fit's passes: a task takes one at its start and gives it back at
 * its end, so that a pass makes one per thread at work, reused by every later task and pass. Owned
 * by the fit, it goes with it; a {@link ThreadLocal} would leave it with every thread that ran a
 * task, and with it, where the room refers to the fit, the fit itself for as long as the thread
 * lives (the calling thread of a Weka build lives as long as Weka).
 */
final class ScratchPool<T> {

  private final Supplier<T> maker;
  private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();

  /** A pool that makes its rooms with {@code maker}. */
  ScratchPool(Supplier<T> maker) {
    this.maker = maker;
  }

  /** A room no other task holds: one given back earlier, or a new one. */
  T take() {
    T room = idle.poll();
    return room != null ? room : maker.get();
  }

  /** Gives back {@code room}, taken from this pool, for the next task. */
  void give(T room) {
    idle.offer(room);
  }
}
