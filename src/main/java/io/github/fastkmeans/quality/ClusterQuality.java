package io.github.fastkmeans.quality;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.parallel.ChunkRunner;
import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * Internal quality measures of a clustering: the within-cluster sum of squares, the silhouette, the
 * Davies-Bouldin index and the Calinski-Harabasz index, all with Euclidean distances in the space
 * the rows are given in. They describe the partition alone (the rows and their labels); the
 * centroids are the weighted means of each cluster's rows, so a converged k-means fit's centres.
 *
 * <p><b>Weights.</b> Rows of weight 0 take no part in any measure, and a cluster without weight
 * (empty) is left out of all of them; K below is the number of clusters holding weight, n the
 * number of rows of positive weight. Otherwise weights enter as in every weighted mean: the
 * centroids are weighted means, the silhouette's a(i) and b(i) are weighted mean distances and the
 * silhouette is the weighted mean of the rows' s(i), the Davies-Bouldin spread of a cluster is the
 * weighted mean distance to its centroid, and the scatters of Calinski-Harabasz are weighted sums
 * of squares. The degrees of freedom of Calinski-Harabasz count rows (K - 1 and n - K). So scaling
 * all weights by one factor changes only the sum of squares, and with unit weights every measure is
 * the textbook one (and scikit-learn's {@code silhouette_score}, {@code davies_bouldin_score} and
 * {@code calinski_harabasz_score}).
 *
 * <ul>
 *   <li><b>Silhouette</b> (Rousseeuw 1987; higher is better, in [-1, 1]): a row alone in its
 *       cluster scores 0. It costs n^2 distances, so above {@link #EXACT_SILHOUETTE_LIMIT} rows it
 *       is estimated from a uniform random sample of that many rows of positive weight, as the
 *       silhouette of the sample alone; the sample depends only on the seed. NaN (undefined) when
 *       fewer than two clusters hold a measured row.
 *   <li><b>Davies-Bouldin</b> (1979; lower is better, 0 at best): the mean over clusters of the
 *       largest (S_c + S_d) / M_cd, S the weighted mean distance of a cluster's rows to its
 *       centroid and M the distance between centroids. NaN when K &lt; 2; infinite when two
 *       clusters share a centroid (scikit-learn counts such a pair as perfectly separated instead,
 *       and returns 0 whenever all spreads or all centroid distances are within 1e-8 of 0); 0 when
 *       every cluster is a single point and no two share it.
 *   <li><b>Calinski-Harabasz</b> (1974; higher is better): (B / (K - 1)) / (W / (n - K)), B the sum
 *       over clusters of the cluster's weight times the squared distance of its centroid to the
 *       overall weighted mean, and W the within-cluster sum of squares. NaN when K &lt; 2 or n
 *       &lt;= K; when W = 0, infinite if B &gt; 0 and NaN otherwise (scikit-learn returns 1 when W
 *       = 0).
 * </ul>
 *
 * <p>scikit-learn refuses all three measures unless 2 &lt;= K &lt;= n - 1; here K = n is allowed
 * (the silhouette is then 0), and K &lt; 2 gives NaN.
 *
 * <p>Every pass over the rows is parallel over chunks and reduced in a fixed order, so the measures
 * have the same bits for any number of threads.
 *
 * <p>P. J. Rousseeuw, "Silhouettes: a graphical aid to the interpretation and validation of cluster
 * analysis", Journal of Computational and Applied Mathematics 20, 1987. D. L. Davies and D. W.
 * Bouldin, "A cluster separation measure", IEEE Transactions on Pattern Analysis and Machine
 * Intelligence 1(2), 1979. T. Caliński and J. Harabasz, "A dendrite method for cluster analysis",
 * Communications in Statistics 3(1), 1974.
 */
public final class ClusterQuality implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Up to this many rows of positive weight the silhouette is exact. Its 25 million distances took
   * about 1 s on one core with 41 attributes (0.1 s with 2, 2 s with 100); the exact cost grows
   * with the square of the rows (about 2.5 hours for 494,021 rows of 41 attributes), while a sample
   * of this size missed the exact value by less than 0.003 on 20,000 rows in ten seeds.
   */
  public static final int EXACT_SILHOUETTE_LIMIT = 5000;

  private final int rows;
  private final int positiveRows;
  private final int nonEmptyClusters;
  private final double withinSumOfSquares;
  private final double silhouette;
  private final int silhouetteRows;
  private final long seed;
  private final double daviesBouldin;
  private final double calinskiHarabasz;

  /**
   * Measures with the given values, as {@link #measure} finds them; for measures kept elsewhere, as
   * in saved models.
   */
  public ClusterQuality(
      int rows,
      int positiveRows,
      int nonEmptyClusters,
      double withinSumOfSquares,
      double silhouette,
      int silhouetteRows,
      long seed,
      double daviesBouldin,
      double calinskiHarabasz) {
    this.rows = rows;
    this.positiveRows = positiveRows;
    this.nonEmptyClusters = nonEmptyClusters;
    this.withinSumOfSquares = withinSumOfSquares;
    this.silhouette = silhouette;
    this.silhouetteRows = silhouetteRows;
    this.seed = seed;
    this.daviesBouldin = daviesBouldin;
    this.calinskiHarabasz = calinskiHarabasz;
  }

  /**
   * Measures {@code data} grouped by {@code labels} (length rows, each in [0, k)); the silhouette
   * is exact up to {@link #EXACT_SILHOUETTE_LIMIT} rows of positive weight and sampled with {@code
   * seed} beyond.
   *
   * @throws IllegalArgumentException if the labels do not fit the data or k, or no row has weight
   * @throws InterruptedException if the calling thread is interrupted; the measures are abandoned
   */
  public static ClusterQuality measure(
      DataMatrix data, int[] labels, int k, long seed, ChunkRunner runner)
      throws InterruptedException {
    return measure(data, labels, k, seed, runner, EXACT_SILHOUETTE_LIMIT);
  }

  /**
   * As {@link #measure(DataMatrix, int[], int, long, ChunkRunner)}, with the silhouette exact up to
   * {@code exactLimit} rows and sampled beyond; 0 leaves the silhouette out (NaN), for callers that
   * measure many clusterings and need only the cheap indices.
   */
  public static ClusterQuality measure(
      DataMatrix data, int[] labels, int k, long seed, ChunkRunner runner, int exactLimit)
      throws InterruptedException {
    check(data, labels, k, exactLimit);
    int positiveRows = CentroidIndices.positiveRows(data);
    CentroidIndices indices = CentroidIndices.of(data, labels, k, runner);
    int[] members = members(data, positiveRows, exactLimit, seed);
    double silhouette =
        exactLimit == 0 ? Double.NaN : Silhouette.mean(data, labels, k, members, runner);
    return new ClusterQuality(
        data.rows(),
        positiveRows,
        indices.nonEmptyClusters,
        indices.withinSumOfSquares,
        silhouette,
        members.length,
        seed,
        indices.daviesBouldin,
        indices.calinskiHarabasz);
  }

  private static void check(DataMatrix data, int[] labels, int k, int exactLimit) {
    if (k < 1) {
      throw new IllegalArgumentException("At least one cluster is needed, got " + k + ".");
    }
    if (exactLimit < 0) {
      throw new IllegalArgumentException(
          "The exact limit must be at least 0, got " + exactLimit + ".");
    }
    if (labels.length != data.rows()) {
      throw new IllegalArgumentException(
          "Expected " + data.rows() + " labels but got " + labels.length + ".");
    }
    for (int row = 0; row < labels.length; row++) {
      if (labels[row] < 0 || labels[row] >= k) {
        throw new IllegalArgumentException(
            "Label of row " + row + " is " + labels[row] + ", outside [0, " + k + ").");
      }
    }
    if (!(data.totalWeight() > 0)) {
      throw new IllegalArgumentException(
          "The weights add up to " + data.totalWeight() + "; at least one must be > 0.");
    }
  }

  /**
   * The rows the silhouette is measured on, in row order: every row of positive weight when there
   * are at most {@code limit}, otherwise {@code limit} of them drawn uniformly without replacement
   * by selection sampling (Knuth, TAOCP vol. 2, 3.4.2, Algorithm S), which needs one pass and no
   * memory beyond the sample.
   */
  static int[] members(DataMatrix data, int positiveRows, int limit, long seed) {
    int size = Math.min(positiveRows, limit);
    int[] members = new int[size];
    // Not java.util.Random: its first draws from nearby seeds (1, 2, 10, ...) are correlated, which
    // biased the first rows' chances of being drawn.
    SplittableRandom random = new SplittableRandom(seed);
    int chosen = 0;
    int seen = 0;
    for (int row = 0; row < data.rows() && chosen < size; row++) {
      if (!(data.weight(row) > 0)) {
        continue;
      }
      boolean take =
          size == positiveRows || (positiveRows - seen) * random.nextDouble() < size - chosen;
      if (take) {
        members[chosen++] = row;
      }
      seen++;
    }
    return members;
  }

  /** The number of rows measured, including those of weight 0. */
  public int rows() {
    return rows;
  }

  /** The number of rows of positive weight, the rows that take part. */
  public int positiveRows() {
    return positiveRows;
  }

  /** The number of clusters holding weight. */
  public int nonEmptyClusters() {
    return nonEmptyClusters;
  }

  /** The weighted sum of squared distances of the rows to their cluster's weighted mean. */
  public double withinSumOfSquares() {
    return withinSumOfSquares;
  }

  /** The weighted mean silhouette, in [-1, 1]; NaN when fewer than two clusters were measured. */
  public double silhouette() {
    return silhouette;
  }

  /** The number of rows the silhouette was measured on. */
  public int silhouetteRows() {
    return silhouetteRows;
  }

  /** Whether the silhouette was estimated from a sample rather than all rows of positive weight. */
  public boolean silhouetteSampled() {
    return silhouetteRows < positiveRows;
  }

  /** The seed the silhouette's sample was (or would have been) drawn with. */
  public long seed() {
    return seed;
  }

  /**
   * The Davies-Bouldin index (lower is better); NaN when K &lt; 2, infinite for shared centroids.
   */
  public double daviesBouldin() {
    return daviesBouldin;
  }

  /** The Calinski-Harabasz index (higher is better); NaN or infinite in the degenerate cases. */
  public double calinskiHarabasz() {
    return calinskiHarabasz;
  }
}
