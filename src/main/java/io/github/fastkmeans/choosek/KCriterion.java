package io.github.fastkmeans.choosek;

import io.github.fastkmeans.engine.Choice;
import io.github.fastkmeans.engine.ChoiceLabel;
import java.util.List;
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

  /** The k the search goes past its best while the criterion keeps falling. */
  static final int PATIENCE = 4;

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
   * Whether {@code row} is better than {@code other}: an eligible row (no cluster of a single row)
   * beats one that is not; then a higher value, for every criterion; an undefined value (NaN, as
   * Calinski-Harabasz for one cluster) is worse than any other.
   */
  boolean isBetter(KSearchTable.Row row, KSearchTable.Row other) {
    if (row.isEligible() != other.isEligible()) {
      return row.isEligible();
    }
    double value = this.value.applyAsDouble(row);
    double otherValue = this.value.applyAsDouble(other);
    return !Double.isNaN(value) && (Double.isNaN(otherValue) || value > otherValue);
  }

  /**
   * Whether the search may stop after the last of {@code rows}, the best so far being row {@code
   * best}: G-means once no cluster fails; the others once the best lies {@link #PATIENCE} k behind
   * and the criterion fell at each of those k. A criterion past the true k falls steadily, one more
   * centre splitting a cluster; a local peak before it is followed by a rise (a3: 4 of 50
   * clusters).
   */
  boolean hasTurned(List<KSearchTable.Row> rows, int best) {
    int last = rows.size() - 1;
    if (this == GMEANS) {
      return rows.get(last).nonGaussianClusters() == 0;
    }
    if (last - best < PATIENCE) {
      return false;
    }
    for (int i = last - PATIENCE + 1; i <= last; i++) {
      if (isBetter(rows.get(i), rows.get(i - 1))) {
        return false;
      }
    }
    return true;
  }
}
