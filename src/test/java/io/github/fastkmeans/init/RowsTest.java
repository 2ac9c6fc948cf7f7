package io.github.fastkmeans.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.WeightedDraw;
import io.github.fastkmeans.parallel.ChunkRunner;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tests of {@link Rows}: row copies, distances and weighted draws. */
class RowsTest {

  @Test
  void copyRowWritesIntoTheGivenCentreSlot() {
    DataMatrix data = InitTestSupport.data(2, 1, 2, 3, 4, 5, 6);
    double[] centres = new double[6];
    Rows.copyRow(data, 2, centres, 1);
    Rows.copyRow(data, 0, centres, 2);
    assertArrayEquals(new double[] {0, 0, 5, 6, 1, 2}, centres, 0);
  }

  @Test
  void distancesToMeasuresEveryRowAgainstOneCentre() throws InterruptedException {
    DataMatrix data = InitTestSupport.data(2, 0, 0, 3, 4, -1, 1);
    double[] centres = {100, 100, 0, 1};
    double[] out = new double[3];
    try (ChunkRunner runner = new ChunkRunner(2)) {
      Rows.distancesTo(data, centres, 1, out, runner);
    }
    assertArrayEquals(new double[] {1, 9 + 9, 1}, out, 0);
  }

  @Test
  void drawPicksTheIndexWhoseIncrementHoldsTheTarget() {
    double[] cumulative = {1, 1, 3, 6};
    // targets 0.6, 1.2 (0.2 * 6), 2.999.., 3.0, 5.4
    assertEquals(0, WeightedDraw.index(cumulative, new ScriptedRandom().withDoubles(0.1)));
    assertEquals(2, WeightedDraw.index(cumulative, new ScriptedRandom().withDoubles(0.2)));
    assertEquals(2, WeightedDraw.index(cumulative, new ScriptedRandom().withDoubles(0.4999)));
    assertEquals(3, WeightedDraw.index(cumulative, new ScriptedRandom().withDoubles(0.5)));
    assertEquals(3, WeightedDraw.index(cumulative, new ScriptedRandom().withDoubles(0.9)));
    assertEquals(0, WeightedDraw.index(cumulative, new ScriptedRandom().withDoubles(0.0)));
  }

  @Test
  void drawNeverReturnsAZeroIncrementEvenWhenTheTargetReachesTheTotal() {
    double[] cumulative = {0, 2, 2, 5, 5, 5};
    // a target equal to the total (as rounding can produce) must land on index 3, the last with
    // weight; a target of 0 must skip the weightless index 0
    assertEquals(3, WeightedDraw.index(cumulative, new ScriptedRandom().withDoubles(1.0)));
    assertEquals(
        3, WeightedDraw.index(cumulative, new ScriptedRandom().withDoubles(Math.nextDown(1.0))));
    assertEquals(1, WeightedDraw.index(cumulative, new ScriptedRandom().withDoubles(0.0)));
  }

  @Test
  void drawByWeightFollowsTheWeights() {
    DataMatrix data = DataMatrix.of(4, 1, new double[] {0, 1, 2, 3}, new double[] {1, 0, 3, 0});
    int[] counts = new int[4];
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      counts[WeightedDraw.rowByWeight(data, random)]++;
    }
    assertEquals(0, counts[1]);
    assertEquals(0, counts[3]);
    // expected 5000 and 15000, standard deviation about 61
    assertTrue(Math.abs(counts[0] - 5000) < 350, "row 0 drawn " + counts[0]);
    assertTrue(Math.abs(counts[2] - 15000) < 350, "row 2 drawn " + counts[2]);
  }
}
