package io.github.fastkmeans.engine;

import io.github.fastkmeans.parallel.ChunkRunner;

/**
 * The assignment step (E-step) of one algorithm: finds each row's nearest centre, ties to the
 * lowest index, and records in the pass's sums the rows that changed cluster. Algorithms differ
 * only in which distances they can prove unnecessary; every one records exactly what {@link
 * LloydAssigner} would.
 *
 * <p>A pass calls {@link #assign} for disjoint row ranges from several threads at once; the shared
 * state it reads (centres, geometry) changes only between passes.
 */
abstract class Assigner {

  /**
   * Bounds are only trusted with this relative margin, so that the rounding of square roots and of
   * bound updates can never prune a centre that plain Lloyd, comparing squared distances, would
   * pick.
   */
  static final double MARGIN = 1e-10;

  /**
   * Bounds below this distance are not trusted: their squares lie near the subnormal range, where
   * rounding is absolute, up to 2^-1074, and no relative margin covers it.
   */
  static final double SMALLEST_TRUSTED_BOUND = 0x1p-484;

  final DataMatrix data;
  final double[] values;
  final int columns;
  final int k;

  /** The current centres, row-major k x columns. */
  final double[] centres;

  /** The cluster of every row; -1 before the first pass. */
  final int[] labels;

  /** The centres column by column, for a row's distances to all of them at once. */
  final CentreColumns centreColumns;

  /**
   * The estimates of the threads at work in {@link #assignInBlocks}, made once per fit and thread
   * rather than once per chunk: a block's estimates are up to 512 KB.
   */
  final ScratchPool<CentreColumns.BlockScratch> blockScratch;

  /** The squared norm of every row, measured in the first pass; null where rows are too short. */
  final double[] rowSquaredNorms;

  Assigner(DataMatrix data, double[] centres, int[] labels) {
    this(data, centres, labels, true);
  }

  /**
   * An assigner that keeps the rows' squared norms for {@link #nearestOfAll} when {@code
   * keepsRowNorms} and the rows are long enough for dot products.
   */
  Assigner(DataMatrix data, double[] centres, int[] labels, boolean keepsRowNorms) {
    this(data, centres, labels, keepsRowNorms, false);
  }

  /**
   * An assigner as above that also compares blocks of rows with every centre at once ({@link
   * #assignInBlocks}) when {@code sweepsBlocks}, with the kernel {@link BlockSweeps} chooses.
   */
  Assigner(
      DataMatrix data,
      double[] centres,
      int[] labels,
      boolean keepsRowNorms,
      boolean sweepsBlocks) {
    this.data = data;
    this.values = data.values();
    this.columns = data.columns();
    this.k = centres.length / columns;
    this.centres = centres;
    this.labels = labels;
    boolean blocks = sweepsBlocks && keepsRowNorms && columns >= CentreColumns.DOT_PRODUCT_COLUMNS;
    this.centreColumns =
        new CentreColumns(k, columns, blocks ? BlockSweeps.create(k, columns) : null);
    this.blockScratch = new ScratchPool<>(centreColumns::newBlockScratch);
    centreColumns.update(centres);
    this.rowSquaredNorms =
        keepsRowNorms && columns >= CentreColumns.DOT_PRODUCT_COLUMNS
            ? new double[data.rows()]
            : null;
  }

  /** Assigns rows {@code [start, end)} in the first pass, measuring what later passes reuse. */
  final void firstPass(int start, int end, ClusterSums sums) {
    if (rowSquaredNorms != null) {
      for (int row = start; row < end; row++) {
        rowSquaredNorms[row] = CentreColumns.squaredNorm(values, row * columns, columns);
      }
    }
    assignFirst(start, end, sums);
  }

