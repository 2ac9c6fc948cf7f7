package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.RowChunks;
import java.util.Arrays;

/** Small helpers the initializers share. */
final class Rows {

  private Rows() {}

  /**
   * Returns if some row of {@code data} has a positive weight.
   *
   * @throws IllegalArgumentException if none has: no row can then be a centre
   */
  static void requirePositiveWeight(DataMatrix data) {
    if (!(data.totalWeight() > 0)) {
      throw new IllegalArgumentException("No row has a positive weight.");
    }
  }

  /** The rows of positive weight of {@code data}, in row order. */
  static int[] withPositiveWeight(DataMatrix data) {
    int[] rows = new int[data.rows()];
    int count = 0;
    for (int row = 0; row < data.rows(); row++) {
      if (data.weight(row) > 0) {
        rows[count++] = row;
      }
    }
    return Arrays.copyOf(rows, count);
  }

  /** Copies row {@code row} of {@code data} into centre {@code centre} of {@code centres}. */
  static void copyRow(DataMatrix data, int row, double[] centres, int centre) {
    int columns = data.columns();
    System.arraycopy(data.values(), row * columns, centres, centre * columns, columns);
  }

  /**
   * Squared distance from every row to centre {@code centre} of {@code centres}, written to {@code
   * out} (length rows), chunk by chunk on {@code runner}'s threads: each row's distance is computed
   * alone, so the values do not depend on the thread count.
   *
   * @throws InterruptedException if the calling thread is interrupted
   */
  static void distancesTo(
      DataMatrix data, double[] centres, int centre, double[] out, ChunkRunner runner)
      throws InterruptedException {
    int columns = data.columns();
    double[] values = data.values();
    RowChunks chunks = new RowChunks(data.rows());
    runner.run(
        0,
        chunks.count(),
        (chunk, slot) -> {
          for (int row = chunks.start(chunk); row < chunks.end(chunk); row++) {
            out[row] =
                SquaredEuclidean.distance(
                    values, row * columns, centres, centre * columns, columns);
          }
        });
  }
}
