package io.github.fastkmeans.engine;

/**
 * Exponion: Hamerly's test first; when it fails, only the centres within {@code 2u + 2h} of the
 * row's own centre can be nearer (u: the row's distance to its centre, h: half the distance from
 * that centre to its nearest other centre), and they are scanned in order of distance from it.
 * Centres beyond that ball are at least {@code u + 2h} away, which caps the new lower bound. Each
 * centre's others are kept in annuli of growing size ({@link CentreGeometry#neighbours}); the scan
 * covers the annuli that reach into the ball.
 *
 * <p>J. Newling, F. Fleuret, "Fast k-means with accurate bounds", ICML 2016.
 */
final class ExponionAssigner extends HamerlyAssigner {

  /**
   * Neighbours of a row's centre looked at for {@link #lowerBoundDrop} before it settles for the
   * largest move of all: a short walk, so that a pass costs about what Hamerly's does.
   */
  private static final int LOCAL_DROP_NEIGHBOURS = 8;

  ExponionAssigner(DataMatrix data, double[] centres, int[] labels) {
    super(data, centres, labels, neighboursKept(centres.length / data.columns()));
  }

  /**
   * How many of each centre's others are kept in order for k centres: a scan reaching past k / 3 of
   * them sweeps all centres instead ({@link #sweepsAll}), and the bound drop looks at {@link
   * #LOCAL_DROP_NEIGHBOURS}; at most k - 1. Keeping k / 3 + 1 takes a third of the memory of all,
   * 12 bytes each.
   */
  static int neighboursKept(int k) {
    return Math.min(k - 1, Math.max(k / 3 + 1, LOCAL_DROP_NEIGHBOURS));
  }

  /**
   * Only the moves of centres that could come below the lower bound count: a centre c at distance
   * s(c) from the row's centre (after the move) is at least s(c) - u from the row, u being the
   * upper bound, so when s(c) &ge; u + l it is, after its move, still no nearer than the old lower
   * bound l. The others are found by walking the first, sorted neighbours of the row's centre; the
   * drop is the largest move among them. A move to a row's own centre is in u. When many neighbours
   * lie within u + l, Hamerly's largest move of all is taken; it is as good there.
   */
  @Override
  double lowerBoundDrop(int own, double upperBound, double lowerBound) {
    double everywhere = geometry.maxShiftExcept(own);
    if (everywhere == 0) {
      return 0;
    }
    // The margin keeps a neighbour on the edge inside, whatever the rounding of the bounds.
    double radius = (upperBound + lowerBound) * (1 + 2 * MARGIN);
    int first = own * geometry.neighboursKept();
    int looked = Math.min(k - 1, LOCAL_DROP_NEIGHBOURS);
    double drop = 0;
    for (int i = 0; i < looked; i++) {
      if (!(geometry.neighbourDistance[first + i] <= radius)) {
        return drop;
      }
      drop = Math.max(drop, geometry.shift[geometry.neighbours[first + i]]);
    }
    return looked == k - 1 ? drop : everywhere;
  }

  @Override
  int scan(int row, int own, double ownSquared, CentreColumns.Scratch scratch, ClusterSums sums) {
    double ownDistance = Math.sqrt(ownSquared);
    double radius = 2 * ownDistance + 2 * geometry.halfNearest[own];
    // Every centre outside the ball is farther than this from the row.
    double outside = radius - ownDistance;
    int best = own;
    double bestSquared = ownSquared;
    double secondSquared = Double.POSITIVE_INFINITY;
    int computed = 0;
    int kept = geometry.neighboursKept();
    int first = own * kept;
    // The margin keeps centres on the ball's edge inside it, whatever the rounding.
    double reach = radius * (1 + MARGIN);
    // The annuli that reach into the ball, and how many of their centres lie inside it.
    int annuli = geometry.annuli();
    int end = 0;
    for (int i = 0; i < annuli && geometry.annulusStart[own * annuli + i] <= reach; i++) {
      end = geometry.annulusEnd(i);
    }
    int inside = 0;
    for (int i = first; i < first + end; i++) {
      inside += geometry.neighbourDistance[i] <= reach ? 1 : 0;
    }
    if (sweepsAll(inside) || (inside == kept && kept < k - 1) || radius < SMALLEST_TRUSTED_BOUND) {
      // A large ball: one sweep over all centres costs less than its distances one at a time; a
      // ball holding every kept neighbour may hold others too (every kept one is nearer than
      // every other). A tiny one: its margin does not cover the rounding near the subnormal
      // range.
      scanAll(row, scratch, sums);
      return k - 1;
    }
    for (int i = first; i < first + end; i++) {
      if (geometry.neighbourDistance[i] > reach) {
        continue;
      }
      int c = geometry.neighbours[i];
      double squared = squaredDistance(row, c);
      computed++;
      if (squared < bestSquared || (squared == bestSquared && c < best)) {
        secondSquared = bestSquared;
        bestSquared = squared;
        best = c;
      } else if (squared < secondSquared) {
        secondSquared = squared;
      }
    }
    upper[row] = Math.sqrt(bestSquared);
    lower[row] = Math.min(Math.sqrt(secondSquared), outside * (1 - MARGIN));
    record(row, best, sums);
    return computed;
  }
}
