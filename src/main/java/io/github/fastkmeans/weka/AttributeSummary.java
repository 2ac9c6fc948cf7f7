package io.github.fastkmeans.weka;

import io.github.fastkmeans.parallel.Interruption;
import java.util.Arrays;
import weka.core.Instances;
import weka.core.WekaException;

/**
 * Weighted statistics of one attribute over the non-missing values of a data set: what
 * normalisation and missing-value replacement need. Reading the values also checks them: a numeric
 * value must be finite and a nominal one must be the index of one of the attribute's values.
 */
final class AttributeSummary {

  /** Rows between two looks at the interrupt flag in a pass over Weka's instances. */
  static final int ROWS_PER_INTERRUPT_CHECK = 4096;

  private final double mean;
  private final double min;
  private final double max;
  private final double standardDeviation;
  private final int mode;
  private final long present;
  private final long missing;

  private AttributeSummary(
      double mean,
      double min,
      double max,
      double standardDeviation,
      int mode,
      long present,
      long missing) {
    this.mean = mean;
    this.min = min;
    this.max = max;
    this.standardDeviation = standardDeviation;
    this.mode = mode;
    this.present = present;
    this.missing = missing;
  }

  /**
   * Summarises the attributes {@code indices} of {@code data}, whose weights must be finite and
   * non-negative, reading the instances row by row (two passes: means first, then squared
   * deviations from them; a third, for one attribute, only when its values are so large or small
   * that the plain sums overflow or lose precision).
   *
   * @throws WekaException naming the attribute and the instance (counted from 1) of a numeric value
   *     that is infinite or a nominal value that is not one of the attribute's values
   */
  static AttributeSummary[] of(TrainingRows data, int[] indices)
      throws WekaException, InterruptedException {
    Instances header = data.header();
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
    double[][] counts = new double[count][];
    for (int a = 0; a < count; a++) {
      numeric[a] = !header.attribute(indices[a]).isNominal();
      counts[a] = numeric[a] ? null : new double[header.attribute(indices[a]).numValues()];
    }
    int rows = data.count();
    for (int row = 0; row < rows; row++) {
      if (row % ROWS_PER_INTERRUPT_CHECK == 0) {
        Interruption.check("Learning the encoding");
      }
      double weight = data.weight(row);
      for (int a = 0; a < count; a++) {
        double value = data.value(row, indices[a]);
        if (Double.isNaN(value)) {
          continue;
        }
        present[a]++;
        if (!numeric[a]) {
          if (!AttributeValues.isValueIndex(header.attribute(indices[a]), value)) {
            throw AttributeValues.notAValueIndex(header.attribute(indices[a]), row, value);
          }
          counts[a][(int) value] += weight;
          continue;
        }
        if (Double.isInfinite(value)) {
          throw AttributeValues.refusal(
              header.attribute(indices[a]),
              row,
              value,
              "; FastKMeans needs finite numbers (remove the instance or replace the value).");
        }
        weightSum[a] += weight;
        weightedSum[a] += weight * value;
        plainSum[a] += value;
        min[a] = Math.min(min[a], value);
        max[a] = Math.max(max[a], value);
      }
    }
    double[] mean = new double[count];
    for (int a = 0; a < count; a++) {
      if (!numeric[a] || present[a] == 0) {
        continue;
      }
      // With all weights zero the weighted mean is undefined; the plain mean is the natural limit.
      mean[a] = weightSum[a] > 0 ? weightedSum[a] / weightSum[a] : plainSum[a] / present[a];
      if (!Double.isFinite(mean[a])) {
        // The sums overflowed (values near the largest double): sum values divided by the largest.
        double unit = Math.max(Math.abs(min[a]), Math.abs(max[a]));
        mean[a] = scaledMean(data, indices[a], unit, weightSum[a] > 0);
      }
    }
    double[] squares = new double[count];
    for (int row = 0; row < rows; row++) {
      double weight = data.weight(row);
      for (int a = 0; a < count; a++) {
        double value = data.value(row, indices[a]);
        if (numeric[a] && !Double.isNaN(value)) {
          double diff = value - mean[a];
          squares[a] += weight * diff * diff;
        }
      }
    }
    AttributeSummary[] summaries = new AttributeSummary[count];
    for (int a = 0; a < count; a++) {
      if (!numeric[a]) {
        int mode = 0;
        for (int v = 1; v < counts[a].length; v++) {
          if (counts[a][v] > counts[a][mode]) {
            mode = v;
          }
        }
        summaries[a] = new AttributeSummary(0, 0, 0, 0, mode, present[a], rows - present[a]);
      } else if (present[a] == 0) {
        // Nothing known: every value will be the replacement, a constant column that adds nothing.
        summaries[a] = new AttributeSummary(0, 0, 0, 0, 0, 0, rows);
      } else {
        double largest = Math.max(max[a] - mean[a], mean[a] - min[a]);
        double deviation;
        if (Double.isFinite(squares[a])
            && (largest == 0 || (largest > 0x1p-400 && largest < 0x1p400))) {
          deviation = deviation(squares[a], weightSum[a]);
        } else {
          // Squares of deviations this large or small overflow or lose precision in the subnormal
          // range: measure the deviations in units of the largest one.
          deviation =
              largest * deviation(scaledSquares(data, indices[a], mean[a], largest), weightSum[a]);
        }
        summaries[a] =
            new AttributeSummary(
                mean[a], min[a], max[a], deviation, 0, present[a], rows - present[a]);
      }
    }
    return summaries;
  }

