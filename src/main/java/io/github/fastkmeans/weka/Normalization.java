package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.Choice;
import io.github.fastkmeans.engine.ChoiceLabel;

/** How numeric attributes are scaled before distances are taken. */
public enum Normalization implements Choice {
  /** Map the training minimum to 0 and maximum to 1, as Weka's EuclideanDistance does. */
  RANGE("range", "min-max range to [0,1]"),
  /** Subtract the weighted training mean and divide by the weighted standard deviation. */
  STANDARDIZE("standardize", "z-score (weighted mean and standard deviation)"),
  /** Use the values as they are. */
  NONE("none", "none (raw values)");

  private final ChoiceLabel label;

  Normalization(String id, String description) {
    this.label = new ChoiceLabel(id, description);
  }

  /**
   * The normalization with the given id.
   *
   * @throws IllegalArgumentException naming the valid ids when none matches
   */
  public static Normalization fromId(String id) {
    return Choice.byId(values(), "normalization", id);
  }

  @Override
  public ChoiceLabel label() {
    return label;
  }
}
