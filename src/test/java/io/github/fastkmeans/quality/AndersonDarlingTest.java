package io.github.fastkmeans.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The Anderson-Darling statistic and the normal tail. Reference values were computed with Python's
 * standard library: Φ(t) = erfc(-t/√2)/2 by math.erfc, and A² by its textbook sum over the sorted,
 * standardised sample, times 1 + 4/n - 25/n².
 */
class AndersonDarlingTest {

  @Test
  void theLogNormalTailMatchesTheReferenceFromTheCentreToFarOut() {
    assertEquals(-6.607726221510348, AndersonDarling.logLowerTail(-3), 1e-12);
    assertEquals(-0.12224636048741785, AndersonDarling.logLowerTail(1.2), 1e-13);
    assertEquals(-53.23128515051246, AndersonDarling.logLowerTail(-10), 1e-11);
    assertEquals(Math.log(0.5), AndersonDarling.logLowerTail(0), 1e-15);
    // Far beyond where Φ underflows, the logarithm stays finite: about -z²/2.
    double far = AndersonDarling.logLowerTail(-40);
    assertEquals(-800 - Math.log(40 * Math.sqrt(2 * Math.PI)), far, 1e-3);
  }

  @Test
  void theStatisticOfASmallSampleMatchesTheReference() {
    double[] values = {-1.5, -0.2, 0.1, 0.4, 2.3, 0.9, -0.7};
    double[] ones = {1, 1, 1, 1, 1, 1, 1};
    assertEquals(0.18280003359084748, AndersonDarling.statistic(values, ones), 1e-12);
  }

  @Test
  void aWeightCountsAsRepeatedValues() {
    double[] values = {-1.5, -0.2, 0.1, 0.4, 2.3, 0.9, -0.7};
    double[] weights = {1, 1, 1, 3, 1, 1, 1};
    // The reference sample repeats 0.4 twice more.
    assertEquals(0.3811892090965478, AndersonDarling.statistic(values, weights), 1e-12);
  }

  @Test
  void equalValuesAreNotNormalAndOnlyTabulatedLevelsAreOffered() {
    assertEquals(
        Double.POSITIVE_INFINITY,
        AndersonDarling.statistic(new double[] {2, 2, 2}, new double[] {1, 1, 1}));
    assertEquals(1.8692, AndersonDarling.criticalValue(0.0001));
    assertThrows(IllegalArgumentException.class, () -> AndersonDarling.criticalValue(0.2));
  }
}
