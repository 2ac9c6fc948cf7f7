package io.github.fastkmeans.engine;

/**
 * Moves the smallest of a set of distinct keys to its front, in linear expected time (Hoare's
 * selection, C. A. R. Hoare, "Algorithm 65: Find", CACM 4(7), 1961): for a sort of only the
 * smallest keys. The pivots are medians of three, so the work depends only on the keys.
 */
final class KeySelection {

  private KeySelection() {}

  /**
   * Reorders {@code keys[0, length)} (IN/OUT, distinct) so that its {@code count} smallest come
   * first, in no particular order; {@code 0 < count < length}.
   */
  static void smallestFirst(long[] keys, int length, int count) {
    if (length >= PREFILTER_LENGTH) {
      int below = compactBelow(keys, length, sampledPivot(keys, length, count));
      if (below >= count) {
        // The count smallest are among the keys moved to the front: select among them alone.
        length = below;
        if (below == count) {
          return;
        }
      }
    }
    select(keys, length, count);
  }

  /**
   * From this many keys a pivot taken from a sample first moves the keys below it to the front in
   * one pass without branches, where Hoare's partitions mispredict about every other comparison.
   */
  private static final int PREFILTER_LENGTH = 1024;

  /** Keys sampled for the pivot, at fixed strides so that the result depends only on the keys. */
  private static final int SAMPLE = 256;

  /**
   * A key likely just above the {@code count}-th smallest: from a sorted sample at fixed strides,
   * the one at the matching rank plus a margin of a few standard deviations of that rank.
   */
  private static long sampledPivot(long[] keys, int length, int count) {
    long[] sample = new long[SAMPLE];
    for (int i = 0; i < SAMPLE; i++) {
      sample[i] = keys[(int) ((long) i * length / SAMPLE)];
    }
    java.util.Arrays.sort(sample);
    double share = (double) count / length;
    double rank = share * SAMPLE + 3 * Math.sqrt(SAMPLE * share * (1 - share)) + 1;
    return rank >= SAMPLE ? Long.MAX_VALUE : sample[(int) rank];
  }

  /**
   * Moves the keys below {@code pivot} to the front of {@code keys[0, length)}, keeping all keys,
   * and returns how many there are.
   */
  private static int compactBelow(long[] keys, int length, long pivot) {
    int below = 0;
    for (int i = 0; i < length; i++) {
      long key = keys[i];
      // A swap with the first key not below: written every time, counted only when below.
      keys[i] = keys[below];
      keys[below] = key;
      below += key < pivot ? 1 : 0;
    }
    return below;
  }

  /** Hoare's selection of the {@code count} smallest of {@code keys[0, length)}. */
  private static void select(long[] keys, int length, int count) {
    int low = 0;
    int high = length - 1;
    // Invariant: the count smallest lie in [0, high], and everything in [0, low) is among them.
    while (high > low) {
      long pivot = medianOfThree(keys[low], keys[(low + high) >>> 1], keys[high]);
      int i = low;
      int j = high;
      while (i <= j) {
        while (keys[i] < pivot) {
          i++;
        }
        while (keys[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long swapped = keys[i];
          keys[i] = keys[j];
          keys[j] = swapped;
          i++;
          j--;
        }
      }
      // Now [low, j] <= pivot <= [i, high], and whatever lies between equals the pivot.
      if (count - 1 <= j) {
        high = j;
      } else if (count - 1 >= i) {
        low = i;
      } else {
        return;
      }
    }
  }

  private static long medianOfThree(long a, long b, long c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
