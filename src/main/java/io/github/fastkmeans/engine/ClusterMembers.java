package io.github.fastkmeans.engine;

import java.util.Arrays;

/**
 * The rows of each cluster, in row order: a counting sort of the rows by label, refilled in place
 * from one labelling to the next. Cluster c's rows are {@link #row}{@code (i)} for i from {@link
 * #start}{@code (c)} to {@link #end}{@code (c)}.
 */
public final class ClusterMembers {

  private final int k;

  /** The rows, cluster after cluster. */
  private final int[] rows;

  /** Where each cluster's rows start in {@link #rows}, then the number of rows. */
  private final int[] starts;

  /** Room for the members of {@code rows} rows among {@code k} clusters. */
  public ClusterMembers(int rows, int k) {
    this.k = k;
    this.rows = new int[rows];
    this.starts = new int[k + 1];
  }

  /** The members of each of {@code k} clusters by {@code labels} (IN, one label per row). */
  public static ClusterMembers of(int[] labels, int k) {
    ClusterMembers members = new ClusterMembers(labels.length, k);
    members.fill(labels);
    return members;
  }

  /**
   * Lists the rows by {@code labels} (IN, one per row, each from 0 to k - 1), replacing the earlier
   * lists.
   */
  public void fill(int[] labels) {
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
  public int start(int c) {
    return starts[c];
  }

  /** Where cluster {@code c}'s rows end (exclusive). */
  public int end(int c) {
    return starts[c + 1];
  }

  /** The row at position {@code i} of the lists. */
  public int row(int i) {
    return rows[i];
  }
}
