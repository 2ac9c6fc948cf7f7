package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.engine.WeightedDraw;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.Interruption;
import io.github.fastkmeans.parallel.RowChunks;
import java.util.Random;

/**
 * Greedy k-means++ seeding: the first centre is a row drawn in proportion to its weight; each
 * further centre is the best of {@code 2 + floor(ln k)} candidates, each drawn with probability
 * proportional to weight times squared distance to the nearest centre so far (D² sampling), the
 * best being the one that leaves the lowest weighted potential.
 *
 * <p>D. Arthur, S. Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007. The
 * greedy trials follow scikit-learn's implementation.
 *
 * <p><b>Threads.</b> Each trial's distances are computed on all threads, chunk by chunk, up to
 * {@link #CANDIDATES_PER_PASS} trials in one pass over the data; each trial's potential is then
 * summed on one thread in row order, so the centres do not depend on the number of threads (and are
 * those of a single-threaded run of one trial per pass, bit for bit).
 */
public final class KMeansPlusPlus implements Initializer {

  /** Chunks of rows per thread below which fewer threads are used. */
  private static final int CHUNKS_PER_THREAD = 4;

  /**
   * Trials measured in one pass over the data: each row is then read once for several candidates,
   * where a pass per trial reads the whole matrix again each time (a pass is bound by memory
   * bandwidth on large data, which a second thread does not double). Each costs a per-row array.
   */
  static final int CANDIDATES_PER_PASS = 3;

  private final int threads;

  /** Creates the initializer, running on one thread. */
  public KMeansPlusPlus() {
    this(1);
  }

  /**
   * Creates the initializer, computing distances on {@code threads} threads.
   *
   * @throws IllegalArgumentException if {@code threads} is below 1
   */
  public KMeansPlusPlus(int threads) {
    this.threads = InitializerOptions.checkThreads(threads);
  }

  /** The number of candidates tried for each centre after the first. */
  public static int trials(int k) {
    return 2 + (int) Math.floor(Math.log(k));
  }

  @Override
  public double[] initialCentres(DataMatrix data, int k, Random random)
      throws InterruptedException {
    Rows.requirePositiveWeight(data);
    double[] centres = new double[k * data.columns()];
    Rows.copyRow(data, WeightedDraw.rowByWeight(data, random), centres, 0);
    RowChunks chunks = new RowChunks(data.rows());
    try (ChunkRunner runner = new ChunkRunner(chunks.threadsFor(threads, CHUNKS_PER_THREAD))) {
      return remainingCentres(data, k, random, centres, chunks, runner);
    }
  }

  /** Chooses centres 1 to k - 1 after the first, already in {@code centres}. */
  private static double[] remainingCentres(
      DataMatrix data, int k, Random random, double[] centres, RowChunks chunks, ChunkRunner runner)
      throws InterruptedException {
    int rows = data.rows();
    int columns = data.columns();
    double[] values = data.values();
    double[] nearest = new double[rows];
    double[] first = nearest;
    runner.run(
        0,
        chunks.count(),
        (chunk, slot) -> {
          for (int row = chunks.start(chunk); row < chunks.end(chunk); row++) {
            first[row] = SquaredEuclidean.distance(values, row * columns, centres, 0, columns);
          }
        });
    double[] cumulative = new double[rows];
    double[][] closest = new double[CANDIDATES_PER_PASS][rows];
    double[] bestNearest = new double[rows];
    int trials = trials(k);
    for (int c = 1; c < k; c++) {
      double potential = 0;
      for (int row = 0; row < rows; row++) {
        potential += data.weight(row) * nearest[row];
        cumulative[row] = potential;
      }
      if (!(potential > 0)) {
        // Every weighted row already sits on a centre: only repeats are left to choose.
        Rows.copyRow(data, WeightedDraw.rowByWeight(data, random), centres, c);
        continue;
      }
      int bestRow = -1;
      double bestPotential = Double.POSITIVE_INFINITY;
      for (int trial = 0; trial < trials; trial += CANDIDATES_PER_PASS) {
        // Each pass over the data: where an interrupt is seen within a pass's time.
        Interruption.check("k-means++");
        int group = Math.min(CANDIDATES_PER_PASS, trials - trial);
        // The draws come first, in trial order, as they would one trial at a time: nothing else
        // takes from the random between them.
        int[] candidates = new int[group];
        for (int g = 0; g < group; g++) {
          candidates[g] = WeightedDraw.index(cumulative, random);
        }
        double[] current = nearest;
        runner.run(
            0,
            chunks.count(),
            (chunk, slot) -> {
              for (int row = chunks.start(chunk); row < chunks.end(chunk); row++) {
                int offset = row * columns;
                double near = current[row];
                for (int g = 0; g < group; g++) {
                  double dist =
                      SquaredEuclidean.distance(
                          values, offset, values, candidates[g] * columns, columns);
                  closest[g][row] = Math.min(near, dist);
                }
              }
            });
        for (int g = 0; g < group; g++) {
          // Summed in row order on this thread: the same potential for any number of threads.
          double candidatePotential = 0;
          double[] distances = closest[g];
          for (int row = 0; row < rows; row++) {
            candidatePotential += data.weight(row) * distances[row];
          }
          // The first candidate is taken even if its potential overflowed to infinity.
          if (bestRow < 0 || candidatePotential < bestPotential) {
            bestPotential = candidatePotential;
            bestRow = candidates[g];
            closest[g] = bestNearest;
            bestNearest = distances;
          }
        }
      }
      Rows.copyRow(data, bestRow, centres, c);
      double[] swap = nearest;
      nearest = bestNearest;
      bestNearest = swap;
    }
    return centres;
  }
}