  /** The summary of a numeric attribute with these statistics of its present values. */
  static AttributeSummary numeric(
      double mean, double min, double max, double standardDeviation, long present, long missing) {
    return new AttributeSummary(mean, min, max, standardDeviation, 0, present, missing);
  }

  /** The summary of a nominal attribute whose most frequent value by weight is {@code mode}. */
  static AttributeSummary nominal(int mode, long present, long missing) {
    return new AttributeSummary(0, 0, 0, 0, mode, present, missing);
  }

  /**
   * The weighted standard deviation from the weighted sum of squared deviations from the mean, as
   * {@link #of} computes it.
   */
  static double deviationOf(double weightedSquares, double weightSum) {
    return deviation(weightedSquares, weightSum);
  }

  /**
   * The weighted sample standard deviation, as Weka's {@code Instances.variance} computes it
   * (denominator: total weight - 1), when the total weight exceeds 1. Weka leaves it undefined
   * otherwise; the population deviation (denominator: total weight) is used then, so that data
   * whose weights add up to 1 or less are still scaled. Zero when no weight is positive.
   */
  private static double deviation(double weightedSquares, double weightSum) {
    if (weightSum > 1) {
      return Math.sqrt(weightedSquares / (weightSum - 1));
    }
    return weightSum > 0 ? Math.sqrt(weightedSquares / weightSum) : 0;
  }

  private static double scaledMean(TrainingRows data, int index, double unit, boolean weighted) {
    double weightSum = 0;
    double sum = 0;
    for (int row = 0; row < data.count(); row++) {
      double value = data.value(row, index);
      if (!Double.isNaN(value)) {
        double weight = weighted ? data.weight(row) : 1;
        sum += weight * (value / unit);
        weightSum += weight;
      }
    }
    return sum / weightSum * unit;
  }

  private static double scaledSquares(TrainingRows data, int index, double mean, double unit) {
    double squares = 0;
    for (int row = 0; row < data.count(); row++) {
      double value = data.value(row, index);
      if (!Double.isNaN(value)) {
        double diff = (value - mean) / unit;
        squares += data.weight(row) * diff * diff;
      }
    }
    return squares;
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

  /**
   * The weighted standard deviation of the present values: the sample deviation when the weights
   * add up to more than 1, the population deviation otherwise.
   */
  double standardDeviation() {
    return standardDeviation;
  }

  /** The index of the most frequent nominal value by weight (the lowest on a tie). */
  int mode() {
    return mode;
  }

  /** The number of instances whose value is present. */
  long present() {
    return present;
  }

  /** The number of instances whose value is missing. */
  long missing() {
    return missing;
  }
}
