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

  /** Bits sorted per radix pass: the counts of one pass stay in the first-level cache. */
  private static final int RADIX_BITS = 11;

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
    split(newNode(0, rows), codes, rowBits);
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
   * first differ, and its children likewise, until a node is small or all its rows share a code.
   * Each level consumes at least one bit of the code, so the depth is at most 64.
   */
  private void split(int node, long[] codes, int rowBits) {
    int from = start[node];
    int to = end[node];
    long differing = (codes[from] ^ codes[to - 1]) >>> rowBits;
    if (to - from <= LEAF_ROWS || differing == 0) {
      return;
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
    split(left, codes, rowBits);
    split(left + 1, codes, rowBits);
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

  /** Morton codes of the rows of a matrix, sorted, each with its row in the low bits. */
  static final class MortonCodes {

    private MortonCodes() {}

    /**
     * The rows' codes, sorted: each row's coordinates quantised over the data's range to as many
     * bits as fit above {@code rowBits}, shared between the widest columns, interleaved from the
     * top bit down, with the row index below; rows with equal codes keep their order.
     */
    static long[] of(DataMatrix data, int rowBits) {
      int rows = data.rows();
      int columns = data.columns();
      double[] values = data.values();
      double[] low = new double[columns];
      double[] high = new double[columns];
      Arrays.fill(low, Double.POSITIVE_INFINITY);
      Arrays.fill(high, Double.NEGATIVE_INFINITY);
      for (int row = 0; row < rows; row++) {
        for (int j = 0; j < columns; j++) {
          double value = values[row * columns + j];
          if (value < low[j]) {
            low[j] = value;
          }
          if (value > high[j]) {
            high[j] = value;
          }
        }
      }
      int[] used = widestFirst(low, high, Math.min(columns, 64 - rowBits));
      int bitsEach = Math.min(31, (64 - rowBits) / Math.max(1, used.length));
      double[] scale = new double[used.length];
      long largest = (1L << bitsEach) - 1;
      for (int u = 0; u < used.length; u++) {
        // Halves, so that even the widest range of doubles has a finite width.
        double halfWidth = high[used[u]] / 2 - low[used[u]] / 2;
        scale[u] = halfWidth > 0 ? largest / halfWidth : 0;
      }
      long[] spread = spreadTable(used.length);
      long[] codes = new long[rows];
      for (int row = 0; row < rows; row++) {
        long code = 0;
        for (int u = 0; u < used.length; u++) {
          double offset = (values[row * columns + used[u]] / 2 - low[used[u]] / 2) * scale[u];
          long quantised = Math.min(largest, Math.max(0, (long) offset));
          code |= spreadBits(quantised, bitsEach, spread, used.length) << (used.length - 1 - u);
        }
        codes[row] = (code << rowBits) | row;
      }
      sortAbove(codes, rowBits, rowBits + bitsEach * used.length);
      return codes;
    }

    /** The {@code count} columns of widest range, widest first; columns without range last. */
    private static int[] widestFirst(double[] low, double[] high, int count) {
      Integer[] order = new Integer[low.length];
      for (int j = 0; j < order.length; j++) {
        order[j] = j;
      }
      Arrays.sort(
          order, (a, b) -> Double.compare(high[b] / 2 - low[b] / 2, high[a] / 2 - low[a] / 2));
      int[] widest = new int[count];
      for (int u = 0; u < count; u++) {
        widest[u] = order[u];
      }
      return widest;
    }

    /** For every byte, its bits moved {@code stride} apart: bit t to bit {@code t * stride}. */
    private static long[] spreadTable(int stride) {
      long[] table = new long[256];
      for (int value = 0; value < 256; value++) {
        long spread = 0;
        for (int t = 0; t < 8 && t * stride < 64; t++) {
          spread |= (long) ((value >>> t) & 1) << (t * stride);
        }
        table[value] = spread;
      }
      return table;
    }

    /** The low {@code bits} bits of {@code value}, bit t moved to bit {@code t * stride}. */
    private static long spreadBits(long value, int bits, long[] table, int stride) {
      long spread = 0;
      for (int shift = 0; shift < bits; shift += 8) {
        spread |= table[(int) ((value >>> shift) & 0xff)] << (shift * stride);
      }
      return spread;
    }

    /**
     * Sorts {@code codes} by their bits {@code [fromBit, toBit)}, stably (least significant digit
     * first), skipping digits all codes share.
     */
    private static void sortAbove(long[] codes, int fromBit, int toBit) {
      long[] spare = new long[codes.length];
      long[] source = codes;
      int[] counts = new int[(1 << RADIX_BITS) + 1];
      for (int shift = fromBit; shift < toBit; shift += RADIX_BITS) {
        int width = Math.min(RADIX_BITS, toBit - shift);
        int mask = (1 << width) - 1;
        Arrays.fill(counts, 0);
        for (long code : source) {
          counts[(int) ((code >>> shift) & mask) + 1]++;
        }
        if (counts[(int) ((source[0] >>> shift) & mask) + 1] == source.length) {
          continue;
        }
        for (int digit = 0; digit < mask + 1; digit++) {
          counts[digit + 1] += counts[digit];
        }
        for (long code : source) {
          spare[counts[(int) ((code >>> shift) & mask)]++] = code;
        }
        long[] sorted = spare;
        spare = source;
        source = sorted;
      }
      if (source != codes) {
        System.arraycopy(source, 0, codes, 0, codes.length);
      }
    }
  }
}
