package io.github.fastkmeans.engine;

import java.util.Arrays;

/**
 * Yinyang k-means: the centres are split once into groups ({@link CentreGroups}); every row keeps
 * an upper bound on the distance to its own centre and, per group, a lower bound on its distance to
 * every centre of the group but its own. After the centres move, a group's bound drops by the
 * largest move in the group. A row keeps its centre when its upper bound is below every group's
 * bound (the global filter); otherwise only the groups whose bound fails are searched (the group
 * filter), and within them a centre is skipped when the group's previous bound, less that centre's
 * own move, proves it farther (the local filter). Between Hamerly's one bound and Elkan's k, with
 * O(n * groups) memory and no work between centres at all, which at large k makes the difference.
 *
 * <p>Y. Ding, Y. Zhao, X. Shen, M. Musuvathi, T. Mytkowicz, "Yinyang K-Means: A Drop-In Replacement
 * of the Classic K-Means with Consistent Speedup", ICML 2015.
 */
final class YinyangAssigner extends Assigner {

  /**
   * Centres per group, as Ding et al. chose (k / 10 groups): the group filter then searches ten
   * centres per failed bound.
   */
  static final int CENTRES_PER_GROUP = 10;

  /**
   * At most this many groups: each costs 8 bytes per row and one bound update per row and pass, so
   * at k = 10,000 the paper's k / 10 would take 8 KB per row and a thousand updates, more than the
   * groups save (measured in docs/benchmarks.md).
   */
  static final int MAX_GROUPS = 128;

  private final CentreGroups groups;
  private final int groupCount;

  /** Upper bound on each row's distance to its own centre. */
  private final double[] upper;

  /**
   * Row-major rows x groups: a lower bound on the distance from each row to every centre of each
   * group but the row's own.
   */
  private final double[] lower;

  /** How far each centre moved in the last update. */
  private final double[] shift;

  /** The largest move of a centre of each group in the last update. */
  private final double[] groupShift;

  YinyangAssigner(DataMatrix data, double[] centres, int[] labels) {
    super(data, centres, labels);
    this.groups = new CentreGroups(centres, k, columns, groupCount(k));
    this.groupCount = groups.count();
    this.upper = new double[data.rows()];
    this.lower = new double[Math.multiplyExact(data.rows(), groupCount)];
    this.shift = new double[k];
    this.groupShift = new double[groupCount];
  }

  /** The groups wanted for {@code k} centres: k / 10 rounded up, at most {@link #MAX_GROUPS}. */
  static int groupCount(int k) {
    return Math.min(MAX_GROUPS, (k + CENTRES_PER_GROUP - 1) / CENTRES_PER_GROUP);
  }

  @Override
  void centresMoved(double[] previous) {
    Arrays.fill(groupShift, 0);
    for (int c = 0; c < k; c++) {
      double moved =
          Math.sqrt(
              SquaredEuclidean.distance(previous, c * columns, centres, c * columns, columns));
      shift[c] = moved;
      int g = groups.groupOf[c];
      groupShift[g] = Math.max(groupShift[g], moved);
    }
  }

  /** Every group's bound starts at the row's bound on all other centres. */
  @Override
  void startBounds(int row, double upperBound, double lowerBound) {
    upper[row] = upperBound;
    Arrays.fill(lower, row * groupCount, (row + 1) * groupCount, lowerBound);
  }

  /** Per row, the smallest of its group bounds: a bound on every centre but its own. */
  @Override
  double[] lowerBounds() {
    double[] bounds = new double[upper.length];
    for (int row = 0; row < bounds.length; row++) {
      double smallest = Double.POSITIVE_INFINITY;
      for (int g = 0; g < groupCount; g++) {
        smallest = Math.min(smallest, lower[row * groupCount + g]);
      }
      bounds[row] = smallest;
    }
    return bounds;
  }

  @Override
  void rowMoved(int row) {
    upper[row] = Double.POSITIVE_INFINITY;
    Arrays.fill(lower, row * groupCount, (row + 1) * groupCount, 0);
  }

  @Override
  void assign(int start, int end, ClusterSums sums) {
    Search search = new Search();
    for (int row = start; row < end; row++) {
      search.assign(row, sums);
    }
    sums.countDistances(search.computed);
  }

  /** Compares the row with every centre and makes all its bounds exact. */
  @Override
  void scanAll(int row, CentreColumns.Scratch scratch, ClusterSums sums) {
    int best = nearestOfAll(row, scratch);
    double[] distances = scratch.distances;
    int base = row * groupCount;
    // The least squared distance of each group, in the row's bounds, then its square root: one
    // pass over the centres in index order.
    Arrays.fill(lower, base, base + groupCount, Double.POSITIVE_INFINITY);
    int[] groupOf = groups.groupOf;
    for (int c = 0; c < k; c++) {
      int at = base + groupOf[c];
      if (c != best && distances[c] < lower[at]) {
        lower[at] = distances[c];
      }
    }
    for (int g = 0; g < groupCount; g++) {
      lower[base + g] = Math.sqrt(lower[base + g]);
    }
    upper[row] = Math.sqrt(distances[best]);
    record(row, best, sums);
  }

