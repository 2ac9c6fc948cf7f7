package io.github.fastkmeans.weka;

import java.util.Arrays;

/** The smallest and largest value of every column of a row-major matrix (or of several). */
public final class ColumnRanges {

  private final double[] min;
  private final double[] max;
  private boolean sawNonFinite;

  /** Empty ranges of {@code columns} columns, widened by {@link #widen}. */
  public ColumnRanges(int columns) {
    min = new double[columns];
    max = new double[columns];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
  }

  /** The ranges of the row-major {@code values} with {@code columns} columns. */
  public static ColumnRanges of(double[] values, int columns) {
    return of(values, 0, values.length, columns);
  }

  /**
   * The ranges of the rows of the row-major {@code values} with {@code columns} columns from index
   * {@code from} (a row's first) to {@code to}; a value that is not finite leaves them not {@link
   * #allFinite}.
   */
  public static ColumnRanges of(double[] values, int from, int to, int columns) {
    ColumnRanges ranges = new ColumnRanges(columns);
    ranges.widen(values, from, to);
    return ranges;
  }

  /** Whether every value seen was finite: true for no values at all. */
  public boolean allFinite() {
    return !sawNonFinite;
  }

  /** A copy, to widen without changing these. */
  public ColumnRanges copy() {
    ColumnRanges copy = new ColumnRanges(min.length);
    copy.widen(this);
    return copy;
  }

  /** The number of columns. */
  public int columns() {
    return min.length;
  }

  /** The smallest value of a column; +infinity while none has been seen. */
  public double min(int column) {
    return min[column];
  }

  /** The largest value of a column; -infinity while none has been seen. */
  public double max(int column) {
    return max[column];
  }

  /** Widens one column's range to {@code value}; NaN widens nothing, but is remembered. */
  void widen(int column, double value) {
    if (value < min[column]) {
      min[column] = value;
    }
    if (value > max[column]) {
      max[column] = value;
    }
    sawNonFinite |= !Double.isFinite(value);
  }

  /**
   * Widens the ranges to the rows of the row-major {@code values} from index {@code from} (a row's
   * first) to {@code to}; row by row, column by column, since a division to find each value's
   * column would cost more than the comparisons.
   */
  public void widen(double[] values, int from, int to) {
    int columns = min.length;
    for (int base = from; base < to; base += columns) {
      for (int j = 0; j < columns; j++) {
        widen(j, values[base + j]);
      }
    }
  }

  /** Widens the ranges to {@code other}'s. */
  public void widen(ColumnRanges other) {
    sawNonFinite |= other.sawNonFinite;
    for (int j = 0; j < min.length; j++) {
      min[j] = Math.min(min[j], other.min[j]);
      max[j] = Math.max(max[j], other.max[j]);
    }
  }
}
