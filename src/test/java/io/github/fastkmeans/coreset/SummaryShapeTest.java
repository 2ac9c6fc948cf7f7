package io.github.fastkmeans.coreset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryShapeTest {

  @Test
  void aBudgetAboveTheFloorsIsUsedWholeAndNeverPassed() {
    long[] budgets = {250, 550, 1000, 3449, 5000};
    int[] columns = {2, 16, 38};
    int[] clusters = {3, 15, 26, 100};
    for (long points : budgets) {
      for (int width : columns) {
        for (int k : clusters) {
          SummaryShape shape = SummaryShape.forPoints(points, width, k);
          long allowed =
              Math.min(points, Math.min(SummaryShape.MAX_POINTS, SummaryShape.MAX_VALUES / width));
          String what = points + " points, " + width + " columns, k " + k + ": " + shape;
          if (allowed >= 2L * shape.bucket()) {
            assertEquals(allowed, shape.capacity(), what);
          } else {
            assertEquals(2L * shape.bucket(), shape.capacity(), what);
          }
          assertTrue(shape.top() >= shape.bucket(), what);
          assertTrue(shape.bucket() >= SummaryShape.MIN_POINTS_PER_CLUSTER * k, what);
        }
      }
    }
  }

  @Test
  void aLargeBudgetIsCappedAndGetsLowerLevelsToKeepTheTopCheap() {
    // The default budget of a 1 GB heap with 8 columns: millions of points.
    SummaryShape shape = SummaryShape.forPoints(2_982_616, 8, 20);
    assertEquals(SummaryShape.MAX_POINTS, shape.capacity());
    assertEquals(SummaryShape.MAX_BUCKET, shape.bucket());
    assertTrue(shape.levels() > 0, shape.toString());
    double topCostPerRow =
        4.0
            * shape.top()
            * (shape.top() + shape.bucket())
            * 8
            / (Math.pow(2, shape.levels()) * shape.bucket());
    double levelsCostPerRow = 8.0 * shape.bucket() * 8;
    assertTrue(
        topCostPerRow <= SummaryShape.TOP_COST_RATIO * levelsCostPerRow,
        shape + ": " + topCostPerRow);
  }

  @Test
  void birchsShapeHasTwoLowerLevelsAndLettersOne() {
    // Chosen by measurement (docs/streaming.md): birch1's 5% budget in 2 columns at k = 100 gets a
    // top level reduced once per 4 buckets; letter's keeps a top level of 500 points, whose
    // error rose when it shrank.
    SummaryShape birch = SummaryShape.forPoints(4096, 2, 100);
    assertEquals(800, birch.bucket());
    assertEquals(2, birch.levels());
    assertEquals(1696, birch.top());
    SummaryShape letter = SummaryShape.forPoints(1000, 16, 26);
    assertEquals(250, letter.bucket());
    assertEquals(1, letter.levels());
    assertEquals(500, letter.top());
  }

  @Test
  void aSmallBudgetKeepsEverythingInTheTopLevel() {
    SummaryShape shape = SummaryShape.forPoints(250, 2, 15);
    assertEquals(0, shape.levels());
    assertEquals(120, shape.bucket());
    assertEquals(130, shape.top());
  }
}
