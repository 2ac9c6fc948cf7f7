package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * k distinct rows drawn uniformly at random (rows of zero weight excluded). Rows whose values
 * repeat a centre already drawn are passed over while other rows remain, so duplicates in the data
 * do not become duplicate centres.
 */
public final class RandomRows implements Initializer {

  /** Creates the initializer. */
  public RandomRows() {}

  @Override
  public double[] initialCentres(DataMatrix data, int k, Random random) {
    int[] candidates = rowsWithWeight(data);
    double[] centres = new double[k * data.columns()];
    Set<RowKey> chosen = new HashSet<>();
    int[] passedOver = new int[candidates.length];
    int passedOverCount = 0;
    int found = 0;
    for (int remaining = candidates.length; remaining > 0 && found < k; remaining--) {
      // A partial Fisher-Yates shuffle: each step takes one uniformly drawn row not taken before.
      int pick = random.nextInt(remaining);
      int row = candidates[pick];
      candidates[pick] = candidates[remaining - 1];
      candidates[remaining - 1] = row;
      if (chosen.add(new RowKey(data.row(row)))) {
        Rows.copyRow(data, row, centres, found++);
      } else {
        passedOver[passedOverCount++] = row;
      }
    }
    // Fewer distinct rows than k: fill up with repeats, in the order they were drawn.
    for (int i = 0; found < k; i++) {
      int row =
          i < passedOverCount
              ? passedOver[i]
              : candidates[(i - passedOverCount) % candidates.length];
      Rows.copyRow(data, row, centres, found++);
    }
    return centres;
  }

  private static int[] rowsWithWeight(DataMatrix data) {
    int[] rows = new int[data.rows()];
    int count = 0;
    for (int row = 0; row < data.rows(); row++) {
      if (data.weight(row) > 0) {
        rows[count++] = row;
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException("No row has a positive weight.");
    }
    return Arrays.copyOf(rows, count);
  }

  /** Row values compared by content, with -0.0 and 0.0 (the same point) taken as equal. */
  private static final class RowKey {
    private final double[] values;

    RowKey(double[] values) {
      for (int i = 0; i < values.length; i++) {
        values[i] += 0.0;
      }
      this.values = values;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof RowKey && Arrays.equals(values, ((RowKey) other).values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }
}
