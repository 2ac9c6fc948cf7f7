package io.github.fastkmeans.engine;

import java.util.Arrays;

/**
 * {@link BlockSweep} in plain Java, shaped for the JIT's auto-vectoriser: the centres column by
 * column, and an inner loop over centres that adds four columns of two rows at once, so that each
 * centre value loaded feeds both rows. Two rows by four columns measured fastest on JDK 17 (C2, 40
 * GFLOP per CPU-second against 23 for one row): three or four rows, or eight columns, made the loop
 * too large for C2 to vectorise it, and it ran three times slower; so did the same loop written
 * with {@code Math.fma} (13), which C2 does not vectorise.
 */
final class PlainBlockSweep extends BlockSweep {

  /** Column j of centre c at {@code byColumn[j][c]}. */
  private final double[][] byColumn;

  private final double[] squaredNorms;

  /** The largest norm of a centre, for the rows' reach. */
  private double largestNorm;

  /** What {@link #kernel} says: "plain Java", with the reason where the vector kernel was meant. */
  private final String description;

  /** A sweep over {@code k} centres in {@code columns} dimensions, filled by {@link #update}. */
  PlainBlockSweep(int k, int columns) {
    this(k, columns, "plain Java");
  }

  /** As above, describing itself as {@code description} in the model output. */
  PlainBlockSweep(int k, int columns, String description) {
    super(k, columns);
    this.description = description;
    this.byColumn = new double[columns][k];
    this.squaredNorms = new double[k];
  }

  @Override
  String kernel() {
    return description;
  }

  @Override
  void update(double[] centres, double[] norms) {
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < columns; j++) {
        byColumn[j][c] = centres[c * columns + j];
      }
    }
    System.arraycopy(norms, 0, squaredNorms, 0, k);
    largestNorm = CentreColumns.largestNorm(norms, k);
  }

  @Override
  int blockRows() {
    // A block's rows fit the first-level cache (24 KB), and its estimates the second (at most
    // 512 KB); a multiple of eight rows.
    int rows = Math.min(3072 / columns, 65536 / k);
    return Math.max(8, Math.min(64, rows - rows % 8));
  }

  @Override
  Estimates newEstimates(int rows) {
    return new DoubleEstimates(rows, k);
  }

  @Override
  void estimate(
      double[] values, int offset, int rows, double[] rowNorms, int firstNorm, Estimates out) {
    DoubleEstimates block = (DoubleEstimates) out;
    double[][] estimates = block.values;
    int r = 0;
    for (; r + 1 < rows; r += 2) {
      twoRows(values, offset + r * columns, estimates[r], estimates[r + 1]);
    }
    if (r < rows) {
      oneRow(values, offset + r * columns, estimates[r]);
    }
    for (r = 0; r < rows; r++) {
      double rowNorm = rowNorms[firstNorm + r];
      double smallest = finish(rowNorm, estimates[r]);
      // Every centre beyond this reach is farther than the nearest one (CentreColumns#nearest).
      double error = CentreColumns.dotProductError(columns, rowNorm, largestNorm);
      double reach = smallest + 2 * error;
      block.errors[r] = error;
      block.reach[r] = reach;
      block.sole[r] = sole(estimates[r], reach);
    }
  }

  @Override
  void estimateRows(double[] values, int[] rows, int count, double[] rowNorms, Estimates out) {
    DoubleEstimates block = (DoubleEstimates) out;
    if (block.gathered == null) {
      block.gathered = new double[block.rows * columns];
      block.gatheredNorms = new double[block.rows];
    }
    for (int r = 0; r < count; r++) {
      System.arraycopy(values, rows[r] * columns, block.gathered, r * columns, columns);
      block.gatheredNorms[r] = rowNorms[rows[r]];
    }
    estimate(block.gathered, 0, count, block.gatheredNorms, 0, block);
  }

  @Override
  double nearestUpperBound(Estimates estimates, int row) {
    DoubleEstimates block = (DoubleEstimates) estimates;
    // The reach is the smallest estimate plus twice the error.
    return Math.max(0, block.reach[row] - block.errors[row]);
  }

  @Override
  double othersLowerBound(Estimates estimates, int row, int nearest) {
    DoubleEstimates block = (DoubleEstimates) estimates;
    double bound = CentreColumns.leastExcept(block.values[row], k, nearest) - block.errors[row];
    // NaN (no error bound) bounds nothing.
    return bound > 0 ? bound : 0;
  }

  /**
   * The only centre whose estimate is within {@code reach}, {@link #SEVERAL} or {@link #UNTRUSTED}.
   */
  private int sole(double[] estimates, double reach) {
    int first = -1;
    for (int c = 0; c < k; c++) {
      if (estimates[c] <= reach) {
        if (first >= 0) {
          return SEVERAL;
        }
        first = c;
      }
    }
    // None within reach: the reach is NaN, untrusted bounds or values.
    return first >= 0 ? first : UNTRUSTED;
  }

  /** Turns the dot products in {@code out} into estimates; returns the smallest. */
  private double finish(double rowNorm, double[] out) {
    double least = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double estimate = (rowNorm + squaredNorms[c]) - 2 * out[c];
      out[c] = estimate;
      least = Math.min(least, estimate);
    }
    return least;
  }

  /**
   * The dot products of the rows at {@code first} and {@code first + columns} with every centre.
   */
  private void twoRows(double[] values, int first, double[] out0, double[] out1) {
    Arrays.fill(out0, 0, k, 0);
    Arrays.fill(out1, 0, k, 0);
    int second = first + columns;
    int j = 0;
    for (; j + 3 < columns; j += 4) {
      double x00 = values[first + j];
      double x01 = values[first + j + 1];
      double x02 = values[first + j + 2];
      double x03 = values[first + j + 3];
      double x10 = values[second + j];
      double x11 = values[second + j + 1];
      double x12 = values[second + j + 2];
      double x13 = values[second + j + 3];
      double[] column0 = byColumn[j];
      double[] column1 = byColumn[j + 1];
      double[] column2 = byColumn[j + 2];
      double[] column3 = byColumn[j + 3];
      for (int c = 0; c < k; c++) {
        double v0 = column0[c];
        double v1 = column1[c];
        double v2 = column2[c];
        double v3 = column3[c];
        out0[c] = out0[c] + x00 * v0 + x01 * v1 + x02 * v2 + x03 * v3;
        out1[c] = out1[c] + x10 * v0 + x11 * v1 + x12 * v2 + x13 * v3;
      }
    }
    for (; j < columns; j++) {
      double x0 = values[first + j];
      double x1 = values[second + j];
      double[] column = byColumn[j];
      for (int c = 0; c < k; c++) {
        out0[c] += x0 * column[c];
        out1[c] += x1 * column[c];
      }
    }
  }

  /** The dot products of the row at {@code first} with every centre. */
  private void oneRow(double[] values, int first, double[] out) {
    CentreColumns.dotProducts(byColumn, k, values, first, out);
  }

  @Override
  int nextCandidate(Estimates estimates, int row, int from) {
    DoubleEstimates block = (DoubleEstimates) estimates;
    double[] values = block.values[row];
    double reach = block.reach[row];
    int c = from;
    while (c < k && !(values[c] <= reach)) {
      c++;
    }
    return c;
  }
}
