package io.github.fastkmeans.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Phi, ln Phi and erfc against Python's {@code math.erfc} (its standard library, an independent
 * implementation): every expected value below is {@code math.erfc(x)} or {@code 0.5 * math.erfc(-z
 * / math.sqrt(2))} as Python 3 printed it.
 */
class StandardNormalTest {

  private static void assertRelative(double expected, double actual, double tolerance) {
    assertEquals(expected, actual, tolerance * Math.abs(expected), "expected " + expected);
  }

  @Test
  void erfcMatchesPythonFromZeroToTheFarTail() {
    double[][] cases = {
      {0, 1},
      {0.1, 0.8875370839817152},
      {0.5, 0.4795001221869535},
      {0.74, 0.2953219221452542},
      {0.76, 0.28246324719440913},
      {1, 0.15729920705028513},
      {2, 0.004677734981047265},
      {3, 2.2090496998585438e-05},
      {5, 1.5374597944280351e-12},
      {10, 2.088487583762545e-45},
      {20, 5.3958656116079005e-176},
      {26, 5.663192408856143e-296},
    };
    for (double[] c : cases) {
      assertRelative(c[1], StandardNormal.erfc(c[0]), 1e-15);
      assertRelative(2 - c[1], StandardNormal.erfc(-c[0]), 1e-15);
    }
    assertEquals(0, StandardNormal.erfc(40));
  }

  @Test
  void cdfMatchesPythonInBothTails() {
    double[][] cases = {
      {-37, 5.725571222525139e-300},
      {-30, 4.906713927148764e-198},
      {-20, 2.7536241186063314e-89},
      {-10, 7.619853024160593e-24},
      {-5, 2.866515718791946e-07},
      {-3, 0.0013498980316300957},
      {-1.5, 0.06680720126885809},
      {-0.5, 0.3085375387259869},
      {0, 0.5},
      {0.25, 0.5987063256829237},
      {1, 0.8413447460685429},
      {2.5, 0.9937903346742238},
      {5, 0.9999997133484281},
      {8, 0.9999999999999993},
    };
    for (double[] c : cases) {
      assertRelative(c[1], StandardNormal.cdf(c[0]), 2e-15);
      // Phi's own rounding (half an ulp of 1 above z = 0) limits ln(Phi) to an absolute 1.2e-16.
      double log = Math.log(c[1]);
      assertEquals(log, StandardNormal.logCdf(c[0]), 2e-15 * Math.abs(log) + 2e-16);
    }
  }

  @Test
  void logCdfStaysFiniteWherePhiUnderflows() {
    // ln Phi(-40) from the asymptotic series -z^2/2 - ln(-z) - ln(2 pi)/2 + ln(1 - 1/z^2 + 3/z^4
    // - ...), eleven terms, in Python; Phi(-40) itself is below the smallest double.
    assertEquals(0, StandardNormal.cdf(-40));
    assertRelative(-804.6084420137538, StandardNormal.logCdf(-40), 1e-14);
    // Near 1, ln Phi(6) = log1p(-erfc(6 / sqrt 2) / 2), where ln(Phi(6)) would keep 7 digits.
    assertRelative(-9.865876455243787e-10, StandardNormal.logCdf(6), 1e-14);
    assertTrue(Double.isFinite(StandardNormal.logCdf(-1e5)));
  }
}
