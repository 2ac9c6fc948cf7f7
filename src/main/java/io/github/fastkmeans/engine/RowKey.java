package io.github.fastkmeans.engine;

import java.util.Arrays;

/**
 * The values of one row of a matrix as a key of hash sets and maps: two keys are equal when their
 * rows hold the same values, -0.0 and 0.0 (the same point) taken as equal.
 */
public final class RowKey {

  private final double[] values;
  private final int hash;

  private RowKey(double[] values) {
    this.values = values;
    this.hash = Arrays.hashCode(values);
  }

  /** The key of row {@code row} of {@code data}. */
  public static RowKey of(DataMatrix data, int row) {
    double[] values = data.row(row);
    for (int i = 0; i < values.length; i++) {
      // Adding 0.0 turns -0.0 into 0.0 and leaves every other value as it is.
      values[i] += 0.0;
    }
    return new RowKey(values);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RowKey && Arrays.equals(values, ((RowKey) other).values);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
