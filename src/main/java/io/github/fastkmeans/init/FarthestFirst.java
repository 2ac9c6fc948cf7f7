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
 * <p>Each pass lowers every row's distance to its nearest centre and finds each chunk's farthest
 * row on all threads; a row is left unmeasured where the triangle inequality proves the new centre
 * no nearer than its own, so the centres are those of measuring every distance, bit for bit.
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
    int columns = data.columns();
    Rows.requirePositiveWeight(data);
    int[] weighted = Rows.withPositiveWeight(data);
    double[] centres = new double[k * columns];
    int first = weighted[random.nextInt(weighted.length)];
    Rows.copyRow(data, first, centres, 0);

    double[] nearest = new double[rows];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    // The centre each row's nearest distance was measured to: all start at centre 0.
    int[] owner = new int[rows];
    RowChunks chunks = new RowChunks(rows);
    int[] chunkFarthest = new int[chunks.count()];
    // Each earlier centre's distance to the newest.
    double[] reach = new double[k];
    try (ChunkRunner runner = new ChunkRunner(chunks.threadsFor(threads, CHUNKS_PER_THREAD))) {
      for (int c = 0; c < k; c++) {
        if (c > 0) {
          Rows.copyRow(data, farthest(nearest, chunkFarthest), centres, c);
        }
        Interruption.check("Farthest-first seeding");
        for (int j = 0; j < c; j++) {
          reach[j] = SquaredEuclidean.distance(centres, c * columns, centres, j * columns, columns);
        }
        lowerTo(data, centres, c, reach, nearest, owner, chunkFarthest, chunks, runner);
      }
    }
    return centres;
  }

  /**
   * The row of positive weight farthest from its nearest centre, the lowest on a tie, from each
   * chunk's farthest row (-1 for a chunk without weight), taken in chunk order.
   */
  private static int farthest(double[] nearest, int[] chunkFarthest) {
    int farthest = -1;
    for (int row : chunkFarthest) {
      if (row >= 0 && (farthest < 0 || nearest[row] > nearest[farthest])) {
        farthest = row;
      }
    }
    return farthest;
  }

  /**
   * Lowers every row's {@code nearest} distance to its distance to centre {@code c} and notes each
   * chunk's farthest row of positive weight, on the runner's threads (each row on one thread: the
   * same for any number of threads). A row whose centre is far enough from centre c ({@code reach},
   * {@link SquaredEuclidean#TRIANGLE_FACTOR}) keeps its distance unmeasured: c cannot be nearer, as
   * measured, so the distances are those of measuring every one, bit for bit (Elkan's test, as
   * {@link KMeansPlusPlus} applies it).
   */
  private static void lowerTo(
      DataMatrix data,
      double[] centres,
      int c,
      double[] reach,
      double[] nearest,
      int[] owner,
      int[] chunkFarthest,
      RowChunks chunks,
      ChunkRunner runner)
      throws InterruptedException {
    int columns = data.columns();
    double[] values = data.values();
    runner.run(
        0,
        chunks.count(),
        (chunk, slot) -> {
          int farthest = -1;
          for (int row = chunks.start(chunk); row < chunks.end(chunk); row++) {
            double near = nearest[row];
            // An overflowed (or not yet measured) distance proves nothing: measure.
            boolean provable = near < Double.POSITIVE_INFINITY;
            if (!(provable && reach[owner[row]] >= SquaredEuclidean.TRIANGLE_FACTOR * near)) {
              double distance =
                  SquaredEuclidean.distance(values, row * columns, centres, c * columns, columns);
              if (distance < near) {
                nearest[row] = distance;
                owner[row] = c;
              }
            }
            if (data.weight(row) > 0 && (farthest < 0 || nearest[row] > nearest[farthest])) {
              farthest = row;
            }
          }
          chunkFarthest[chunk] = farthest;
        });
  }
}