  /** The per-thread state of the assignment of a range of rows. */
  private final class Search {
    /** Each group's bound after this update's drop, for the row at hand. */
    private final double[] dropped = new double[groupCount];

    /** Per searched group: its two smallest distances or bounds, and whose the smallest is. */
    private final double[] smallest = new double[groupCount];

    private final int[] smallestCentre = new int[groupCount];
    private final double[] secondSmallest = new double[groupCount];
    private final boolean[] searched = new boolean[groupCount];

    private CentreColumns.Scratch scratch;
    long computed;

    void assign(int row, ClusterSums sums) {
      int own = labels[row];
      int base = row * groupCount;
      double upperBound = upper[row] + shift[own];
      double globalLower = Double.POSITIVE_INFINITY;
      for (int g = 0; g < groupCount; g++) {
        double bound = lower[base + g] - groupShift[g];
        dropped[g] = bound;
        globalLower = Math.min(globalLower, bound);
      }
      if (provesCloser(upperBound, globalLower)) {
        keep(row, base, upperBound);
        return;
      }
      double ownSquared = squaredDistance(row, own);
      computed++;
      double ownDistance = Math.sqrt(ownSquared);
      if (provesCloserSquared(ownSquared, globalLower)) {
        keep(row, base, ownDistance);
        return;
      }
      double limit = pruningLimit(ownDistance);
      int candidates = 0;
      for (int g = 0; g < groupCount; g++) {
        if (dropped[g] <= limit) {
          candidates += groups.groupStart[g + 1] - groups.groupStart[g];
        }
      }
      if (sweepsAll(candidates)) {
        // Many groups failed: one sweep over all centres costs less than their distances one at a
        // time.
        if (scratch == null) {
          scratch = centreColumns.newScratch();
        }
        scanAll(row, scratch, sums);
        computed += k - 1;
        return;
      }
      searchGroups(row, base, own, ownSquared, ownDistance, sums);
    }

    /** The row keeps its centre: stores its dropped group bounds and its upper bound. */
    private void keep(int row, int base, double upperBound) {
      upper[row] = upperBound;
      System.arraycopy(dropped, 0, lower, base, groupCount);
    }

    /**
     * The group filter: searches the groups whose bounds fail to prove all their centres farther
     * than the best so far, then renews every group's bound.
     */
    private void searchGroups(
        int row, int base, int own, double ownSquared, double ownDistance, ClusterSums sums) {
      int best = own;
      double bestSquared = ownSquared;
      double bestDistance = ownDistance;
      // Bounds above this prove a centre farther than the best; it only falls as the best nears,
      // so a group or centre ruled out stays ruled out.
      double limit = pruningLimit(ownDistance);
      for (int g = 0; g < groupCount; g++) {
        searched[g] = dropped[g] <= limit;
        if (!searched[g]) {
          continue;
        }
        double previousBound = lower[base + g];
        double first = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        int firstCentre = -1;
        for (int i = groups.groupStart[g]; i < groups.groupStart[g + 1]; i++) {
          int c = groups.members[i];
          double value;
          if (c == own) {
            value = ownDistance;
          } else {
            // The local filter: c was at least previousBound away before it moved by shift[c].
            double bound = previousBound - shift[c];
            if (bound > limit) {
              value = bound;
            } else {
              double squared = squaredDistance(row, c);
              computed++;
              value = Math.sqrt(squared);
              if (squared < bestSquared || (squared == bestSquared && c < best)) {
                best = c;
                bestSquared = squared;
                bestDistance = value;
                limit = pruningLimit(value);
              }
            }
          }
          if (value < first) {
            second = first;
            first = value;
            firstCentre = c;
          } else if (value < second) {
            second = value;
          }
        }
        smallest[g] = first;
        smallestCentre[g] = firstCentre;
        secondSmallest[g] = second;
      }
      int bestGroup = groups.groupOf[best];
      int ownGroup = groups.groupOf[own];
      for (int g = 0; g < groupCount; g++) {
        double bound;
        if (searched[g]) {
          // The group's own centre, if it holds the best, is not bounded by the group's bound.
          bound = g == bestGroup && smallestCentre[g] == best ? secondSmallest[g] : smallest[g];
        } else if (g == ownGroup && best != own) {
          // The old centre is now one of the others.
          bound = Math.min(dropped[g], ownDistance);
        } else {
          bound = dropped[g];
        }
        lower[base + g] = bound;
      }
      upper[row] = bestDistance;
      record(row, best, sums);
    }
  }
}
