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
