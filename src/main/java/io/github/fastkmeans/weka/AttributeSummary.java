package io.github.fastkmeans.weka;

import io.github.fastkmeans.parallel.Interruption;
import weka.core.WekaException;

/**
 * Weighted statistics of one attribute over the non-missing values of a data set: what
 * normalisation and missing-value replacement need. Reading the values also checks them: a numeric
 * value must be finite and a nominal one must be the index of one of the attribute's values.
 */
final class AttributeSummary {

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
   * The raw values a summary reads again after its sums: for the squared deviations, and for an
   * attribute whose plain sums overflowed.
   */
  interface Values {
    /** The raw value of clustered attribute {@code a} (counted in clustered order) in a row. */
    double value(int row, int a);

    /** The weight of a row. */
    double weight(int row);
  }

  /**
   * Summarises the attributes {@code indices} of {@code data}, reading the instances row by row on
   * the calling thread, run by run ({@link AttributeSums#rowsPerRun}): one pass for the weights,
   * counts, extremes and means, and with {@code withDeviations} a second for the squared deviations
   * from the means (without it the standard deviations are NaN). A further pass, for one attribute,
   * is made only when its values are so large or small that the plain sums overflow or lose
   * precision.
   *
   * @throws WekaException naming the instance (counted from 1) whose weight is not finite and
   *     non-negative, or the attribute and instance of a numeric value that is infinite or a
   *     nominal value that is not one of the attribute's values; or when the weights add up to more
   *     than the largest double
   */
  static AttributeSummary[] of(TrainingRows data, int[] indices, boolean withDeviations)
      throws WekaException, InterruptedException {
    int rows = data.count();
    int runRows = AttributeSums.rowsPerRun(rows, data.header(), indices);
    AttributeSums sums = null;
    for (int start = 0; start < rows || sums == null; start += runRows) {
      Interruption.check("Learning the encoding");
      // Summed run by run and merged in order, as the encoding's parallel pass sums them.
      AttributeSums run = new AttributeSums(data.header(), indices);
      for (int row = start; row < Math.min(rows, start + runRows); row++) {
        double weight = data.weight(row);
        run.addWeight(row, weight);
        for (int a = 0; a < indices.length; a++) {
          run.addValue(a, row, data.value(row, indices[a]), weight);
        }
      }
      if (sums == null) {
        sums = run;
      } else {
        sums.merge(run);
      }
    }
    Values values =
        new Values() {
          @Override
          public double value(int row, int a) {
            return data.value(row, indices[a]);
          }

          @Override
          public double weight(int row) {
            return data.weight(row);
          }
        };
    return of(sums, rows, values, withDeviations);
  }

  /**
   * The summaries of the attributes whose sums over all {@code rows} rows are {@code sums}; {@code
   * values} are read again as {@link #of(TrainingRows, int[], boolean)} describes.
   *
   * @throws WekaException when the weights add up to more than the largest double
   */
  static AttributeSummary[] of(AttributeSums sums, int rows, Values values, boolean withDeviations)
      throws WekaException {
    if (Double.isInfinite(sums.totalWeight)) {
      throw new WekaException(
          "The instance weights add up to more than the largest double; scale them down.");
    }
    int count = sums.present.length;
    double[] weightSum = sums.weightSum;
    long[] present = sums.present;
    double[] min = sums.min;
    double[] max = sums.max;
    double[] mean = new double[count];
    for (int a = 0; a < count; a++) {
      if (!sums.isNumeric(a) || present[a] == 0) {
        continue;
      }
      // With all weights zero the weighted mean is undefined; the plain mean is the natural limit.
      mean[a] =
          weightSum[a] > 0 ? sums.weightedSum[a] / weightSum[a] : sums.plainSum[a] / present[a];
      if (!Double.isFinite(mean[a])) {
        // The sums overflowed (values near the largest double): sum values divided by the largest.
        double unit = Math.max(Math.abs(min[a]), Math.abs(max[a]));
        mean[a] = scaledMean(values, rows, a, unit, weightSum[a] > 0);
      }
    }
    double[] squares = new double[count];
    for (int row = 0; withDeviations && row < rows; row++) {
      double weight = values.weight(row);
      for (int a = 0; a < count; a++) {
        if (sums.isNumeric(a)) {
          double value = values.value(row, a);
          if (!Double.isNaN(value)) {
            double diff = value - mean[a];
            squares[a] += weight * diff * diff;
          }
        }
      }
    }
    AttributeSummary[] summaries = new AttributeSummary[count];
    for (int a = 0; a < count; a++) {
      if (!sums.isNumeric(a)) {
        double[] counts = sums.counts[a];
        int mode = 0;
        for (int v = 1; v < counts.length; v++) {
          if (counts[v] > counts[mode]) {
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
        if (!withDeviations) {
          deviation = Double.NaN;
        } else if (Double.isFinite(squares[a])
            && (largest == 0 || (largest > 0x1p-400 && largest < 0x1p400))) {
          deviation = deviation(squares[a], weightSum[a]);
        } else {
          // Squares of deviations this large or small overflow or lose precision in the subnormal
          // range: measure the deviations in units of the largest one.
          deviation =
              largest * deviation(scaledSquares(values, rows, a, mean[a], largest), weightSum[a]);
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

  private static double scaledMean(Values data, int rows, int a, double unit, boolean weighted) {
    double weightSum = 0;
    double sum = 0;
    for (int row = 0; row < rows; row++) {
      double value = data.value(row, a);
      if (!Double.isNaN(value)) {
        double weight = weighted ? data.weight(row) : 1;
        sum += weight * (value / unit);
        weightSum += weight;
      }
    }
    return sum / weightSum * unit;
  }

  private static double scaledSquares(Values data, int rows, int a, double mean, double unit) {
    double squares = 0;
    for (int row = 0; row < rows; row++) {
      double value = data.value(row, a);
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
   * add up to more than 1, the population deviation otherwise; NaN when it was not measured.
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
