package io.github.fastkmeans.engine;

import io.github.fastkmeans.parallel.ChunkRunner;

/**
 * Hamerly's algorithm: a row keeps its centre without a scan while an upper bound on its distance
 * to that centre is below both half the distance from the centre to its nearest other centre and a
 * lower bound on the distance to every other centre. The upper bound is the last exact distance
 * raised by the centre's movements since, and is made exact again only when it fails; the lower
 * bound is the second-nearest distance of the last scan, lowered by the largest movement of another
 * centre.
 *
 * <p>G. Hamerly, "Making k-means even faster", SIAM International Conference on Data Mining, 2010.
 */
class HamerlyAssigner extends Assigner {

  /** From this many centres {@link #create} gathers the rows whose bounds fail into blocks. */
  static final int BLOCKED_CENTRES = 32;

  /** Upper bound on each row's distance to its own centre. */
  final double[] upper;

  /** Lower bound on each row's distance to every centre but its own. */
  final double[] lower;

  final CentreGeometry geometry;

  /** Whether the centres moved since their distances were last measured. */
  private boolean centresPending;

  HamerlyAssigner(DataMatrix data, double[] centres, int[] labels) {
    this(data, centres, labels, 0);
  }

  /** Keeps each centre's {@code neighboursKept} nearest others in annuli, for a ball search. */
  HamerlyAssigner(DataMatrix data, double[] centres, int[] labels, int neighboursKept) {
    this(data, centres, labels, neighboursKept, false);
  }

  /** As above, also sweeping blocks of rows where {@code sweepsBlocks} ({@link Assigner}). */
  HamerlyAssigner(
      DataMatrix data, double[] centres, int[] labels, int neighboursKept, boolean sweepsBlocks) {
    super(data, centres, labels, true, sweepsBlocks);
    this.upper = new double[data.rows()];
    this.lower = new double[data.rows()];
    this.geometry = new CentreGeometry(k, columns, false, neighboursKept);
  }

  /**
   * Hamerly's assignment step for a fit on {@code data} from {@code centres}: with the block sweep
   * ({@link BlockedHamerlyAssigner}) where the rows have the columns for it and there are at least
   * {@link #BLOCKED_CENTRES} centres, row by row otherwise. Both choose the centres of every other
   * algorithm.
   */
  static Assigner create(DataMatrix data, double[] centres, int[] labels) {
    int columns = data.columns();
    int k = centres.length / columns;
    if (columns >= CentreColumns.DOT_PRODUCT_COLUMNS && k >= BLOCKED_CENTRES) {
      return new BlockedHamerlyAssigner(data, centres, labels);
    }
    return new HamerlyAssigner(data, centres, labels);
  }

  @Override
  void centresMoved(double[] previous) {
    geometry.measureShifts(previous, centres);
    // The distances between centres, O(k^2) work, are measured before the pass on all threads;
    // bounds are moved in the pass, row by row, where each row's are read anyway.
    centresPending = true;
  }

  @Override
  long beforePass(ChunkRunner runner, ChunkRunner callerOnly) throws InterruptedException {
    if (centresPending) {
      measureCentres(runner, callerOnly);
      centresPending = false;
    }
    return 0;
  }

  /**
   * Measures the distances between the centres after they moved, on the threads of {@code runner}
   * or on {@code callerOnly}: at least {@link CentreGeometry#halfNearest}, a lower bound on half
   * each centre's distance to its nearest other.
   *
   * @throws InterruptedException if the calling thread is interrupted while waiting for others
   */
  void measureCentres(ChunkRunner runner, ChunkRunner callerOnly) throws InterruptedException {
    geometry.measureCentres(centres, centreColumns, runner, callerOnly);
  }

  @Override
  void startBounds(int row, double upperBound, double lowerBound) {
    upper[row] = upperBound;
    lower[row] = lowerBound;
  }

  @Override
  double[] lowerBounds() {
    return lower;
  }

  @Override
  void rowMoved(int row) {
    upper[row] = Double.POSITIVE_INFINITY;
    lower[row] = 0;
  }

  @Override
  void assign(int start, int end, ClusterSums sums) {
    long computed = 0;
    CentreColumns.Scratch scratch = null;
    for (int row = start; row < end; row++) {
      if (boundsKeepCentre(row)) {
        continue;
      }
      int own = labels[row];
      double ownSquared = squaredDistance(row, own);
      computed++;
      if (distanceKeepsCentre(row, ownSquared)) {
        continue;
      }
      if (scratch == null) {
        scratch = centreColumns.newScratch();
      }
      computed += scan(row, own, ownSquared, scratch, sums);
    }
    sums.countDistances(computed);
  }

  /**
   * Moves the bounds of {@code row} with the centres' last move; whether they prove it keeps its
   * centre, which its upper bound then follows.
   */
  final boolean boundsKeepCentre(int row) {
    int own = labels[row];
    double distance = upper[row] + geometry.shift[own];
    double bound = Math.max(0, lower[row] - lowerBoundDrop(own, distance, lower[row]));
    lower[row] = bound;
    if (provesCloser(distance, Math.max(bound, geometry.halfNearest[own]))) {
      upper[row] = distance;
      return true;
    }
    return false;
  }

  /**
   * After {@link #boundsKeepCentre} failed: whether the row's squared distance to its centre,
   * {@code ownSquared}, proves it keeps that centre, which its upper bound then is.
   */
  final boolean distanceKeepsCentre(int row, double ownSquared) {
    if (provesCloserSquared(ownSquared, Math.max(lower[row], geometry.halfNearest[labels[row]]))) {
      upper[row] = Math.sqrt(ownSquared);
      return true;
    }
    return false;
  }

  /**
   * How far the last move of the centres may have brought any centre but {@code own} closer to a
   * row of {@code own} whose upper bound is now {@code upperBound} and whose lower bound was {@code
   * lowerBound}: Hamerly's largest move of any other centre.
   */
  double lowerBoundDrop(int own, double upperBound, double lowerBound) {
    return geometry.maxShiftExcept(own);
  }

  /**
   * Finds the nearest centre of a row whose bounds failed, knowing its squared distance to its own
   * centre, and renews its bounds; returns the number of distances computed.
   */
  int scan(int row, int own, double ownSquared, CentreColumns.Scratch scratch, ClusterSums sums) {
    scanAll(row, scratch, sums);
    return k - 1;
  }

  /** Compares the row with every centre, then sets its bounds to the nearest two distances. */
  @Override
  final void scanAll(int row, CentreColumns.Scratch scratch, ClusterSums sums) {
    int best = nearestOfAll(row, scratch);
    double[] distances = scratch.distances;
    upper[row] = Math.sqrt(distances[best]);
    lower[row] = Math.sqrt(CentreColumns.leastExcept(distances, k, best));
    record(row, best, sums);
  }
}
