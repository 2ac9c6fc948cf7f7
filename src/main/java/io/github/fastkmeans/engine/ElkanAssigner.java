package io.github.fastkmeans.engine;

import io.github.fastkmeans.parallel.ChunkRunner;
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

  /** Row-major k x k: half the distance between two centres. */
  private final double[] halfBetween;

  private final CentreGeometry geometry;

  /** Whether the centres moved since their distances were last measured. */
  private boolean centresPending;

  ElkanAssigner(DataMatrix data, double[] centres, int[] labels) {
    super(data, centres, labels);
    this.lower = new double[Math.multiplyExact(data.rows(), k)];
    this.upper = new double[data.rows()];
    this.halfBetween = new double[k * k];
    this.geometry = new CentreGeometry(k, columns, true, 0);
  }

  @Override
  void centresMoved(double[] previous) {
    geometry.measureShifts(previous, centres);
    // The distances between centres, O(k^2) work, are measured before the pass on all threads.
    centresPending = true;
  }

  @Override
  long beforePass(ChunkRunner runner, ChunkRunner callerOnly) throws InterruptedException {
    if (centresPending) {
      geometry.measureCentres(centres, centreColumns, runner, callerOnly);
      for (int i = 0; i < halfBetween.length; i++) {
        halfBetween[i] = geometry.between[i] / 2;
      }
      centresPending = false;
    }
    return 0;
  }

  @Override
  void rowMoved(int row) {
    Arrays.fill(lower, row * k, (row + 1) * k, 0);
    upper[row] = Double.POSITIVE_INFINITY;
  }

  @Override
  void assign(int start, int end, ClusterSums sums) {
    long computed = 0;
    double[] shift = geometry.shift;
    CentreColumns.Scratch scratch = null;
    int[] candidates = new int[k];
    for (int row = start; row < end; row++) {
      int base = row * k;
      int best = labels[row];
      double bestDistance = upper[row] + shift[best];
      // A bound below zero proves nothing, as zero would not: no need to clamp it.
      for (int c = 0; c < k; c++) {
        lower[base + c] -= shift[c];
      }
      if (provesCloser(bestDistance, geometry.halfNearest[best])) {
        upper[row] = bestDistance;
        continue;
      }
      // Bounds above this prove a centre farther than the best; recomputed whenever the best
      // changes. The best only gets nearer, so a centre ruled out now stays ruled out: only the
      // others are visited below, in index order as before.
      double limit = pruningLimit(bestDistance);
      int count = collectCandidates(base, limit, candidates);
      if (sweepsAll(count)) {
        // Many centres may be nearer: one sweep over all of them costs less than one at a time.
        if (scratch == null) {
          scratch = centreColumns.newScratch();
        }
        scanAll(row, scratch, sums);
        computed += k;
        continue;
      }
      boolean exact = false;
      double bestSquared = Double.POSITIVE_INFINITY;
      for (int i = 0; i < count; i++) {
        int c = candidates[i];
        if (c == best || lower[base + c] > limit || halfBetween[best * k + c] > limit) {
          continue;
        }
        if (!exact) {
          // The bound on the own distance failed to prove c farther: the exact distance may.
          bestSquared = squaredDistance(row, best);
          computed++;
          bestDistance = Math.sqrt(bestSquared);
          lower[base + best] = bestDistance;
          limit = pruningLimit(bestDistance);
          exact = true;
          if (lower[base + c] > limit || halfBetween[best * k + c] > limit) {
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
          limit = pruningLimit(bestDistance);
          best = c;
        }
      }
      upper[row] = bestDistance;
      record(row, best, sums);
    }
    sums.countDistances(computed);
  }

  /**
   * Writes into {@code out}, in index order, the centres whose lower bounds for the row at {@code
   * base} are within {@code limit}, and returns how many there are.
   */
  private int collectCandidates(int base, double limit, int[] out) {
    int count = 0;
    for (int c = 0; c < k; c++) {
      out[count] = c;
      count += lower[base + c] <= limit ? 1 : 0;
    }
    return count;
  }

  /** Compares the row with every centre and makes all its bounds exact. */
  @Override
  void scanAll(int row, CentreColumns.Scratch scratch, ClusterSums sums) {
    int best = nearestOfAll(row, scratch);
    double[] distances = scratch.distances;
    int base = row * k;
    for (int c = 0; c < k; c++) {
      lower[base + c] = Math.sqrt(distances[c]);
    }
    upper[row] = lower[base + best];
    record(row, best, sums);
  }
}
