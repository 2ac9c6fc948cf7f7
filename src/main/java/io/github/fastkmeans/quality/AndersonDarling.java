package io.github.fastkmeans.quality;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The Anderson-Darling test of normality with the mean and variance estimated from the sample
 * (Stephens' case 3), for weighted samples whose weights act as repeat counts.
 *
 * <p>For a sample z_1 &lt;= ... &lt;= z_n tested against N(0, 1) the statistic is A^2 = -n - (1/n)
 * sum_i (2i - 1) [ln Phi(z_i) + ln(1 - Phi(z_(n+1-i)))]. It is n times the integral of (F_n(u) -
 * u)^2 / (u (1 - u)) over u = Phi(z) in [0, 1], F_n the empirical distribution function; between
 * two order statistics F_n is a constant S and the integrand is -1 + S^2 / u + (1 - S)^2 / (1 - u),
 * so with weights w_i, total W and cumulative fractions S_i = (w_1 + ... + w_i) / W the integral
 * sums to
 *
 * <pre>
 *   A^2 = -W - W sum_i [(S_i^2 - S_(i-1)^2) ln u_i + ((1 - S_(i-1))^2 - (1 - S_i)^2) ln(1 - u_i)]
 * </pre>
 *
 * which is the formula above when every weight is 1, and that of the sample with each row repeated
 * w_i times when the weights are whole numbers; ties need no special care.
 *
 * <p>Stephens' modification for case 3 is A*^2 = A^2 (1 + 4/n - 25/n^2), the form G-means uses, and
 * normality is rejected at level alpha when A*^2 exceeds the critical value of Stephens (1974,
 * Table 1A, case 3): 0.576, 0.656, 0.787, 0.918 and 1.092 at alpha 0.15, 0.10, 0.05, 0.025 and
 * 0.01, and 1.8692 at 0.0001 as given by Hamerly and Elkan. Between these levels the critical value
 * is interpolated linearly in ln(alpha), an approximation; outside [0.0001, 0.15] it is refused.
 *
 * <p>M. A. Stephens, "EDF statistics for goodness of fit and some comparisons", Journal of the
 * American Statistical Association 69, 1974. R. B. D'Agostino and M. A. Stephens, "Goodness-of-Fit
 * Techniques", 1986, chapter 4. G. Hamerly and C. Elkan, "Learning the k in k-means", NIPS 2003.
 */
final class AndersonDarling {

  /** Significance levels of the table, in decreasing order. */
  private static final double[] LEVELS = {0.15, 0.10, 0.05, 0.025, 0.01, 0.0001};

  /** The critical values of A*^2 at {@link #LEVELS}. */
  private static final double[] CRITICAL = {0.576, 0.656, 0.787, 0.918, 1.092, 1.8692};

  private AndersonDarling() {}

  /**
   * A^2 of {@code values} (IN, not modified) against N(0, 1) as they are, with {@code weights} (IN,
   * indexed like values, each &gt; 0; {@code null} for unit weights) as repeat counts.
   */
  static double statistic(double[] values, double[] weights) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // Stable, so tied values keep their index order and the sum its bits.
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += weights == null ? 1 : weights[i];
    }
    double sum = 0;
    double cumulative = 0;
    for (int rank = 0; rank < n; rank++) {
      int i = order[rank];
      double before = cumulative / total;
      cumulative += weights == null ? 1 : weights[i];
      double after = rank == n - 1 ? 1 : cumulative / total;
      // S_i^2 - S_(i-1)^2 and (1 - S_(i-1))^2 - (1 - S_i)^2, factored to keep their precision.
      double lower = (after - before) * (after + before);
      double upper = (after - before) * (2 - before - after);
      sum += lower * StandardNormal.logCdf(values[i]) + upper * StandardNormal.logCdf(-values[i]);
    }
    return -total - total * sum;
  }

  /**
   * Stephens' A*^2 = A^2 (1 + 4/n - 25/n^2) of {@code values} standardised by their weighted mean
   * and weighted sample variance (denominator W - 1, W the total weight); NaN when the variance is
   * 0 or W &lt;= 1, since nothing is then left to test.
   */
  static double correctedStatistic(double[] values, double[] weights) {
    int n = values.length;
    double total = 0;
    double weightedSum = 0;
    for (int i = 0; i < n; i++) {
      double weight = weights == null ? 1 : weights[i];
      total += weight;
      weightedSum += weight * values[i];
    }
    double mean = weightedSum / total;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      double deviation = values[i] - mean;
      squares += (weights == null ? 1 : weights[i]) * deviation * deviation;
    }
    if (!(total > 1) || !(squares > 0)) {
      return Double.NaN;
    }
    double deviation = Math.sqrt(squares / (total - 1));
    double[] standardised = new double[n];
    for (int i = 0; i < n; i++) {
      standardised[i] = (values[i] - mean) / deviation;
    }
    return statistic(standardised, weights) * (1 + 4 / total - 25 / (total * total));
  }

  /**
   * The critical value of A*^2 at significance {@code alpha}, from Stephens' table, interpolated in
   * ln(alpha) between its levels.
   *
   * @throws IllegalArgumentException if alpha is outside [0.0001, 0.15]
   */
  static double criticalValue(double alpha) {
    if (!(alpha >= LEVELS[LEVELS.length - 1] && alpha <= LEVELS[0])) {
      throw new IllegalArgumentException(
          "The significance level must be in [0.0001, 0.15], got " + alpha + ".");
    }
    int upper = 1;
    while (alpha < LEVELS[upper]) {
      upper++;
    }
    double fraction =
        Math.log(LEVELS[upper - 1] / alpha) / Math.log(LEVELS[upper - 1] / LEVELS[upper]);
    return CRITICAL[upper - 1] + fraction * (CRITICAL[upper] - CRITICAL[upper - 1]);
  }
}
