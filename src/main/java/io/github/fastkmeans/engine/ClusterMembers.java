package io.github.fastkmeans.engine;

import java.util.Arrays;

/**
 * The rows of each cluster, in row order: a counting sort of the rows by label, refilled in place
 * from one labelling to the next. Cluster c's rows are {@link #row}{@code (i)} for i from {@link
 * #start}{@code (c)} to {@link #end}{@code (c)}.
 */
final class ClusterMembers {

  private final int k;

  /** The rows, cluster after cluster. */
  private final int[] rows;

  /** Where each cluster's rows start in {@link #rows}, then the number of rows. */
  private final int[] starts;

  /** Room for the members of {@code rows} rows among {@code k} clusters. */
  ClusterMembers(int rows, int k) {
    this.k = k;
    this.rows = new int[rows];
    this.starts = new int[k + 1];
  }

  /**
   * Lists the rows by {@code labels} (IN, one per row, each from 0 to k - 1), replacing the earlier
   * lists.
   */
  void fill(int[] labels) {
    Arrays.fill(starts, 0);
    for (int label : labels) {
      starts[label + 1]++;
    }
    for (int c = 0; c < k; c++) {
      starts[c + 1] += starts[c];
    }
    int[] next = Arrays.copyOf(starts, k);
    for (int row = 0; row < labels.length; row++) {
      rows[next[labels[row]]++] = row;
    }
  }

  /** Where cluster {@code c}'s rows start. */
  int start(int c) {
    return starts[c];
  }

  /** Where cluster {@code c}'s rows end (exclusive). */
  int end(int c) {
    return starts[c + 1];
  }

  /** The row at position {@code i} of the lists. */
  int row(int i) {
    return rows[i];
  }
}
