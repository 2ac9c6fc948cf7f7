package io.github.fastkmeans.weka;

import weka.core.Instance;
import weka.core.Instances;

/**
 * Weighted statistics of one attribute over the non-missing values of a data set: what normalisation
 * and missing-value replacement need.
 */
final class AttributeSummary {

  private final double mean;
  private final double min;
  private final double max;
  private final double standardDeviation;
  private final int mode;

  private AttributeSummary(
      double mean, double min, double max, double standardDeviation, int mode) {
    this.mean = mean;
    this.min = min;
    this.max = max;
    this.standardDeviation = standardDeviation;
    this.mode = mode;
  }

  /** Summarises attribute {@code index} of {@code data}. */
  static AttributeSummary of(Instances data, int index) {
    if (data.attribute(index).isNominal()) {
      return new AttributeSummary(0, 0, 0, 0, weightedMode(data, index));
    }
    double weightSum = 0;
    double weightedSum = 0;
    double plainSum = 0;
    int present = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Instance instance : data) {
      if (instance.isMissing(index)) {
        continue;
      }
      double value = instance.value(index);
      double weight = instance.weight();
      weightSum += weight;
      weightedSum += weight * value;
      plainSum += value;
      present++;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    if (present == 0) {
      // Nothing known: every value will be the replacement, a constant column that adds nothing.
      return new AttributeSummary(0, 0, 0, 0, 0);
    }
    // With all weights zero the weighted mean is undefined; the plain mean is the natural limit.
    double mean = weightSum > 0 ? weightedSum / weightSum : plainSum / present;
    double squares = 0;
    for (Instance instance : data) {
      if (!instance.isMissing(index)) {
        double diff = instance.value(index) - mean;
        squares += instance.weight() * diff * diff;
      }
    }
    // The weighted sample variance, as Weka's Instances.variance computes it.
    double variance = weightSum > 1 ? squares / (weightSum - 1) : 0;
    return new AttributeSummary(mean, min, max, Math.sqrt(variance), 0);
  }

  private static int weightedMode(Instances data, int index) {
    double[] counts = new double[data.attribute(index).numValues()];
    for (Instance instance : data) {
      if (!instance.isMissing(index)) {
        counts[(int) instance.value(index)] += instance.weight();
      }
    }
    int mode = 0;
    for (int v = 1; v < counts.length; v++) {
      if (counts[v] > counts[mode]) {
        mode = v;
      }
    }
    return mode;
  }

  /** The weighted mean of the present values (0 if none). */
  double mean() {
    return mean;
  }

  /** The smallest present value. */
  double min() {
    return min;
  }

  /** The largest present value. */
  double max() {
    return max;
  }

  /** The weighted sample standard deviation of the present values. */
  double standardDeviation() {
    return standardDeviation;
  }

  /** The index of the most frequent nominal value by weight (the lowest on a tie). */
  int mode() {
    return mode;
  }
}
