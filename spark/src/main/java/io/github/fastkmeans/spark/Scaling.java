package io.github.fastkmeans.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How each feature is scaled before distances are taken, as Weka's {@code -normalize}: {@code
 * (value - offset) / scale}, and 0 for a feature that is constant under range or standardize (it
 * adds nothing to distances, as in the Weka package).
 */
public final class Scaling implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String kind;
  private final double[] offset;
  private final double[] scale;
  private final boolean[] flat;

  Scaling(String kind, double[] offset, double[] scale, boolean[] flat) {
    this.kind = kind;
    this.offset = offset;
    this.scale = scale;
    this.flat = flat;
  }

  /** No scaling of {@code columns} features. */
  static Scaling none(int columns) {
    double[] one = new double[columns];
    Arrays.fill(one, 1);
    return new Scaling("none", new double[columns], one, new boolean[columns]);
  }

  /**
   * The scaling {@code kind} ("none", "range", "standardize") from the weighted statistics of the
   * features: minimum, maximum, mean and sample standard deviation per feature.
   */
  static Scaling of(String kind, FeatureStatistics statistics) {
    int columns = statistics.columns();
    if ("none".equals(kind)) {
      return none(columns);
    }
    double[] offset = new double[columns];
    double[] scale = new double[columns];
    boolean[] flat = new boolean[columns];
    for (int j = 0; j < columns; j++) {
      flat[j] = statistics.max(j) == statistics.min(j);
      if ("range".equals(kind)) {
        offset[j] = statistics.min(j);
        scale[j] = nonZero(statistics.max(j) - statistics.min(j));
      } else {
        offset[j] = statistics.mean(j);
        scale[j] = nonZero(statistics.standardDeviation(j));
      }
    }
    return new Scaling(kind, offset, scale, flat);
  }

  private static double nonZero(double value) {
    return value > 0 ? value : 1;
  }

  /** The normalisation's name. */
  public String kind() {
    return kind;
  }

  /** The number of features. */
  public int columns() {
    return offset.length;
  }

  /** Scales {@code values} in place and returns them. */
  double[] apply(double[] values) {
    for (int j = 0; j < values.length; j++) {
      values[j] = flat[j] ? 0 : (values[j] - offset[j]) / scale[j];
    }
    return values;
  }

  /** The original value of scaled feature {@code j}. */
  public double original(int j, double scaled) {
    return flat[j] ? offset[j] : scaled * scale[j] + offset[j];
  }

  /** The offsets (copy). */
  public double[] offsets() {
    return offset.clone();
  }

  /** The scales (copy). */
  public double[] scales() {
    return scale.clone();
  }

  /** Whether each feature is constant (copy). */
  public boolean[] flats() {
    return flat.clone();
  }
}
