package io.github.fastkmeans.bench;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * The starting rows of SimpleKMeans' random initialisation without running SimpleKMeans (whose
 * build then does a full Lloyd pass on one thread: minutes on the large sets). The draw, as
 * SimpleKMeans makes it: a {@link Random} seeded with the seed walks the rows from the last to the
 * first, picks a row uniformly among those not yet walked, keeps it when no kept row has the same
 * values, and swaps it into the walked part (a partial Fisher-Yates shuffle of the row order),
 * until k rows are kept. The benchmark checks it against SimpleKMeans on every set small enough to
 * run SimpleKMeans.
 */
final class StartRows {

  private StartRows() {}

  /**
   * k distinct rows of {@code data} drawn with {@code seed}, row-major k x d.
   *
   * @throws IllegalStateException when the data hold fewer than k distinct rows
   */
  static double[] draw(Dataset data, int seed) {
    Random random = new Random(seed);
    int[] order = new int[data.rows];
    for (int i = 0; i < data.rows; i++) {
      order[i] = i;
    }
    Set<RowValues> kept = new HashSet<>();
    double[] out = new double[data.k * data.columns];
    int found = 0;
    for (int j = data.rows - 1; j >= 0 && found < data.k; j--) {
      int pick = random.nextInt(j + 1);
      int row = order[pick];
      double[] values =
          Arrays.copyOfRange(data.values, row * data.columns, (row + 1) * data.columns);
      if (kept.add(new RowValues(values))) {
        System.arraycopy(values, 0, out, found * data.columns, data.columns);
        found++;
      }
      order[pick] = order[j];
      order[j] = row;
    }
    if (found < data.k) {
      throw new IllegalStateException(
          data.name + ": only " + found + " distinct rows for k = " + data.k);
    }
    return out;
  }

  /** A row's values as a set element (equal when every value is). */
  private record RowValues(double[] values) {
    @Override
    public boolean equals(Object other) {
      return other instanceof RowValues r && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }
}
