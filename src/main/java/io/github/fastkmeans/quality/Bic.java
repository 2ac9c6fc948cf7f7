package io.github.fastkmeans.quality;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.SquaredEuclidean;

/**
 * X-means' Bayesian information criterion of a k-means partition: the log-likelihood of the data
 * under a mixture of spherical Gaussians sharing one variance, minus half the number of free
 * parameters times the log of the number of rows. Higher is better.
 *
 * <p>With n the total weight, n_c the weight of cluster c, K the clusters holding weight, d the
 * columns and W the weighted sum of squared distances of the rows to their centre:
 *
 * <pre>
 *   sigma^2 = W / (d (n - K))
 *   log L   = sum_c n_c ln(n_c / n) - (n d / 2) ln(2 pi sigma^2) - d (n - K) / 2
 *   p       = (K - 1) + K d + 1
 *   BIC     = log L - (p / 2) ln n
 * </pre>
 *
 * <p>This is the maximum log-likelihood of the model in which a row falls in cluster c with
 * probability n_c / n and then has density N(centre_c, sigma^2 I): the last term is W / (2
 * sigma^2). X-means divides W by n - K (unbiased for the K estimated means) but writes sigma^2 for
 * the whole squared distance while taking it as the variance of one coordinate, so its published
 * formula mixes the two (its ln(2 pi) term lacks the factor d). Here sigma^2 is the variance of one
 * coordinate throughout, so log L is a true log-likelihood. The centres are taken as given; for a
 * converged k-means fit they are the clusters' weighted means, the maximum-likelihood ones.
 *
 * <p><b>Weights</b> act as counts: every sum is weighted, and a row of weight 2 counts as two
 * identical rows, so the criterion is that of the data with rows repeated. Rows of weight 0 take no
 * part; a cluster without weight (empty) adds nothing and is not counted in K, since its model is
 * the one without it.
 *
 * <p><b>Degenerate cases</b>, never NaN: when n &lt;= K no degree of freedom is left to estimate
 * the variance and the criterion is negative infinity (never preferred); otherwise, when W = 0
 * (every row on its centre) the likelihood is unbounded and the criterion is positive infinity, so
 * that a search over k keeps the first k that fits the data exactly. With no columns only the
 * mixing part counts (log L = sum_c n_c ln(n_c / n), p = K).
 *
 * <p>D. Pelleg and A. Moore, "X-means: Extending K-means with Efficient Estimation of the Number of
 * Clusters", ICML 2000. G. Schwarz, "Estimating the dimension of a model", Annals of Statistics
 * 6(2), 1978.
 */
public final class Bic {

  private Bic() {}

  /**
   * The BIC of the spherical Gaussian mixture given by a hard partition: {@code labels} (length
   * data.rows(), each in [0, k)) and {@code centres} (row-major k x data.columns()); higher is
   * better. Instance weights act as counts (a weight-2 row counts as two rows). Rows of weight 0
   * take no part.
   *
   * @throws IllegalArgumentException if the labels or centres do not fit the data or k, or no row
   *     has weight
   */
  public static double of(DataMatrix data, int[] labels, double[] centres, int k) {
    Partitions.check(data, labels, centres, k);
    int columns = data.columns();
    double[] values = data.values();
    double[] clusterWeights = new double[k];
    double within = 0;
    for (int row = 0; row < data.rows(); row++) {
      double weight = data.weight(row);
      if (weight > 0) {
        int c = labels[row];
        clusterWeights[c] += weight;
        within +=
            weight
                * SquaredEuclidean.distance(values, row * columns, centres, c * columns, columns);
      }
    }
    return of(clusterWeights, within, columns);
  }

  /**
   * The BIC of a partition of rows of {@code columns} values from its cluster weights and its
   * weighted sum of squared distances {@code within} to the centres: the same as {@link
   * #of(DataMatrix, int[], double[], int)} gives for the partition, without a pass over the rows.
   */
  public static double of(double[] clusterWeights, double within, int columns) {
    double total = 0;
    int clusters = 0;
    for (double weight : clusterWeights) {
      if (weight > 0) {
        total += weight;
        clusters++;
      }
    }
    double logLikelihood = 0;
    for (double weight : clusterWeights) {
      if (weight > 0) {
        logLikelihood += weight * Math.log(weight / total);
      }
    }
    double parameters = clusters;
    if (columns > 0) {
      double freedom = total - clusters;
      if (!(freedom > 0)) {
        return Double.NEGATIVE_INFINITY;
      }
      if (within == 0) {
        return Double.POSITIVE_INFINITY;
      }
      double variance = within / (columns * freedom);
      logLikelihood -=
          total * columns / 2 * Math.log(2 * Math.PI * variance) + columns * freedom / 2;
      parameters += (double) clusters * columns;
    }
    return logLikelihood - parameters / 2 * Math.log(total);
  }
}
