package io.github.fastkmeans.quality;

/**
 * The Anderson-Darling test that a sample is normal, its mean and variance estimated from it
 * (Stephens' case 3): the statistic A² with Stephens' small-sample correction, and its critical
 * values. The sample is weighted; weights act as counts.
 *
 * <p>T. W. Anderson, D. A. Darling, "A test of goodness of fit", JASA 49(268), 1954. M. A.
 * Stephens, "EDF statistics for goodness of fit and some comparisons", JASA 69(347), 1974; the
 * critical values are those of R. B. D'Agostino, M. A. Stephens, "Goodness-of-Fit Techniques",
 * 1986, table 4.7, and 1.8692 for 0.0001 as G-means uses it.
 */
final class AndersonDarling {

  /** The significance levels offered and their critical values of the corrected statistic. */
  private static final double[][] CRITICAL = {
    {0.1, 0.631}, {0.05, 0.752}, {0.025, 0.873}, {0.01, 1.035}, {0.005, 1.159}, {0.0001, 1.8692}
  };

  private static final double LOG_SQRT_PI = 0.5 * Math.log(Math.PI);

  private AndersonDarling() {}

  /**
   * The critical value of the corrected statistic at significance {@code alpha}.
   *
   * @throws IllegalArgumentException for a level not offered
   */
  static double criticalValue(double alpha) {
    for (double[] level : CRITICAL) {
      if (level[0] == alpha) {
        return level[1];
      }
    }
    throw new IllegalArgumentException(
        "No critical value for significance "
            + alpha
            + "; use 0.1, 0.05, 0.025, 0.01, 0.005 or 0.0001.");
  }

  /**
   * The corrected statistic A²(1 + 4/n - 25/n²) of {@code values} with {@code weights} (IN, same
   * length, weights positive), standardised by their weighted mean and sample standard deviation. A
   * weight-w value counts as w equal values, so the statistic of integer weights is that of the
   * sample with values repeated. Infinite when the values are all equal.
   */
  static double statistic(double[] values, double[] weights) {
    int m = values.length;
    double n = 0;
    double sum = 0;
    for (int i = 0; i < m; i++) {
      n += weights[i];
      sum += weights[i] * values[i];
    }
    double mean = sum / n;
    double squares = 0;
    for (int i = 0; i < m; i++) {
      double diff = values[i] - mean;
      squares += weights[i] * diff * diff;
    }
    double sd = Math.sqrt(squares / (n - 1));
    if (!(sd > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    // A² = -n - (1/n) Σ_i [(2i - 1) ln Φ(z_i) + (2(n - i) + 1) ln(1 - Φ(z_i))] over the sorted
    // sample; a block of w equal values at positions a + 1 .. a + w adds w (2a + w) and
    // w (2n - 2a - w) times its two logarithms.
    double total = 0;
    double before = 0;
    for (int j = 0; j < m; j++) {
      int i = order[j];
      double w = weights[i];
      double z = (values[i] - mean) / sd;
      total +=
          w * (2 * before + w) * logLowerTail(z) + w * (2 * n - 2 * before - w) * logLowerTail(-z);
      before += w;
    }
    double a2 = -n - total / n;
    return a2 * (1 + 4 / n - 25 / (n * n));
  }

  /** ln Φ(z), the logarithm of the standard normal distribution function, accurate in the tail. */
  static double logLowerTail(double z) {
    // Φ(z) = erfc(-z / √2) / 2.
    return logErfc(-z / Math.sqrt(2)) - Math.log(2);
  }

  /**
   * ln erfc(x): by the power series of erf below 2 (terms alternate, cancelling at most about two
   * digits there), and above by the continued fraction erfc(x) = e^(-x²)/√π · 1/(x + (1/2)/(x +
   * 1/(x + (3/2)/(x + ...)))) evaluated with Lentz's method, in logarithms so that it never
   * underflows.
   */
  static double logErfc(double x) {
    if (x < 2) {
      return Math.log(1 - erf(x));
    }
    double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0;
    for (int i = 1; i < 500; i++) {
      double a = i / 2.0;
      d = x + a * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = x + a / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return -x * x - LOG_SQRT_PI - Math.log(f);
  }

  /** erf(x) by its power series; for |x| below 2, where it converges quickly. */
  private static double erf(double x) {
    if (x <= -2) {
      return -1 + Math.exp(logErfc(-x));
    }
    double term = x;
    double sum = x;
    double square = x * x;
    for (int n = 1; n < 200; n++) {
      term *= -square / n;
      double add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
        break;
      }
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }
}
