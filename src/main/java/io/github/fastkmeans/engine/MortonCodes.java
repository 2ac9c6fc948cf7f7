package io.github.fastkmeans.engine;

import java.util.Arrays;

/**
 * Morton codes of the rows of a matrix, sorted, each with its row in the low bits: the order of a
 * {@link KdTree}. Sorting the codes by radix takes a few linear passes.
 */
final class MortonCodes {

  /** Bits sorted per radix pass: the counts of one pass stay in the first-level cache. */
  private static final int RADIX_BITS = 11;

  private MortonCodes() {}

  /**
   * The rows' codes, sorted: each row's coordinates quantised over the data's range to as many bits
   * as fit above {@code rowBits}, shared between the widest columns, interleaved from the top bit
   * down, with the row index below; rows with equal codes keep their order.
   */
  static long[] of(DataMatrix data, int rowBits) {
    return of(data.values(), data.columns(), 0, data.rows(), rowBits);
  }

  /**
   * As {@link #of(DataMatrix, int)} for rows {@code [from, to)} of the row-major {@code values},
   * quantised over their own range, each with its index relative to {@code from} in the low bits.
   */
  static long[] of(double[] values, int columns, int from, int to, int rowBits) {
    double[] low = new double[columns];
    double[] high = new double[columns];
    Arrays.fill(low, Double.POSITIVE_INFINITY);
    Arrays.fill(high, Double.NEGATIVE_INFINITY);
    for (int row = from; row < to; row++) {
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
    long[] codes = new long[to - from];
    for (int row = from; row < to; row++) {
      long code = 0;
      for (int u = 0; u < used.length; u++) {
        double offset = (values[row * columns + used[u]] / 2 - low[used[u]] / 2) * scale[u];
        long quantised = Math.min(largest, Math.max(0, (long) offset));
        code |= spreadBits(quantised, bitsEach, spread, used.length) << (used.length - 1 - u);
      }
      codes[row - from] = (code << rowBits) | (row - from);
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
