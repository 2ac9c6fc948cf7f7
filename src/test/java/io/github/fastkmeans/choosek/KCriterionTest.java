package io.github.fastkmeans.choosek;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a search may stop, and which rows are better. */
class KCriterionTest {

  /** Rows for k = 2, 3, ... with the given BIC values, every cluster of 10 rows. */
  private static List<KSearchTable.Row> rows(double... bic) {
    List<KSearchTable.Row> rows = new ArrayList<>();
    for (int i = 0; i < bic.length; i++) {
      rows.add(new KSearchTable.Row(i + 2, 1, bic[i], Double.NaN, 1, -1, 10, 1, 0));
    }
    return rows;
  }

  @Test
  void aSteadyFallPastTheBestEndsTheSearch() {
    assertTrue(KCriterion.BIC.hasTurned(rows(1, 5, 9, 8, 7, 6, 5), 2));
  }

  @Test
  void aFallThatTurnsBackUpDoesNot() {
    // a3's shape: a local peak at 4 clusters, three falls, then a rise on the way to 50.
    assertFalse(KCriterion.BIC.hasTurned(rows(1, 3, 9, 8, 7, 6, 7), 2));
    assertFalse(KCriterion.BIC.hasTurned(rows(1, 3, 9, 8, 7, 6), 2));
  }

  @Test
  void aSingleRowClusterLosesToAnyEligibleRow() {
    KSearchTable.Row eligible = new KSearchTable.Row(3, 1, 10, Double.NaN, 1, -1, 2, 1, 0);
    KSearchTable.Row outlier = new KSearchTable.Row(4, 1, 20, Double.NaN, 1, -1, 1, 1, 0);
    assertTrue(KCriterion.BIC.isBetter(eligible, outlier));
    assertFalse(KCriterion.BIC.isBetter(outlier, eligible));
  }
}
