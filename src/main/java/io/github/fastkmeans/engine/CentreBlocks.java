package io.github.fastkmeans.engine;

import java.util.Arrays;

/**
 * An order of the centres in which every block of {@link #SIZE} consecutive ones lies close
 * together: the centres are split at the median of their projection on their principal axis, and
 * each half again, until a part holds one block (principal-direction divisive partitioning, D.
 * Boley, Data Mining and Knowledge Discovery 2(4), 1998). Tiled Yinyang keeps one bound per block
 * and row, and a tile of rows computes a block only when one of its rows cannot rule it out: the
 * tighter the blocks, the more of them a tile skips. Made once from the initial centres; the order
 * depends on the centres alone, never on the threads, and only decides how well the bounds prune,
 * never which centre a row gets.
 */
final class CentreBlocks {

  /** The centres of a block: the vector kernel's group. */
  static final int SIZE = 8;

  /** Power iterations for a part's principal axis: enough to split, the split need not be best. */
  private static final int AXIS_ITERATIONS = 12;

  private final double[] centres;
  private final int columns;

  /** The centre at each position; positions from k to the last block's end hold none. */
  private final int[] centreAt;

  private CentreBlocks(double[] centres, int k, int columns) {
    this.centres = centres;
    this.columns = columns;
    this.centreAt = new int[k];
    Arrays.setAll(centreAt, c -> c);
  }

  /** The blocks of k centres, the last one short where k is not a multiple of {@link #SIZE}. */
  static int count(int k) {
    return (k + SIZE - 1) / SIZE;
  }

  /** The centres' order for {@code k} centres {@code centres} (IN, row-major k x columns). */
  static int[] order(double[] centres, int k, int columns) {
    CentreBlocks blocks = new CentreBlocks(centres, k, columns);
    blocks.split(0, k);
    return blocks.centreAt;
  }

  /** The block of each centre in {@code order} (IN, as {@link #order} made it). */
  static int[] blockOf(int[] order) {
    int[] block = new int[order.length];
    for (int p = 0; p < order.length; p++) {
      block[order[p]] = p / SIZE;
    }
    return block;
  }

  /** Orders positions {@code [from, to)} so that their blocks lie close together. */
  private void split(int from, int to) {
    int count = to - from;
    if (count <= SIZE) {
      return;
    }
    double[] axis = principalAxis(from, to);
    double[] projection = new double[count];
    Integer[] sorted = new Integer[count];
    for (int p = 0; p < count; p++) {
      projection[p] = dot(centreAt[from + p], axis);
      sorted[p] = p;
    }
    // Ties keep their index order, so the order is the same wherever it is made.
    Arrays.sort(
        sorted,
        (a, b) -> {
          int byProjection = Double.compare(projection[a], projection[b]);
          return byProjection != 0 ? byProjection : Integer.compare(a, b);
        });
    int[] part = new int[count];
    for (int p = 0; p < count; p++) {
      part[p] = centreAt[from + sorted[p]];
    }
    System.arraycopy(part, 0, centreAt, from, count);
    // The first half ends on a block's end, so that no block straddles the two halves.
    int middle = from + ((count + 1) / 2 + SIZE - 1) / SIZE * SIZE;
    if (middle < to) {
      split(from, middle);
      split(middle, to);
    }
  }

  /** The direction of largest spread of the centres at positions {@code [from, to)}. */
  private double[] principalAxis(int from, int to) {
    double[] mean = new double[columns];
    for (int p = from; p < to; p++) {
      for (int j = 0; j < columns; j++) {
        mean[j] += centres[centreAt[p] * columns + j];
      }
    }
    for (int j = 0; j < columns; j++) {
      mean[j] /= to - from;
    }
    double[] axis = new double[columns];
    // A fixed start, not parallel to a coordinate axis, so that the iteration rarely begins
    // orthogonal to the spread.
    for (int j = 0; j < columns; j++) {
      axis[j] = 1 + 0.01 * j;
    }
    double[] next = new double[columns];
    for (int iteration = 0; iteration < AXIS_ITERATIONS; iteration++) {
      Arrays.fill(next, 0);
      for (int p = from; p < to; p++) {
        int offset = centreAt[p] * columns;
        double along = 0;
        for (int j = 0; j < columns; j++) {
          along += (centres[offset + j] - mean[j]) * axis[j];
        }
        for (int j = 0; j < columns; j++) {
          next[j] += along * (centres[offset + j] - mean[j]);
        }
      }
      double norm = Math.sqrt(CentreColumns.squaredNorm(next, 0, columns));
      if (!(norm > 0) || Double.isInfinite(norm)) {
        break;
      }
      for (int j = 0; j < columns; j++) {
        axis[j] = next[j] / norm;
      }
    }
    return axis;
  }

  private double dot(int centre, double[] axis) {
    double sum = 0;
    for (int j = 0; j < columns; j++) {
      sum += centres[centre * columns + j] * axis[j];
    }
    return sum;
  }
}
