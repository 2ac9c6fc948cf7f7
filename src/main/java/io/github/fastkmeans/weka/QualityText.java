package io.github.fastkmeans.weka;

import io.github.fastkmeans.quality.ClusterQuality;
import java.util.Locale;

/** The "Cluster quality" section of the model output (option -quality). */
public final class QualityText {

  private QualityText() {}

  /**
   * The section for {@code quality}, measured in the space {@code normalization} made, on the
   * instances or ({@code ofSummary}) on the weighted points of a stream's coreset.
   */
  public static String describe(
      ClusterQuality quality, Normalization normalization, boolean ofSummary) {
    StringBuilder text = new StringBuilder();
    text.append("Cluster quality (");
    text.append(
        normalization == Normalization.NONE ? "in the original units" : "in the normalised space");
    text.append(ofSummary ? ", of the coreset's weighted points):\n" : "):\n");
    text.append("  Within-cluster sum of squared errors: ")
        .append(quality.withinSumOfSquares())
        .append('\n');
    text.append("  Silhouette: ").append(silhouette(quality, ofSummary)).append('\n');
    text.append("  Davies-Bouldin index: ")
        .append(index(quality.daviesBouldin(), "two clusters share a centroid", quality))
        .append(" (lower is better)\n");
    text.append("  Calinski-Harabasz index: ")
        .append(index(quality.calinskiHarabasz(), "no spread within clusters", quality))
        .append(" (higher is better)\n");
    return text.toString();
  }

  private static String silhouette(ClusterQuality quality, boolean ofSummary) {
    String one = ofSummary ? "point" : "instance";
    String where;
    if (quality.silhouetteSampled()) {
      where =
          String.format(
              Locale.ROOT,
              "estimated from a random sample of %,d of %,d %ss%s (seed %d)",
              quality.silhouetteRows(),
              quality.positiveRows(),
              one,
              ofPositiveWeight(quality),
              quality.seed());
    } else {
      where =
          String.format(
              Locale.ROOT,
              "exact over all %,d %s%s",
              quality.silhouetteRows(),
              quality.silhouetteRows() == 1 ? one : one + "s",
              ofPositiveWeight(quality));
    }
    if (Double.isNaN(quality.silhouette())) {
      return "undefined (fewer than 2 non-empty clusters; " + where + ")";
    }
    return number(quality.silhouette()) + " (" + where + ")";
  }

  /** Says that instances of weight 0 were left out, when there were any. */
  private static String ofPositiveWeight(ClusterQuality quality) {
    return quality.positiveRows() < quality.rows() ? " of positive weight" : "";
  }

  /** An index, or why it has no finite value. */
  private static String index(double value, String whyInfinite, ClusterQuality quality) {
    if (Double.isInfinite(value)) {
      return "infinite (" + whyInfinite + ")";
    }
    if (Double.isNaN(value)) {
      if (quality.nonEmptyClusters() < 2) {
        return "undefined (fewer than 2 non-empty clusters)";
      }
      if (quality.positiveRows() <= quality.nonEmptyClusters()) {
        return "undefined (no more instances than clusters)";
      }
      return "undefined (all instances coincide)";
    }
    return number(value);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
