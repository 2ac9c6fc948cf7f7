package io.github.fastkmeans.weka;

/** How numeric attributes are scaled before distances are taken. */
public enum Normalization {
  /** Map the training minimum to 0 and maximum to 1, as Weka's EuclideanDistance does. */
  RANGE("range", "min-max range to [0,1]"),
  /** Subtract the weighted training mean and divide by the weighted standard deviation. */
  STANDARDIZE("standardize", "z-score (weighted mean and standard deviation)"),
  /** Use the values as they are. */
  NONE("none", "none (raw values)");

  private final String id;
  private final String description;

  Normalization(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The string id used on the command line. */
  public String id() {
    return id;
  }

  /**
   * The normalization with the given id.
   *
   * @throws IllegalArgumentException naming the valid ids when none matches
   */
  public static Normalization fromId(String id) {
    for (Normalization normalization : values()) {
      if (normalization.id.equals(id)) {
        return normalization;
      }
    }
    throw new IllegalArgumentException(
        "Unknown normalization '" + id + "'; use range, standardize or none.");
  }

  /** A short description for the GUI and the model output. */
  public String description() {
    return description;
  }
}
