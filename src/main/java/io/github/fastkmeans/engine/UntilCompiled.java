package io.github.fastkmeans.engine;

import java.util.function.IntConsumer;

/**
 * Calls code until it runs at compiled speed, so that the JIT compiles it on a warm-up thread
 * rather than while a fit waits on the uncompiled code (for the Vector API, uncompiled code boxes
 * every vector).
 */
final class UntilCompiled {

  /**
   * Calls enough for the JIT's counters to ask for a compilation: C2's thresholds count about 5,000
   * calls, fewer with many loop turns.
   */
  private static final int FIRST_CALLS = 5000;

  /**
   * The calls of a batch timed now and then to see whether the compiler is done: enough that the
   * counts keep rising while it works.
   */
  private static final int BATCH = 50;

  private UntilCompiled() {}

  /**
   * Makes {@link #FIRST_CALLS} calls of {@code call} (with the call's number), then batches of
   * {@link #BATCH}, a pause between them, until a batch's calls take less than {@code
   * compiledNanosPerCall} each on average; returns whether they did before {@code limitNanos}
   * passed. False too, early, when the thread is interrupted (its flag set again).
   */
  static boolean repeat(IntConsumer call, long compiledNanosPerCall, long limitNanos) {
    long started = System.nanoTime();
    for (int number = 0; number < FIRST_CALLS; number++) {
      call.accept(number);
    }
    while (System.nanoTime() - started < limitNanos) {
      long batch = System.nanoTime();
      for (int number = 0; number < BATCH; number++) {
        call.accept(number);
      }
      if ((System.nanoTime() - batch) / BATCH < compiledNanosPerCall) {
        return true;
      }
      try {
        // The compiler thread needs the processor more than this one.
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
