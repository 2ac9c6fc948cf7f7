package io.github.fastkmeans.init;

import static io.github.fastkmeans.init.InitTestSupport.assertCentresAreWeightedRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests of {@link RandomRows}: distinct rows drawn uniformly among rows of positive weight. */
class RandomRowsTest {

  /** Ten rows, four distinct: (1,1) four times, (2,2) twice, (3,3) once, (4,4) three times. */
  private static final DataMatrix DUPLICATES =
      InitTestSupport.data(2, 1, 1, 2, 2, 1, 1, 4, 4, 1, 1, 3, 3, 4, 4, 1, 1, 2, 2, 4, 4);

  private static Set<List<Double>> centreSet(double[] centres, int columns) {
    Set<List<Double>> set = new HashSet<>();
    for (int c = 0; c < centres.length / columns; c++) {
      set.add(List.of(centres[c * columns], centres[c * columns + 1]));
    }
    return set;
  }

  @Test
  void returnsDistinctRowsWhenTheDataHaveAtLeastKDistinctRows() {
    for (long seed = 0; seed < 50; seed++) {
      for (int k = 1; k <= 4; k++) {
        double[] centres = new RandomRows().initialCentres(DUPLICATES, k, new Random(seed));
        assertCentresAreWeightedRows(DUPLICATES, k, centres);
        assertEquals(k, centreSet(centres, 2).size(), "seed " + seed + ", k " + k);
      }
    }
  }

  @Test
  void fillsUpWithRepeatsWhenThereAreFewerDistinctRowsThanK() {
    for (long seed = 0; seed < 20; seed++) {
      double[] centres = new RandomRows().initialCentres(DUPLICATES, 7, new Random(seed));
      assertCentresAreWeightedRows(DUPLICATES, 7, centres);
      assertEquals(4, centreSet(centres, 2).size(), "every distinct row is used first");
    }
  }

  @Test
  void fillsUpEvenWhenKExceedsTheNumberOfRows() {
    DataMatrix data = InitTestSupport.data(1, 5, 6);
    double[] centres = new RandomRows().initialCentres(data, 5, new Random(4));
    assertCentresAreWeightedRows(data, 5, centres);
  }

  @Test
  void drawsUniformlyNotInProportionToWeight() {
    // Row 0 has weight 100, rows 1-3 weight 1, row 4 weight 0: rows 0-3 are equally likely.
    DataMatrix data =
        DataMatrix.of(5, 1, new double[] {0, 1, 2, 3, 4}, new double[] {100, 1, 1, 1, 0});
    int[] counts = new int[5];
    Random random = new Random(17);
    int draws = 8000;
    for (int i = 0; i < draws; i++) {
      counts[(int) new RandomRows().initialCentres(data, 1, random)[0]]++;
    }
    assertEquals(0, counts[4]);
    for (int row = 0; row < 4; row++) {
      // expected 2000, standard deviation about 39
      assertTrue(Math.abs(counts[row] - 2000) < 200, "row " + row + " drawn " + counts[row]);
    }
  }

  @Test
  void kEqualToTheNumberOfWeightedRowsUsesEachOnce() {
    DataMatrix data =
        DataMatrix.of(6, 1, new double[] {10, 20, 30, 40, 50, 60}, new double[] {1, 0, 2, 1, 0, 3});
    for (long seed = 0; seed < 10; seed++) {
      double[] centres = new RandomRows().initialCentres(data, 4, new Random(seed));
      Set<Double> set = new HashSet<>();
      for (double v : centres) {
        set.add(v);
      }
      assertEquals(Set.of(10.0, 30.0, 40.0, 60.0), set);
    }
  }

  @Test
  void rejectsDataWithoutAnyWeightedRow() {
    DataMatrix data = DataMatrix.of(3, 1, new double[] {1, 2, 3}, new double[] {0, 0, 0});
    assertThrows(
        IllegalArgumentException.class,
        () -> new RandomRows().initialCentres(data, 2, new Random(1)));
  }

  @Test
  void signedZerosAreTheSameRowForDistinctness() {
    DataMatrix data = InitTestSupport.data(1, 0.0, -0.0, 5.0);
    for (long seed = 0; seed < 30; seed++) {
      double[] centres = new RandomRows().initialCentres(data, 2, new Random(seed));
      assertNotEquals(centres[0], centres[1], 0.0, "seed " + seed);
    }
  }
}
