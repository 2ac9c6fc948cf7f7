package io.github.fastkmeans.engine;

/**
 * Elkan's algorithm: a lower bound on the distance from every row to every centre, lowered by each
 * centre's own movement, and the distances between centres; a centre is skipped when either proves
 * it farther than the best found so far.
 *
 * <p>C. Elkan, "Using the triangle inequality to accelerate k-means", ICML 2003.
 */
final class ElkanAssigner extends Assigner {

  /** Row-major rows x k lower bounds on the distance from each row to each centre. */
  private final double[] lower;

  private final CentreGeometry geometry;

  ElkanAssigner(DataMatrix data, double[] centres, int[] labels) {
    super(data, centres, labels);
    this.lower = new double[Math.multiplyExact(data.rows(), k)];
    this.geometry = new CentreGeometry(k, columns, true, false);
  }

  @Override
  void centresMoved(double[] previous) {
    geometry.measureShifts(previous, centres);
    geometry.measureCentres(centres);
  }

  @Override
  void rowMoved(int row) {
    java.util.Arrays.fill(lower, row * k, (row + 1) * k, 0);
  }

  @Override
  void assignFirst(int start, int end, ClusterSums sums) {
    for (int row = start; row < end; row++) {
      int base = row * k;
      int best = 0;
      double bestSquared = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double squared = squaredDistance(row, c);
        lower[base + c] = Math.sqrt(squared);
        if (squared < bestSquared) {
          bestSquared = squared;
          best = c;
        }
      }
      record(row, best, bestSquared, sums);
    }
    sums.countDistances((long) (end - start) * k);
  }

  @Override
  void assign(int start, int end, ClusterSums sums) {
    long computed = 0;
    double[] shift = geometry.shift;
    double[] between = geometry.between;
    for (int row = start; row < end; row++) {
      int base = row * k;
      for (int c = 0; c < k; c++) {
        lower[base + c] = Math.max(0, lower[base + c] - shift[c]);
      }
      int own = labels[row];
      double ownSquared = squaredDistance(row, own);
      computed++;
      if (provesCloserSquared(ownSquared, geometry.halfNearest[own])) {
        // The own bound may stay loose: no other centre is compared with it before it is renewed.
        record(row, own, ownSquared, sums);
        continue;
      }
      double bestDistance = Math.sqrt(ownSquared);
      lower[base + own] = bestDistance;
      int best = own;
      double bestSquared = ownSquared;
      for (int c = 0; c < k; c++) {
        if (c == own
            || provesCloser(bestDistance, lower[base + c])
            || provesCloser(bestDistance, between[best * k + c] / 2)) {
          continue;
        }
        double squared = squaredDistance(row, c);
        computed++;
        double distance = Math.sqrt(squared);
        lower[base + c] = distance;
        if (squared < bestSquared || (squared == bestSquared && c < best)) {
          bestSquared = squared;
          bestDistance = distance;
          best = c;
        }
      }
      record(row, best, bestSquared, sums);
    }
    sums.countDistances(computed);
  }
}