  /**
   * Assigns rows {@code [start, end)} in the first pass of a fit whose centres are those of {@code
   * earlier} but for its changed centre: the same labels as {@link #firstPass}, since a row's
   * nearest new centre is its old one or the changed one, unless its old centre is the one that
   * changed, which it then compares with every centre. Sets each row's bounds ({@link
   * #startBounds}).
   */
  final void firstPassFrom(int start, int end, ClusterSums sums, EarlierFit earlier) {
    if (rowSquaredNorms != null) {
      for (int row = start; row < end; row++) {
        rowSquaredNorms[row] = CentreColumns.squaredNorm(values, row * columns, columns);
      }
    }
    CentreColumns.Scratch scratch = null;
    int changed = earlier.changed;
    long computed = 0;
    for (int row = start; row < end; row++) {
      int old = earlier.labels[row];
      if (old == changed) {
        if (scratch == null) {
          scratch = centreColumns.newScratch();
        }
        scanAll(row, scratch, sums);
        computed += k;
        continue;
      }
      double toOld = squaredDistance(row, old);
      computed++;
      if (changed < 0) {
        startBounds(row, Math.sqrt(toOld), earlier.lowerBound(row));
        record(row, old, sums);
        continue;
      }
      double toChanged = squaredDistance(row, changed);
      computed++;
      if (toChanged < toOld || (toChanged == toOld && changed < old)) {
        // Every other centre was at least as far as the old one, the row's nearest before.
        startBounds(row, Math.sqrt(toChanged), Math.sqrt(toOld));
        record(row, changed, sums);
      } else {
        startBounds(row, Math.sqrt(toOld), Math.min(earlier.lowerBound(row), Math.sqrt(toChanged)));
        record(row, old, sums);
      }
    }
    sums.countDistances(computed);
  }

  /**
   * Sets the bounds of {@code row} at the first pass of a fit started from an earlier one: {@code
   * upper} its exact distance to its centre, {@code lower} a lower bound on its distance to every
   * other centre.
   */
  void startBounds(int row, double upper, double lower) {}

  /**
   * The rows' lower bounds on their distances to every centre but their own; null: none kept. Asked
   * once the fit ends, and may be the assigner's own array.
   */
  double[] lowerBounds() {
    return null;
  }

  /**
   * Called by the driver between passes, on one thread, after the centres moved from {@code
   * previous}; not before the first pass.
   */
  final void centresUpdated(double[] previous) {
    centreColumns.update(centres);
    centresMoved(previous);
  }

  /**
   * Called by the driver before the first pass: the fit makes at most {@code passes} passes. An
   * algorithm whose bounds cost more to start than a few passes leaves them out of a short fit.
   */
  void limitPasses(int passes) {
    centreColumns.limitPasses(passes);
  }

  /** What an algorithm keeps about the centres is brought up to date after they moved. */
  void centresMoved(double[] previous) {}

  /** Called after the driver moved {@code row} into another cluster behind the algorithm's back. */
  void rowMoved(int row) {}

  /**
   * Called by the driver before every pass, on the calling thread, with the threads of the fit and
   * a runner on the calling thread alone: for work that is not split by rows. Returns the distances
   * it computed.
   *
   * @throws InterruptedException if the calling thread is interrupted while waiting for others
   */
  long beforePass(ChunkRunner runner, ChunkRunner callerOnly) throws InterruptedException {
    return 0;
  }

  /**
   * Whether the coming pass over the chunks, asked after {@link #beforePass}, has so little to do
   * that waking other threads for it would cost more than it saves.
   */
  boolean passIsLight() {
    return false;
  }

  /**
   * Assigns rows {@code [start, end)} on the first pass, when no row has a cluster yet: compares
   * each with every centre ({@link #scanAll}).
   */
  void assignFirst(int start, int end, ClusterSums sums) {
    CentreColumns.Scratch scratch = centreColumns.newScratch();
    for (int row = start; row < end; row++) {
      scanAll(row, scratch, sums);
    }
    sums.countDistances((long) (end - start) * k);
  }

  /**
   * Compares {@code row} with every centre and puts it into the nearest one's cluster; an algorithm
   * with bounds also makes the row's bounds exact.
   */
  void scanAll(int row, CentreColumns.Scratch scratch, ClusterSums sums) {
    record(row, nearestOfAll(row, scratch), sums);
  }

  /** Assigns rows {@code [start, end)} on every later pass. */
  abstract void assign(int start, int end, ClusterSums sums);

