package io.github.fastkmeans.engine;

/**
 * Hamerly's algorithm: a row keeps its centre without a scan while its exact distance to it is below
 * both half the distance from that centre to the nearest other centre and a lower bound on the
 * distance to every other centre. The bound is the second-nearest distance of the last scan, lowered
 * by the largest centre movement since.
 *
 * <p>G. Hamerly, "Making k-means even faster", SIAM International Conference on Data Mining, 2010.
 */
class HamerlyAssigner extends Assigner {

  /** Lower bound on each row's distance to every centre but its own. */
  final double[] lower;

  final CentreGeometry geometry;

  HamerlyAssigner(DataMatrix data, double[] centres, int[] labels) {
    this(data, centres, labels, false);
  }

  HamerlyAssigner(DataMatrix data, double[] centres, int[] labels, boolean sortedNeighbours) {
    super(data, centres, labels);
    this.lower = new double[data.rows()];
    this.geometry = new CentreGeometry(k, columns, false, sortedNeighbours);
  }

  @Override
  void centresMoved(double[] previous) {
    geometry.measureShifts(previous, centres);
    geometry.measureCentres(centres);
    // Bounds are lowered here, once per pass, rather than lazily: the loop below stays simple.
  }

  @Override
  void rowMoved(int row) {
    lower[row] = 0;
  }

  @Override
  void assignFirst(int start, int end, ClusterSums sums) {
    for (int row = start; row < end; row++) {
      scanAll(row, sums);
    }
    sums.countDistances((long) (end - start) * k);
  }

  @Override
  void assign(int start, int end, ClusterSums sums) {
    long computed = 0;
    for (int row = start; row < end; row++) {
      int own = labels[row];
      double bound = Math.max(0, lower[row] - geometry.maxShiftExcept(own));
      lower[row] = bound;
      double ownSquared = squaredDistance(row, own);
      computed++;
      if (provesCloserSquared(ownSquared, Math.max(bound, geometry.halfNearest[own]))) {
        record(row, own, ownSquared, sums);
        continue;
      }
      computed += scan(row, own, ownSquared, Math.sqrt(ownSquared), sums);
    }
    sums.countDistances(computed);
  }

  /**
   * Finds the nearest centre of a row whose bounds failed, knowing its squared distance to its own
   * centre; returns the number of distances computed.
   */
  int scan(int row, int own, double ownSquared, double ownDistance, ClusterSums sums) {
    scanAll(row, sums);
    return k - 1;
  }

  /** Compares the row with every centre, then sets its bound to the second-nearest distance. */
  final void scanAll(int row, ClusterSums sums) {
    int best = 0;
    double bestSquared = Double.POSITIVE_INFINITY;
    double secondSquared = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double squared = squaredDistance(row, c);
      if (squared < bestSquared) {
        secondSquared = bestSquared;
        bestSquared = squared;
        best = c;
      } else if (squared < secondSquared) {
        secondSquared = squared;
      }
    }
    lower[row] = Math.sqrt(secondSquared);
    record(row, best, bestSquared, sums);
  }
}
