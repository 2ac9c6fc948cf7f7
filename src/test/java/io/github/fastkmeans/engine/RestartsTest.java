package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.parallel.LiveThreads;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** Tests of {@link Restarts}: derived seeds and choice of the lowest-error fit. */
class RestartsTest {

  @Test
  void firstSeedIsTheGivenSeed() {
    for (long seed : new long[] {0, 1, -7, 42, Long.MAX_VALUE}) {
      assertArrayEquals(new long[] {seed}, Restarts.seeds(seed, 1));
      assertEquals(seed, Restarts.seeds(seed, 5)[0]);
    }
  }

  @Test
  void seedsAreReproducibleDistinctAndExtendEachOther() {
    long[] ten = Restarts.seeds(1234, 10);
    assertArrayEquals(ten, Restarts.seeds(1234, 10));
    long[] three = Restarts.seeds(1234, 3);
    for (int i = 0; i < 3; i++) {
      assertEquals(ten[i], three[i], "a shorter list is a prefix of a longer one");
    }
    Set<Long> distinct = new HashSet<>();
    for (long s : ten) {
      distinct.add(s);
    }
    assertEquals(10, distinct.size());
    assertNotEquals(Restarts.seeds(1, 2)[1], Restarts.seeds(2, 2)[1]);
  }

  @Test
  void rejectsFewerThanOneRestart() {
    assertThrows(IllegalArgumentException.class, () -> Restarts.seeds(1, 0));
    assertThrows(IllegalArgumentException.class, () -> Restarts.seeds(1, -1));
  }

  @Test
  void bestReturnsTheLowestErrorAmongTheIndividualFits() throws Exception {
    DataMatrix data = TestData.blobs(11, 600, 2, 6, 0.8, true);
    int k = 6;
    int restarts = 8;
    long seed = 99;
    LongFunction<double[]> start = s -> randomRows(data, k, s);
    List<Long> requested = new ArrayList<>();
    KMeans kmeans = new KMeans(KMeansSettings.DEFAULTS);

    KMeansResult best =
        Restarts.best(
            kmeans,
            data,
            restarts,
            seed,
            s -> {
              requested.add(s);
              return start.apply(s);
            });

    long[] seeds = Restarts.seeds(seed, restarts);
    assertEquals(restarts, requested.size());
    for (int r = 0; r < restarts; r++) {
      assertEquals(
          seeds[r], requested.get(r), "the starts are drawn with the derived seeds in order");
    }
    double minimum = Double.POSITIVE_INFINITY;
    int firstMinimum = -1;
    double maximum = Double.NEGATIVE_INFINITY;
    KMeansResult[] fits = new KMeansResult[restarts];
    for (int r = 0; r < restarts; r++) {
      fits[r] = kmeans.fit(data, start.apply(seeds[r]));
      if (fits[r].squaredError() < minimum) {
        minimum = fits[r].squaredError();
        firstMinimum = r;
      }
      maximum = Math.max(maximum, fits[r].squaredError());
    }
    assertTrue(maximum > minimum, "the data must give different local optima for the test to bite");
    assertEquals(minimum, best.squaredError(), 0);
    assertArrayEquals(fits[firstMinimum].centres(), best.centres(), 0);
    assertArrayEquals(fits[firstMinimum].labels(), best.labels());
  }

  @Test
  void oneRestartIsASingleFitWithTheSeed() throws Exception {
    DataMatrix data = TestData.blobs(5, 300, 3, 4, 1.0, false);
    KMeans kmeans = new KMeans(KMeansSettings.DEFAULTS);
    KMeansResult best = Restarts.best(kmeans, data, 1, 77, s -> randomRows(data, 4, s));
    KMeansResult single = kmeans.fit(data, randomRows(data, 4, 77));
    assertArrayEquals(single.centres(), best.centres(), 0);
    assertEquals(single.squaredError(), best.squaredError(), 0);
  }

  @Test
  void restartsSideBySideKeepTheFitOfOneThread() throws Exception {
    DataMatrix data = TestData.blobs(23, 900, 3, 8, 1.5, true);
    assertTrue(data.rows() <= Restarts.SIDE_BY_SIDE_ROWS, "small enough to run side by side");
    int restarts = 9;
    KMeansResult one =
        Restarts.best(
            new KMeans(KMeansSettings.DEFAULTS.withThreads(1)),
            data,
            restarts,
            5,
            s -> randomRows(data, 8, s));
    for (int threads : new int[] {2, 3, 16}) {
      KMeansResult many =
          Restarts.best(
              new KMeans(KMeansSettings.DEFAULTS.withThreads(threads)),
              data,
              restarts,
              5,
              s -> randomRows(data, 8, s));
      assertArrayEquals(one.centres(), many.centres(), 0, threads + " threads");
      assertArrayEquals(one.labels(), many.labels(), threads + " threads");
      assertEquals(one.squaredError(), many.squaredError(), 0);
      assertEquals(one.iterations(), many.iterations());
    }
  }

  @Test
  void restartsSideBySideFailAsTheFirstFailingRestartInSeedOrder() {
    DataMatrix data = TestData.blobs(7, 600, 2, 4, 0.5, false);
    int restarts = 6;
    long[] seeds = Restarts.seeds(3, restarts);
    // Restart r > 0 starts with centre r % 3 + 1 a copy of centre 0: it can take no row, and the
    // fit fails naming it; restart 0 starts from distinct rows.
    Restarts.Start start =
        s -> {
          int r = indexOf(seeds, s);
          double[] centres = randomRows(data, 4, 100 + r);
          if (r > 0) {
            System.arraycopy(centres, 0, centres, (r % 3 + 1) * data.columns(), data.columns());
          }
          return centres;
        };
    String expected = null;
    for (int threads : new int[] {1, 2, 3}) {
      KMeans kmeans =
          new KMeans(
              KMeansSettings.DEFAULTS
                  .withThreads(threads)
                  .withEmptyClusterPolicy(EmptyClusterPolicy.FAIL));
      String message =
          assertThrows(
                  EmptyClusterException.class,
                  () -> Restarts.best(kmeans, data, restarts, 3, start))
              .getMessage();
      if (expected == null) {
        expected = message;
      }
      assertEquals(expected, message, threads + " threads");
    }
  }

  private static int indexOf(long[] values, long value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    throw new IllegalArgumentException("not a seed: " + value);
  }

  @Test
  void anInterruptedRunOfRestartsSideBySideThrowsAndLeavesNoWorker() {
    DataMatrix data = TestData.blobs(3, 900, 3, 8, 1.5, true);
    KMeans kmeans = new KMeans(KMeansSettings.DEFAULTS.withThreads(2));
    Thread.currentThread().interrupt();
    try {
      assertThrows(
          InterruptedException.class,
          () -> Restarts.best(kmeans, data, 4, 1, s -> randomRows(data, 8, s)));
    } finally {
      Thread.interrupted();
    }
    assertEquals(0, LiveThreads.named("fastkmeans-worker-"));
  }

  /** k rows of {@code data} chosen with a Random seeded by {@code seed} (rows may repeat). */
  private static double[] randomRows(DataMatrix data, int k, long seed) {
    Random random = new Random(seed);
    double[] centres = new double[k * data.columns()];
    for (int c = 0; c < k; c++) {
      System.arraycopy(
          data.row(random.nextInt(data.rows())), 0, centres, c * data.columns(), data.columns());
    }
    return centres;
  }
}
