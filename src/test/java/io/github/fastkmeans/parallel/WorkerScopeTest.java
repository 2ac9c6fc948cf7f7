package io.github.fastkmeans.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link WorkerScope}: runners made in a scope share its threads, a runner's close waits
 * for its own work only, and closing the scope leaves no worker alive.
 */
class WorkerScopeTest {

  @Test
  void runnersMadeInAScopeReuseItsThreadsAndTheScopeEndsThem() throws Exception {
    Set<Thread> helpers = ConcurrentHashMap.newKeySet();
    int runners = 50;
    try (WorkerScope scope = WorkerScope.open()) {
      for (int r = 0; r < runners; r++) {
        try (ChunkRunner runner = new ChunkRunner(3)) {
          runner.run(0, 12, (chunk, slot) -> noteSlowly(helpers));
        }
        helpers.remove(Thread.currentThread());
        assertTrue(liveWorkers(helpers).containsAll(helpers), "closing a runner keeps the scope's");
      }
      // Without the scope every runner starts two threads of its own: a hundred. A runner made
      // the instant a helper finished may start one more while that helper returns to the scope.
      assertFalse(helpers.isEmpty(), "the runners had helpers");
      assertTrue(helpers.size() <= 10, helpers.size() + " threads for " + runners + " runners");
    }
    assertEquals(Set.of(), liveWorkers(helpers), "no worker of the scope is alive after it");
  }

