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
  private static final int CENTRES_PER_TASK = 64;

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

  /** Row-major k x k lower bounds on the distances between centres, when kept. */
  final double[] between;

  /**
   * For centre a, its {@link #neighboursKept} nearest others in annuli: a * neighboursKept + i,
   * when kept. The first {@link #SORTED_NEIGHBOURS} are sorted by distance; after them come annuli
   * of growing size, each unordered within but nearer than the next (Newling and Fleuret's
   * exponion: a scan that stops at the first annulus beyond its radius needs no more order, and the
   * partial order costs a few linear passes instead of a sort).
   */
  final int[] neighbours;

  /** A lower bound on the distance from centre a to neighbours[a * neighboursKept + i]. */
  final double[] neighbourDistance;

  /** How many neighbours come first in sorted order. */
  static final int SORTED_NEIGHBOURS = 8;

  /**
   * Each annulus ends this many times farther along the neighbours than it starts: a scan checks
   * the bound of every neighbour of the annuli it enters, which costs little beside a distance,
   * while every annulus costs a selection pass over the kept neighbours.
   */
  private static final int ANNULUS_GROWTH = 4;

  /** Where each annulus ends in a centre's neighbours: the first is the sorted ones. */
  private final int[] annulusEnds;

  /** The least distance of annulus i of centre a: a * annuli + i, when kept. */
  final double[] annulusStart;

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
    int annuli = 0;
    for (int end = 0; end < kept; end = nextAnnulusEnd(end)) {
      annuli++;
    }
    this.annulusEnds = new int[annuli];
    for (int i = 0, end = 0; i < annuli; i++) {
      end = nextAnnulusEnd(end);
      annulusEnds[i] = end;
    }
    this.annulusStart = kept > 0 ? new double[k * annuli] : null;
  }

  /** Where the annulus that starts at {@code start} ends. */
  private int nextAnnulusEnd(int start) {
    return Math.min(neighboursKept, start == 0 ? SORTED_NEIGHBOURS : ANNULUS_GROWTH * start);
  }

  /** The number of annuli of each centre's neighbours. */
  int annuli() {
    return annulusEnds.length;
  }

  /** Where annulus {@code i} ends in every centre's neighbours. */
  int annulusEnd(int i) {
    return annulusEnds[i];
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
   * Measures the distances between {@code centres} (row-major k x columns, also in {@code table})
   * on the threads of {@code runner}, or on {@code callerOnly} when there is too little to share.
   * Each centre's row is one sweep of {@code table} ({@link CentreColumns#nearest}): lower bounds
   * on the distances, exact near the centre, four to five times faster than exact distances one at
   * a time. Lower bounds are all the bounds need: a centre's nearest other is made exact, so that
   * {@link #halfNearest} is the exact half distance, and the others only prune a little less when a
   * bound is loose. No row is written by two tasks, so the result does not depend on the thread
   * count.
   *
   * @throws InterruptedException if the calling thread is interrupted while waiting for others
   */
  void measureCentres(
      double[] centres, CentreColumns table, ChunkRunner runner, ChunkRunner callerOnly)
      throws InterruptedException {
    long work = (long) k * k * columns;
    ChunkRunner chosen = work < SHARED_WORK ? callerOnly : runner;
    int tasks = (k + CENTRES_PER_TASK - 1) / CENTRES_PER_TASK;
    chosen.run(0, tasks, (task, slot) -> measureRows(centres, table, task));
  }

  /** Measures the rows of the centres of one task. */
  private void measureRows(double[] centres, CentreColumns table, int task) {
    CentreColumns.Scratch scratch = table.newScratch();
    double[] row = scratch.distances;
    long[] keys = neighboursKept > 0 ? new long[k - 1] : null;
    int end = Math.min(k, (task + 1) * CENTRES_PER_TASK);
    for (int a = task * CENTRES_PER_TASK; a < end; a++) {
      int offset = a * columns;
      table.nearest(centres, offset, CentreColumns.squaredNorm(centres, offset, columns), scratch);
      row[a] = 0;
      halfNearest[a] = Math.sqrt(nearestOther(centres, a, row)) / 2;
      for (int b = 0; b < k; b++) {
        row[b] = Math.sqrt(row[b]);
      }
      if (keepDistances) {
        System.arraycopy(row, 0, between, a * k, k);
      }
      if (keys != null) {
        sortNeighbours(a, row, keys);
      }
    }
  }

  /**
   * The exact squared distance from centre {@code a} to its nearest other, given lower bounds on
   * the squared distances to all ({@code squared}, IN/OUT: the bounds of the candidates are made
   * exact): the least bound's centre is measured exactly, then every centre whose bound is below
   * that distance. Infinite when there is no other centre.
   */
  private double nearestOther(double[] centres, int a, double[] squared) {
    int least = -1;
    for (int b = 0; b < k; b++) {
      if (b != a && (least < 0 || squared[b] < squared[least])) {
        least = b;
      }
    }
    if (least < 0) {
      return Double.POSITIVE_INFINITY;
    }
    double nearest = exactSquared(centres, a, least);
    squared[least] = nearest;
    for (int b = 0; b < k; b++) {
      if (b != a && b != least && squared[b] < nearest) {
        squared[b] = exactSquared(centres, a, b);
        nearest = Math.min(nearest, squared[b]);
      }
    }
    return nearest;
  }

  private double exactSquared(double[] centres, int a, int b) {
    return SquaredEuclidean.distance(centres, a * columns, centres, b * columns, columns);
  }

  /**
   * Keeps centre {@code a}'s nearest {@link #neighboursKept} others, given its distances {@code
   * row}, in annuli by distance rounded down to float precision, so that selections of packed
   * primitive keys do it: the rounded distances, kept as {@link #neighbourDistance}, never exceed
   * the exact ones. Only the nearest are kept: a scan that would go past them sweeps all centres
   * instead.
   */
  private void sortNeighbours(int a, double[] row, long[] keys) {
    int filled = 0;
    for (int b = 0; b < k; b++) {
      if (b != a) {
        // Non-negative floats order as their bits do; the index breaks ties, so keys are unique.
        keys[filled++] = ((long) roundedDownBits(row[b]) << 32) | b;
      }
    }
    if (neighboursKept < filled) {
      KeySelection.smallestFirst(keys, filled, neighboursKept);
    }
    for (int i = annulusEnds.length - 1; i > 0; i--) {
      KeySelection.smallestFirst(keys, annulusEnds[i], annulusEnds[i - 1]);
    }
    Arrays.sort(keys, 0, annulusEnds[0]);
    int first = a * neighboursKept;
    for (int i = 0; i < neighboursKept; i++) {
      neighbours[first + i] = (int) keys[i];
      neighbourDistance[first + i] = Float.intBitsToFloat((int) (keys[i] >>> 32));
    }
    int annuli = annulusEnds.length;
    for (int i = 0; i < annuli; i++) {
      int start = i == 0 ? 0 : annulusEnds[i - 1];
      double least = Double.POSITIVE_INFINITY;
      for (int n = start; n < annulusEnds[i]; n++) {
        least = Math.min(least, neighbourDistance[first + n]);
      }
      annulusStart[a * annuli + i] = least;
    }
  }

  /**
   * The bits of the largest float at most {@code value} (a non-negative distance): one below those
   * of the nearest float when that is above, without a branch, which would be mispredicted half the
   * time.
   */
  private static int roundedDownBits(double value) {
    float rounded = (float) value;
    return Float.floatToRawIntBits(rounded) - (rounded > value ? 1 : 0);
  }
}
