package io.github.fastkmeans.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link ChunkRunner}: each chunk runs once, failures propagate, workers stop on close.
 */
class ChunkRunnerTest {

  private static final String WORKER_PREFIX = "fastkmeans-worker-";

  @Test
  void rejectsFewerThanOneThread() {
    assertThrows(IllegalArgumentException.class, () -> new ChunkRunner(0));
    assertThrows(IllegalArgumentException.class, () -> new ChunkRunner(-3));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 8})
  void runsEveryChunkExactlyOnceWithSlotRelativeToFrom(int threads) throws Exception {
    int from = 3;
    int to = 203;
    AtomicIntegerArray runs = new AtomicIntegerArray(to);
    AtomicInteger badSlots = new AtomicInteger();
    try (ChunkRunner runner = new ChunkRunner(threads)) {
      assertEquals(threads, runner.threads());
      runner.run(
          from,
          to,
          (chunk, slot) -> {
            runs.incrementAndGet(chunk);
            if (slot != chunk - from) {
              badSlots.incrementAndGet();
            }
          });
    }
    for (int chunk = 0; chunk < to; chunk++) {
      assertEquals(chunk < from ? 0 : 1, runs.get(chunk), "runs of chunk " + chunk);
    }
    assertEquals(0, badSlots.get());
  }

  @Test
  void aRunnerCanBeReusedForManyBatches() throws Exception {
    AtomicInteger total = new AtomicInteger();
    try (ChunkRunner runner = new ChunkRunner(3)) {
      for (int batch = 0; batch < 50; batch++) {
        runner.run(batch, batch + 7, (chunk, slot) -> total.addAndGet(chunk));
      }
    }
    int expected = 0;
    for (int batch = 0; batch < 50; batch++) {
      for (int chunk = batch; chunk < batch + 7; chunk++) {
        expected += chunk;
      }
    }
    assertEquals(expected, total.get());
  }

  @Test
  void anEmptyRangeRunsNothing() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (ChunkRunner runner = new ChunkRunner(4)) {
      runner.run(5, 5, (chunk, slot) -> calls.incrementAndGet());
    }
    assertEquals(0, calls.get());
  }

  @Test
  void oneThreadWorksOnTheCallersThread() throws Exception {
    Set<Thread> seen = ConcurrentHashMap.newKeySet();
    try (ChunkRunner runner = new ChunkRunner(1)) {
      runner.run(0, 20, (chunk, slot) -> seen.add(Thread.currentThread()));
    }
    assertEquals(Set.of(Thread.currentThread()), seen);
  }

  @Test
  void severalThreadsAreTheCallerAndNamedDaemonWorkers() throws Exception {
    Set<Thread> seen = ConcurrentHashMap.newKeySet();
    try (ChunkRunner runner = new ChunkRunner(3)) {
      runner.run(0, 30, (chunk, slot) -> noteSlowly(seen));
    }
    assertTrue(seen.size() <= 3, "at most 3 threads, saw " + seen.size());
    assertTrue(seen.remove(Thread.currentThread()), "the caller works too");
    assertFalse(seen.isEmpty(), "and so do workers");
    for (Thread thread : seen) {
      assertTrue(thread.getName().startsWith(WORKER_PREFIX), thread.getName());
      assertTrue(thread.isDaemon(), thread.getName());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void aTaskExceptionPropagatesToTheCaller(int threads) {
    IllegalStateException failure = new IllegalStateException("chunk 17 failed");
    try (ChunkRunner runner = new ChunkRunner(threads)) {
      IllegalStateException thrown =
          assertThrows(
              IllegalStateException.class,
              () ->
                  runner.run(
                      0,
                      40,
                      (chunk, slot) -> {
                        if (chunk == 17) {
                          throw failure;
                        }
                      }));
      assertSame(failure, thrown);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void aTaskErrorPropagatesToTheCaller(int threads) {
    AssertionError failure = new AssertionError("boom");
    try (ChunkRunner runner = new ChunkRunner(threads)) {
      AssertionError thrown =
          assertThrows(
              AssertionError.class,
              () ->
                  runner.run(
                      0,
                      10,
                      (chunk, slot) -> {
                        if (chunk == 4) {
                          throw failure;
                        }
                      }));
      assertSame(failure, thrown);
    }
  }

  @Test
  void aRunnerStillWorksAfterATaskFailed() throws Exception {
    AtomicIntegerArray runs = new AtomicIntegerArray(12);
    try (ChunkRunner runner = new ChunkRunner(3)) {
      assertThrows(
          IllegalStateException.class,
          () ->
              runner.run(
                  0,
                  12,
                  (chunk, slot) -> {
                    throw new IllegalStateException();
                  }));
      runner.run(0, 12, (chunk, slot) -> runs.incrementAndGet(chunk));
    }
    for (int chunk = 0; chunk < 12; chunk++) {
      assertEquals(1, runs.get(chunk));
    }
  }

  @Test
  void closeStopsTheWorkerThreads() throws Exception {
    Set<Thread> workers = ConcurrentHashMap.newKeySet();
    ChunkRunner runner = new ChunkRunner(4);
    runner.run(0, 64, (chunk, slot) -> noteSlowly(workers));
    workers.remove(Thread.currentThread());
    assertFalse(workers.isEmpty());
    assertTrue(
        liveWorkers(workers).containsAll(workers), "the pool keeps its workers until closed");

    runner.close();

    // close() waits for the pool to terminate; a terminated pool's threads are on their way out.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!liveWorkers(workers).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(Set.of(), liveWorkers(workers));
    for (Thread thread : workers) {
      assertFalse(thread.isAlive(), thread.getName());
    }
  }

  @Test
  void closeStopsTheWorkerThreadsAfterAFailure() throws Exception {
    Set<Thread> workers = ConcurrentHashMap.newKeySet();
    ChunkRunner runner = new ChunkRunner(2);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            runner.run(
                0,
                20,
                (chunk, slot) -> {
                  noteSlowly(workers);
                  throw new IllegalArgumentException();
                }));
    workers.remove(Thread.currentThread());
    runner.close();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!liveWorkers(workers).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(Set.of(), liveWorkers(workers));
  }

  @Test
  void noWorkerIsAliveImmediatelyAfterClose() throws Exception {
    for (int attempt = 0; attempt < 300; attempt++) {
      Set<Thread> workers = ConcurrentHashMap.newKeySet();
      ChunkRunner runner = new ChunkRunner(3);
      runner.run(0, 12, (chunk, slot) -> workers.add(Thread.currentThread()));
      workers.remove(Thread.currentThread());
      runner.close();
      assertEquals(Set.of(), liveWorkers(workers), "attempt " + attempt);
    }
  }

  @Test
  void closingASingleThreadRunnerIsHarmlessAndCloseIsIdempotent() throws Exception {
    ChunkRunner single = new ChunkRunner(1);
    single.close();
    AtomicInteger calls = new AtomicInteger();
    single.run(0, 3, (chunk, slot) -> calls.incrementAndGet());
    assertEquals(3, calls.get());
    ChunkRunner pooled = new ChunkRunner(2);
    pooled.close();
    pooled.close();
  }

  /**
   * Adds the current thread to {@code threads}, then waits a little so that every thread gets work.
   */
  private static void noteSlowly(Set<Thread> threads) {
    threads.add(Thread.currentThread());
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The threads of {@code workers} that are alive, found through Thread.getAllStackTraces(). */
  private static Set<Thread> liveWorkers(Set<Thread> workers) {
    Set<Thread> live = new HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(WORKER_PREFIX) && workers.contains(thread)) {
        live.add(thread);
      }
    }
    return live;
  }
}
