package io.github.fastkmeans.init;

import static io.github.fastkmeans.init.InitTestSupport.assertCentresAreWeightedRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.TestData;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link KMeansParallel} beyond the contract every initializer keeps ({@link
 * InitializerContractTest}): its candidates and their weights, the top-up, threads and options.
 */
class KMeansParallelTest {

  @Test
  void theSameSeedGivesTheSameCentresForOneTwoAndThreeThreads() throws InterruptedException {
    // 5000 rows make 10 chunks, so the threads really do split the passes.
    DataMatrix data = TestData.blobs(7, 5000, 3, 12, 1.5, true);
    for (long seed : new long[] {0, 1, 99}) {
      double[] single = new KMeansParallel(2, 5, 1).initialCentres(data, 12, new Random(seed));
      for (int threads : new int[] {1, 2, 3}) {
        KMeansParallel init = new KMeansParallel(2, 5, threads);
        assertArrayEquals(
            single,
            init.initialCentres(data, 12, new Random(seed)),
            0,
            "seed " + seed + ", " + threads + " threads");
        DataMatrix candidates = init.candidates(data, 12, new Random(seed));
        DataMatrix reference = new KMeansParallel(2, 5, 1).candidates(data, 12, new Random(seed));
        assertArrayEquals(reference.values(), candidates.values(), 0);
        for (int j = 0; j < reference.rows(); j++) {
          assertEquals(reference.weight(j), candidates.weight(j), 0, "candidate weight " + j);
        }
      }
    }
  }

  @Test
  void candidatesAreDistinctRowsWeightedByTheRowsNearestToThem() throws InterruptedException {
    DataMatrix data = TestData.blobs(3, 1500, 2, 5, 2.0, true);
    DataMatrix candidates = new KMeansParallel(1, 3, 2).candidates(data, 5, new Random(4));
    assertCentresAreWeightedRows(data, candidates.rows(), candidates.values());
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < candidates.rows(); j++) {
      assertTrue(seen.add(Arrays.toString(candidates.row(j))), "candidate " + j + " repeats");
    }
    // Brute force: every row's weight goes to its nearest candidate, the earliest on a tie.
    double[] expected = new double[candidates.rows()];
    int[] labels = TestData.nearestLabels(data, candidates.values());
    for (int row = 0; row < data.rows(); row++) {
      expected[labels[row]] += data.weight(row);
    }
    for (int j = 0; j < candidates.rows(); j++) {
      assertEquals(expected[j], candidates.weight(j), 1e-9, "weight of candidate " + j);
    }
    assertEquals(data.totalWeight(), candidates.totalWeight(), 1e-9);
    // Three rounds of l = 5 expected: far fewer candidates than rows, but at least k.
    assertTrue(candidates.rows() >= 5 && candidates.rows() < 40, candidates.rows() + " candidates");
  }

  @Test
  void topsUpByDSquaredSamplingWhenTheRoundsKeepTooFewCandidates() throws InterruptedException {
    // An oversampling factor this small keeps (almost surely) nothing in the one round.
    int groups = 6;
    DataMatrix data = SeparatedGroups.of(groups, 30, 8);
    KMeansParallel starved = new KMeansParallel(1e-9, 1, 1);
    int found = 0;
    for (long seed = 0; seed < 20; seed++) {
      DataMatrix candidates = starved.candidates(data, groups, new Random(seed));
      assertEquals(groups, candidates.rows(), "exactly k candidates after the top-up");
      double[] centres = starved.initialCentres(data, groups, new Random(seed));
      assertCentresAreWeightedRows(data, groups, centres);
      found += SeparatedGroups.covered(centres, groups) == groups ? 1 : 0;
    }
    // The top-up is plain (not greedy) D^2 sampling, which still covers every group here.
    assertTrue(found >= 19, found + " of 20 seeds found one centre per group");
  }

  @Test
  void stopsAddingCandidatesOnceEveryRowSitsOnOne() throws InterruptedException {
    // Three distinct points and k = 5: the candidates are the three, each once; the reduction to k
    // then repeats two (InitializerContractTest).
    DataMatrix data = InitTestSupport.data(1, 0, 0, 0, 7, 7, 30);
    for (long seed = 0; seed < 30; seed++) {
      KMeansParallel init = new KMeansParallel();
      DataMatrix candidates = init.candidates(data, 5, new Random(seed));
      double[] values = candidates.values().clone();
      Arrays.sort(values);
      assertArrayEquals(new double[] {0, 7, 30}, values, 0, "seed " + seed);
    }
  }

  @Test
  void streamSeedsDifferForEveryRoundAndChunk() {
    Set<Long> seeds = new HashSet<>();
    for (int round = 0; round < 20; round++) {
      for (int chunk = 0; chunk < 500; chunk++) {
        seeds.add(KMeansParallel.streamSeed(42, round, chunk));
      }
    }
    assertEquals(20 * 500, seeds.size());
    assertFalse(KMeansParallel.streamSeed(1, 0, 0) == KMeansParallel.streamSeed(2, 0, 0));
  }

  @Test
  void invalidOptionsAreRefusedByName() {
    String[][] cases = {
      {"0", "5", "1"},
      {"NaN", "5", "1"},
      {"Infinity", "5", "1"},
      {"-2", "5", "1"},
      {"2", "0", "1"},
      {"2", "5", "0"}
    };
    String[] names = {
      "oversampling", "oversampling", "oversampling", "oversampling", "rounds", "threads"
    };
    for (int i = 0; i < cases.length; i++) {
      String[] c = cases[i];
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  new KMeansParallel(
                      Double.parseDouble(c[0]), Integer.parseInt(c[1]), Integer.parseInt(c[2])));
      assertTrue(e.getMessage().contains(names[i]), e.getMessage());
    }
    DataMatrix data = InitTestSupport.data(1, 1, 2, 3);
    assertThrows(
        IllegalArgumentException.class,
        () -> new KMeansParallel().initialCentres(data, 0, new Random(1)));
  }

  @Test
  void anInterruptedRunIsAbandonedWithInterruptedException() {
    DataMatrix data = TestData.blobs(2, 3000, 2, 4, 1.0, false);
    Thread.currentThread().interrupt();
    try {
      assertThrows(
          InterruptedException.class,
          () -> new KMeansParallel(2, 5, 2).initialCentres(data, 4, new Random(1)));
    } finally {
      Thread.interrupted();
    }
  }
}
