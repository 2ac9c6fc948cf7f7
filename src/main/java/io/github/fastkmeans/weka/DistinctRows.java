package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Counts the distinct rows of positive weight of a matrix, up to a limit. */
public final class DistinctRows {

  private DistinctRows() {}

  /**
   * The number of distinct rows of positive weight in {@code data}, or {@code limit} if there are
   * at least that many. Holds at most {@code limit} rows, so it costs one pass and little memory.
   */
  public static int count(DataMatrix data, int limit) {
    Set<Key> seen = new HashSet<>();
    for (int row = 0; row < data.rows() && seen.size() < limit; row++) {
      if (data.weight(row) > 0) {
        seen.add(new Key(data.row(row)));
      }
    }
    return seen.size();
  }

  /** Row values compared by content, with -0.0 and 0.0 (the same point) taken as equal. */
  private static final class Key {
    private final double[] values;
    private final int hash;

    Key(double[] values) {
      for (int i = 0; i < values.length; i++) {
        values[i] += 0.0;
      }
      this.values = values;
      this.hash = Arrays.hashCode(values);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key && Arrays.equals(values, ((Key) other).values);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
