package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.RowKey;
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
    Set<RowKey> seen = new HashSet<>();
    for (int row = 0; row < data.rows() && seen.size() < limit; row++) {
      if (data.weight(row) > 0) {
        seen.add(RowKey.of(data, row));
      }
    }
    return seen.size();
  }
}
