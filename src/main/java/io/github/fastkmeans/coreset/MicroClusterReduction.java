package io.github.fastkmeans.coreset;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.EmptyClusterPolicy;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansSettings;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.engine.WeightedDraw;
import io.github.fastkmeans.parallel.Interruption;
import java.util.Arrays;
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
 * <p>Both steps are exact (the same distribution of representatives, the same nearest ones) but
 * skip distances they can prove useless; a top-level reduction of a few thousand points otherwise
 * compares every point with every representative four times. The seeding keeps every point in the
 * group of its nearest representative, with each group's largest squared distance: a new
 * representative c can take no point of group j when |c - r_j|² ≥ 4 max_j, by the triangle
 * inequality (Elkan's test applied to k-means++, as in E. Raff, "Exact acceleration of K-Means++
 * and K-Means‖", IJCAI 2021). The representatives are kept in a {@link GrowingCentreTree}, so that
 * most groups out of reach are skipped without a distance, and a draw picks a group by its total
 * cost in a sum tree, then a point of it, costing the logarithm of the number of groups. The Lloyd
 * iterations search each point's nearest representative in a {@link CentreTree}, starting from its
 * previous one, in up to {@link #TREE_COLUMNS} columns, and run the engine's Lloyd ({@link KMeans},
 * distances by block) beyond.
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

  /**
   * Up to this many columns the Lloyd iterations search a {@link CentreTree}; beyond, its splitting
   * planes rule out few representatives, and the engine's Lloyd (distances by block, from dot
   * products) was faster: KDD Cup (38 columns) summarised in 3.8 s of Lloyd iterations against 5.5
   * s with the tree.
   */
  static final int TREE_COLUMNS = 4;

  private MicroClusterReduction() {}

  /**
   * The reduction of {@code points} to at most {@code size} weighted points, with randomness from
   * {@code random}, on one thread; {@code points} itself when it holds no more than that. Points of
   * weight 0 are dropped.
   *
   * @throws InterruptedException if the calling thread is interrupted
   */
  static WeightedPoints reduce(WeightedPoints points, int size, Random random)
      throws InterruptedException {
    return reduce(points, size, random, 1);
  }

  /**
   * As {@link #reduce(WeightedPoints, int, Random)}, with the engine's Lloyd iterations (beyond
   * {@link #TREE_COLUMNS} columns) on {@code threads} threads: their result does not depend on the
   * thread count, so neither does this.
   */
  static WeightedPoints reduce(WeightedPoints points, int size, Random random, int threads)
      throws InterruptedException {
    int count = points.count();
    if (count <= size) {
      return points;
    }
    int columns = points.columns();
    double total = 0;
    for (int i = 0; i < count; i++) {
      total += points.weights()[i];
    }
    if (!(total > 0)) {
      return new WeightedPoints(columns, new double[0], new double[0], 0);
    }
    int[] nearest = new int[count];
    int chosen = new Seeding(points, size, random, nearest).run();
    // The first M-step, from the seeding's groups; then the Lloyd iterations.
    double[] centres = new double[chosen * columns];
    moveToMeans(points, nearest, centres, chosen);
    if (columns > TREE_COLUMNS) {
      // An empty group is dropped at the end; moving it elsewhere would cost a pass.
      int[] labels =
          new KMeans(
                  KMeansSettings.DEFAULTS
                      .withMaxIterations(LLOYD_ITERATIONS)
                      .withEmptyClusterPolicy(EmptyClusterPolicy.KEEP)
                      .withAlgorithm(Algorithm.LLOYD)
                      .withThreads(threads))
              .fit(
                  DataMatrix.of(
                      count,
                      columns,
                      Arrays.copyOf(points.values(), count * columns),
                      Arrays.copyOf(points.weights(), count)),
                  centres)
              .labels();
      return groupMeans(points, labels, chosen);
    }
    // On the calling thread: a pass costs about a millisecond, and waking other threads for it cost
    // more than it saved (birch2 streamed in 0.79 s against 0.93-1.18 s with 2 threads).
    CentreTree.Nearest best = new CentreTree.Nearest();
    for (int iteration = 0; iteration < LLOYD_ITERATIONS; iteration++) {
      Interruption.check("Summarising the stream");
      CentreTree tree = new CentreTree(centres, chosen, columns);
      for (int i = 0; i < count; i++) {
        tree.nearest(points.values(), i * columns, nearest[i], best);
        nearest[i] = best.centre;
      }
      moveToMeans(points, nearest, centres, chosen);
    }
    return groupMeans(points, nearest, chosen);
  }

  /**
   * Moves every centre of {@code centres} (IN/OUT, row-major, {@code k} of them) with points to the
   * weighted mean of its points; a centre without weight stays where it is.
   */
  private static void moveToMeans(WeightedPoints points, int[] group, double[] centres, int k) {
    WeightedPoints means = groupMeansInPlace(points, group, k);
    int columns = points.columns();
    double[] sums = means.values();
    double[] weights = means.weights();
    for (int g = 0; g < k; g++) {
      if (weights[g] > 0) {
        System.arraycopy(sums, g * columns, centres, g * columns, columns);
      }
    }
  }

  /**
   * Weighted D² seeding, exact, with the groups of the nearest representative kept as linked lists
   * so that the triangle inequality can skip whole groups, the representatives in a {@link
   * GrowingCentreTree} so that most groups are skipped without even a distance, and the groups'
   * costs in a sum tree so that a draw costs the logarithm of the number of groups.
   */
  private static final class Seeding {

    /**
     * Representatives between two refreshes of the tree's bounds: a refresh costs a pass over the
     * representatives, and stale bounds cost comparisons with each new one.
     */
    private static final int REFRESH = 64;

    private final int columns;
    private final double[] values;
    private final double[] weights;
    private final int count;
    private final int size;
    private final Random random;

    /** OUT: each point's nearest representative. */
    private final int[] nearest;

    /** Each point's squared distance to its nearest representative. */
    private final double[] distance;

    /** The next point of the same group; -1 at a group's end. */
    private final int[] next;

    /** Each group's first point; -1 when empty. */
    private final int[] first;

    /** Each group's largest squared distance to its representative. */
    private final double[] radius;

    /** Each representative's coordinates, row-major, for the tree. */
    private final double[] coordinates;

    /** Each representative's point. */
    private final int[] representative;

    /**
     * The groups' weighted squared distances to their representatives, summed, as a binary sum
     * tree: leaf g at {@code leaves + g}, every inner node the sum of its two children, recomputed
     * (not updated by differences, which would accumulate rounding) when a leaf changes.
     */
    private final double[] costs;

    private final int leaves;

    /** The representatives drawn so far, with their groups' radii. */
    private final GrowingCentreTree tree;

    Seeding(WeightedPoints points, int size, Random random, int[] nearest) {
      this.columns = points.columns();
      this.values = points.values();
      this.weights = points.weights();
      this.count = points.count();
      this.size = size;
      this.random = random;
      this.nearest = nearest;
      this.distance = new double[count];
      this.next = new int[count];
      this.first = new int[size];
      this.radius = new double[size];
      this.coordinates = new double[size * columns];
      this.representative = new int[size];
      this.leaves = Integer.highestOneBit(Math.max(1, size - 1)) * 2;
      this.costs = new double[2 * leaves];
      this.tree = new GrowingCentreTree(coordinates, columns);
    }

    /** Draws the representatives, fills {@link #nearest}, and returns how many were drawn. */
    int run() throws InterruptedException {
      double[] byWeight = new double[count];
      double total = 0;
      for (int i = 0; i < count; i++) {
        total += weights[i];
        byWeight[i] = total;
      }
      int start = WeightedDraw.index(byWeight, random);
      represent(0, start);
      double groupCost = 0;
      double groupRadius = 0;
      for (int i = 0; i < count; i++) {
        double d = SquaredEuclidean.distance(values, i * columns, values, start * columns, columns);
        distance[i] = d;
        nearest[i] = 0;
        next[i] = i + 1 < count ? i + 1 : -1;
        groupCost += weights[i] * d;
        groupRadius = Math.max(groupRadius, d);
      }
      first[0] = 0;
      radius[0] = groupRadius;
      setCost(0, groupCost);
      tree.add(0, groupRadius, radius);
      int chosen = 1;
      while (chosen < size) {
        if (chosen % REFRESH == 0) {
          Interruption.check("Summarising the stream");
          tree.refreshBounds(radius);
        }
        int point = draw();
        if (point < 0) {
          // Every point sits on a representative: more would add nothing.
          break;
        }
        represent(chosen, point);
        int added = chosen;
        tree.near(
            values,
            point * columns,
            SquaredEuclidean.TRIANGLE_FACTOR,
            group -> compare(group, added));
        tree.add(chosen, radius[chosen], radius);
        chosen++;
      }
      return chosen;
    }

    /** Makes {@code point} representative number {@code index}, of an empty group. */
    private void represent(int index, int point) {
      representative[index] = point;
      System.arraycopy(values, point * columns, coordinates, index * columns, columns);
      first[index] = -1;
      radius[index] = 0;
    }

    /**
     * Moves the points of {@code group} that are nearer to representative {@code chosen} into its
     * group, unless the triangle inequality proves there are none.
     */
    private void compare(int group, int chosen) {
      if (radius[group] > 0) {
        double between =
            SquaredEuclidean.distance(
                coordinates, chosen * columns, coordinates, group * columns, columns);
        if (between < SquaredEuclidean.TRIANGLE_FACTOR * radius[group]) {
          takeCloserPoints(group, chosen);
        }
      }
    }

    /** Sets group {@code group}'s cost in the sum tree. */
    private void setCost(int group, double cost) {
      int node = leaves + group;
      costs[node] = cost;
      for (node >>>= 1; node > 0; node >>>= 1) {
        costs[node] = costs[2 * node] + costs[2 * node + 1];
      }
    }

    /**
     * A point drawn with probability proportional to weight times squared distance: a group by its
     * cost, then a point of it by its share; -1 when no point has any cost left.
     */
    private int draw() {
      if (!(costs[1] > 0)) {
        return -1;
      }
      double target = random.nextDouble() * costs[1];
      int node = 1;
      while (node < leaves) {
        int left = 2 * node;
        // Rounding can put the target past the left child's total: go right only if it has cost.
        if (target < costs[left] || !(costs[left + 1] > 0)) {
          node = left;
        } else {
          target -= costs[left];
          node = left + 1;
        }
      }
      int group = node - leaves;
      int last = -1;
      double sum = 0;
      for (int i = first[group]; i >= 0; i = next[i]) {
        double share = weights[i] * distance[i];
        if (share > 0) {
          sum += share;
          last = i;
          if (sum > target) {
            return i;
          }
        }
      }
      // Rounding between the group's cost and its points' sum: the last point with a share.
      return last;
    }

    /**
     * Moves every point of {@code group} nearer to the new representative {@code chosen} into its
     * group, and recomputes both groups' cost and radius.
     */
    private void takeCloserPoints(int group, int chosen) {
      int point = representative[chosen];
      int keptFirst = -1;
      int keptLast = -1;
      double keptCost = 0;
      double keptRadius = 0;
      double takenCost = costs[leaves + chosen];
      double takenRadius = radius[chosen];
      boolean taken = false;
      for (int i = first[group]; i >= 0; i = next[i]) {
        double d = SquaredEuclidean.distance(values, i * columns, values, point * columns, columns);
        if (d < distance[i]) {
          distance[i] = d;
          nearest[i] = chosen;
          taken = true;
          takenCost += weights[i] * d;
          takenRadius = Math.max(takenRadius, d);
        } else {
          keptCost += weights[i] * distance[i];
          keptRadius = Math.max(keptRadius, distance[i]);
        }
      }
      if (!taken) {
        // The group, its order and its cost stay as they were.
        return;
      }
      // Relink in a second pass: the kept points in their order, the taken ones in front of the
      // new group's.
      int i = first[group];
      while (i >= 0) {
        int following = next[i];
        if (nearest[i] == chosen) {
          next[i] = first[chosen];
          first[chosen] = i;
        } else {
          next[i] = -1;
          if (keptLast < 0) {
            keptFirst = i;
          } else {
            next[keptLast] = i;
          }
          keptLast = i;
        }
        i = following;
      }
      first[group] = keptFirst;
      radius[group] = keptRadius;
      setCost(group, keptCost);
      radius[chosen] = takenRadius;
      setCost(chosen, takenCost);
    }
  }

  /**
   * The weighted mean and total weight of every group, group g at position g (a group without
   * weight has weight 0 and no meaningful mean).
   */
  private static WeightedPoints groupMeansInPlace(WeightedPoints points, int[] group, int groups) {
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
    for (int g = 0; g < groups; g++) {
      if (groupWeights[g] > 0) {
        for (int j = 0; j < columns; j++) {
          sums[g * columns + j] /= groupWeights[g];
        }
      }
    }
    return new WeightedPoints(columns, sums, groupWeights, groups);
  }

  /** The weighted mean and total weight of every non-empty group, in group order. */
  private static WeightedPoints groupMeans(WeightedPoints points, int[] group, int groups) {
    WeightedPoints all = groupMeansInPlace(points, group, groups);
    int columns = all.columns();
    double[] means = all.values();
    double[] groupWeights = all.weights();
    int kept = 0;
    for (int g = 0; g < groups; g++) {
      if (groupWeights[g] > 0) {
        System.arraycopy(means, g * columns, means, kept * columns, columns);
        groupWeights[kept] = groupWeights[g];
        kept++;
      }
    }
    return new WeightedPoints(columns, means, groupWeights, kept);
  }
}