  @Test
  void aRunnerMadeOnAWorkerKeepsThreadsOfItsOwn() throws Exception {
    Set<Thread> innerHelpers = ConcurrentHashMap.newKeySet();
    AtomicInteger aliveAfterInnerClose = new AtomicInteger(-1);
    CountDownLatch innerDone = new CountDownLatch(1);
    try (WorkerScope scope = WorkerScope.open();
        ChunkRunner runner = new ChunkRunner(2)) {
      Thread opener = Thread.currentThread();
      runner.run(
          0,
          2,
          (chunk, slot) -> {
            if (Thread.currentThread() == opener) {
              awaitQuietly(innerDone);
              return;
            }
            try (ChunkRunner inner = new ChunkRunner(2)) {
              inner.run(0, 20, (c, s) -> noteSlowly(innerHelpers));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            innerHelpers.remove(Thread.currentThread());
            aliveAfterInnerClose.set(liveWorkers(innerHelpers).size());
            innerDone.countDown();
          });
    }
    assertFalse(innerHelpers.isEmpty(), "the worker's runner had a helper");
    assertEquals(0, aliveAfterInnerClose.get(), "its helper ended with it, inside the scope");
  }

  @Test
  void aRunnerMadeWhileTheScopesThreadsAreBusyGetsAnotherOne() throws Exception {
    AtomicIntegerArray runs = new AtomicIntegerArray(40);
    Set<Thread> innerHelpers = ConcurrentHashMap.newKeySet();
    Set<Thread> outerHelpers = ConcurrentHashMap.newKeySet();
    CountDownLatch innerDone = new CountDownLatch(1);
    try (WorkerScope scope = WorkerScope.open();
        ChunkRunner outer = new ChunkRunner(2)) {
      Thread opener = Thread.currentThread();
      outer.run(
          0,
          2,
          (chunk, slot) -> {
            if (Thread.currentThread() != opener) {
              // The outer helper stays busy until the opener's inner runner is done.
              outerHelpers.add(Thread.currentThread());
              awaitQuietly(innerDone);
              return;
            }
            try (ChunkRunner inner = new ChunkRunner(2)) {
              inner.run(
                  0,
                  40,
                  (c, s) -> {
                    runs.incrementAndGet(c);
                    noteSlowly(innerHelpers);
                  });
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            innerDone.countDown();
          });
    }
    innerHelpers.remove(Thread.currentThread());
    assertEquals(1, outerHelpers.size(), "the outer helper took a chunk");
    assertFalse(innerHelpers.isEmpty(), "the inner runner had a helper");
    assertTrue(Collections.disjoint(innerHelpers, outerHelpers), "not the busy outer helper");
    for (int c = 0; c < 40; c++) {
      assertEquals(1, runs.get(c), "runs of inner chunk " + c);
    }
  }

  @Test
  void closingARunnerWaitsForTheWorkItAbandonedOnAFailure() throws Exception {
    AtomicBoolean slowChunkEnded = new AtomicBoolean();
    CountDownLatch slowChunkStarted = new CountDownLatch(1);
    try (WorkerScope scope = WorkerScope.open()) {
      ChunkRunner runner = new ChunkRunner(2);
      Thread opener = Thread.currentThread();
      assertThrows(
          IllegalStateException.class,
          () ->
              runner.run(
                  0,
                  2,
                  (chunk, slot) -> {
                    if (Thread.currentThread() == opener) {
                      awaitQuietly(slowChunkStarted);
                      throw new IllegalStateException("fails at once");
                    }
                    slowChunkStarted.countDown();
                    // Works on through the runner's cancelling interrupt, as a long chunk can.
                    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                    while (System.nanoTime() < end) {
                      Thread.onSpinWait();
                    }
                    slowChunkEnded.set(true);
                  }));
      runner.close();
      assertTrue(slowChunkEnded.get(), "close returned while a helper still worked for it");
    }
  }

  @Test
  void aScopeIsClosedByTheThreadThatOpenedItAndClosingTwiceIsHarmless() throws Exception {
    WorkerScope scope = WorkerScope.open();
    AtomicInteger refusals = new AtomicInteger();
    Thread other =
        new Thread(
            () -> {
              try {
                scope.close();
              } catch (IllegalStateException e) {
                refusals.incrementAndGet();
              }
            });
    other.start();
    other.join();
    assertEquals(1, refusals.get());
    scope.close();
    scope.close();
    // Closed, it is no longer current: a runner made now has threads of its own.
    Set<Thread> workers = ConcurrentHashMap.newKeySet();
    ChunkRunner runner = new ChunkRunner(2);
    runner.run(0, 20, (chunk, slot) -> noteSlowly(workers));
    runner.close();
    workers.remove(Thread.currentThread());
    assertEquals(Set.of(), liveWorkers(workers));
  }

  @Test
  void closingAnInnerScopeMakesTheEnclosingOneCurrentAgain() throws Exception {
    Set<Thread> innerThreads = ConcurrentHashMap.newKeySet();
    Set<Thread> after = ConcurrentHashMap.newKeySet();
    try (WorkerScope outer = WorkerScope.open()) {
      try (WorkerScope inner = WorkerScope.open()) {
        try (ChunkRunner runner = new ChunkRunner(2)) {
          runner.run(0, 20, (chunk, slot) -> noteSlowly(innerThreads));
        }
      }
      innerThreads.remove(Thread.currentThread());
      assertFalse(innerThreads.isEmpty());
      assertEquals(Set.of(), liveWorkers(innerThreads), "the inner scope ended its threads");
      try (ChunkRunner runner = new ChunkRunner(2)) {
        runner.run(0, 20, (chunk, slot) -> noteSlowly(after));
      }
      after.remove(Thread.currentThread());
      assertFalse(after.isEmpty());
      assertEquals(after, liveWorkers(after), "the outer scope keeps the threads it lent");
    }
    assertEquals(Set.of(), liveWorkers(after));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Adds the current thread to {@code threads}, then waits a little so every thread gets work. */
  private static void noteSlowly(Set<Thread> threads) {
    threads.add(Thread.currentThread());
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The threads of {@code workers} that are alive. */
  private static Set<Thread> liveWorkers(Set<Thread> workers) {
    Set<Thread> live = new HashSet<>();
    for (Thread thread : workers) {
      if (thread.isAlive()) {
        live.add(thread);
      }
    }
    return live;
  }
}
