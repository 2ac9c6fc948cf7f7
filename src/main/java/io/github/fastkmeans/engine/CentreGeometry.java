package io.github.fastkmeans.engine;

import java.util.Arrays;

/**
 * What the bound-based assignment steps know about the centres between two passes: how far each
 * centre moved in the last update, half the distance from each centre to its nearest other centre,
 * and optionally all distances between centres and each centre's others sorted by distance.
 * Computed once per iteration on one thread, read by all.
 */
final class CentreGeometry {

  private final int k;
  private final int columns;
  private final boolean keepDistances;
  private final boolean keepNeighbours;

  /** How far each centre moved in the last update (Euclidean). */
  final double[] shift;

  /** Half the distance from each centre to its nearest other centre. */
  final double[] halfNearest;

  /** Row-major k x k distances between centres, when kept. */
  final double[] between;

  /** For centre a, the other centres by increasing distance: a * (k - 1) + i, when kept. */
  final int[] neighbours;

  /** The distance from centre a to neighbours[a * (k - 1) + i], when kept. */
  final double[] neighbourDistance;

  /** The largest shift, and which centre made it. */
  double maxShift;

  int maxShiftCentre;

  /** The largest shift of any centre but {@link #maxShiftCentre}. */
  double secondMaxShift;

  CentreGeometry(int k, int columns, boolean keepDistances, boolean keepNeighbours) {
    this.k = k;
    this.columns = columns;
    this.keepDistances = keepDistances || keepNeighbours;
    this.keepNeighbours = keepNeighbours;
    this.shift = new double[k];
    this.halfNearest = new double[k];
    this.between = this.keepDistances ? new double[k * k] : null;
    this.neighbours = keepNeighbours ? new int[k * (k - 1)] : null;
    this.neighbourDistance = keepNeighbours ? new double[k * (k - 1)] : null;
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

  /** Measures the distances between {@code centres}. */
  void measureCentres(double[] centres) {
    Arrays.fill(halfNearest, Double.POSITIVE_INFINITY);
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        double distance =
            Math.sqrt(
                SquaredEuclidean.distance(centres, a * columns, centres, b * columns, columns));
        if (keepDistances) {
          between[a * k + b] = distance;
          between[b * k + a] = distance;
        }
        halfNearest[a] = Math.min(halfNearest[a], distance / 2);
        halfNearest[b] = Math.min(halfNearest[b], distance / 2);
      }
    }
    if (keepNeighbours) {
      sortNeighbours();
    }
  }

  /**
   * Sorts each centre's others by distance, rounded down to float precision so that a primitive
   * sort of packed keys does it: the rounded distances, kept as {@link #neighbourDistance}, still
   * only grow along the order and never exceed the exact ones, which is all a scan that stops at
   * the first neighbour beyond a radius needs.
   */
  private void sortNeighbours() {
    long[] keys = new long[k - 1];
    for (int a = 0; a < k; a++) {
      int filled = 0;
      for (int b = 0; b < k; b++) {
        if (b != a) {
          float rounded = roundedDown(between[a * k + b]);
          // Non-negative floats order as their bits do; the index breaks ties.
          keys[filled++] = ((long) Float.floatToIntBits(rounded) << 32) | b;
        }
      }
      Arrays.sort(keys);
      for (int i = 0; i < k - 1; i++) {
        neighbours[a * (k - 1) + i] = (int) keys[i];
        neighbourDistance[a * (k - 1) + i] = Float.intBitsToFloat((int) (keys[i] >>> 32));
      }
    }
  }

  /** The largest float at most {@code value} (a non-negative distance). */
  private static float roundedDown(double value) {
    float rounded = (float) value;
    return rounded > value ? Math.nextDown(rounded) : rounded;
  }
}
