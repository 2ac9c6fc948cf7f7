package io.github.fastkmeans.engine;

/**
 * The centres stored column by column, so that a row's distances to all of them are computed in one
 * sweep whose inner loop runs over centres: a loop the JIT turns into SIMD instructions, where one
 * distance at a time is a chain of dependent additions it cannot.
 *
 * <p>{@link #nearest} finds a row's nearest centre from dot products, {@code ||x||^2 - 2 x.c +
 * ||c||^2}, four to five times faster than differences, but rounded differently and, far from the
 * origin, much less accurately. Each such value is within a proven error bound of the exact one, so
 * only the centres within twice that bound of the smallest can be nearest; their distances are then
 * computed exactly, and the choice is that of {@link SquaredEuclidean#distance}, lowest index on a
 * tie. {@link #squaredDistances} computes all exact distances, with the bits of {@link
 * SquaredEuclidean#distance}: the same four running sums over the columns in the same order.
 *
 * <p>{@link #nearestOfBlock} makes the choice of {@link #nearest} for a block of rows at once, with
 * the estimates of a {@link BlockSweep}: several rows against several centres per step, which reads
 * each centre once for several rows.
 */
final class CentreColumns {

  /**
   * Per column, a bound on the relative error of both a dot-product distance and an exact one,
   * relative to {@code (||x|| + ||c||)^2}, twice over: each is within {@code (d + 2)} roundings of
   * 2^-53 of the true distance (Higham, Accuracy and Stability of Numerical Algorithms, 3.1).
   */
  private static final double ROUNDING_PER_COLUMN = 0x1p-52;

  /**
   * From this many columns {@link #nearest} uses dot products; below, exact distances are as fast.
   */
  static final int DOT_PRODUCT_COLUMNS = 4;

  /**
   * Below this error bound the dot products' terms lie near the subnormal range, where rounding is
   * absolute (up to 2^-1074 a term) and the bound does not hold: the exact sweep is taken.
   */
  private static final double SMALLEST_TRUSTED_ERROR = 0x1p-900;

  private final int k;
  private final int columns;

  /** Column j of centre c at {@code byColumn[j][c]}. */
  private final double[][] byColumn;

  /** The centres row-major, for the exact distances. */
  private final double[] rowMajor;

  /** The squared norm of each centre. */
  private final double[] squaredNorms;

  /** The largest norm of a centre. */
  private double largestNorm;

  /** The estimates of blocks of rows; null where only single rows are swept. */
  private final BlockSweep blockSweep;

  /** A table for {@code k} centres in {@code columns} dimensions, filled by {@link #update}. */
  CentreColumns(int k, int columns) {
    this(k, columns, null);
  }

  /**
   * A table for {@code k} centres in {@code columns} dimensions that also sweeps blocks of rows
   * with {@code blockSweep} (made for the same k and columns; null: single rows only).
   */
  CentreColumns(int k, int columns, BlockSweep blockSweep) {
    this.blockSweep = blockSweep;
    this.k = k;
    this.columns = columns;
    this.byColumn = new double[columns][k];
    this.rowMajor = new double[k * columns];
    this.squaredNorms = new double[k];
  }

  /**
   * A bound on the difference between a dot-product distance and the exact one, from a row of
   * squared norm {@code rowSquaredNorm} to any of centres of norm at most {@code largestNorm}, in
   * {@code columns} columns; NaN where the bound does not hold: products that overflow, or that
   * fall near the subnormal range, whose rounding is absolute.
   */
  static double dotProductError(int columns, double rowSquaredNorm, double largestNorm) {
    double error =
        (2.0 * columns + 8) * ROUNDING_PER_COLUMN * square(Math.sqrt(rowSquaredNorm) + largestNorm);
    return error < Double.POSITIVE_INFINITY && error >= SMALLEST_TRUSTED_ERROR ? error : Double.NaN;
  }

  /** The largest of the norms whose squares are {@code squaredNorms[0, k)} (IN). */
  static double largestNorm(double[] squaredNorms, int k) {
    double largest = 0;
    for (int c = 0; c < k; c++) {
      largest = Math.max(largest, Math.sqrt(squaredNorms[c]));
    }
    return largest;
  }

  /** Copies {@code centres} (row-major k x columns) into the table. */
  void update(double[] centres) {
    System.arraycopy(centres, 0, rowMajor, 0, rowMajor.length);
    double largest = 0;
    for (int c = 0; c < k; c++) {
      double norm = 0;
      for (int j = 0; j < columns; j++) {
        double value = centres[c * columns + j];
        byColumn[j][c] = value;
        norm += value * value;
      }
      squaredNorms[c] = norm;
      largest = Math.max(largest, Math.sqrt(norm));
    }
    largestNorm = largest;
    if (blockSweep != null) {
      blockSweep.update(centres, squaredNorms);
    }
  }

  /** Tells the block sweep, if any, that the fit makes at most {@code passes} passes. */
  void limitPasses(int passes) {
    if (blockSweep != null) {
      blockSweep.limitPasses(passes);
    }
  }

