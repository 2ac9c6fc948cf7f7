package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.DataMatrix;
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

  /** Whether every clustered attribute is numeric (or a date). */
  private final boolean allNumeric;

  /** Room for the sums {@link #sumRowsAtOnce} may have to undo; made when first needed. */
  private double[] saved;

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
    boolean numericOnly = true;
    for (boolean isNumeric : numeric) {
      numericOnly &= isNumeric;
    }
    allNumeric = numericOnly;
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
   * @throws WekaException naming the row when its weight is not usable ({@link #isUsableWeight})
   */
  void addWeight(int row, double weight) throws WekaException {
    if (!DataMatrix.isUsableWeight(weight)) {
      throw new WekaException("Instance " + (row + 1) + " has weight " + weight + USABLE_WEIGHTS);
    }
    totalWeight += weight;
    unitWeights &= weight == 1;
  }

  /** What a refusal of a weight adds after it: which weights FastKMeans takes, and why. */
  static final String USABLE_WEIGHTS = "; FastKMeans needs " + DataMatrix.USABLE_WEIGHTS;

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

  /**
   * Adds rows {@code [from, to)}, whose raw values were read into {@code values} (IN, row r's
   * attribute a at {@code r * columns + firstColumn[a]}) and weights into {@code rowWeights} (IN,
   * row r's at {@code r - from}), as {@link #addWeight} and {@link #addValue} add them row by row
   * and value by value: the same sums, bit for bit, and the same first refusal. Where every
   * attribute is numeric and has one column, rows are summed across the attributes at once ({@link
   * #sumRowsAtOnce}).
   *
   * @throws WekaException the first refusal of the rows, in row order
   */
  void addRows(
      double[] values, int columns, int[] firstColumn, double[] rowWeights, int from, int to)
      throws WekaException {
    if (allNumeric && columns == numeric.length) {
      boolean unit = unitWeights;
      boolean usable = true;
      for (int row = from; row < to; row++) {
        double weight = rowWeights[row - from];
        usable &= DataMatrix.isUsableWeight(weight);
        unit &= weight == 1;
      }
      double total = totalWeight;
      if (unit) {
        // Exact, as adding 1 a row at a time is: the total so far counts the run's rows, and whole
        // numbers below 2^53 add without rounding. The chain of additions, one waiting for the
        // next, took 9% of A's encoding (JFR samples).
        total += to - from;
      } else {
        for (int row = from; row < to; row++) {
          total += rowWeights[row - from];
        }
      }
      if (usable && sumRowsAtOnce(values, rowWeights, from, to, unit)) {
        totalWeight = total;
        unitWeights = unit;
        return;
      }
    }
    for (int row = from; row < to; row++) {
      double weight = rowWeights[row - from];
      addWeight(row, weight);
      for (int a = 0; a < numeric.length; a++) {
        addValue(a, row, values[row * columns + firstColumn[a]], weight);
      }
    }
  }

  /**
   * Adds rows {@code [from, to)} of {@code values}, whose columns are the attributes in order, all
   * numeric, an attribute at a time over the rows, its sums in registers, each sum still adding the
   * rows in order; {@code unitWeights} when every row of the run so far, these included, weighs 1.
   * False, with the sums as they were, where a value is missing or infinite or a sum overflows: the
   * value-by-value way then decides. Summed value by value, F's million rows of 64 values took 3.5
   * times as long as copying them from the instances (120 against 34 ms on one thread); a row at a
   * time across the attributes, 65 ms. An attribute at a time is as fast with 32 to 128 attributes
   * and faster with fewer, where a sum kept in its array waited for its own store at every row: A's
   * 100,000 rows of 2 values took about 1.0 ms to sum a row at a time, 0.4-0.7 ms so.
   */
  private boolean sumRowsAtOnce(
      double[] values, double[] rowWeights, int from, int to, boolean unitWeights) {
    int count = numeric.length;
    double[] kept = savedSums();
    for (int a = 0; a < count; a++) {
      double plain = plainSum[a];
      double weights = weightSum[a];
      double weighted = weightedSum[a];
      // The least and greatest as ordered keys of the values' bits: their order is Math.min's and
      // Math.max's (-0.0 below +0.0), so a strict comparison is exact and seldom true once a few
      // rows are in, even where many values equal the least or the greatest (clamped data).
      long least = orderedKey(min[a]);
      long greatest = orderedKey(max[a]);
      for (int row = from, at = from * count + a; row < to; row++, at += count) {
        double value = values[at];
        if (!unitWeights) {
          double weight = rowWeights[row - from];
          weights += weight;
          weighted += weight * value;
        }
        plain += value;
        long key = orderedKey(value);
        if (key < least) {
          least = key;
        }
        if (key > greatest) {
          greatest = key;
        }
      }
      plainSum[a] = plain;
      weightSum[a] = weights;
      weightedSum[a] = weighted;
      // A NaN's key would order above or below everything: the block is undone below.
      min[a] = Double.longBitsToDouble(orderedKey(least));
      max[a] = Double.longBitsToDouble(orderedKey(greatest));
    }
    return finishRows(kept, to - from, unitWeights);
  }

  /**
   * Ends {@link #sumRowsAtOnce} for {@code rows} rows: the counts, or the sums restored from {@code
   * kept} (returning false) where one is not finite.
   */
  private boolean finishRows(double[] kept, int rows, boolean unitWeights) {
    int count = numeric.length;
    // A missing (NaN) or infinite value leaves its attribute's plain sum NaN or infinite, as does
    // an overflow of it; the weighted sum can overflow alone.
    boolean finite = true;
    for (int a = 0; a < count; a++) {
      finite &= Math.abs(plainSum[a]) <= Double.MAX_VALUE;
      finite &= Math.abs(weightedSum[a]) <= Double.MAX_VALUE;
    }
    if (!finite) {
      restoreSums(kept);
      return false;
    }
    for (int a = 0; a < count; a++) {
      present[a] += rows;
      if (unitWeights) {
        // Exact: whole sums below 2^53; every weight so far was 1, so every product was its value.
        weightSum[a] += rows;
        weightedSum[a] = plainSum[a];
      }
    }
    return true;
  }

  /**
   * The key of {@code value} in an order of longs that is Math.min's order of doubles without NaN
   * (-0.0 below +0.0): its bits, the magnitude bits flipped when negative. Flipping again undoes it
   * ({@link #orderedKey(long)}).
   */
  private static long orderedKey(double value) {
    return orderedKey(Double.doubleToRawLongBits(value));
  }

  /**
   * The ordered key of a double's {@code bits}, or the bits of a key: the map is its own inverse.
   */
  private static long orderedKey(long bits) {
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  /** A copy of the sums that {@link #sumRowsAtOnce} changes, in {@link #saved}. */
  private double[] savedSums() {
    int count = numeric.length;
    if (saved == null) {
      saved = new double[5 * count];
    }
    System.arraycopy(weightSum, 0, saved, 0, count);
    System.arraycopy(weightedSum, 0, saved, count, count);
    System.arraycopy(plainSum, 0, saved, 2 * count, count);
    System.arraycopy(min, 0, saved, 3 * count, count);
    System.arraycopy(max, 0, saved, 4 * count, count);
    return saved;
  }

  private void restoreSums(double[] kept) {
    int count = numeric.length;
    System.arraycopy(kept, 0, weightSum, 0, count);
    System.arraycopy(kept, count, weightedSum, 0, count);
    System.arraycopy(kept, 2 * count, plainSum, 0, count);
    System.arraycopy(kept, 3 * count, min, 0, count);
    System.arraycopy(kept, 4 * count, max, 0, count);
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
