package io.github.fastkmeans.weka;

import java.util.Arrays;
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

  /**
   * Summarises the attributes {@code indices} of {@code data}, reading the instances row by row
   * (two passes: means first, then squared deviations from them).
   */
  static AttributeSummary[] of(Instances data, int[] indices) {
    int count = indices.length;
    double[] weightSum = new double[count];
    double[] weightedSum = new double[count];
    double[] plainSum = new double[count];
    long[] present = new long[count];
    double[] min = new double[count];
    double[] max = new double[count];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    boolean[] numeric = new boolean[count];
    for (int a = 0; a < count; a++) {
      numeric[a] = !data.attribute(indices[a]).isNominal();
    }
    for (Instance instance : data) {
      double weight = instance.weight();
      for (int a = 0; a < count; a++) {
        double value = instance.value(indices[a]);
        if (!numeric[a] || Double.isNaN(value)) {
          continue;
        }
        weightSum[a] += weight;
        weightedSum[a] += weight * value;
        plainSum[a] += value;
        present[a]++;
        min[a] = Math.min(min[a], value);
        max[a] = Math.max(max[a], value);
      }
    }
    double[] mean = new double[count];
    for (int a = 0; a < count; a++) {
      // With all weights zero the weighted mean is undefined; the plain mean is the natural limit.
      mean[a] =
          present[a] == 0 ? 0 : weightSum[a] > 0 ? weightedSum[a] / weightSum[a] : plainSum[a] / present[a];
    }
    double[] squares = new double[count];
    for (Instance instance : data) {
      double weight = instance.weight();
      for (int a = 0; a < count; a++) {
        double value = instance.value(indices[a]);
        if (numeric[a] && !Double.isNaN(value)) {
          double diff = value - mean[a];
          squares[a] += weight * diff * diff;
        }
      }
    }
    AttributeSummary[] summaries = new AttributeSummary[count];
    for (int a = 0; a < count; a++) {
      if (!numeric[a]) {
        summaries[a] = new AttributeSummary(0, 0, 0, 0, weightedMode(data, indices[a]));
      } else if (present[a] == 0) {
        // Nothing known: every value will be the replacement, a constant column that adds nothing.
        summaries[a] = new AttributeSummary(0, 0, 0, 0, 0);
      } else {
        // The weighted sample variance, as Weka's Instances.variance computes it.
        double variance = weightSum[a] > 1 ? squares[a] / (weightSum[a] - 1) : 0;
        summaries[a] =
            new AttributeSummary(
                mean[a], min[a], max[a], Math.sqrt(variance), 0);
      }
    }
    return summaries;
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
