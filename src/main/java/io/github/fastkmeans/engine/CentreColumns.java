package io.github.fastkmeans.engine;

/**
 * The centres stored column by column, so that a row's squared distances to all of them are computed
 * in one sweep whose inner loop runs over centres: a loop the JIT turns into SIMD instructions, where
 * one distance at a time is a chain of dependent additions it cannot.
 *
 * <p>Every distance has the bits of {@link SquaredEuclidean#distance}: the same four running sums over
 * the columns in the same order, combined the same way. Algorithms that compute single distances can
 * therefore never disagree with one that computes them here.
 */
final class CentreColumns {

  private final int k;
  private final int columns;
  /** Column j of centre c at {@code byColumn[j][c]}. */
  private final double[][] byColumn;

  /** A table for {@code k} centres in {@code columns} dimensions, filled by {@link #update}. */
  CentreColumns(int k, int columns) {
    this.k = k;
    this.columns = columns;
    this.byColumn = new double[columns][k];
  }

  /** Copies {@code centres} (row-major k x columns) into the table. */
  void update(double[] centres) {
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < columns; j++) {
        byColumn[j][c] = centres[c * columns + j];
      }
    }
  }

  /** Scratch space for {@link #squaredDistances}; one per thread. */
  Scratch newScratch() {
    return new Scratch(k);
  }

  /** The four running sums of every centre; the first ends as the distances. */
  static final class Scratch {
    /** After {@link #squaredDistances}: the squared distance to centre c at index c. */
    final double[] distances;

    private final double[] sum1;
    private final double[] sum2;
    private final double[] sum3;

    private Scratch(int k) {
      distances = new double[k];
      sum1 = new double[k];
      sum2 = new double[k];
      sum3 = new double[k];
    }
  }

  /**
   * Writes the squared distance from {@code values[offset .. offset+columns)} to every centre into
   * {@code scratch.distances}.
   */
  void squaredDistances(double[] values, int offset, Scratch scratch) {
    if (columns < 4) {
      fewColumns(values, offset, scratch.distances);
      return;
    }
    double[] sum0 = scratch.distances;
    double[] sum1 = scratch.sum1;
    double[] sum2 = scratch.sum2;
    double[] sum3 = scratch.sum3;
    java.util.Arrays.fill(sum0, 0);
    java.util.Arrays.fill(sum1, 0);
    java.util.Arrays.fill(sum2, 0);
    java.util.Arrays.fill(sum3, 0);
    int j = 0;
    for (; j + 3 < columns; j += 4) {
      double x0 = values[offset + j];
      double x1 = values[offset + j + 1];
      double x2 = values[offset + j + 2];
      double x3 = values[offset + j + 3];
      double[] column0 = byColumn[j];
      double[] column1 = byColumn[j + 1];
      double[] column2 = byColumn[j + 2];
      double[] column3 = byColumn[j + 3];
      for (int c = 0; c < k; c++) {
        double diff0 = x0 - column0[c];
        double diff1 = x1 - column1[c];
        double diff2 = x2 - column2[c];
        double diff3 = x3 - column3[c];
        sum0[c] += diff0 * diff0;
        sum1[c] += diff1 * diff1;
        sum2[c] += diff2 * diff2;
        sum3[c] += diff3 * diff3;
      }
    }
    for (; j < columns; j++) {
      double x = values[offset + j];
      double[] column = byColumn[j];
      for (int c = 0; c < k; c++) {
        double diff = x - column[c];
        sum0[c] += diff * diff;
      }
    }
    for (int c = 0; c < k; c++) {
      sum0[c] = (sum0[c] + sum1[c]) + (sum2[c] + sum3[c]);
    }
  }

  /**
   * One to three columns: all of them go to the first running sum, in order, and the other sums,
   * being zero, change no bit; written out, without running sums to clear.
   */
  private void fewColumns(double[] values, int offset, double[] distances) {
    double x0 = values[offset];
    double[] column0 = byColumn[0];
    if (columns == 1) {
      for (int c = 0; c < k; c++) {
        double diff0 = x0 - column0[c];
        distances[c] = diff0 * diff0;
      }
      return;
    }
    double x1 = values[offset + 1];
    double[] column1 = byColumn[1];
    if (columns == 2) {
      for (int c = 0; c < k; c++) {
        double diff0 = x0 - column0[c];
        double diff1 = x1 - column1[c];
        distances[c] = diff0 * diff0 + diff1 * diff1;
      }
      return;
    }
    double x2 = values[offset + 2];
    double[] column2 = byColumn[2];
    for (int c = 0; c < k; c++) {
      double diff0 = x0 - column0[c];
      double diff1 = x1 - column1[c];
      double diff2 = x2 - column2[c];
      distances[c] = (diff0 * diff0 + diff1 * diff1) + diff2 * diff2;
    }
  }
}
