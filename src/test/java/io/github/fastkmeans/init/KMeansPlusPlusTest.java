package io.github.fastkmeans.init;

import static io.github.fastkmeans.init.InitTestSupport.assertCentresAreWeightedRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tests of {@link KMeansPlusPlus}: greedy, weight-aware D^2 seeding. */
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
  void picksOneCentrePerWellSeparatedGroup() throws InterruptedException {
    int groups = 6;
    int perGroup = 30;
    Random random = new Random(5);
    double[] values = new double[groups * perGroup * 2];
    for (int g = 0; g < groups; g++) {
      for (int i = 0; i < perGroup; i++) {
        int row = g * perGroup + i;
        values[2 * row] = 100.0 * g + 0.1 * random.nextGaussian();
        values[2 * row + 1] = 100.0 * (g % 2) + 0.1 * random.nextGaussian();
      }
    }
    DataMatrix data = DataMatrix.of(groups * perGroup, 2, values);
    for (long seed = 0; seed < 20; seed++) {
      double[] centres = new KMeansPlusPlus().initialCentres(data, groups, new Random(seed));
      assertCentresAreWeightedRows(data, groups, centres);
      boolean[] covered = new boolean[groups];
      for (int c = 0; c < groups; c++) {
        int group = (int) Math.round(centres[2 * c] / 100.0);
        assertTrue(!covered[group], "seed " + seed + ": group " + group + " picked twice");
        covered[group] = true;
      }
    }
  }

  @Test
  void aFarRowOfHugeWeightIsPickedAlmostSurely() throws InterruptedException {
    // 50 unit rows near the origin, row 50 at (10, 0) with weight 1000, row 51 at (-10, 0) with
    // weight 1: both far rows are equally far, only the weight tells them apart.
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
    DataMatrix data = DataMatrix.of(rows, 2, values, weights);
    int heavy = 0;
    int light = 0;
    int seeds = 200;
    for (long seed = 0; seed < seeds; seed++) {
      double[] centres = new KMeansPlusPlus().initialCentres(data, 2, new Random(seed));
      for (int c = 0; c < 2; c++) {
        heavy += centres[2 * c] == 10 ? 1 : 0;
        light += centres[2 * c] == -10 ? 1 : 0;
      }
    }
    assertEquals(seeds, heavy, "the heavy far row is a centre for every seed");
    assertTrue(light <= 5, "the light far row was picked " + light + " times");
  }

  @Test
  void theFirstCentreIsDrawnInProportionToWeight() throws InterruptedException {
    DataMatrix data = DataMatrix.of(3, 1, new double[] {0, 1, 2}, new double[] {1, 0, 3});
    int[] counts = new int[3];
    Random random = new Random(9);
    for (int i = 0; i < 8000; i++) {
      counts[(int) new KMeansPlusPlus().initialCentres(data, 1, random)[0]]++;
    }
    assertEquals(0, counts[1]);
    // expected 2000 and 6000, standard deviation about 39
    assertTrue(Math.abs(counts[0] - 2000) < 200, "row 0 drawn " + counts[0]);
    assertTrue(Math.abs(counts[2] - 6000) < 200, "row 2 drawn " + counts[2]);
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

  @Test
  void rowsAlreadyOnACentreAreNeverDrawnAgain() throws InterruptedException {
    // Three distinct points; with k = 3 each must be used once, for every seed.
    DataMatrix data = InitTestSupport.data(1, 0, 0, 0, 7, 7, 30);
    for (long seed = 0; seed < 30; seed++) {
      double[] centres = new KMeansPlusPlus().initialCentres(data, 3, new Random(seed));
      java.util.Arrays.sort(centres);
      assertArrayEquals(new double[] {0, 7, 30}, centres, 0, "seed " + seed);
    }
  }

  @Test
  void repeatsWeightedRowsOnceEveryRowSitsOnACentre() throws InterruptedException {
    DataMatrix data = DataMatrix.of(3, 1, new double[] {4, 4, 9}, new double[] {1, 1, 0});
    double[] centres = new KMeansPlusPlus().initialCentres(data, 3, new Random(3));
    assertArrayEquals(new double[] {4, 4, 4}, centres, 0);
  }

  @Test
  void copesWithSquaredDistancesThatOverflow() throws InterruptedException {
    DataMatrix data = InitTestSupport.data(1, -1e200, 0, 1e200);
    double[] centres = new KMeansPlusPlus().initialCentres(data, 2, new Random(1));
    assertCentresAreWeightedRows(data, 2, centres);
  }

  @Test
  void rejectsDataWithoutAnyWeightedRowLikeTheOtherInitializers() {
    DataMatrix data = DataMatrix.of(3, 1, new double[] {1, 2, 3}, new double[] {0, 0, 0});
    assertThrows(
        IllegalArgumentException.class,
        () -> new KMeansPlusPlus().initialCentres(data, 2, new Random(1)));
  }
}
