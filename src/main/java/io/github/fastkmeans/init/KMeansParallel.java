package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.engine.WeightedDraw;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.RowChunks;
import io.github.fastkmeans.parallel.StreamSeeds;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * k-means|| ("scalable k-means++"): a few passes that each oversample candidates, then a weighted
 * k-means++ on the candidates alone.
 *
 * <p>The first candidate is a row drawn in proportion to its weight. Each of {@code rounds} rounds
 * then keeps every row independently with probability {@code min(1, l * w * d² / phi)}, where
 * {@code l} is the oversampling factor times k, {@code w} the row's weight, {@code d²} its squared
 * distance to the nearest candidate so far and {@code phi} the sum of {@code w * d²}; rows of zero
 * weight are never kept. Each candidate is then weighted by the total weight of the rows nearest to
 * it (the earliest candidate on a tie) and {@link KMeansPlusPlus} reduces the weighted candidates
 * to k centres. Rounds stop early once {@code phi} is 0: every row then sits on a candidate.
 *
 * <p><b>Fewer candidates than k.</b> If the rounds leave fewer distinct candidates than k while
 * some row is off the candidates, rows are added one at a time by D² sampling (plain k-means++
 * steps on the whole data) until there are k or every row sits on one. When the data hold fewer
 * than k distinct rows of positive weight, the reduction repeats some, as k-means++ does.
 *
 * <p><b>Determinism.</b> Every pass is split into {@link RowChunks}; a chunk's rows are processed
 * in order on one thread and the chunks' partial results (kept rows, potentials, candidate weights)
 * are merged in chunk order. In a round, chunk c draws from its own stream, seeded by a hash of a
 * seed taken from the given random, the round and c ({@link #streamSeed}); nothing random is shared
 * between threads. The centres therefore depend on the given random alone, never on the number of
 * threads, and a distributed runner that processes the same chunks can reproduce them.
 *
 * <p>B. Bahmani, B. Moseley, A. Vattani, R. Kumar, S. Vassilvitskii, "Scalable k-means++", PVLDB
 * 5(7), 2012.
 */
public final class KMeansParallel implements Initializer {

  /** Per-chunk candidate weights held at once are capped at about this many doubles (32 MiB). */
  private static final long WEIGHT_SUMS_BUDGET = 4L << 20;

  private final double oversampling;
  private final int rounds;
  private final int threads;

  /** k-means|| with the default options: oversampling 2 (l = 2k), 5 rounds, one thread. */
  public KMeansParallel() {
    this(InitializerOptions.DEFAULT_OVERSAMPLING, InitializerOptions.DEFAULT_ROUNDS, 1);
  }

  /**
   * k-means|| expecting about {@code oversampling * k} new candidates in each of {@code rounds}
   * rounds, its passes run on {@code threads} threads.
   *
   * @throws IllegalArgumentException naming the option that is out of range
   */
  public KMeansParallel(double oversampling, int rounds, int threads) {
    this.oversampling = InitializerOptions.checkOversampling(oversampling);
    this.rounds = InitializerOptions.checkRounds(rounds);
    this.threads = InitializerOptions.checkThreads(threads);
  }

  @Override
  public double[] initialCentres(DataMatrix data, int k, Random random)
      throws InterruptedException {
    return new KMeansPlusPlus().initialCentres(candidates(data, k, random), k, random);
  }

  /**
   * The candidates as a weighted matrix: distinct rows of {@code data}, each weighted by the total
   * weight of the rows nearest to it; at least k of them unless every row sits on one.
   */
  DataMatrix candidates(DataMatrix data, int k, Random random) throws InterruptedException {
    if (k < 1) {
      throw new IllegalArgumentException("At least one centre is needed, got k = " + k + ".");
    }
    Rows.requirePositiveWeight(data);
    try (ChunkRunner runner = new ChunkRunner(threads)) {
      return new Sampling(data, runner).candidates(k, random);
    }
  }

  /**
   * The seed of chunk {@code chunk}'s stream in round {@code round}: distinct for distinct (round,
   * chunk) under one seed (see {@link StreamSeeds#of}).
   */
  static long streamSeed(long seed, int round, int chunk) {
    return StreamSeeds.of(seed, ((long) round << 32) | (chunk & 0xFFFFFFFFL));
  }

  /** The state of one run; per-row arrays are allocated once and updated by every pass. */
  private final class Sampling {
    private final DataMatrix data;
    private final double[] values;
    private final int columns;
    private final RowChunks chunks;
    private final ChunkRunner runner;

    /** Squared distance of every row to its nearest candidate; unused for rows of zero weight. */
    private final double[] nearest;

    /** Index (into {@code candidateRows}) of every row's nearest candidate; -1 before the first. */
    private final int[] nearestIndex;

    /** The potential of each chunk in the last pass, merged in chunk order. */
    private final double[] chunkPotentials;

    private int[] candidateRows = new int[16];
    private int candidateCount;

    /** Candidates that are the nearest candidate of their own row: those not repeating another. */
    private int distinct;

    Sampling(DataMatrix data, ChunkRunner runner) {
      this.data = data;
      this.values = data.values();
      this.columns = data.columns();
      this.chunks = new RowChunks(data.rows());
      this.runner = runner;
      this.nearest = new double[data.rows()];
      this.nearestIndex = new int[data.rows()];
      Arrays.fill(nearest, Double.POSITIVE_INFINITY);
      Arrays.fill(nearestIndex, -1);
      this.chunkPotentials = new double[chunks.count()];
    }

    DataMatrix candidates(int k, Random random) throws InterruptedException {
      add(WeightedDraw.rowByWeight(data, random));
      long seed = random.nextLong();
      double potential = assignNew(0);
      double expected = oversampling * k;
      for (int round = 0; round < rounds && potential > 0; round++) {
        int from = candidateCount;
        sample(seed, round, expected, potential);
        if (candidateCount > from) {
          potential = assignNew(from);
        }
      }
      while (distinct < k && potential > 0) {
        int from = candidateCount;
        add(drawByPotential(random));
        potential = assignNew(from);
      }
      return weightedCandidates();
    }

    private void add(int row) {
      if (candidateCount == candidateRows.length) {
        candidateRows = Arrays.copyOf(candidateRows, 2 * candidateCount);
      }
      candidateRows[candidateCount++] = row;
    }

    /** One round: every chunk keeps rows with its own stream; kept rows join in chunk order. */
    private void sample(long seed, int round, double expected, double potential)
        throws InterruptedException {
      int[][] kept = new int[chunks.count()][];
      runner.run(
          0,
          chunks.count(),
          (chunk, slot) ->
              kept[chunk] =
                  sampleChunk(chunk, streamSeed(seed, round, chunk), expected, potential));
      for (int[] rows : kept) {
        for (int row : rows) {
          add(row);
        }
      }
    }

    private int[] sampleChunk(int chunk, long streamSeed, double expected, double potential) {
      SplittableRandom stream = new SplittableRandom(streamSeed);
      int start = chunks.start(chunk);
      int[] kept = new int[chunks.end(chunk) - start];
      int count = 0;
      for (int row = start; row < chunks.end(chunk); row++) {
        // A draw for every row, kept or not: a row's draw then depends on its place alone.
        double draw = stream.nextDouble();
        double weight = data.weight(row);
        // The share w * d² / phi is at most 1, so the product cannot overflow; zero weight gives 0.
        if (weight > 0 && draw < expected * (weight * nearest[row] / potential)) {
          kept[count++] = row;
        }
      }
      return Arrays.copyOf(kept, count);
    }

    /**
     * Updates every row's nearest candidate with the candidates from {@code from} on and returns
     * the new potential (the weighted sum of squared distances to the nearest candidates).
     */
    private double assignNew(int from) throws InterruptedException {
      int to = candidateCount;
      int[] rows = candidateRows;
      runner.run(
          0,
          chunks.count(),
          (chunk, slot) -> chunkPotentials[chunk] = assignChunk(chunk, rows, from, to));
      double potential = 0;
      for (double part : chunkPotentials) {
        potential += part;
      }
      for (int j = from; j < to; j++) {
        if (nearestIndex[rows[j]] == j) {
          distinct++;
        }
      }
      return potential;
    }

    private double assignChunk(int chunk, int[] rows, int from, int to) {
      double potential = 0;
      for (int row = chunks.start(chunk); row < chunks.end(chunk); row++) {
        double weight = data.weight(row);
        if (weight == 0) {
          // Weightless rows are never kept and add nothing to any sum: skip their distances.
          continue;
        }
        double best = nearest[row];
        int bestIndex = nearestIndex[row];
        for (int j = from; j < to; j++) {
          double dist =
              SquaredEuclidean.distance(values, row * columns, values, rows[j] * columns, columns);
          // Strictly nearer only, so a tie stays with the earlier candidate; the first candidate is
          // taken even when the distance overflowed.
          if (dist < best || bestIndex < 0) {
            best = dist;
            bestIndex = j;
          }
        }
        nearest[row] = best;
        nearestIndex[row] = bestIndex;
        potential += weight * best;
      }
      return potential;
    }

    /** A row drawn with probability proportional to weight times squared distance (D² sampling). */
    private int drawByPotential(Random random) {
      double[] cumulative = new double[data.rows()];
      double total = 0;
      for (int row = 0; row < cumulative.length; row++) {
        double weight = data.weight(row);
        total += weight == 0 ? 0 : weight * nearest[row];
        cumulative[row] = total;
      }
      return WeightedDraw.index(cumulative, random);
    }

    /**
     * The candidates of positive weight, each weighted by the rows nearest to it. Chunks are summed
     * in batches of slots and the slots merged in chunk order, so every candidate's weight is added
     * up in the same order for any number of threads.
     */
    private DataMatrix weightedCandidates() throws InterruptedException {
      int count = candidateCount;
      double[] weights = new double[count];
      int chunkCount = chunks.count();
      long affordable = Math.max(1, WEIGHT_SUMS_BUDGET / count);
      int batch =
          (int) Math.min(chunkCount, Math.max(threads, Math.min(64L * threads, affordable)));
      double[][] slots = new double[batch][count];
      for (int first = 0; first < chunkCount; first += batch) {
        int end = Math.min(chunkCount, first + batch);
        runner.run(first, end, (chunk, slot) -> sumChunkWeights(chunk, slots[slot]));
        for (int slot = 0; slot < end - first; slot++) {
          for (int j = 0; j < count; j++) {
            weights[j] += slots[slot][j];
          }
        }
      }
      int kept = 0;
      double[] keptValues = new double[count * columns];
      double[] keptWeights = new double[count];
      for (int j = 0; j < count; j++) {
        // Zero for a candidate that repeats an earlier one kept in the same round.
        if (weights[j] > 0) {
          Rows.copyRow(data, candidateRows[j], keptValues, kept);
          keptWeights[kept++] = weights[j];
        }
      }
      return DataMatrix.of(
          kept,
          columns,
          Arrays.copyOf(keptValues, kept * columns),
          Arrays.copyOf(keptWeights, kept));
    }

    private void sumChunkWeights(int chunk, double[] sums) {
      Arrays.fill(sums, 0);
      for (int row = chunks.start(chunk); row < chunks.end(chunk); row++) {
        double weight = data.weight(row);
        if (weight > 0) {
          sums[nearestIndex[row]] += weight;
        }
      }
    }
  }
}
