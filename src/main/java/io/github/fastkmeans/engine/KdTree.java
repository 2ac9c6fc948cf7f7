package io.github.fastkmeans.engine;

import java.util.Arrays;

/**
 * A k-d tree over the rows of a matrix, each node a range of positions in the tree's order of the
 * rows and the tight bounding box of those rows. The order is that of the rows' Morton codes (their
 * quantised coordinates with the bits interleaved), sorted by radix; a node splits where its rows'
 * codes first differ, which halves its cell in one column. A few linear passes build it, where
 * splitting level by level would take one pass per level.
 *
 * <p>The rows' values are copied in tree order, so that a node's rows are read sequentially.
 */
final class KdTree {

  /** A node with at most this many rows is a leaf. */
  static final int LEAF_ROWS = 16;

  /** How many times the rows of a path down the tree are coded again over a smaller range. */
  private static final int MOST_RECODINGS = 8;

  private final int columns;

  /** The row at each tree position. */
  final int[] rowAt;

  /** The values of the rows in tree order, {@code columns} per position. */
  final double[] points;

  /** Per node: its first position and one past its last. */
  private int[] start;

  private int[] end;

  /** Per node: its first child, the second being the next node; -1 for a leaf. */
  private int[] firstChild;

  /** Per node: the smallest and the largest value of each column, {@code columns} per node. */
  private double[] low;

  private double[] high;

  private int nodes;

  /** Builds the tree of {@code data}; the data are not changed. */
  KdTree(DataMatrix data) {
    this.columns = data.columns();
    int rows = data.rows();
    int rowBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, rows - 1));
    long[] codes = MortonCodes.of(data, rowBits);
    this.rowAt = new int[rows];
    this.points = new double[rows * columns];
    double[] values = data.values();
    long rowMask = (1L << rowBits) - 1;
    for (int p = 0; p < rows; p++) {
      int row = (int) (codes[p] & rowMask);
      rowAt[p] = row;
      System.arraycopy(values, row * columns, points, p * columns, columns);
    }
    int capacity = Math.max(1, 4 * (rows / LEAF_ROWS) + 1);
    this.start = new int[capacity];
    this.end = new int[capacity];
    this.firstChild = new int[capacity];
    this.low = new double[capacity * columns];
    this.high = new double[capacity * columns];
    split(newNode(0, rows), codes, rowBits, 0);
    fitBoxes();
  }

  /** The number of nodes; node 0 is the root. */
  int nodes() {
    return nodes;
  }

  /** The first position of a node. */
  int start(int node) {
    return start[node];
  }

  /** One past the last position of a node. */
  int end(int node) {
    return end[node];
  }

  /** Whether a node is a leaf. */
  boolean isLeaf(int node) {
    return firstChild[node] < 0;
  }

  /** The first child of an inner node; the second is the next node. */
  int firstChild(int node) {
    return firstChild[node];
  }

  /** The smallest values of a node's rows, column j at {@code node * columns + j}. */
  double[] low() {
    return low;
  }

  /** The largest values of a node's rows, column j at {@code node * columns + j}. */
  double[] high() {
    return high;
  }

  private int newNode(int from, int to) {
    if (nodes == start.length) {
      int capacity = 2 * nodes;
      start = Arrays.copyOf(start, capacity);
      end = Arrays.copyOf(end, capacity);
      firstChild = Arrays.copyOf(firstChild, capacity);
      low = Arrays.copyOf(low, capacity * columns);
      high = Arrays.copyOf(high, capacity * columns);
    }
    int node = nodes++;
    start[node] = from;
    end[node] = to;
    firstChild[node] = -1;
    return node;
  }

  /**
   * Splits {@code node} where the codes of its rows (sorted, the row in the low {@code rowBits})
   * first differ, and its children likewise, until a node is small or all its rows are equal. Each
   * level consumes at least one bit of the code; rows that share a code but differ (their range is
   * tiny next to the data's, as beside a far outlier) are coded again over their own range, at most
   * {@link #MOST_RECODINGS} times on a path, which bounds the depth.
   */
  private void split(int node, long[] codes, int rowBits, int recodings) {
    int from = start[node];
    int to = end[node];
    if (to - from <= LEAF_ROWS) {
      return;
    }
    long differing = (codes[from] ^ codes[to - 1]) >>> rowBits;
    if (differing == 0) {
      if (recodings == MOST_RECODINGS) {
        return;
      }
      // Equal rows get equal codes again and stay a leaf.
      recode(from, to, codes, rowBits);
      recodings++;
      differing = (codes[from] ^ codes[to - 1]) >>> rowBits;
      if (differing == 0) {
        return;
      }
    }
    long bit = Long.highestOneBit(differing) << rowBits;
    // Sorted codes sharing the bits above this one: those without it come first.
    int low = from;
    int high = to - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if ((codes[middle] & bit) == 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    int left = newNode(from, low);
    newNode(low, to);
    firstChild[node] = left;
    split(left, codes, rowBits, recodings);
    split(left + 1, codes, rowBits, recodings);
  }

  /** Codes positions {@code [from, to)} again over their own range and puts them in that order. */
  private void recode(int from, int to, long[] codes, int rowBits) {
    long[] local = MortonCodes.of(points, columns, from, to, rowBits);
    long indexMask = (1L << rowBits) - 1;
    int[] rows = Arrays.copyOfRange(rowAt, from, to);
    double[] values = Arrays.copyOfRange(points, from * columns, to * columns);
    for (int i = 0; i < local.length; i++) {
      int old = (int) (local[i] & indexMask);
      rowAt[from + i] = rows[old];
      System.arraycopy(values, old * columns, points, (from + i) * columns, columns);
      codes[from + i] = local[i];
    }
  }

  /**
   * Sets every node's box to its rows: leaves from their rows, inner nodes from their children,
   * which were created after them.
   */
  private void fitBoxes() {
    for (int node = nodes - 1; node >= 0; node--) {
      int base = node * columns;
      if (firstChild[node] < 0) {
        measureBox(node);
      } else {
        int left = firstChild[node] * columns;
        int right = left + columns;
        for (int j = 0; j < columns; j++) {
          low[base + j] = Math.min(low[left + j], low[right + j]);
          high[base + j] = Math.max(high[left + j], high[right + j]);
        }
      }
    }
  }

  /** Sets a leaf's box to the smallest and largest value of each column over its rows. */
  private void measureBox(int node) {
    int base = node * columns;
    int from = start[node];
    int to = end[node];
    System.arraycopy(points, from * columns, low, base, columns);
    System.arraycopy(points, from * columns, high, base, columns);
    for (int p = from + 1; p < to; p++) {
      for (int j = 0; j < columns; j++) {
        double value = points[p * columns + j];
        // Conditional moves: whether a row widens the box is a coin toss for a branch.
        low[base + j] = value < low[base + j] ? value : low[base + j];
        high[base + j] = value > high[base + j] ? value : high[base + j];
      }
    }
  }
}
