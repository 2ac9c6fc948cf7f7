package io.github.fastkmeans.coreset;

import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.engine.WeightedDraw;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.Interruption;
import java.util.Random;

/**
 * Reduces weighted points to at most a given number of weighted points: representatives are drawn
 * by weighted k-means++ D² sampling (StreamKM++'s reduction), refined by a few weighted Lloyd
 * iterations (each point joins its nearest representative, each representative moves to its group's
 * weighted mean), and each group is replaced by its weighted mean carrying the group's total
 * weight. Weighted means keep each group's total weight and first moment exactly, so a k-means
 * centre fitted to groups that lie in one of its clusters is where the points themselves would put
 * it; only the spread inside each group is lost from the squared error.
 *
 * <p>M. R. Ackermann, M. Märtens, C. Raupach, K. Swierkot, C. Lammersen, C. Sohler, "StreamKM++: A
 * clustering algorithm for data streams", ACM Journal of Experimental Algorithmics 17, 2012 (the D²
 * sampled representatives); the groups' means are BIRCH's and BICO's clustering features
 * (Fichtenberger, Gillé, Schmidt, Schwiegelshohn, Sohler, "BICO: BIRCH meets coresets for k-means
 * clustering", ESA 2013).
 */
final class MicroClusterReduction {

  /**
   * Lloyd iterations after seeding: the first ones move representatives most, and each costs as
   * much as the seeding.
   */
  static final int LLOYD_ITERATIONS = 3;

  /** Points per task of an assignment pass: a bucket of 256 merged with another is 8 tasks. */
  private static final int POINTS_PER_CHUNK = 64;

  private MicroClusterReduction() {}

  /**
   * The reduction of {@code points} to at most {@code size} weighted points, with randomness from
   * {@code random}; {@code points} itself when it holds no more than that. Points of weight 0 are
   * dropped.
   *
   * @throws InterruptedException if the calling thread is interrupted
   */
  static WeightedPoints reduce(WeightedPoints points, int size, Random random)
      throws InterruptedException {
    try (ChunkRunner runner = new ChunkRunner(1)) {
      return reduce(points, size, random, runner);
    }
  }

  /**
   * As {@link #reduce(WeightedPoints, int, Random)}, with the Lloyd iterations' assignments on
   * {@code runner}'s threads: each point's nearest group is found on one thread, so the result is
   * the same for any number of threads.
   */
  static WeightedPoints reduce(WeightedPoints points, int size, Random random, ChunkRunner runner)
      throws InterruptedException {
    int count = points.count();
    if (count <= size) {
      return points;
    }
    int columns = points.columns();
    double[] values = points.values();
    double[] weights = points.weights();
    int[] representative = new int[size];
    int[] nearest = new int[count];
    double[] distance = new double[count];
    double[] cumulative = new double[count];
    double total = 0;
    for (int i = 0; i < count; i++) {
      total += weights[i];
      cumulative[i] = total;
    }
    if (!(total > 0)) {
      return new WeightedPoints(columns, new double[0], new double[0], 0);
    }
    representative[0] = WeightedDraw.index(cumulative, random);
    for (int i = 0; i < count; i++) {
      distance[i] =
          SquaredEuclidean.distance(
              values, i * columns, values, representative[0] * columns, columns);
    }
    int chosen = 1;
    while (chosen < size) {
      if (chosen % 64 == 0) {
        Interruption.check("Summarising the stream");
      }
      double cost = 0;
      for (int i = 0; i < count; i++) {
        cost += weights[i] * distance[i];
        cumulative[i] = cost;
      }
      if (!(cost > 0)) {
        // Every point sits on a representative: more would add nothing.
        break;
      }
      int next = WeightedDraw.index(cumulative, random);
      representative[chosen] = next;
      for (int i = 0; i < count; i++) {
        double d = SquaredEuclidean.distance(values, i * columns, values, next * columns, columns);
        if (d < distance[i]) {
          distance[i] = d;
          nearest[i] = chosen;
        }
      }
      chosen++;
    }
    WeightedPoints groups = groupMeans(points, nearest, chosen);
    for (int iteration = 0; iteration < LLOYD_ITERATIONS; iteration++) {
      Interruption.check("Summarising the stream");
      assignToNearest(points, groups, nearest, runner);
      groups = groupMeans(points, nearest, groups.count());
    }
    return groups;
  }

  /** Sets {@code nearest[i]} to the index of the group mean nearest to point i. */
  private static void assignToNearest(
      WeightedPoints points, WeightedPoints groups, int[] nearest, ChunkRunner runner)
      throws InterruptedException {
    int columns = points.columns();
    double[] values = points.values();
    double[] means = groups.values();
    int count = points.count();
    int chunks = (count + POINTS_PER_CHUNK - 1) / POINTS_PER_CHUNK;
    runner.run(
        0,
        chunks,
        (chunk, slot) -> {
          int end = Math.min(count, (chunk + 1) * POINTS_PER_CHUNK);
          for (int i = chunk * POINTS_PER_CHUNK; i < end; i++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int g = 0; g < groups.count(); g++) {
              double d =
                  SquaredEuclidean.distance(values, i * columns, means, g * columns, columns);
              if (d < bestDistance) {
                bestDistance = d;
                best = g;
              }
            }
            nearest[i] = best;
          }
        });
  }

  /** The weighted mean and total weight of every non-empty group, in group order. */
  private static WeightedPoints groupMeans(WeightedPoints points, int[] group, int groups) {
    int columns = points.columns();
    double[] values = points.values();
    double[] weights = points.weights();
    double[] sums = new double[groups * columns];
    double[] groupWeights = new double[groups];
    for (int i = 0; i < points.count(); i++) {
      double weight = weights[i];
      if (weight > 0) {
        int g = group[i];
        groupWeights[g] += weight;
        for (int j = 0; j < columns; j++) {
          sums[g * columns + j] += weight * values[i * columns + j];
        }
      }
    }
    int kept = 0;
    for (int g = 0; g < groups; g++) {
      if (groupWeights[g] > 0) {
        for (int j = 0; j < columns; j++) {
          sums[kept * columns + j] = sums[g * columns + j] / groupWeights[g];
        }
        groupWeights[kept] = groupWeights[g];
        kept++;
      }
    }
    return new WeightedPoints(columns, sums, groupWeights, kept);
  }
}