  /** The squared distance from {@code row} to centre {@code c}. */
  final double squaredDistance(int row, int c) {
    if (columns == 2) {
      // The general loop's bits for two columns, without its loop control: planar data is common.
      double dx = values[2 * row] - centres[2 * c];
      double dy = values[2 * row + 1] - centres[2 * c + 1];
      return dx * dx + dy * dy;
    }
    return SquaredEuclidean.distance(values, row * columns, centres, c * columns, columns);
  }

  /**
   * Returns the centre nearest to {@code row}, the lowest index on a tie, comparing it with every
   * centre; leaves in {@code scratch.distances} its exact squared distance to that centre and a
   * lower bound on its squared distance to each other one.
   */
  final int nearestOfAll(int row, CentreColumns.Scratch scratch) {
    double squaredNorm = rowSquaredNorms == null ? 0 : rowSquaredNorms[row];
    return centreColumns.nearest(values, row * columns, squaredNorm, scratch);
  }

  /**
   * Assigns rows {@code [start, end)} comparing each with every centre, a block of rows at a time
   * where the centre table sweeps blocks, one row at a time otherwise: the same choices either way.
   */
  final void assignInBlocks(int start, int end, ClusterSums sums) {
    if (!centreColumns.sweepsBlocks()) {
      CentreColumns.Scratch scratch = centreColumns.newScratch();
      for (int row = start; row < end; row++) {
        record(row, nearestOfAll(row, scratch), sums);
      }
    } else {
      CentreColumns.BlockScratch scratch = blockScratch.take();
      try {
        for (int first = start; first < end; first += scratch.rows) {
          int rows = Math.min(scratch.rows, end - first);
          centreColumns.nearestOfBlock(values, first, rows, rowSquaredNorms, scratch);
          for (int r = 0; r < rows; r++) {
            record(first + r, scratch.nearest[r], sums);
          }
        }
      } finally {
        blockScratch.give(scratch);
      }
    }
    sums.countDistances((long) (end - start) * k);
  }

  /**
   * Which kernel compared rows with every centre, for the model output: the block kernel, or why
   * rows were compared one at a time.
   */
  String kernel() {
    if (columns < CentreColumns.DOT_PRODUCT_COLUMNS) {
      return "exact differences (fewer than " + CentreColumns.DOT_PRODUCT_COLUMNS + " columns)";
    }
    if (centreColumns.sweepsBlocks()) {
      return centreColumns.blockKernel();
    }
    return "plain Java, one row at a time (the bounds decide row by row)";
  }

  /**
   * Puts {@code row} into cluster {@code best}: when that changes its cluster, the move is recorded
   * in the pass's {@code sums}.
   */
  final void record(int row, int best, ClusterSums sums) {
    int old = labels[row];
    if (old != best) {
      int offset = row * columns;
      double weight = data.weight(row);
      if (old >= 0) {
        sums.remove(old, values, offset, weight);
      }
      sums.add(best, values, offset, weight);
      labels[row] = best;
      sums.countChange();
    }
  }

  /**
   * Whether a row with {@code candidates} centres left to compare is better compared with all
   * centres in one sweep: the sweep costs about as much as k/3 distances computed one at a time
   * (measured for Exponion, and for Elkan in 128 dimensions, where 1/6 and 1/10 were slower).
   */
  final boolean sweepsAll(int candidates) {
    return candidates > k / 3;
  }

  /** Whether a bound of {@code bound} proves a distance of {@code distance} strictly smaller. */
  static boolean provesCloser(double distance, double bound) {
    return bound >= SMALLEST_TRUSTED_BOUND && distance < bound * (1 - MARGIN);
  }

  /**
   * Whether a bound of {@code bound} proves a distance whose square is {@code squared} strictly
   * smaller; saves the square root when the bound holds.
   */
  static boolean provesCloserSquared(double squared, double bound) {
    double shrunk = bound * (1 - MARGIN);
    return bound >= SMALLEST_TRUSTED_BOUND && squared < shrunk * shrunk;
  }

  /**
   * Bounds above this limit prove a centre farther than one at {@code distance}; infinite, proving
   * nothing, where the margin cannot cover the rounding.
   */
  static double pruningLimit(double distance) {
    return distance >= SMALLEST_TRUSTED_BOUND
        ? distance * (1 + 2 * MARGIN)
        : Double.POSITIVE_INFINITY;
  }
}
