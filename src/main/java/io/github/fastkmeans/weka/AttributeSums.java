package io.github.fastkmeans.weka;

import io.github.fastkmeans.parallel.RowChunks;
import java.util.Arrays;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.WekaException;

/**
 * Weighted sums over a run of consecutive rows of the clustered attributes' present values, and of
 * the rows' weights: what {@link AttributeSummary} is made of. Reading a value also checks it, and
 * runs read on several threads are merged in row order, so the sums do not depend on how many
 * threads read them.
 */
final class AttributeSums {

  private final Instances header;
  private final int[] indices;
  private final boolean[] numeric;
  final double[] weightSum;
  final double[] weightedSum;
  final double[] plainSum;
  final long[] present;
  final double[] min;
  final double[] max;

  /** Per nominal attribute, the weight of each value; null for numeric ones. */
  final double[][] counts;

  /** The sum of every row's weight, present values or not. */
  double totalWeight;

  /** Whether every row's weight is exactly 1 (Weka's default), so the weights need not be kept. */
  boolean unitWeights = true;

  /** At most this many runs are summed apart: a build holds every run's sums until they merge. */
  private static final int MOST_RUNS = 1024;

  /** The runs' sums held at once take at most about this many doubles (32 MiB). */
  private static final long RUNS_BUDGET = 4L << 20;

  /**
   * The rows of one run when {@code rows} rows of the attributes {@code indices} of {@code header}
   * are summed: at least {@link RowChunks#CHUNK_ROWS}, and enough that the runs' sums fit their
   * budget. It depends on the data alone, never on the threads, so every reading sums the same runs
   * and merges them in the same order.
   */
  static int rowsPerRun(int rows, Instances header, int[] indices) {
    long length = 8L * indices.length + 1;
    for (int index : indices) {
      if (header.attribute(index).isNominal()) {
        length += header.attribute(index).numValues();
      }
    }
    long runs = Math.max(1, Math.min(MOST_RUNS, RUNS_BUDGET / length));
    return (int) Math.max(RowChunks.CHUNK_ROWS, (rows + runs - 1) / runs);
  }

  /** Empty sums of the attributes {@code indices} (header indices) of {@code header}. */
  AttributeSums(Instances header, int[] indices) {
    this.header = header;
    this.indices = indices;
    int count = indices.length;
    numeric = new boolean[count];
    counts = new double[count][];
    for (int a = 0; a < count; a++) {
      Attribute attribute = header.attribute(indices[a]);
      numeric[a] = !attribute.isNominal();
      counts[a] = numeric[a] ? null : new double[attribute.numValues()];
    }
    weightSum = new double[count];
    weightedSum = new double[count];
    plainSum = new double[count];
    present = new long[count];
    min = new double[count];
    max = new double[count];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
  }

  /** Whether clustered attribute {@code a} is numeric (or a date) rather than nominal. */
  boolean isNumeric(int a) {
    return numeric[a];
  }

  /**
   * Adds the weight of row {@code row} (counted from 0).
   *
   * @throws WekaException naming the row when its weight is not finite and non-negative
   */
  void addWeight(int row, double weight) throws WekaException {
    if (!isUsableWeight(weight)) {
      throw new WekaException(
          "Instance "
              + (row + 1)
              + " has weight "
              + weight
              + "; FastKMeans needs weights that are finite and >= 0.");
    }
    totalWeight += weight;
    unitWeights &= weight == 1;
  }

  /** Whether FastKMeans can use an instance weight: finite and non-negative (not NaN). */
  static boolean isUsableWeight(double weight) {
    return weight >= 0 && !Double.isInfinite(weight);
  }

  /**
   * Adds the raw value of clustered attribute {@code a} in row {@code row}, whose weight is {@code
   * weight}; a missing value (NaN) adds nothing.
   *
   * @throws WekaException naming the attribute and the row of a numeric value that is infinite or a
   *     nominal value that is not one of the attribute's values
   */
  void addValue(int a, int row, double value, double weight) throws WekaException {
    if (Double.isNaN(value)) {
      return;
    }
    present[a]++;
    if (!numeric[a]) {
      Attribute attribute = header.attribute(indices[a]);
      if (!AttributeValues.isValueIndex(attribute, value)) {
        throw AttributeValues.notAValueIndex(attribute, row, value);
      }
      counts[a][(int) value] += weight;
      return;
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

  /** Adds the sums of the rows that follow these ones. */
  void merge(AttributeSums later) {
    totalWeight += later.totalWeight;
    unitWeights &= later.unitWeights;
    for (int a = 0; a < numeric.length; a++) {
      weightSum[a] += later.weightSum[a];
      weightedSum[a] += later.weightedSum[a];
      plainSum[a] += later.plainSum[a];
      present[a] += later.present[a];
      min[a] = Math.min(min[a], later.min[a]);
      max[a] = Math.max(max[a], later.max[a]);
      if (counts[a] != null) {
        for (int v = 0; v < counts[a].length; v++) {
          counts[a][v] += later.counts[a][v];
        }
      }
    }
  }
}
