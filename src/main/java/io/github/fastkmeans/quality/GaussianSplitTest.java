package io.github.fastkmeans.quality;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.parallel.Interruption;

/**
 * G-means' test of a k-means partition: how many of its clusters do not look like one Gaussian, and
 * so would G-means split. Fewer is better; a search over k can stop at the first k with none.
 *
 * <p>Each cluster is split in two as G-means does (see {@link ClusterSplit}); its rows are
 * projected onto the line between the two children, and the projections are tested for normality by
 * Anderson-Darling with Stephens' correction for an estimated mean and variance (see {@link
 * AndersonDarling}). A cluster is counted when the test rejects normality at the given level.
 *
 * <p><b>Too small to test.</b> A cluster with fewer than {@link #MIN_ROWS} rows of positive weight,
 * or a total weight below that, is never counted: Stephens' correction and critical values are not
 * meant for such samples, and G-means would not split so few rows on their evidence anyway. A
 * cluster whose rows all coincide, or whose split leaves both children in one place, is not counted
 * either: nothing in it is to be split.
 *
 * <p><b>Weights</b> act as repeat counts throughout (the split's means, the standardisation and the
 * empirical distribution of the test), so weight 2 is a repeated row; as with any test, scaling all
 * weights up makes it stricter. Rows of weight 0 take no part.
 *
 * <p><b>Determinism.</b> The split's power iteration starts from a direction drawn from the seed
 * and the cluster's index, so the result depends on the seed alone. Clusters are tested one after
 * another on the calling thread, so no thread count enters.
 *
 * <p>G. Hamerly and C. Elkan, "Learning the k in k-means", NIPS 2003.
 */
public final class GaussianSplitTest {

  /** Clusters with fewer rows of positive weight, or less total weight, are not tested. */
  static final int MIN_ROWS = 8;

  /** The significance level G-means uses. */
  public static final double G_MEANS_ALPHA = 0.0001;

  private GaussianSplitTest() {}

  /**
   * The number of clusters whose rows do not look Gaussian: for each cluster with enough rows,
   * split it in two along its principal direction (as G-means: two child centres c ± m, a few
   * k-means iterations restricted to the cluster's rows, starting deterministically), project the
   * cluster's rows onto the vector between the two children, standardise, and apply the
   * Anderson-Darling normality test (with the Stephens correction for estimated mean and variance)
   * at significance {@code alpha} (G-means uses 0.0001). Weighted; deterministic for a seed; the
   * same result for any number of threads.
   *
   * @throws IllegalArgumentException if the labels or centres do not fit the data or k, no row has
   *     weight, or alpha is outside [0.0001, 0.15]
   * @throws InterruptedException if the calling thread is interrupted
   */
  public static int nonGaussianClusters(
      DataMatrix data, int[] labels, double[] centres, int k, double alpha, long seed)
      throws InterruptedException {
    double critical = AndersonDarling.criticalValue(alpha);
    int count = 0;
    for (double statistic : statistics(data, labels, centres, k, seed)) {
      if (statistic > critical) {
        count++;
      }
    }
    return count;
  }

  /**
   * Each cluster's corrected Anderson-Darling statistic A*^2 (length k); NaN for the clusters not
   * tested.
   *
   * @throws InterruptedException if the calling thread is interrupted
   */
  static double[] statistics(DataMatrix data, int[] labels, double[] centres, int k, long seed)
      throws InterruptedException {
    Partitions.check(data, labels, centres, k);
    int[][] members = members(data, labels, k);
    double[] statistics = new double[k];
    for (int c = 0; c < k; c++) {
      Interruption.check("Testing clusters for normality");
      statistics[c] = Double.NaN;
      double[] weights = weights(data, members[c]);
      double total = 0;
      for (double weight : weights) {
        total += weight;
      }
      if (members[c].length < MIN_ROWS || total < MIN_ROWS) {
        continue;
      }
      // A seed per cluster, so that a cluster's split does not depend on the clusters before it.
      long clusterSeed = seed + 0x9E3779B97F4A7C15L * (c + 1);
      double[] projected =
          ClusterSplit.projections(data, members[c], centres, c * data.columns(), clusterSeed);
      if (projected != null) {
        statistics[c] =
            AndersonDarling.correctedStatistic(projected, data.hasWeights() ? weights : null);
      }
    }
    return statistics;
  }

  /** The rows of positive weight of each cluster, in row order. */
  private static int[][] members(DataMatrix data, int[] labels, int k) {
    int[] counts = new int[k];
    for (int row = 0; row < data.rows(); row++) {
      if (data.weight(row) > 0) {
        counts[labels[row]]++;
      }
    }
    int[][] members = new int[k][];
    for (int c = 0; c < k; c++) {
      members[c] = new int[counts[c]];
      counts[c] = 0;
    }
    for (int row = 0; row < data.rows(); row++) {
      if (data.weight(row) > 0) {
        int c = labels[row];
        members[c][counts[c]++] = row;
      }
    }
    return members;
  }

  /** The weights of {@code rows}. */
  private static double[] weights(DataMatrix data, int[] rows) {
    double[] weights = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      weights[i] = data.weight(rows[i]);
    }
    return weights;
  }
}