  /** The squared norm of a row, as {@link #nearest} expects it. */
  static double squaredNorm(double[] values, int offset, int columns) {
    double norm = 0;
    for (int j = 0; j < columns; j++) {
      norm += values[offset + j] * values[offset + j];
    }
    return norm;
  }

  /**
   * Returns the centre nearest to {@code values[offset .. offset+columns)}, whose squared norm is
   * {@code squaredNorm}, as {@link SquaredEuclidean#distance} measures, the lowest index on a tie.
   * Leaves in {@code scratch.distances} the exact squared distance to that centre, and for every
   * other centre a lower bound on its exact squared distance.
   */
  int nearest(double[] values, int offset, double squaredNorm, Scratch scratch) {
    double error = dotProductError(columns, squaredNorm, largestNorm);
    if (columns < DOT_PRODUCT_COLUMNS || Double.isNaN(error)) {
      // Few columns: the exact sweep is as fast. Huge values: products overflow, differences may
      // not. Tiny values: products fall near the subnormal range, whose rounding is absolute.
      return nearestExactly(values, offset, scratch);
    }
    double[] estimates = scratch.distances;
    dotProducts(values, offset, estimates);
    double smallest = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double estimate = (squaredNorm + squaredNorms[c]) - 2 * estimates[c];
      estimates[c] = estimate;
      smallest = Math.min(smallest, estimate);
    }
    // The exact distance of a centre is within error of its estimate: beyond this none can be
    // nearest.
    double reach = smallest + 2 * error;
    int best = -1;
    double bestSquared = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double estimate = estimates[c];
      if (estimate <= reach) {
        double exact = SquaredEuclidean.distance(values, offset, rowMajor, c * columns, columns);
        estimates[c] = exact;
        if (exact < bestSquared || best < 0) {
          bestSquared = exact;
          best = c;
        }
      } else {
        estimates[c] = Math.max(0, estimate - error);
      }
    }
    return best;
  }

  /** Whether {@link #nearestOfBlock} may be called: a block sweep and enough columns. */
  boolean sweepsBlocks() {
    return blockSweep != null && columns >= DOT_PRODUCT_COLUMNS;
  }

  /**
   * Writes into {@code scratch.nearest[r]} the centre nearest to row {@code firstRow + r} of {@code
   * values}, for r below {@code rows} (at most {@link BlockScratch#rows}): the choice of {@link
   * #nearest}, bit for bit. {@code rowNorms} (IN) holds every row's squared norm by row index.
   */
  void nearestOfBlock(
      double[] values, int firstRow, int rows, double[] rowNorms, BlockScratch scratch) {
    BlockSweep.Estimates estimates = scratch.estimates;
    blockSweep.estimate(values, firstRow * columns, rows, rowNorms, firstRow, estimates);
    for (int r = 0; r < rows; r++) {
      // The only centre within reach (the usual case) is the nearest: no caller of a block needs
      // its distance.
      scratch.nearest[r] =
          choose(
              values, (firstRow + r) * columns, blockSweep.soleCandidate(estimates, r), r, scratch);
    }
  }

  /**
   * As {@link #nearestOfBlock} for the {@code count} rows {@code rows[0, count)} (IN) of {@code
   * values}, gathered from anywhere: block row r is row {@code rows[r]}. Also writes an upper bound
   * on the squared distance to the nearest centre into {@code scratch.nearestSquared[r]} (the
   * estimate's, or the exact distance where the estimates left several candidates), and into {@code
   * scratch.othersSquared[r]} a lower bound on the squared distance to every other centre.
   */
  void nearestOfRows(
      double[] values, int[] rows, int count, double[] rowNorms, BlockScratch scratch) {
    BlockSweep.Estimates estimates = scratch.estimates;
    blockSweep.estimateRows(values, rows, count, rowNorms, estimates);
    for (int r = 0; r < count; r++) {
      int offset = rows[r] * columns;
      int sole = blockSweep.soleCandidate(estimates, r);
      int best = choose(values, offset, sole, r, scratch);
      scratch.nearest[r] = best;
      if (sole == BlockSweep.UNTRUSTED) {
        // Every exact distance was measured.
        double[] distances = scratch.row.distances;
        scratch.nearestSquared[r] = distances[best];
        scratch.othersSquared[r] = leastExcept(distances, k, best);
      } else {
        if (sole != BlockSweep.SEVERAL) {
          // Of several candidates, choose left the exact distance to the chosen one.
          scratch.nearestSquared[r] = blockSweep.nearestUpperBound(estimates, r);
        }
        scratch.othersSquared[r] = blockSweep.othersLowerBound(estimates, r, best);
      }
    }
  }

  /**
   * The least of {@code values[0, k)} (IN) but {@code values[except]}; infinite when there is no
   * other.
   */
  static double leastExcept(double[] values, int k, int except) {
    // Two loops around the excepted value, with no test per value in either: one loop with the
    // test took longer than the plain kernel's dot products at 1,000 centres.
    double least = Double.POSITIVE_INFINITY;
    int before = Math.min(Math.max(except, 0), k);
    for (int c = 0; c < before; c++) {
      least = Math.min(least, values[c]);
    }
    for (int c = Math.max(before, except + 1); c < k; c++) {
      least = Math.min(least, values[c]);
    }
    return least;
  }

  /**
   * The centre nearest to the row at {@code values[offset]}, block row {@code r} of the last
   * estimates, whose {@link BlockSweep#soleCandidate} is {@code sole}: that centre, or the nearest
   * of those within reach (leaving its exact squared distance in {@code
   * scratch.nearestSquared[r]}), or of all centres where the estimates cannot be trusted (leaving
   * the exact distances in {@code scratch.row}).
   */
  private int choose(double[] values, int offset, int sole, int r, BlockScratch scratch) {
    if (sole == BlockSweep.UNTRUSTED) {
      // Huge or tiny values, where no bound holds: the exact sweep decides.
      return nearestExactly(values, offset, scratch.row);
    }
    if (sole != BlockSweep.SEVERAL) {
      return sole;
    }
    // The nearest centre is always within reach; the exact distances tell which it is.
    BlockSweep.Estimates estimates = scratch.estimates;
    int best = blockSweep.nextCandidate(estimates, r, 0);
    double bestSquared =
        SquaredEuclidean.distance(values, offset, rowMajor, best * columns, columns);
    for (int c = blockSweep.nextCandidate(estimates, r, best + 1);
        c < k;
        c = blockSweep.nextCandidate(estimates, r, c + 1)) {
      double exact = SquaredEuclidean.distance(values, offset, rowMajor, c * columns, columns);
      if (exact < bestSquared) {
        bestSquared = exact;
        best = c;
      }
    }
    scratch.nearestSquared[r] = bestSquared;
    return best;
  }

  /**
   * Which kernel computes the estimates of {@link #nearestOfBlock}, as the model output says it.
   */
  String blockKernel() {
    return blockSweep == null ? "none" : blockSweep.kernel();
  }

  /**
   * The squared norm of each centre as of the last {@link #update}, as {@link #squaredNorm}
   * measures it; the table's own array, not to be written.
   */
  double[] squaredNorms() {
    return squaredNorms;
  }

  /** The rows of a block of {@link #nearestOfBlock} or {@link #nearestOfRows}. */
  int blockRows() {
    return blockSweep.blockRows();
  }

  /** Scratch space for {@link #nearestOfBlock}; one per thread. */
  BlockScratch newBlockScratch() {
    int rows = blockSweep.blockRows();
    return new BlockScratch(rows, blockSweep.newEstimates(rows), newScratch());
  }

  /** The estimates of a block of rows and its nearest centres. */
  static final class BlockScratch {
    /** The most rows a block may have. */
    final int rows;

    /** After {@link #nearestOfBlock}: the nearest centre of the block's row r at index r. */
    final int[] nearest;

    /**
     * After {@link #nearestOfRows}: an upper bound on the squared distance to the nearest (the
     * exact one where several centres were within reach).
     */
    final double[] nearestSquared;

    /** After {@link #nearestOfRows}: a lower bound on the squared distance to every other. */
    final double[] othersSquared;

    /** Room for the rows a caller gathers for {@link #nearestOfRows}. */
    final int[] gathered;

    private final BlockSweep.Estimates estimates;
    private final Scratch row;

    private BlockScratch(int rows, BlockSweep.Estimates estimates, Scratch row) {
      this.rows = rows;
      this.nearest = new int[rows];
      this.nearestSquared = new double[rows];
      this.othersSquared = new double[rows];
      this.gathered = new int[rows];
      this.estimates = estimates;
      this.row = row;
    }
  }

  private int nearestExactly(double[] values, int offset, Scratch scratch) {
    squaredDistances(values, offset, scratch);
    double[] distances = scratch.distances;
    int best = 0;
    for (int c = 1; c < k; c++) {
      if (distances[c] < distances[best]) {
        best = c;
      }
    }
    return best;
  }

  /** Writes the dot products of the row with every centre into {@code out}. */
  private void dotProducts(double[] values, int offset, double[] out) {
    dotProducts(byColumn, k, values, offset, out);
  }

  /**
   * Writes into {@code out} the dot products of the row at {@code values[offset ..]} with each of
   * the {@code k} centres stored column by column in {@code byColumn} (column j of centre c at
   * {@code byColumn[j][c]}), four columns per sweep over the centres: the loop the JIT turns into
   * SIMD instructions.
   */
  static void dotProducts(double[][] byColumn, int k, double[] values, int offset, double[] out) {
    int columns = byColumn.length;
    java.util.Arrays.fill(out, 0, k, 0);
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
        out[c] = out[c] + x0 * column0[c] + x1 * column1[c] + x2 * column2[c] + x3 * column3[c];
      }
    }
    for (; j < columns; j++) {
      double x = values[offset + j];
      double[] column = byColumn[j];
      for (int c = 0; c < k; c++) {
        out[c] += x * column[c];
      }
    }
  }

  private static double square(double value) {
    return value * value;
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
