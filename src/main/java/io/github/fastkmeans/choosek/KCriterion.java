package io.github.fastkmeans.choosek;

import io.github.fastkmeans.engine.Choice;
import io.github.fastkmeans.engine.ChoiceLabel;
import java.util.function.ToDoubleFunction;

/** How the best k of a search is recognised. */
public enum KCriterion implements Choice {
  /** The highest BIC of the spherical Gaussian model, as X-means ({@code quality.Bic}). */
  BIC("bic", "BIC of spherical Gaussian clusters (as X-means)", KSearchTable.Row::bic),
  /**
   * The smallest k at which no cluster fails G-means' Anderson-Darling test of normality along its
   * main split direction ({@code quality.GaussianSplitTest}).
   */
  GMEANS(
      "gmeans",
      "G-means: every cluster passes Anderson-Darling's test",
      // Fewer clusters that fail the test are better; among equals, the smallest k (found first).
      row -> -row.nonGaussianClusters()),
  /** The highest mean silhouette, sampled as {@code -quality} samples it. */
  SILHOUETTE("silhouette", "highest silhouette", KSearchTable.Row::silhouette),
  /** The highest Calinski-Harabasz index. */
  CALINSKI_HARABASZ(
      "calinski-harabasz", "highest Calinski-Harabasz index", KSearchTable.Row::calinskiHarabasz);

  private final ChoiceLabel label;
  private final ToDoubleFunction<KSearchTable.Row> value;

  KCriterion(String id, String displayName, ToDoubleFunction<KSearchTable.Row> value) {
    this.label = new ChoiceLabel(id, displayName);
    this.value = value;
  }

  @Override
  public ChoiceLabel label() {
    return label;
  }

  /**
   * Whether {@code row} is better than {@code other}: a higher value, for every criterion; an
   * undefined value (NaN, as Calinski-Harabasz for one cluster) is worse than any other.
   */
  boolean isBetter(KSearchTable.Row row, KSearchTable.Row other) {
    double value = this.value.applyAsDouble(row);
    double otherValue = this.value.applyAsDouble(other);
    return !Double.isNaN(value) && (Double.isNaN(otherValue) || value > otherValue);
  }

  /**
   * Whether the search may stop after {@code row}, the best so far being {@code best}: G-means once
   * no cluster fails; the others once k has gone well past the best without beating it.
   */
  boolean hasTurned(KSearchTable.Row best, KSearchTable.Row row) {
    if (this == GMEANS) {
      return row.nonGaussianClusters() == 0;
    }
    // Measured on the choose-k benchmark (docs/choosing-k.md): with 3 (or k/5) further k the
    // search stopped at a3's early local peak (k = 4 of 50); half the best k again rides it out.
    int patience = Math.max(5, (best.k() + 1) / 2);
    return row.k() - best.k() >= patience;
  }

  /**
   * The criterion with the given id (case-insensitive).
   *
   * @throws IllegalArgumentException naming the valid ids when none matches
   */
  public static KCriterion fromId(String id) {
    return Choice.byId(values(), "criterion", id);
  }
}
