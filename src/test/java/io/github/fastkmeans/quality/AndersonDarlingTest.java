package io.github.fastkmeans.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Anderson-Darling statistic against the textbook formula A^2 = -n - (1/n) sum (2i - 1) [ln
 * Phi(z_i) + ln(1 - Phi(z_(n+1-i)))], evaluated in Python 3 with {@code Phi(z) = 0.5 * math.erfc(-z
 * / math.sqrt(2))} on the sorted sample (weighted samples as the sample with each row repeated);
 * and Stephens' critical values.
 */
class AndersonDarlingTest {

  private static final double[] SAMPLE = {0.8, -1.2, 1.5, 0.1, -0.3};

  @Test
  void statisticMatchesTheTextbookFormula() {
    assertEquals(0.22644354410870804, AndersonDarling.statistic(SAMPLE, null), 1e-14);
  }

  @Test
  void weightsActAsRepeatCounts() {
    // Weights 3, 2, 1, 1, 1 on 0.8, -1.2, 1.5, 0.1, -0.3: Python took the sample -1.2, -1.2, -0.3,
    // 0.1, 0.8, 0.8, 0.8, 1.5.
    double[] weights = {3, 2, 1, 1, 1};
    assertEquals(0.5445023209889648, AndersonDarling.statistic(SAMPLE, weights), 1e-13);
    double[] repeated = {0.8, -1.2, 0.8, 1.5, -1.2, 0.1, 0.8, -0.3};
    assertEquals(0.5445023209889648, AndersonDarling.statistic(repeated, null), 1e-13);
    // Scaling the weights is not neutral: they are counts, and A^2 grows with n.
    double[] doubled = {6, 4, 2, 2, 2};
    assertTrue(AndersonDarling.statistic(SAMPLE, doubled) > 0.5445023209889648 * 1.9);
  }

  @Test
  void correctedStatisticStandardisesWithTheSampleVariance() {
    // Python: standardise with the mean and the n - 1 variance, A^2, times 1 + 4/n - 25/n^2.
    double[] grid = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertEquals(0.1622756350387643, AndersonDarling.correctedStatistic(grid, null), 1e-13);
    double[] skewed = {0.3, 1.7, 2.2, 2.9, 3.1, 4.4, 6.0, 9.5};
    assertEquals(0.3791864886235071, AndersonDarling.correctedStatistic(skewed, null), 1e-13);
    // Shifting and scaling the sample changes nothing after standardising.
    double[] moved = new double[skewed.length];
    for (int i = 0; i < skewed.length; i++) {
      moved[i] = -7 + 3 * skewed[i];
    }
    assertEquals(0.3791864886235071, AndersonDarling.correctedStatistic(moved, null), 1e-12);
  }

  @Test
  void constantOrWeightlessSamplesHaveNoStatistic() {
    assertTrue(Double.isNaN(AndersonDarling.correctedStatistic(new double[] {2, 2, 2}, null)));
    assertTrue(
        Double.isNaN(
            AndersonDarling.correctedStatistic(new double[] {1, 2}, new double[] {0.4, 0.5})));
  }

  @Test
  void normalSamplesPassAndUniformOnesFail() {
    Random random = new Random(3);
    double[] normal = new double[2000];
    double[] uniform = new double[2000];
    for (int i = 0; i < normal.length; i++) {
      normal[i] = random.nextGaussian();
      uniform[i] = random.nextDouble();
    }
    double critical = AndersonDarling.criticalValue(0.0001);
    assertTrue(AndersonDarling.correctedStatistic(normal, null) < critical);
    assertTrue(AndersonDarling.correctedStatistic(uniform, null) > critical);
  }

  @Test
  void criticalValuesFollowStephensTable() {
    assertEquals(1.8692, AndersonDarling.criticalValue(0.0001), 1e-15);
    assertEquals(1.092, AndersonDarling.criticalValue(0.01), 1e-15);
    assertEquals(0.787, AndersonDarling.criticalValue(0.05), 1e-15);
    assertEquals(0.576, AndersonDarling.criticalValue(0.15), 1e-15);
    // 0.001 is halfway between 0.01 and 0.0001 in ln(alpha).
    assertEquals((1.092 + 1.8692) / 2, AndersonDarling.criticalValue(0.001), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> AndersonDarling.criticalValue(0.2));
    assertThrows(IllegalArgumentException.class, () -> AndersonDarling.criticalValue(1e-5));
    assertThrows(IllegalArgumentException.class, () -> AndersonDarling.criticalValue(Double.NaN));
  }
}
