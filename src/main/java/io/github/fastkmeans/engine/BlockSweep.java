package io.github.fastkmeans.engine;

/**
 * The dot-product filter of {@link CentreColumns} for a block of rows at once: estimates of the
 * squared distances from each row of the block to every centre, {@code (||x||^2 + ||c||^2) - 2
 * x.c}, computed like the inner kernel of a matrix product (Goto and van de Geijn, Anatomy of
 * High-Performance Matrix Multiplication, ACM TOMS 34(3), 2008): a tile of rows against a tile of
 * centres at a time, so that every centre value read serves several rows. With each row's estimates
 * comes its reach: a proven bound beyond which no centre can be the nearest, whatever the precision
 * the kernel computes in and the order its products are summed in. Every centre within reach is
 * then measured exactly, so every kernel chooses the same centres.
 *
 * <p>One instance serves every thread of a pass: it is changed only by {@link #update}, between
 * passes; each thread has its own {@link Estimates}.
 */
abstract class BlockSweep {

  /** {@link #soleCandidate} of a row with several centres within reach. */
  static final int SEVERAL = -1;

  /** {@link #soleCandidate} of a row whose estimates cannot be trusted: the exact sweep decides. */
  static final int UNTRUSTED = -2;

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

  /** The number of rows a block should have for this kernel. */
  abstract int blockRows();

  /**
   * Called before the first pass: the fit makes at most {@code passes} passes, which decides what a
   * kernel keeps of the rows from pass to pass.
   */
  void limitPasses(int passes) {}

  /** The bytes this kernel keeps of the rows from pass to pass. */
  long keptBytes() {
    return 0;
  }

  /** Room for the estimates of blocks of up to {@code rows} rows; one per thread. */
  abstract Estimates newEstimates(int rows);

  /**
   * Writes into {@code out} (OUT, made by {@link #newEstimates} of this sweep) the estimated
   * squared distance from each row of the block to every centre, each row's reach and its {@link
   * #soleCandidate}. The block's {@code rows} rows start at {@code values[offset]} (IN, row-major);
   * their squared norms at {@code rowNorms[firstNorm]} (IN).
   */
  abstract void estimate(
      double[] values, int offset, int rows, double[] rowNorms, int firstNorm, Estimates out);

  /**
   * As {@link #estimate} for the {@code count} rows {@code values[rows[i] * columns ...]} (IN,
   * row-major; {@code rows} IN, at most the block's rows), whose squared norms are at {@code
   * rowNorms[rows[i]]} (IN): the block's row i is the row {@code rows[i]}. Rows gathered from
   * anywhere are never kept between passes.
   */
  abstract void estimateRows(
      double[] values, int[] rows, int count, double[] rowNorms, Estimates out);

  /**
   * After {@link #estimate} or {@link #estimateRows}, for a row with a {@link #soleCandidate}: an
   * upper bound on the squared distance from row {@code row} to that centre, its smallest estimate
   * plus the estimates' error.
   */
  abstract double nearestUpperBound(Estimates estimates, int row);

  /**
   * After {@link #estimate} or {@link #estimateRows}, for a row that is not {@link #UNTRUSTED}: a
   * lower bound on the squared distance from row {@code row} to every centre but {@code nearest},
   * its nearest; 0 where the estimates bound nothing. The second smallest estimate less its error
   * bounds every centre but one, whichever centre the exact distances chose.
   */
  abstract double othersLowerBound(Estimates estimates, int row, int nearest);

  /**
   * After {@link #estimate}: the only centre within reach of row {@code row}, which is then its
   * nearest; {@link #SEVERAL} when there are more ({@link #nextCandidate} lists them); {@link
   * #UNTRUSTED} when the row's values are so huge or tiny that no bound holds.
   */
  int soleCandidate(Estimates estimates, int row) {
    return estimates.sole[row];
  }

  /**
   * The first centre from {@code from} on within the reach of row {@code row} of {@code estimates}
   * (IN, as {@link #estimate} wrote them); k when there is none.
   */
  abstract int nextCandidate(Estimates estimates, int row, int from);

  /** The estimates of a block of rows, in the form of the kernel that computes them. */
  abstract static class Estimates {

    /** The most rows of a block. */
    final int rows;

    /**
     * Per row, its {@link #soleCandidate}; null where a kernel answers from estimates of its own.
     */
    final int[] sole;

    Estimates(int rows) {
      this(rows, new int[rows]);
    }

    Estimates(int rows, int[] sole) {
      this.rows = rows;
      this.sole = sole;
    }
  }

  /** Estimates in double precision: row r's at {@code values[r]}, its reach at {@code reach[r]}. */
  static final class DoubleEstimates extends Estimates {

    /** Row r's estimate for centre c at {@code values[r][c]}. */
    final double[][] values;

    /** Row r's reach: centres whose estimate exceeds it cannot be nearest; NaN for none. */
    final double[] reach;

    /** Row r's bound on the error of its estimates; NaN for none. */
    final double[] errors;

    /**
     * Rows gathered from elsewhere ({@link #estimateRows}), row-major, and their norms; null until
     * the first are gathered.
     */
    double[] gathered;

    double[] gatheredNorms;

    /** Room for {@code rows} rows of {@code length} estimates. */
    DoubleEstimates(int rows, int length) {
      super(rows);
      this.values = new double[rows][length];
      this.reach = new double[rows];
      this.errors = new double[rows];
    }
  }

  /**
   * Estimates in single precision, centre by centre across the rows (the rows lie in a vector's
   * lanes): row r's estimate for centre c is {@code blockNorms[r] + values[c * stride + r]}, with
   * the block's rows as the kernel converted them and the per-row state of its filter.
   */
  static final class FloatEstimates extends Estimates {

    /** The distance between one centre's values and the next's: the rows, whole vectors. */
    final int stride;

    /** Row r's estimate for centre c less the row's squared norm, at {@code c * stride + r}. */
    final float[] values;

    /** Row r's reach: centres whose estimate exceeds it cannot be nearest; NaN for none. */
    final float[] reach;

    /**
     * The block's rows as the kernel computes with them, column j of row r at {@code j * stride +
     * r}.
     */
    final float[] block;

    /** The squared norm of each converted row. */
    final float[] blockNorms;

    /** Per converted row, twice the bound on its estimates' error; NaN where none holds. */
    final float[] twiceErrors;

    /** Per row, the bits of its smallest estimate so far, as an int. */
    final int[] leastBits;

    /** Per row, the bits of its second smallest estimate so far, as an int. */
    final int[] secondBits;

    /** Per row, the first centre with its smallest estimate so far. */
    final int[] nearest;

    /** Room for {@code rows} rows (a multiple of the vector length) of {@code length} centres. */
    FloatEstimates(int rows, int length, int columns) {
      super(rows);
      this.stride = rows;
      this.values = new float[length * rows];
      this.reach = new float[rows];
      this.block = new float[rows * columns];
      this.blockNorms = new float[rows];
      this.twiceErrors = new float[rows];
      this.leastBits = new int[rows];
      this.secondBits = new int[rows];
      this.nearest = new int[rows];
    }
  }
}
