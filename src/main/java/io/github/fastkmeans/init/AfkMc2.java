package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.engine.WeightedDraw;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.Interruption;
import io.github.fastkmeans.parallel.RowChunks;
import java.util.Arrays;
import java.util.Random;

/**
 * AFK-MC² (assumption-free k-MC²): k-means++ seeding with each D² draw replaced by a short
 * Metropolis-Hastings chain, so that a centre costs {@code m} distance lookups instead of a pass
 * over the data.
 *
 * <p>The first centre c₁ is a row drawn in proportion to its weight. One pass then fixes the
 * proposal {@code q(x) = 1/2 * w(x) d(x, c₁)² / sum(w d(., c₁)²) + 1/2 * w(x) / W}, with {@code W}
 * the total weight; rows of zero weight have {@code q = 0} and are never proposed. Each further
 * centre is the last state of a chain of {@code m} proposals drawn from {@code q}: the first is
 * taken, and each next one, y, replaces the current state x with probability {@code min(1, (w(y)
 * d(y, C)² q(x)) / (w(x) d(x, C)² q(y)))}, where d(., C)² is the squared distance to the centres
 * chosen so far. The chain's target is thus the weighted D² distribution of k-means++. A state at
 * distance 0 (on a centre) is left for any proposal off the centres.
 *
 * <p>Squared distances that overflow (possible only for extreme magnitudes) would make {@code q}
 * undefined; the proposal then falls back to weight alone, {@code q = w / W}, which keeps the chain
 * valid if slower to mix. All randomness comes from the given random, in a fixed order, so a seed
 * fixes the centres.
 *
 * <p>O. Bachem, M. Lucic, S. H. Hassani, A. Krause, "Fast and Provably Good Seedings for k-Means",
 * NeurIPS 2016.
 */
public final class AfkMc2 implements Initializer {

  /** Chunks of rows per thread below which the first pass uses fewer threads. */
  private static final int CHUNKS_PER_THREAD = 4;

  private final int chainLength;
  private final int threads;

  /** AFK-MC² with the default chain length, 200, on one thread. */
  public AfkMc2() {
    this(InitializerOptions.DEFAULT_CHAIN_LENGTH, 1);
  }

  /**
   * AFK-MC² with chains of {@code chainLength} proposals per centre, whose one pass over the data
   * (the distances to the first centre) runs on {@code threads} threads; the chains, which read a
   * few rows each, run on the calling thread. The centres do not depend on the thread count.
   *
   * @throws IllegalArgumentException naming the chain length when it is below 1, or the thread
   *     count when it is below 1
   */
  public AfkMc2(int chainLength, int threads) {
    this.chainLength = InitializerOptions.checkChainLength(chainLength);
    this.threads = InitializerOptions.checkThreads(threads);
  }

  @Override
  public double[] initialCentres(DataMatrix data, int k, Random random)
      throws InterruptedException {
    if (k < 1) {
      throw new IllegalArgumentException("At least one centre is needed, got k = " + k + ".");
    }
    Rows.requirePositiveWeight(data);
    double[] centres = new double[k * data.columns()];
    Rows.copyRow(data, WeightedDraw.rowByWeight(data, random), centres, 0);
    if (k == 1) {
      return centres;
    }
    Chain chain;
    try (ChunkRunner runner =
        new ChunkRunner(new RowChunks(data.rows()).threadsFor(threads, CHUNKS_PER_THREAD))) {
      chain = new Chain(data, centres, runner);
    }
    for (int c = 1; c < k; c++) {
      Interruption.check("AFK-MC2 seeding");
      Rows.copyRow(data, chain.run(c, chainLength, random), centres, c);
    }
    return centres;
  }

  /** The proposal and, per row, the distance to the centres checked so far (filled lazily). */
  private static final class Chain {
    private final DataMatrix data;
    private final double[] centres;
    private final double[] proposal;
    private final double[] cumulative;

    /** Squared distance of a row to its nearest among the first {@code checked[row]} centres. */
    private final double[] nearest;

    private final int[] checked;

    Chain(DataMatrix data, double[] centres, ChunkRunner runner) throws InterruptedException {
      this.data = data;
      this.centres = centres;
      int rows = data.rows();
      this.nearest = new double[rows];
      Rows.distancesTo(data, centres, 0, nearest, runner);
      // The sums below stay in row order on this thread: the same proposal for any thread count.
      this.checked = new int[rows];
      Arrays.fill(checked, 1);
      double totalWeight = data.totalWeight();
      double potential = 0;
      for (int row = 0; row < rows; row++) {
        potential += data.weight(row) * nearest[row];
      }
      boolean useDistances = potential > 0 && Double.isFinite(potential);
      this.proposal = new double[rows];
      this.cumulative = new double[rows];
      double total = 0;
      for (int row = 0; row < rows; row++) {
        double weight = data.weight(row);
        double byDistance = useDistances ? weight * nearest[row] / potential : 0;
        // Without distances (all rows on c1, or overflow) the uniform half is the whole proposal.
        proposal[row] =
            useDistances ? 0.5 * byDistance + 0.5 * weight / totalWeight : weight / totalWeight;
        total += proposal[row];
        cumulative[row] = total;
      }
    }

    /** The last state of a chain of {@code length} proposals for centre {@code centre}. */
    int run(int centre, int length, Random random) {
      int state = WeightedDraw.index(cumulative, random);
      double stateTarget = target(state, centre);
      for (int step = 1; step < length; step++) {
        int candidate = WeightedDraw.index(cumulative, random);
        double candidateTarget = target(candidate, centre);
        // Metropolis-Hastings in product form: no division, so a state of target 0 is left for any
        // candidate of positive target, and two of target 0 keep the state.
        if (candidateTarget * proposal[state]
            > random.nextDouble() * stateTarget * proposal[candidate]) {
          state = candidate;
          stateTarget = candidateTarget;
        }
      }
      return state;
    }

    /** The unnormalised target of {@code row}: weight times squared distance to the centres. */
    private double target(int row, int centre) {
      int columns = data.columns();
      double best = nearest[row];
      for (int c = checked[row]; c < centre; c++) {
        best =
            Math.min(
                best,
                SquaredEuclidean.distance(
                    data.values(), row * columns, centres, c * columns, columns));
      }
      nearest[row] = best;
      checked[row] = centre;
      return data.weight(row) * best;
    }
  }
}
