package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.Interruption;
import io.github.fastkmeans.parallel.RowChunks;
import java.util.Arrays;
import java.util.Random;

/**
 * Farthest-first traversal: the first centre is a row of positive weight drawn uniformly; each
 * further centre is the row of positive weight farthest from its nearest centre so far (the lowest
 * row on a tie).
 *
 * <p>D. S. Hochbaum, D. B. Shmoys, "A best possible heuristic for the k-center problem",
 * Mathematics of Operations Research 10(2), 1985.
 */
public final class FarthestFirst implements Initializer {

  /** Chunks of rows per thread below which fewer threads are used. */
  private static final int CHUNKS_PER_THREAD = 4;

  private final int threads;

  /** Creates the initializer, running on one thread. */
  public FarthestFirst() {
    this(1);
  }

  /**
   * Creates the initializer, computing distances on {@code threads} threads; the centres are the
   * same for any number.
   *
   * @throws IllegalArgumentException if {@code threads} is below 1
   */
  public FarthestFirst(int threads) {
    this.threads = InitializerOptions.checkThreads(threads);
  }

  @Override
  public double[] initialCentres(DataMatrix data, int k, Random random)
      throws InterruptedException {
    int rows = data.rows();
    Rows.requirePositiveWeight(data);
    int[] weighted = Rows.withPositiveWeight(data);
    double[] centres = new double[k * data.columns()];
    int first = weighted[random.nextInt(weighted.length)];
    Rows.copyRow(data, first, centres, 0);

    double[] nearest = new double[rows];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    RowChunks chunks = new RowChunks(rows);
    try (ChunkRunner runner = new ChunkRunner(chunks.threadsFor(threads, CHUNKS_PER_THREAD))) {
      lowerTo(data, centres, 0, nearest, chunks, runner);
      for (int c = 1; c < k; c++) {
        chooseNext(data, centres, c, nearest);
        lowerTo(data, centres, c, nearest, chunks, runner);
      }
    }
    return centres;
  }

  /** Copies into centre {@code c} the row of positive weight farthest from its nearest centre. */
  private static void chooseNext(DataMatrix data, double[] centres, int c, double[] nearest)
      throws InterruptedException {
    int rows = data.rows();
    Interruption.check("Farthest-first seeding");
    int farthest = -1;
    for (int row = 0; row < rows; row++) {
      if (data.weight(row) > 0 && (farthest < 0 || nearest[row] > nearest[farthest])) {
        farthest = row;
      }
    }
    Rows.copyRow(data, farthest, centres, c);
  }

  /**
   * Lowers every row's {@code nearest} distance to its distance to centre {@code c}, on the
   * runner's threads (each row on one thread: the same for any number of threads).
   */
  private static void lowerTo(
      DataMatrix data,
      double[] centres,
      int c,
      double[] nearest,
      RowChunks chunks,
      ChunkRunner runner)
      throws InterruptedException {
    int columns = data.columns();
    double[] values = data.values();
    runner.run(
        0,
        chunks.count(),
        (chunk, slot) -> {
          for (int row = chunks.start(chunk); row < chunks.end(chunk); row++) {
            double distance =
                SquaredEuclidean.distance(values, row * columns, centres, c * columns, columns);
            nearest[row] = Math.min(nearest[row], distance);
          }
        });
  }
}
