package io.github.fastkmeans.engine;

import java.util.Arrays;

/**
 * Elkan's algorithm: a lower bound on the distance from every row to every centre, lowered by each
 * centre's own movement, an upper bound on the distance to the row's own centre, raised by that
 * centre's movement, and the distances between centres; a centre is skipped when either proves it
 * farther than the best found so far. The upper bound is made exact only when it fails to prove so.
 *
 * <p>C. Elkan, "Using the triangle inequality to accelerate k-means", ICML 2003.
 */
final class ElkanAssigner extends Assigner {

  /** Row-major rows x k lower bounds on the distance from each row to each centre. */
  private final double[] lower;

  /** Upper bound on each row's distance to its own centre. */
  private final double[] upper;

  private final CentreGeometry geometry;

  ElkanAssigner(DataMatrix data, double[] centres, int[] labels) {
    super(data, centres, labels);
    this.lower = new double[Math.multiplyExact(data.rows(), k)];
    this.upper = new double[data.rows()];
    this.geometry = new CentreGeometry(k, columns, true, false);
  }

  @Override
  void centresMoved(double[] previous) {
    geometry.measureShifts(previous, centres);
    geometry.measureCentres(centres);
  }

  @Override
  void rowMoved(int row) {
    Arrays.fill(lower, row * k, (row + 1) * k, 0);
    upper[row] = Double.POSITIVE_INFINITY;
  }

  @Override
  void assignFirst(int start, int end, ClusterSums sums) {
    CentreColumns.Scratch scratch = centreColumns.newScratch();
    double[] distances = scratch.distances;
    for (int row = start; row < end; row++) {
      int best = nearestOfAll(row, scratch);
      int base = row * k;
      for (int c = 0; c < k; c++) {
        lower[base + c] = Math.sqrt(distances[c]);
      }
      upper[row] = lower[base + best];
      record(row, best, sums);
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
      int best = labels[row];
      double bestDistance = upper[row] + shift[best];
      if (provesCloser(bestDistance, geometry.halfNearest[best])) {
        upper[row] = bestDistance;
        continue;
      }
      boolean exact = false;
      double bestSquared = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c == best || provesFarther(base, best, bestDistance, c, between)) {
          continue;
        }
        if (!exact) {
          // The bound on the own distance failed to prove c farther: the exact distance may.
          bestSquared = squaredDistance(row, best);
          computed++;
          bestDistance = Math.sqrt(bestSquared);
          lower[base + best] = bestDistance;
          exact = true;
          if (provesFarther(base, best, bestDistance, c, between)) {
            continue;
          }
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
      upper[row] = bestDistance;
      record(row, best, sums);
    }
    sums.countDistances(computed);
  }

  /**
   * Whether the bounds prove centre {@code c} farther from the row at {@code base} than centre
   * {@code best}, which is at most {@code bestDistance} away.
   */
  private boolean provesFarther(int base, int best, double bestDistance, int c, double[] between) {
    return provesCloser(bestDistance, lower[base + c])
        || provesCloser(bestDistance, between[best * k + c] / 2);
  }
}
