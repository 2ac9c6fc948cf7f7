package io.github.fastkmeans.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Tests of {@link CombiningPool}: combinations, the bound in flight, failures and closing. */
class CombiningPoolTest {

  private static final String NAME = "combining-pool-test-";

  private static long liveWorkers() {
    return LiveThreads.named(NAME);
  }

  @Test
  void combinesReadyAndPendingResultsInTheirOrder() throws Exception {
    try (CombiningPool pool = new CombiningPool(NAME, 2, 4)) {
      CompletableFuture<String> pending = new CompletableFuture<>();
      CompletableFuture<String> combined =
          pool.combine(CompletableFuture.completedFuture("a"), pending, (x, y) -> x + y);
      CompletableFuture<String> chained =
          pool.combine(combined, CompletableFuture.completedFuture("c"), (x, y) -> x + y);
      assertFalse(chained.isDone(), "waits for its pending input");
      pending.complete("b");
      assertEquals("abc", CombiningPool.result(chained));
    }
    assertEquals(0, liveWorkers(), "closing ends the workers");
  }

  @Test
  void aCallerWaitsWhileTheMostCombinationsAreInFlight() throws Exception {
    try (CombiningPool pool = new CombiningPool(NAME, 2, 1)) {
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Integer> one = CompletableFuture.completedFuture(1);
      CompletableFuture<Integer> first =
          pool.combine(
              one,
              one,
              (x, y) -> {
                release.await();
                return x + y;
              });
      AtomicReference<CompletableFuture<Integer>> second = new AtomicReference<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  second.set(pool.combine(first, one, Integer::sum));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      caller.start();
      caller.join(300);
      assertTrue(caller.isAlive(), "the second combination waits for a place");
      release.countDown();
      caller.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(caller.isAlive());
      assertEquals(3, CombiningPool.result(second.get()));
    }
  }

  @Test
  void aFailureReachesTheResultAndEveryLaterCombination() throws Exception {
    try (CombiningPool pool = new CombiningPool(NAME, 1, 2)) {
      IllegalStateException failure = new IllegalStateException("broken");
      CompletableFuture<Integer> one = CompletableFuture.completedFuture(1);
      CompletableFuture<Integer> failed =
          pool.combine(
              one,
              one,
              (x, y) -> {
                throw failure;
              });
      assertSame(
          failure, assertThrows(IllegalStateException.class, () -> CombiningPool.result(failed)));
      assertSame(
          failure,
          assertThrows(IllegalStateException.class, () -> pool.combine(one, one, Integer::sum)));
    }
  }

  @Test
  void closingInterruptsARunningCombinationAndLeavesNoWorker() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    CompletableFuture<Integer> running;
    try (CombiningPool pool = new CombiningPool(NAME, 2, 2)) {
      CompletableFuture<Integer> one = CompletableFuture.completedFuture(1);
      running =
          pool.combine(
              one,
              one,
              (x, y) -> {
                started.countDown();
                try {
                  new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                  interrupted.set(true);
                  throw e;
                }
                return x + y;
              });
      assertTrue(started.await(10, TimeUnit.SECONDS));
    }
    assertTrue(interrupted.get(), "the running combination saw the interrupt");
    assertThrows(InterruptedException.class, () -> CombiningPool.result(running));
    assertEquals(0, liveWorkers());
  }

  @Test
  void refusesAPoolWithoutThreadsOrPlaces() {
    assertThrows(IllegalArgumentException.class, () -> new CombiningPool(NAME, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new CombiningPool(NAME, 1, 0));
  }
}
