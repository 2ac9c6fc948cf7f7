package io.github.fastkmeans.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link KMeansPlusPlus} beyond the contract every initializer keeps ({@link
 * InitializerContractTest}): how many candidates it tries and which one it keeps.
 */
class KMeansPlusPlusTest {

  @Test
  void trialsAreTwoPlusTheFloorOfTheNaturalLogOfK() {
    // ln k crosses 1, 2, 3, 4, 5 between k = 2|3, 7|8, 20|21, 54|55, 148|149.
    int[][] expected = {
      {1, 2}, {2, 2}, {3, 3}, {7, 3}, {8, 4}, {20, 4}, {21, 5}, {54, 5}, {55, 6}, {148, 6},
      {149, 7}, {403, 7}, {404, 8}, {1096, 8}, {1097, 9}
    };
    for (int[] pair : expected) {
      assertEquals(pair[1], KMeansPlusPlus.trials(pair[0]), "k = " + pair[0]);
    }
    for (int k = 1; k <= 3000; k++) {
      int floorLn = 0;
      while (Math.exp(floorLn + 1) <= k) {
        floorLn++;
      }
      assertEquals(2 + floorLn, KMeansPlusPlus.trials(k), "k = " + k);
    }
  }

  @Test
  void theCentresAreTheSameOnAnyNumberOfThreads() throws InterruptedException {
    // 20,000 rows in 5 columns: 40 chunks, enough for every thread count below to be used.
    Random rows = new Random(5);
    double[] values = new double[20_000 * 5];
    for (int i = 0; i < values.length; i++) {
      values[i] = rows.nextGaussian() + 10 * (i / 5 % 7);
    }
    DataMatrix data = DataMatrix.of(20_000, 5, values);
    double[] one = new KMeansPlusPlus(1).initialCentres(data, 30, new Random(9));
    for (int threads : new int[] {2, 3, 8}) {
      assertArrayEquals(
          one,
          new KMeansPlusPlus(threads).initialCentres(data, 30, new Random(9)),
          0,
          threads + " threads");
    }
    assertThrows(IllegalArgumentException.class, () -> new KMeansPlusPlus(0));
  }

  @Test
  void keepsTheCandidateThatLeavesTheLowestPotential() throws InterruptedException {
    // Rows 0, 1, 10, 11 with unit weights; k = 2 tries trials(2) = 2 candidates.
    DataMatrix data = InitTestSupport.data(1, 0, 1, 10, 11);
    // First centre: 0.1 * 4 = 0.4 falls in row 0 (x = 0). D^2 = 0, 1, 100, 121; running totals
    // 0, 1, 101, 222. Candidate 1: 0.004 * 222 = 0.888 -> row 1 (x = 1), potential 81 + 100 = 181.
    // Candidate 2: 0.5 * 222 = 111 -> row 3 (x = 11), potential 1 + 1 = 2, which must win.
    ScriptedRandom first = new ScriptedRandom().withDoubles(0.1, 0.004, 0.5);
    assertArrayEquals(new double[] {0, 11}, new KMeansPlusPlus().initialCentres(data, 2, first), 0);
    assertTrue(first.exhausted(), "one draw for the first centre and one per trial");
    ScriptedRandom reversed = new ScriptedRandom().withDoubles(0.1, 0.5, 0.004);
    assertArrayEquals(
        new double[] {0, 11}, new KMeansPlusPlus().initialCentres(data, 2, reversed), 0);
  }
}
