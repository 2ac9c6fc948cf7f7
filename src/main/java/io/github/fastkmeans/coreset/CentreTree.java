package io.github.fastkmeans.coreset;

import io.github.fastkmeans.engine.SquaredEuclidean;

/**
 * A k-d tree over a set of centres, for the nearest centre of one point at a time: each node splits
 * its centres at the median of the coordinate along which they spread most, and a search skips a
 * subtree when the point's distance to its splitting plane is not below the best distance so far.
 * Started from a good guess (the point's previous centre, which moved little), a search in few
 * dimensions compares the point with a few dozen centres instead of all of them; the answer is
 * exact.
 *
 * <p>J. L. Bentley, "Multidimensional binary search trees used for associative searching",
 * Communications of the ACM 18(9), 1975; J. H. Friedman, J. L. Bentley, R. A. Finkel, "An algorithm
 * for finding best matches in logarithmic expected time", ACM TOMS 3(3), 1977.
 */
final class CentreTree {

  /** Centres per leaf: below this, comparing with each costs less than splitting further. */
  private static final int LEAF_SIZE = 8;

  private final double[] centres;
  private final int columns;

  /** The centres' indices, arranged so that every node's centres are a contiguous range. */
  private final int[] order;

  /** Per node: the splitting coordinate, or -1 for a leaf. */
  private final int[] splitColumn;

  /** Per node: the splitting value (the median centre's coordinate). */
  private final double[] splitValue;

  /** Per node: the first of its centres in {@link #order}. */
  private final int[] from;

  /** Per node: one past the last of its centres in {@link #order}. */
  private final int[] to;

  /** Per node: its children's node numbers (lower half, upper half). */
  private final int[] lower;

  private final int[] upper;

  private int nodes;

  /** The nearest centre found so far by one search; one per thread, the tree being shared. */
  static final class Nearest {
    /** The index of the nearest centre found. */
    int centre;

    /** Its squared distance to the point. */
    double distance;
  }

  /**
   * A tree over the first {@code k} centres of {@code centres} (IN, row-major, kept, not copied).
   */
  CentreTree(double[] centres, int k, int columns) {
    this.centres = centres;
    this.columns = columns;
    this.order = new int[k];
    for (int c = 0; c < k; c++) {
      order[c] = c;
    }
    // Median splits leave at least LEAF_SIZE / 2 centres in every leaf but a lone root: fewer
    // than k / 2 leaves and inner nodes in all.
    int capacity = k / 2 + 2;
    this.splitColumn = new int[capacity];
    this.splitValue = new double[capacity];
    this.from = new int[capacity];
    this.to = new int[capacity];
    this.lower = new int[capacity];
    this.upper = new int[capacity];
    build(0, k);
  }

  /** Builds the node of {@code order[start .. end)} and returns its number. */
  private int build(int start, int end) {
    int node = nodes++;
    from[node] = start;
    to[node] = end;
    splitColumn[node] = -1;
    if (end - start <= LEAF_SIZE || columns == 0) {
      return node;
    }
    int widest = widestColumn(centres, columns, order, start, end);
    if (widest < 0) {
      // All centres of the node coincide: nothing to split.
      return node;
    }
    int middle = (start + end) >>> 1;
    select(start, end, middle, widest);
    splitColumn[node] = widest;
    splitValue[node] = centres[order[middle] * columns + widest];
    int low = build(start, middle);
    int high = build(middle, end);
    lower[node] = low;
    upper[node] = high;
    return node;
  }

  /**
   * The column in which the centres {@code items[from .. to)} (row-major in {@code centres}) spread
   * widest, the first of equals; -1 when they coincide in every column.
   */
  static int widestColumn(double[] centres, int columns, int[] items, int from, int to) {
    int widest = -1;
    double widestSpan = 0;
    for (int j = 0; j < columns; j++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        double v = centres[items[i] * columns + j];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (max - min > widestSpan) {
        widestSpan = max - min;
        widest = j;
      }
    }
    return widest;
  }

  /** Rearranges {@code order[start .. end)} so that position {@code nth} holds its median in j. */
  private void select(int start, int end, int nth, int j) {
    int left = start;
    int right = end - 1;
    while (left < right) {
      double pivot = centres[order[(left + right) >>> 1] * columns + j];
      int i = left;
      int k = right;
      while (i <= k) {
        while (centres[order[i] * columns + j] < pivot) {
          i++;
        }
        while (centres[order[k] * columns + j] > pivot) {
          k--;
        }
        if (i <= k) {
          int swap = order[i];
          order[i] = order[k];
          order[k] = swap;
          i++;
          k--;
        }
      }
      if (nth <= k) {
        right = k;
      } else if (nth >= i) {
        left = i;
      } else {
        return;
      }
    }
  }

  /** What {@link #near} does with each centre it cannot rule out. */
  @FunctionalInterface
  interface CentreVisitor {
    /** Called with the index of a centre that may lie within its bound of the point. */
    void visit(int centre);
  }

  /**
   * Sets {@code best} (OUT) to the centre nearest to the point at {@code values[offset ..]} and its
   * squared distance, the search starting from the guess {@code guess} (a centre index): the guess
   * itself when the point lies on it, else the nearest centre of lowest index.
   */
  void nearest(double[] values, int offset, int guess, Nearest best) {
    best.centre = guess;
    best.distance = SquaredEuclidean.distance(values, offset, centres, guess * columns, columns);
    // A point on its guess has it for nearest; after a reduction's first M-step that is every
    // point alone in its group, most of them.
    if (best.distance > 0) {
      search(0, values, offset, best);
    }
  }

  private void search(int node, double[] values, int offset, Nearest best) {
    int column = splitColumn[node];
    if (column < 0) {
      for (int i = from[node]; i < to[node]; i++) {
        int c = order[i];
        if (c != best.centre) {
          double d = SquaredEuclidean.distance(values, offset, centres, c * columns, columns);
          if (d < best.distance || (d == best.distance && c < best.centre)) {
            best.distance = d;
            best.centre = c;
          }
        }
      }
      return;
    }
    double gap = values[offset + column] - splitValue[node];
    int near = gap < 0 ? lower[node] : upper[node];
    int far = gap < 0 ? upper[node] : lower[node];
    search(near, values, offset, best);
    // Centres equal to the split value lie on both sides of it: the far side may tie.
    if (gap * gap <= best.distance) {
      search(far, values, offset, best);
    }
  }
}
