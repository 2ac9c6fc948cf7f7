package io.github.fastkmeans.engine;

import io.github.fastkmeans.parallel.ChunkRunner;
import java.util.Arrays;

/**
 * What the bound-based assignment steps know about the centres between two passes: how far each
 * centre moved in the last update, half the distance from each centre to its nearest other centre,
 * and optionally all distances between centres and each centre's nearest others sorted by distance.
 * Measured once per iteration, before the pass, on the threads of the fit: each centre's row of
 * distances is computed by one task that writes only that row, so the result does not depend on the
 * thread count; read by all.
 */
final class CentreGeometry {

  /**
   * Centres per task of {@link #measureCentres}: enough to amortise a hand-off, small to balance.
   */
  private static final int CENTRES_PER_TASK = 16;

  /**
   * Below this many multiply-adds ({@code k * k * columns}) the distances between centres are
   * measured on the calling thread alone: waking the others would cost more.
   */
  private static final long SHARED_WORK = 1L << 20;

  private final int k;
  private final int columns;
  private final boolean keepDistances;

  /** How many of each centre's others are kept sorted; 0 for none. */
  private final int neighboursKept;

  /** How far each centre moved in the last update (Euclidean). */
  final double[] shift;

  /** Half the distance from each centre to its nearest other centre. */
  final double[] halfNearest;

  /** Row-major k x k distances between centres, when kept. */
  final double[] between;

  /**
   * For centre a, its {@link #neighboursKept} nearest others by increasing distance: a *
   * neighboursKept + i, when kept.
   */
  final int[] neighbours;

  /** The distance from centre a to neighbours[a * neighboursKept + i], when kept. */
  final double[] neighbourDistance;

  /** The largest shift, and which centre made it. */
  double maxShift;

  int maxShiftCentre;

  /** The largest shift of any centre but {@link #maxShiftCentre}. */
  double secondMaxShift;

  /**
   * Geometry for {@code k} centres in {@code columns} dimensions, keeping all distances between
   * centres when {@code keepDistances} and each centre's {@code neighboursKept} nearest others in
   * order (at most k - 1; 0 for none).
   */
  CentreGeometry(int k, int columns, boolean keepDistances, int neighboursKept) {
    this.k = k;
    this.columns = columns;
    this.keepDistances = keepDistances;
    this.neighboursKept = Math.min(neighboursKept, k - 1);
    this.shift = new double[k];
    this.halfNearest = new double[k];
    this.between = keepDistances ? new double[k * k] : null;
    int kept = this.neighboursKept;
    this.neighbours = kept > 0 ? new int[Math.multiplyExact(k, kept)] : null;
    this.neighbourDistance = kept > 0 ? new double[Math.multiplyExact(k, kept)] : null;
  }

  /** How many of each centre's others {@link #neighbours} holds per centre. */
  int neighboursKept() {
    return neighboursKept;
  }

  /** The largest shift of any centre other than {@code centre}. */
  double maxShiftExcept(int centre) {
    return centre == maxShiftCentre ? secondMaxShift : maxShift;
  }

  /** Measures the move from {@code previous} to {@code centres} (both row-major k x columns). */
  void measureShifts(double[] previous, double[] centres) {
    maxShift = 0;
    secondMaxShift = 0;
    maxShiftCentre = -1;
    for (int c = 0; c < k; c++) {
      double moved =
          Math.sqrt(
              SquaredEuclidean.distance(previous, c * columns, centres, c * columns, columns));
      shift[c] = moved;
      if (moved > maxShift) {
        secondMaxShift = maxShift;
        maxShift = moved;
        maxShiftCentre = c;
      } else if (moved > secondMaxShift) {
        secondMaxShift = moved;
      }
    }
  }

  /**
   * Measures the distances between {@code centres} (row-major k x columns) on the threads of {@code
   * runner}, or on {@code callerOnly} when there is too little to share. Every distance is computed
   * twice, once for each of its centres' rows; the two have the same bits (the differences are
   * negated exactly), and no row is written by two tasks.
   *
   * @throws InterruptedException if the calling thread is interrupted while waiting for others
   */
  void measureCentres(double[] centres, ChunkRunner runner, ChunkRunner callerOnly)
      throws InterruptedException {
    long work = (long) k * k * columns;
    ChunkRunner chosen = work < SHARED_WORK ? callerOnly : runner;
    int tasks = (k + CENTRES_PER_TASK - 1) / CENTRES_PER_TASK;
    chosen.run(0, tasks, (task, slot) -> measureRows(centres, task));
  }

  /** Measures the rows of the centres of one task. */
  private void measureRows(double[] centres, int task) {
    double[] row = new double[k];
    long[] keys = neighboursKept > 0 ? new long[k - 1] : null;
    int end = Math.min(k, (task + 1) * CENTRES_PER_TASK);
    for (int a = task * CENTRES_PER_TASK; a < end; a++) {
      double nearest = Double.POSITIVE_INFINITY;
      for (int b = 0; b < k; b++) {
        double distance =
            b == a
                ? 0
                : Math.sqrt(
                    SquaredEuclidean.distance(centres, a * columns, centres, b * columns, columns));
        row[b] = distance;
        if (b != a) {
          nearest = Math.min(nearest, distance);
        }
      }
      halfNearest[a] = nearest / 2;
      if (keepDistances) {
        System.arraycopy(row, 0, between, a * k, k);
      }
      if (keys != null) {
        sortNeighbours(a, row, keys);
      }
    }
  }

  /**
   * Keeps centre {@code a}'s nearest {@link #neighboursKept} others, given its distances {@code
   * row}, sorted by distance rounded down to float precision so that a primitive sort of packed
   * keys does it: the rounded distances, kept as {@link #neighbourDistance}, still only grow along
   * the order and never exceed the exact ones, which is all a scan that stops at the first
   * neighbour beyond a radius needs. Only the nearest are selected, then sorted: a scan that would
   * go past them sweeps all centres instead.
   */
  private void sortNeighbours(int a, double[] row, long[] keys) {
    int filled = 0;
    for (int b = 0; b < k; b++) {
      if (b != a) {
        float rounded = roundedDown(row[b]);
        // Non-negative floats order as their bits do; the index breaks ties, so keys are unique.
        keys[filled++] = ((long) Float.floatToIntBits(rounded) << 32) | b;
      }
    }
    if (neighboursKept < filled) {
      KeySelection.smallestFirst(keys, filled, neighboursKept);
    }
    Arrays.sort(keys, 0, neighboursKept);
    int first = a * neighboursKept;
    for (int i = 0; i < neighboursKept; i++) {
      neighbours[first + i] = (int) keys[i];
      neighbourDistance[first + i] = Float.intBitsToFloat((int) (keys[i] >>> 32));
    }
  }

  /** The largest float at most {@code value} (a non-negative distance). */
  private static float roundedDown(double value) {
    float rounded = (float) value;
    return rounded > value ? Math.nextDown(rounded) : rounded;
  }
}
