package io.github.fastkmeans.engine;

/**
 * A fixed partition of the centres into groups of centres near each other, made once from the
 * initial centres by a few Lloyd iterations over the centres themselves, started from centres
 * spread evenly over the indices (Ding et al. 2015, section 3.1: the groups are never regrouped, as
 * centres rarely travel far enough for it to matter). Groups left empty are dropped. The grouping
 * depends on the centres alone, so every thread count gets the same groups; it only decides how
 * well Yinyang's bounds prune, never which centre a row gets.
 */
final class CentreGroups {

  /** Lloyd iterations over the centres; Ding et al. found five enough. */
  private static final int ITERATIONS = 5;

  /** The group of each centre. */
  final int[] groupOf;

  /** The centres group by group, each group's in increasing index order. */
  final int[] members;

  /** Group g's centres are {@code members[groupStart[g], groupStart[g + 1])}. */
  final int[] groupStart;

  /**
   * Groups the {@code k} centres {@code centres} (row-major k x columns, IN) into at most {@code
   * wanted} groups (1 &le; wanted &le; k).
   */
  CentreGroups(double[] centres, int k, int columns, int wanted) {
    int[] assigned = new int[k];
    double[] groupCentres = new double[wanted * columns];
    for (int g = 0; g < wanted; g++) {
      int source = (int) ((long) g * k / wanted);
      System.arraycopy(centres, source * columns, groupCentres, g * columns, columns);
    }
    double[] sums = new double[wanted * columns];
    int[] sizes = new int[wanted];
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      java.util.Arrays.fill(sums, 0);
      java.util.Arrays.fill(sizes, 0);
      for (int c = 0; c < k; c++) {
        int g = SquaredEuclidean.nearest(centres, c * columns, groupCentres, wanted, columns);
        assigned[c] = g;
        sizes[g]++;
        for (int j = 0; j < columns; j++) {
          sums[g * columns + j] += centres[c * columns + j];
        }
      }
      for (int g = 0; g < wanted; g++) {
        // An empty group keeps its centre; it is dropped below if it stays empty.
        if (sizes[g] > 0) {
          for (int j = 0; j < columns; j++) {
            groupCentres[g * columns + j] = sums[g * columns + j] / sizes[g];
          }
        }
      }
    }
    int[] renumbered = new int[wanted];
    int count = 0;
    for (int g = 0; g < wanted; g++) {
      renumbered[g] = sizes[g] > 0 ? count++ : -1;
    }
    this.groupOf = new int[k];
    this.groupStart = new int[count + 1];
    for (int c = 0; c < k; c++) {
      groupOf[c] = renumbered[assigned[c]];
      groupStart[groupOf[c] + 1]++;
    }
    for (int g = 0; g < count; g++) {
      groupStart[g + 1] += groupStart[g];
    }
    this.members = new int[k];
    int[] filled = new int[count];
    for (int c = 0; c < k; c++) {
      int g = groupOf[c];
      members[groupStart[g] + filled[g]++] = c;
    }
  }

  /** The number of groups. */
  int count() {
    return groupStart.length - 1;
  }
}
