package io.github.fastkmeans.engine;

/**
 * The dot-product filter of {@link CentreColumns} for a block of rows at once: estimates of the
 * squared distances from each row of the block to every centre, {@code (||x||^2 + ||c||^2) - 2
 * x.c}, computed like the inner kernel of a matrix product (Goto and van de Geijn, Anatomy of
 * High-Performance Matrix Multiplication, ACM TOMS 34(3), 2008): a tile of rows against a tile of
 * centres at a time, so that every centre value read serves several rows. Each estimate is within
 * the error bound of {@link CentreColumns} of the exact distance whatever order the products are
 * summed in and whether they are fused or not, so any implementation filters the same rows.
 *
 * <p>One instance serves every thread of a pass: it is changed only by {@link #update}, between
 * passes.
 */
abstract class BlockSweep {

  /** The number of centres. */
  final int k;

  /** The number of columns of rows and centres. */
  final int columns;

  /** A sweep over {@code k} centres in {@code columns} dimensions, filled by {@link #update}. */
  BlockSweep(int k, int columns) {
    this.k = k;
    this.columns = columns;
  }

  /** Which kernel this is, as the model output names it. */
  abstract String kernel();

  /**
   * Lays out {@code centres} (IN, row-major k x columns) with their {@code squaredNorms} (IN, k)
   * for {@link #estimate}.
   */
  abstract void update(double[] centres, double[] squaredNorms);

  /** The length {@link #estimate} needs of each row of its output: k or more. */
  abstract int estimateLength();

  /**
   * Writes into {@code estimates[r][c]} (OUT, {@code rows} arrays of {@link #estimateLength}) the
   * estimated squared distance from row r of the block to centre c, for every c below k, and into
   * {@code smallest[r]} (OUT) the smallest of row r's estimates. The block's rows start at {@code
   * values[offset]} (IN, row-major); their squared norms at {@code rowNorms[firstNorm]} (IN).
   * Entries at k and beyond are left unspecified but never at or below the smallest.
   */
  abstract void estimate(
      double[] values,
      int offset,
      int rows,
      double[] rowNorms,
      int firstNorm,
      double[][] estimates,
      double[] smallest);

  /**
   * The first centre from {@code from} on whose estimate in {@code estimates} (IN, as {@link
   * #estimate} wrote it) is at most {@code reach}; k when there is none.
   */
  abstract int nextCandidate(double[] estimates, int from, double reach);
}
