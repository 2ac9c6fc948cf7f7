package io.github.fastkmeans.bench;

import smile.clustering.BBDTree;

/**
 * Smile 3.1.1's k-means engine from the shared centres.
 *
 * <p>Smile's {@code KMeans.fit} (and {@code KMeans.lloyd}) cannot start from given centres: both
 * always seed with their own k-means++ draw. What {@code KMeans.fit} does after seeding is public,
 * though: it builds a {@link BBDTree} over the data and calls {@link BBDTree#clustering} once per
 * iteration, the filtering algorithm of Kanungo et al. (assign every point, then move the
 * centroids; an empty cluster keeps its centroid). This class runs exactly that from the shared
 * centres: the tree is built inside the timed fit (as in {@code KMeans.fit}), and the loop stops
 * after the given number of iterations or at the first one that changes no assignment, the rule
 * every system here follows ({@code KMeans.fit}'s own rule, a distortion decrease of at most {@code
 * tol}, would run one iteration more).
 */
final class SmileBbdKMeans extends JavaContender {

  @Override
  public String id() {
    return "smile-bbd";
  }

  @Override
  public String tooSlowFor(Dataset data) {
    if (data.large) {
      return LARGE_SET;
    }
    return data.columns > TREE_MAX_COLUMNS
        ? "a BBD tree does not prune in "
            + data.columns
            + " dimensions; a fit took about 1.5 minutes here"
        : null;
  }

  @Override
  String system() {
    return "Smile";
  }

  @Override
  String algorithm() {
    return "BBD-tree filtering";
  }

  @Override
  String threads() {
    return "1";
  }

  @Override
  Fit prepare(Dataset data) {
    double[][] rows = data.toRows();
    return new Fit() {
      private double[][] centroids;
      private int maxIterations;

      @Override
      public void ready(double[] start, int iterations) {
        centroids = new double[data.k][data.columns];
        for (int c = 0; c < data.k; c++) {
          System.arraycopy(start, c * data.columns, centroids[c], 0, data.columns);
        }
        maxIterations = iterations;
      }

      @Override
      public Outcome run() {
        BBDTree tree = new BBDTree(rows);
        double[][] sum = new double[data.k][data.columns];
        int[] size = new int[data.k];
        // clustering() writes every label: alternate two arrays to see whether any changed.
        int[] labels = new int[data.rows];
        int[] previous = new int[data.rows];
        java.util.Arrays.fill(previous, -1);
        int iteration = 0;
        boolean converged = false;
        while (iteration < maxIterations) {
          iteration++;
          tree.clustering(centroids, sum, size, labels);
          if (java.util.Arrays.equals(labels, previous)) {
            converged = true;
            break;
          }
          int[] swap = previous;
          previous = labels;
          labels = swap;
        }
        double[] centres = new double[data.k * data.columns];
        for (int c = 0; c < data.k; c++) {
          System.arraycopy(centroids[c], 0, centres, c * data.columns, data.columns);
        }
        return new Outcome(centres, iteration, converged, null);
      }
    };
  }
}
