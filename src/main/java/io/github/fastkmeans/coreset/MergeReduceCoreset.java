package io.github.fastkmeans.coreset;

import io.github.fastkmeans.engine.KMeansSettings;
import io.github.fastkmeans.parallel.CombiningPool;
import io.github.fastkmeans.parallel.StreamSeeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * A weighted summary of a stream of weighted rows in bounded memory, by merge-and-reduce with a
 * large top level: rows fill a bucket; while the top level has room, full buckets join it as they
 * are (the first rows stay exact); after that a full bucket goes to level 0, two buckets of one
 * level are merged and reduced ({@link MicroClusterReduction}) to one bucket of the next, and a
 * bucket carried past the last level is absorbed by the top level: the top level and the bucket are
 * reduced together to the top level's size. The summary is every level's points, so that it holds
 * close to {@code top + (levels + 1) x bucket} points at the end of a stream, never more.
 *
 * <p>The lower levels are Bentley and Saxe's merge-and-reduce (each row passes through at most
 * {@code levels} reductions of two buckets); the top level is StreamKM++'s and BICO's bounded
 * summary of everything older, reduced only once per {@code 2^levels} buckets, so that it can be
 * many buckets large at the cost per row of a few levels.
 *
 * <p>J. L. Bentley, J. B. Saxe, "Decomposable searching problems I: Static-to-dynamic
 * transformation", Journal of Algorithms 1(4), 1980; S. Har-Peled, S. Mazumdar, "On coresets for
 * k-means and k-median clustering", STOC 2004; M. R. Ackermann et al., "StreamKM++: A clustering
 * algorithm for data streams", ACM JEA 17, 2012; H. Fichtenberger et al., "BICO: BIRCH meets
 * coresets for k-means clustering", ESA 2013.
 *
 * <p>Deterministic for a seed: reduction number r draws from stream r of the seed. On more than one
 * thread the reductions run on worker threads while rows keep coming (each as soon as its two
 * inputs are ready, so reductions of different levels run side by side), numbered in the order the
 * rows call for them: the summary is the same, bit for bit, on any number of threads. Close the
 * summary to release the workers.
 */
public final class MergeReduceCoreset implements AutoCloseable {

  /**
   * Reductions waiting or running at once, per thread: a stream that comes faster than it is
   * reduced then waits, holding at most this many reductions' inputs beyond the summary's points.
   */
  private static final int REDUCTIONS_IN_FLIGHT_PER_THREAD = 2;

  /** The names of the reducing threads, followed by their number. */
  public static final String THREAD_NAME = "fastkmeans-summary-";

  private final int columns;
  private final int bucketSize;
  private final int levelCount;
  private final int topSize;
  private final long seed;
  private final double[] bucketValues;
  private final double[] bucketWeights;
  private int bucketCount;

  /**
   * The filling bucket's points by their values, open addressing: entry h holds 1 + the point's
   * position in the bucket, 0 when free. A row equal to one already in the bucket only adds its
   * weight to it, which loses nothing (the same weight at the same place), and files with many
   * equal rows (KDD Cup's repeated connections, skin_segmentation's repeated colours) then fill
   * buckets, and need reductions, several times more slowly.
   */
  private final int[] bucketIndex;

  /** Each level's bucket, ready or being reduced; null where a level is empty. */
  private final List<CompletableFuture<WeightedPoints>> levels = new ArrayList<>();

  /** The top level, ready or being reduced. */
  private CompletableFuture<WeightedPoints> top;

  /** The workers reducing on more than one thread; null on one (reductions on the caller's). */
  private final CombiningPool pool;

  private long rows;
  private long reductions;

  /**
   * An empty summary of rows of {@code columns} values, in buckets of {@code bucketSize} points,
   * with at most {@code maxLevels} levels of merged buckets, the last of which absorbs, reducing on
   * one thread with randomness from {@code seed}.
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
    this(columns, new SummaryShape(bucketSize, maxLevels - 1, bucketSize), seed, threads);
  }

  /**
   * An empty summary of rows of {@code columns} values shaped by {@code shape}, reducing on {@code
   * threads} threads with randomness from {@code seed}; the summary is the same for any number of
   * threads.
   *
   * @throws IllegalArgumentException if a size or the number of threads is out of range
   */
  public MergeReduceCoreset(int columns, SummaryShape shape, long seed, int threads) {
    if (columns < 0 || shape.bucket() < 1 || shape.levels() < 0 || shape.top() < shape.bucket()) {
      throw new IllegalArgumentException(
          "A coreset needs buckets, levels and a top level of at least a bucket: columns "
              + columns
              + ", bucket "
              + shape.bucket()
              + ", levels "
              + (shape.levels() + 1)
              + ", top "
              + shape.top());
    }
    this.columns = columns;
    this.bucketSize = shape.bucket();
    this.levelCount = shape.levels();
    this.topSize = shape.top();
    this.seed = seed;
    KMeansSettings.THREADS.check("The number of threads", threads);
    this.pool =
        threads == 1
            ? null
            : new CombiningPool(THREAD_NAME, threads, REDUCTIONS_IN_FLIGHT_PER_THREAD * threads);
    this.bucketValues = new double[bucketSize * columns];
    this.bucketWeights = new double[bucketSize];
    this.bucketIndex = new int[Integer.highestOneBit(Math.max(1, bucketSize)) * 4];
    this.top =
        CompletableFuture.completedFuture(
            new WeightedPoints(columns, new double[0], new double[0], 0));
  }

