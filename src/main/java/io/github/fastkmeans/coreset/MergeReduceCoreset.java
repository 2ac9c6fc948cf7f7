package io.github.fastkmeans.coreset;

import io.github.fastkmeans.engine.KMeansSettings;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.StreamSeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A weighted summary of a stream of weighted rows in bounded memory, by merge-and-reduce: rows fill
 * a bucket; a full bucket goes to level 0, and two buckets of one level are merged and reduced
 * ({@link MicroClusterReduction}) to one bucket of the next, so that a row passes through about
 * log2(rows / bucket) reductions. The number of levels is capped: the top level absorbs what would
 * go beyond it, so that the summary never holds more than {@code (levels + 1) x bucket} points
 * whatever the length of the stream.
 *
 * <p>J. L. Bentley, J. B. Saxe, "Decomposable searching problems I: Static-to-dynamic
 * transformation", Journal of Algorithms 1(4), 1980; S. Har-Peled, S. Mazumdar, "On coresets for
 * k-means and k-median clustering", STOC 2004.
 *
 * <p>Deterministic for a seed: reduction number r draws from stream r of the seed.
 */
public final class MergeReduceCoreset {

  private final int columns;
  private final int bucketSize;
  private final int maxLevels;
  private final long seed;
  private final int threads;
  private final double[] bucketValues;
  private final double[] bucketWeights;
  private int bucketCount;
  private final List<WeightedPoints> levels = new ArrayList<>();
  private long rows;
  private long reductions;

  /**
   * An empty summary of rows of {@code columns} values, in buckets of {@code bucketSize} points,
   * with at most {@code maxLevels} levels of merged buckets, reducing on one thread with randomness
   * from {@code seed}.
   *
   * @throws IllegalArgumentException if a size is below 1
   */
  public MergeReduceCoreset(int columns, int bucketSize, int maxLevels, long seed) {
    this(columns, bucketSize, maxLevels, seed, 1);
  }

  /**
   * As {@link #MergeReduceCoreset(int, int, int, long)}, reducing on {@code threads} threads; the
   * summary is the same for any number of threads.
   *
   * @throws IllegalArgumentException if a size or the number of threads is below 1
   */
  public MergeReduceCoreset(int columns, int bucketSize, int maxLevels, long seed, int threads) {
    if (columns < 0 || bucketSize < 1 || maxLevels < 1) {
      throw new IllegalArgumentException(
          "A coreset needs buckets and levels: columns "
              + columns
              + ", bucket "
              + bucketSize
              + ", levels "
              + maxLevels);
    }
    this.columns = columns;
    this.bucketSize = bucketSize;
    this.maxLevels = maxLevels;
    this.seed = seed;
    this.threads = KMeansSettings.THREADS.check("The number of threads", threads);
    this.bucketValues = new double[bucketSize * columns];
    this.bucketWeights = new double[bucketSize];
  }

  /** The most points the summary holds at once. */
  public long capacity() {
    return (long) (maxLevels + 1) * bucketSize;
  }

  /** The number of rows added. */
  public long rows() {
    return rows;
  }

  /**
   * Adds a row of {@link #columns} values read from {@code values[offset ..]} with {@code weight}.
   *
   * @throws InterruptedException if the calling thread is interrupted during a reduction
   */
  public void add(double[] values, int offset, double weight) throws InterruptedException {
    System.arraycopy(values, offset, bucketValues, bucketCount * columns, columns);
    bucketWeights[bucketCount++] = weight;
    rows++;
    if (bucketCount == bucketSize) {
      WeightedPoints full =
          new WeightedPoints(columns, bucketValues.clone(), bucketWeights.clone(), bucketCount);
      bucketCount = 0;
      carry(full);
    }
  }

  /** Puts {@code bucket} on level 0, merging upwards while a level is taken. */
  private void carry(WeightedPoints bucket) throws InterruptedException {
    WeightedPoints carried = bucket;
    for (int level = 0; ; level++) {
      if (level == levels.size()) {
        levels.add(null);
      }
      WeightedPoints there = levels.get(level);
      if (there == null) {
        levels.set(level, carried);
        return;
      }
      WeightedPoints merged = reduce(WeightedPoints.concat(columns, there, carried));
      if (level == maxLevels - 1) {
        // The top level absorbs: memory stays bounded however long the stream is.
        levels.set(level, merged);
        return;
      }
      levels.set(level, null);
      carried = merged;
    }
  }

  private WeightedPoints reduce(WeightedPoints points) throws InterruptedException {
    Random random = new Random(StreamSeeds.of(seed, reductions++));
    // A pool per reduction: a stream may be dropped without an end, and must leave no thread.
    try (ChunkRunner runner = new ChunkRunner(threads)) {
      return MicroClusterReduction.reduce(points, bucketSize, random, runner);
    }
  }

  /** The summary now: every level's points, then the rows of the bucket being filled. */
  public WeightedPoints points() {
    List<WeightedPoints> parts = new ArrayList<>();
    for (int level = levels.size() - 1; level >= 0; level--) {
      if (levels.get(level) != null) {
        parts.add(levels.get(level));
      }
    }
    parts.add(new WeightedPoints(columns, bucketValues, bucketWeights, bucketCount));
    return WeightedPoints.concat(columns, parts.toArray(new WeightedPoints[0]));
  }
}
