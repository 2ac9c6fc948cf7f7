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

/** Tests of {@link KMeansParallel}: chunked oversampling rounds, then weighted k-means++. */
class KMeansParallelTest {

  @Test
  void findsOneCentrePerWellSeparatedGroupForEverySeed() throws InterruptedException {
    int groups = 6;
    DataMatrix data = SeparatedGroups.of(groups, 30, 5);
    int found = 0;
    for (long seed = 0; seed < 20; seed++) {
      double[] centres = new KMeansParallel().initialCentres(data, groups, new Random(seed));
      assertCentresAreWeightedRows(data, groups, centres);
      found += SeparatedGroups.covered(centres, groups) == groups ? 1 : 0;
    }
    // Measured: 20 of 20. Each round keeps l = 12 rows expected, so the candidates cover every
    // group after the first round, and the reduction weighs each group by its 30 rows.
    assertTrue(found >= 19, found + " of 20 seeds found one centre per group");
  }

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
  void stopsWhenEveryRowSitsOnACandidateAndRepeatsOnlyThen() throws InterruptedException {
    // Three distinct points; with k = 5 all three are used and two are repeated.
    DataMatrix data = InitTestSupport.data(1, 0, 0, 0, 7, 7, 30);
    for (long seed = 0; seed < 30; seed++) {
      KMeansParallel init = new KMeansParallel();
      DataMatrix candidates = init.candidates(data, 5, new Random(seed));
      double[] values = candidates.values().clone();
      Arrays.sort(values);
      assertArrayEquals(new double[] {0, 7, 30}, values, 0, "seed " + seed);
      double[] centres = init.initialCentres(data, 5, new Random(seed));
      Set<Double> distinct = new HashSet<>();
      for (double v : centres) {
        distinct.add(v);
      }
      assertEquals(Set.of(0.0, 7.0, 30.0), distinct, "seed " + seed);
    }
  }

  @Test
  void aSingleRowOfWeightGivesKCopiesOfIt() throws InterruptedException {
    DataMatrix data = DataMatrix.of(3, 1, new double[] {4, 5, 9}, new double[] {0, 2, 0});
    assertArrayEquals(
        new double[] {5, 5, 5}, new KMeansParallel().initialCentres(data, 3, new Random(3)), 0);
  }

  @Test
  void aFarRowOfHugeWeightIsPickedForEverySeed() throws InterruptedException {
    // 50 unit rows near the origin, row 50 at (10, 0) with weight 1000, row 51 at (-10, 0) with
    // weight 1: both far rows are equally far, only the weight tells them apart.
    DataMatrix data = heavyAndLightOutliers();
    int heavy = 0;
    int light = 0;
    int seeds = 200;
    for (long seed = 0; seed < seeds; seed++) {
      double[] centres = new KMeansParallel().initialCentres(data, 2, new Random(seed));
      for (int c = 0; c < 2; c++) {
        heavy += centres[2 * c] == 10 ? 1 : 0;
        light += centres[2 * c] == -10 ? 1 : 0;
      }
    }
    assertEquals(seeds, heavy, "the heavy far row is a centre for every seed");
    assertTrue(light <= 5, "the light far row was picked " + light + " times");
  }

  @Test
  void copesWithSquaredDistancesThatOverflow() throws InterruptedException {
    DataMatrix data = InitTestSupport.data(1, -1e200, 0, 1e200, 1e200);
    for (long seed = 0; seed < 10; seed++) {
      double[] centres = new KMeansParallel().initialCentres(data, 2, new Random(seed));
      assertCentresAreWeightedRows(data, 2, centres);
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
  void rejectsDataWithoutAnyWeightedRowLikeTheOtherInitializers() {
    DataMatrix data = DataMatrix.of(3, 1, new double[] {1, 2, 3}, new double[] {0, 0, 0});
    assertThrows(
        IllegalArgumentException.class,
        () -> new KMeansParallel().initialCentres(data, 2, new Random(1)));
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

  /** 50 unit rows near the origin, a weight-1000 row at (10, 0) and a weight-1 row at (-10, 0). */
  static DataMatrix heavyAndLightOutliers() {
    Random random = new Random(2);
    int rows = 52;
    double[] values = new double[rows * 2];
    double[] weights = new double[rows];
    for (int row = 0; row < 50; row++) {
      values[2 * row] = 0.3 * random.nextGaussian();
      values[2 * row + 1] = 0.3 * random.nextGaussian();
      weights[row] = 1;
    }
    values[100] = 10;
    weights[50] = 1000;
    values[102] = -10;
    weights[51] = 1;
    return DataMatrix.of(rows, 2, values, weights);
  }
}