  /** The most points the summary holds at once. */
  public long capacity() {
    return (long) topSize + (long) (levelCount + 1) * bucketSize;
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
    rows++;
    int hash = 1;
    for (int j = 0; j < columns; j++) {
      // Adding 0.0 turns -0.0 into 0.0, the same point, and leaves every other value as it is.
      long bits = Double.doubleToLongBits(values[offset + j] + 0.0);
      hash = 31 * hash + (int) (bits ^ (bits >>> 32));
    }
    int mask = bucketIndex.length - 1;
    int at = (hash ^ (hash >>> 16)) & mask;
    while (bucketIndex[at] != 0) {
      int point = bucketIndex[at] - 1;
      if (sameValues(values, offset, point)) {
        bucketWeights[point] += weight;
        return;
      }
      at = (at + 1) & mask;
    }
    bucketIndex[at] = bucketCount + 1;
    System.arraycopy(values, offset, bucketValues, bucketCount * columns, columns);
    bucketWeights[bucketCount++] = weight;
    if (bucketCount == bucketSize) {
      Arrays.fill(bucketIndex, 0);
      WeightedPoints full =
          new WeightedPoints(columns, bucketValues.clone(), bucketWeights.clone(), bucketCount);
      bucketCount = 0;
      // Rows join the top level as they are while it has room and nothing was carried yet (it is
      // then ready): nothing is lost yet.
      WeightedPoints exactTop = nothingCarried() ? top.join() : null;
      if (exactTop != null && exactTop.count() + full.count() <= topSize) {
        top = CompletableFuture.completedFuture(WeightedPoints.concat(columns, exactTop, full));
      } else {
        carry(CompletableFuture.completedFuture(full));
      }
    }
  }

  /** Whether the row at {@code values[offset ..]} equals point {@code point} of the bucket. */
  private boolean sameValues(double[] values, int offset, int point) {
    for (int j = 0; j < columns; j++) {
      if (values[offset + j] + 0.0 != bucketValues[point * columns + j] + 0.0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether no bucket was carried yet: the first carry puts a bucket on a level or, without levels,
   * reduces the top.
   */
  private boolean nothingCarried() {
    return levels.isEmpty() && reductions == 0;
  }

  /** Puts {@code bucket} on level 0, merging upwards while a level is taken, the top absorbing. */
  private void carry(CompletableFuture<WeightedPoints> bucket) throws InterruptedException {
    CompletableFuture<WeightedPoints> carried = bucket;
    for (int level = 0; level < levelCount; level++) {
      if (level == levels.size()) {
        levels.add(null);
      }
      CompletableFuture<WeightedPoints> there = levels.get(level);
      if (there == null) {
        levels.set(level, carried);
        return;
      }
      levels.set(level, null);
      carried = reduced(there, carried, bucketSize);
    }
    // The top level absorbs: memory stays bounded however long the stream is.
    top = reduced(top, carried, topSize);
  }

  /**
   * The reduction of {@code older} and {@code newer} together to at most {@code size} points: now
   * on one thread, else on a worker once both are ready. Numbered here, in the order the rows call
   * for reductions, whatever order the workers finish them in.
   */
  private CompletableFuture<WeightedPoints> reduced(
      CompletableFuture<WeightedPoints> older, CompletableFuture<WeightedPoints> newer, int size)
      throws InterruptedException {
    long number = reductions++;
    CombiningPool.Combination<WeightedPoints> reduction =
        (first, second) ->
            MicroClusterReduction.reduce(
                WeightedPoints.concat(columns, first, second),
                size,
                new Random(StreamSeeds.of(seed, number)),
                // Other reductions run beside it: one thread each keeps the cores busy.
                1);
    if (pool == null) {
      return CompletableFuture.completedFuture(reduction.apply(older.join(), newer.join()));
    }
    return pool.combine(older, newer, reduction);
  }

  /**
   * The summary now: the top level's points, every level's, then the bucket being filled; waits for
   * the reductions under way.
   *
   * @throws InterruptedException if the calling thread is interrupted while it waits, or a
   *     reduction was
   */
  public WeightedPoints points() throws InterruptedException {
    List<WeightedPoints> parts = new ArrayList<>();
    parts.add(CombiningPool.result(top));
    for (int level = levels.size() - 1; level >= 0; level--) {
      if (levels.get(level) != null) {
        parts.add(CombiningPool.result(levels.get(level)));
      }
    }
    parts.add(new WeightedPoints(columns, bucketValues, bucketWeights, bucketCount));
    return WeightedPoints.concat(columns, parts.toArray(new WeightedPoints[0]));
  }

  /** Stops the reductions under way and releases the worker threads; the summary is lost. */
  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }
}
