package io.github.fastkmeans.weka;

import java.util.Arrays;
import weka.core.Instance;
import weka.core.Instances;

/**
 * The statistics normalisation and missing-value replacement need, gathered in one pass over a
 * stream: per clustered attribute, the weighted mean and squared deviations (West's weighted update
 * of Welford's method), the range, and the weight of each nominal value. The batch encoding reads
 * the data twice instead; the two agree up to rounding.
 *
 * <p>D. H. D. West, "Updating mean and variance estimates: an improved method", Communications of
 * the ACM 22(9), 1979.
 */
final class StreamedStatistics {

  private final Instances header;
  private final int[] attributes;
  private final boolean[] numeric;
  private final double[] weightSum;
  private final double[] mean;
  private final double[] squares;
  private final double[] plainSum;
  private final double[] min;
  private final double[] max;
  private final long[] present;
  private final double[][] counts;
  private long rows;

  /** No rows yet, for the clustered attributes {@code attributes} of {@code header}. */
  StreamedStatistics(Instances header, int[] attributes) {
    this.header = header;
    this.attributes = attributes;
    int count = attributes.length;
    numeric = new boolean[count];
    weightSum = new double[count];
    mean = new double[count];
    squares = new double[count];
    plainSum = new double[count];
    min = new double[count];
    max = new double[count];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    present = new long[count];
    counts = new double[count][];
    for (int a = 0; a < count; a++) {
      numeric[a] = !header.attribute(attributes[a]).isNominal();
      counts[a] = numeric[a] ? null : new double[header.attribute(attributes[a]).numValues()];
    }
  }

  /**
   * Adds row {@code row} of {@code rows}; its values must have been checked (finite numbers, valid
   * nominal indices).
   */
  void add(TrainingRows rows, int row) {
    double weight = rows.weight(row);
    for (int a = 0; a < attributes.length; a++) {
      add(a, rows.value(row, attributes[a]), weight);
    }
    this.rows++;
  }

  /** Adds {@code instance}, which has the header's attributes and checked values. */
  void add(Instance instance) {
    double weight = instance.weight();
    for (int a = 0; a < attributes.length; a++) {
      add(a, instance.value(attributes[a]), weight);
    }
    rows++;
  }

  /** Adds the value {@code value} (NaN: missing) of clustered attribute {@code a}. */
  private void add(int a, double value, double weight) {
    if (Double.isNaN(value)) {
      return;
    }
    present[a]++;
    if (!numeric[a]) {
      counts[a][(int) value] += weight;
      return;
    }
    plainSum[a] += value;
    min[a] = Math.min(min[a], value);
    max[a] = Math.max(max[a], value);
    if (weight > 0) {
      weightSum[a] += weight;
      double delta = value - mean[a];
      mean[a] += weight / weightSum[a] * delta;
      squares[a] += weight * delta * (value - mean[a]);
    }
  }

  /** The summaries of every clustered attribute, as {@link AttributeSummary#of} gives them. */
  AttributeSummary[] summaries() {
    AttributeSummary[] summaries = new AttributeSummary[attributes.length];
    for (int a = 0; a < attributes.length; a++) {
      long missing = rows - present[a];
      if (!numeric[a]) {
        int mode = 0;
        for (int v = 1; v < counts[a].length; v++) {
          if (counts[a][v] > counts[a][mode]) {
            mode = v;
          }
        }
        summaries[a] = AttributeSummary.nominal(mode, present[a], missing);
      } else if (present[a] == 0) {
        summaries[a] = AttributeSummary.numeric(0, 0, 0, 0, 0, rows);
      } else {
        // With all weights zero the weighted mean is undefined; the plain mean is the limit.
        double centre = weightSum[a] > 0 ? mean[a] : plainSum[a] / present[a];
        summaries[a] =
            AttributeSummary.numeric(
                centre,
                min[a],
                max[a],
                AttributeSummary.deviationOf(squares[a], weightSum[a]),
                present[a],
                missing);
      }
    }
    return summaries;
  }

  /** The header whose attributes are summarised. */
  Instances header() {
    return header;
  }

  /** The clustered attributes summarised. */
  int[] attributes() {
    return attributes;
  }
}
