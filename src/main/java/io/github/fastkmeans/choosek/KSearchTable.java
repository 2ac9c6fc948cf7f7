package io.github.fastkmeans.choosek;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Every k a search tried, in order, with its squared error and criteria, and the row it chose: what
 * shows the user the elbow and the curve behind the choice. Immutable.
 */
public final class KSearchTable implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String criterion;
  private final Row[] rows;
  private final int chosen;

  KSearchTable(KCriterion criterion, List<Row> rows, int chosen) {
    this(criterion.id(), rows, chosen);
  }

  /** The id of the criterion that chose. */
  public String criterion() {
    return criterion;
  }

  /** The rows, one per k tried, in the order tried. */
  public List<Row> rows() {
    return List.of(rows);
  }

  /** The row chosen. */
  public Row chosen() {
    return rows[chosen];
  }

  /**
   * Whether a k beyond those tried might be better: the chosen k is the largest tried, and the
   * criterion did not settle there (G-means settles at the first k whose every cluster passes).
   */
  public boolean mayImproveBeyond() {
    if (rows.length < 2 || chosen != rows.length - 1) {
      return false;
    }
    return !(criterion.equals(KCriterion.GMEANS.id()) && rows[chosen].nonGaussianClusters == 0);
  }

  /**
   * This table with every row's smallest cluster unknown (-1): for a table read from a model saved
   * before rows had it, where reading leaves 0.
   */
  public KSearchTable withSmallestClustersUnknown() {
    List<Row> unknown = new ArrayList<>();
    for (Row row : rows) {
      unknown.add(
          new Row(
              row.k,
              row.squaredError,
              row.bic,
              row.silhouette,
              row.calinskiHarabasz,
              row.nonGaussianClusters,
              -1,
              row.iterations,
              row.nanos));
    }
    return new KSearchTable(criterion, unknown, chosen);
  }

  private KSearchTable(String criterion, List<Row> rows, int chosen) {
    this.criterion = criterion;
    this.rows = rows.toArray(new Row[0]);
    this.chosen = chosen;
  }

  /** What was measured of the fit at one k; a criterion not measured is NaN (or -1 for counts). */
  public static final class Row implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int k;
    private final double squaredError;
    private final double bic;
    private final double silhouette;
    private final double calinskiHarabasz;
    private final int nonGaussianClusters;
    private final int smallestCluster;
    private final int iterations;
    private final long nanos;

    Row(
        int k,
        double squaredError,
        double bic,
        double silhouette,
        double calinskiHarabasz,
        int nonGaussianClusters,
        int smallestCluster,
        int iterations,
        long nanos) {
      this.k = k;
      this.squaredError = squaredError;
      this.bic = bic;
      this.silhouette = silhouette;
      this.calinskiHarabasz = calinskiHarabasz;
      this.nonGaussianClusters = nonGaussianClusters;
      this.smallestCluster = smallestCluster;
      this.iterations = iterations;
      this.nanos = nanos;
    }

    /** The number of clusters. */
    public int k() {
      return k;
    }

    /** The weighted within-cluster sum of squared errors. */
    public double squaredError() {
      return squaredError;
    }

    /** The BIC of the spherical Gaussian model (higher is better). */
    public double bic() {
      return bic;
    }

    /** The mean silhouette, NaN when not measured. */
    public double silhouette() {
      return silhouette;
    }

    /** The Calinski-Harabasz index (higher is better). */
    public double calinskiHarabasz() {
      return calinskiHarabasz;
    }

    /** The clusters failing G-means' normality test; -1 when not tested. */
    public int nonGaussianClusters() {
      return nonGaussianClusters;
    }

    /** The rows (of positive weight) of the smallest cluster; -1 when not recorded. */
    public int smallestCluster() {
      return smallestCluster;
    }

    /**
     * Whether every cluster holds at least {@link KSearch#MIN_CLUSTER_ROWS} rows (or the sizes were
     * not recorded): a k whose fit gives a row a cluster of its own is never chosen over one that
     * does not.
     */
    public boolean isEligible() {
      return smallestCluster < 0 || smallestCluster >= KSearch.MIN_CLUSTER_ROWS;
    }

    /** The k-means iterations of this k's fit, over all its runs. */
    public int iterations() {
      return iterations;
    }

    /** The time this k took: fit, refinement and measures, in nanoseconds. */
    public long nanos() {
      return nanos;
    }
  }
}
