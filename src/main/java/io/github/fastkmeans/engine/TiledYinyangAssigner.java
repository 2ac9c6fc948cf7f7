package io.github.fastkmeans.engine;

import io.github.fastkmeans.parallel.ChunkRunner;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Yinyang's group bounds (Ding et al., ICML 2015) for the vector kernel, which computes a tile of
 * rows against a block of eight centres at once: a tile skips a block only when the bounds of all
 * its rows rule it out. The blocks are those of {@link CentreBlocks}, centres close together.
 *
 * <p>The bounds start once the rows settle: while many rows change centre, the centres move far and
 * the bounds rule out little, and a pass that reads and renews them costs more than Lloyd's sweep.
 * Until then every pass computes every block, tile by tile in the rows' own order, without bounds.
 * The pass after one in which at most {@link #SETTLED_SHARE} of the rows changed centre sorts the
 * rows by centre, so that a tile's rows lie close together and need the same blocks, computes every
 * block once more and starts the bounds. Should a later pass still compute more than {@link
 * #UNPRUNED_SHARE} of the distances, the bounds are dropped for the rest of the fit.
 *
 * <p>Every row keeps an upper bound on the distance to its centre and per block a lower bound on
 * the distance to the block's centres, both renewed from the blocks its tile computes, with the
 * estimates' proven error ({@link TileSweep}): a block computed for the whole tile once any row
 * needs it gives the rows that did not need it a tighter bound for nothing. (Yinyang's global
 * filter, a bound per row on all other blocks, saves no distance here and made passes slower.)
 *
 * <p>A lower bound is kept in a byte, as a whole number of levels of its tile's step, a power of
 * two set once the tile's rows first have upper bounds (the top level, 127, lies between the
 * largest of them and twice that), rounded down: E's bounds take 25 MB where floats took 100 MB,
 * and ruled out nearly as much (docs/benchmarks.md, "Tiled Yinyang: bounds in a byte"). A pass
 * lowers the bounds of every block a tile does not compute by the block's largest centre shift, in
 * whole levels rounded up, and renews those of the blocks it computes. A row's own block is always
 * computed, so its upper bound, a float, is renewed in every pass.
 *
 * <p>From the second pass on, a pass is computed before the chunks, tile by tile on all threads
 * ({@link #beforePass}); the chunks then record each row's centre in row order, so the sums have
 * the bits of every other algorithm.
 */
final class TiledYinyangAssigner extends Assigner {

  /**
   * An upper bound is trusted only with this relative margin, which covers the float roundings of
   * the bound and of the shift added to it (each 2^-24 of the largest term).
   */
  private static final double MARGIN = 0x1p-17;

  /** Added to every threshold: below float's normal range, rounding is absolute. */
  private static final double SMALLEST_MARGIN = 0x1p-100;

  /** {@link #stepExponents} of a tile whose rows have no upper bound yet: every level is 0. */
  private static final int NO_STEP = Integer.MIN_VALUE;

  /** Added to a step exponent (from float's least normal one up) to index by it. */
  private static final int EXPONENT_OFFSET = -Float.MIN_EXPONENT;

  /** The step exponents a tile may have: float's normal ones. */
  private static final int EXPONENTS = Float.MAX_EXPONENT - Float.MIN_EXPONENT + 1;

  /** Tiled bounds are kept only while they take at most this share of the heap left. */
  private static final double SHARE_OF_FREE_HEAP = 0.5;

  /**
   * The bounds start in the pass after one that changed the centre of at most this share of the
   * rows. On the benchmark's E (200,000 x 32, k = 1,000) the passes changed 14%, 7%, 3%, ... of the
   * rows from the third on; bounds started after the 7% pass made each later pass about twice as
   * fast as Lloyd's (docs/benchmarks.md, "Tiled Yinyang: bounds once the rows settle").
   */
  static final double SETTLED_SHARE = 0.1;

  /**
   * A pass with bounds that computes more than this share of the distances drops them: it cost more
   * than Lloyd's sweep, for the bounds it read and renewed.
   */
  static final double UNPRUNED_SHARE = 0.75;

  /**
   * The bounds start only with at least this many passes left after the one that starts them. The
   * pass that starts them computes every block, keeps the rows anew in their sorted order and makes
   * the bounds: it took 90-160 ms on E against Lloyd's 55, and a pass with the bounds saved half of
   * one on E and more later. Started at the second, fourth or fifth of E's 10 passes, the bounds
   * made engine fits of 0.45-0.66 s against Hamerly's 0.48-0.51 (docs/benchmarks.md, "Tiled
   * Yinyang: bounds in a byte"): no gain in so short a fit.
   */
  static final int PASSES_WORTH_THE_BOUNDS = 12;

  /** Tiles per task of a pass: 512 rows with 32-row tiles, as a chunk. */
  private static final int TILES_PER_TASK = 16;

  private final TileSweep sweep;
  private final int tileRows;
  private final int tiles;
  private final int blockCount;

  /** The centre at each position of the kernel's layout. */
  private final int[] centreAt;

  /** The block of each centre. */
  private final int[] blockOf;

  /** The row at each position of the sorted order; -1 past the last row. */
  private final int[] rowAt;

  /** The position of each row in the sorted order. */
  private final int[] positionOf;

  /** Each row's centre after the pass {@link #beforePass} computed. */
  private final int[] next;

  /**
   * By position: an upper bound on the distance from the row to its centre (kernel's frame); null
   * until the bounds start.
   */
  private float[] upper;

  /**
   * By tile, block and lane: a lower bound on the distance to the block's centres, as a level of
   * the tile's step; null until the bounds start.
   */
  private byte[] bounds;

  /**
   * By tile: the exponent of the power of two (kernel's frame) one level of its bounds stands for,
   * fixed once its rows have upper bounds; {@link #NO_STEP} until then, when every level is 0.
   */
  private int[] stepExponents;

  /** Per block, the largest last move of its centres (kernel's frame). */
  private final double[] blockShift;

  /** Each centre's last move (kernel's frame). */
  private final double[] shift;

  /** The room of the threads at work in a pass. */
  private final ScratchPool<Search> searches;

  private int passesBegun;

  /** Whether the passes use the bounds: from the pass that starts them until they are dropped. */
  private boolean bounding;

  /** Whether the bounds were started (or could not be) and are not to start again. */
  private boolean boundsSettled;

  /** How many rows the last pass moved to another centre. */
  private long changedLastPass;

  /**
   * The tiles whose rows the first pass kept; all of them, unless it started from an earlier fit.
   */
  private final AtomicInteger tilesKeptFirst = new AtomicInteger();

  /** Whether every tile's rows are kept in the current order. */
  private boolean rowsKept;

  /** The most passes the fit makes. */
  private int passLimit = Integer.MAX_VALUE;

  /** The pass that started the bounds, and the one that dropped them; 0 for none. */
  private int passStarted;

  private int passDropped;

  /**
   * Tiled Yinyang on {@code sweep} (made for these centres' order {@code centreAt}, IN, and these
   * rows).
   */
  TiledYinyangAssigner(
      DataMatrix data, double[] centres, int[] labels, TileSweep sweep, int[] centreAt) {
    // No block kernel of its own: the tiles sweep every pass; single rows the estimates cannot
    // bound are swept exactly.
    super(data, centres, labels, true, false);
    this.sweep = sweep;
    this.centreAt = centreAt;
    this.blockOf = CentreBlocks.blockOf(centreAt);
    this.tileRows = sweep.tileRows();
    this.blockCount = CentreBlocks.count(k);
    int rows = data.rows();
    this.tiles = (rows + tileRows - 1) / tileRows;
    this.rowAt = new int[tiles * tileRows];
    this.positionOf = new int[rows];
    this.next = new int[rows];
    this.changedLastPass = rows;
    this.blockShift = new double[blockCount];
    this.shift = new double[k];
    this.searches = new ScratchPool<>(Search::new);
    // The first pass takes the rows in their own order: no row has a centre to sort by yet.
    for (int position = 0; position < rowAt.length; position++) {
      rowAt[position] = position < rows ? position : -1;
    }
    Arrays.setAll(positionOf, row -> row);
    sweep.update(centres);
  }

  /**
   * Yinyang's assignment step for a fit on {@code data} from {@code centres}: tiled where the
   * vector kernel runs compiled, the rows have enough columns for its estimates, there is more than
   * one block of centres and the bounds take at most {@link #SHARE_OF_FREE_HEAP} of the heap left;
   * row by row ({@link YinyangAssigner}) otherwise. Both choose the centres of every other
   * algorithm.
   */
  static Assigner create(DataMatrix data, double[] centres, int[] labels) {
    int columns = data.columns();
    int k = centres.length / columns;
    if (fitsTheHeap(data.rows(), columns, k)) {
      int[] centreAt = CentreBlocks.order(centres, k, columns);
      TileSweep sweep = BlockSweeps.tileSweep(k, columns, centreAt, data.rows());
      if (sweep != null) {
        return new TiledYinyangAssigner(data, centres, labels, sweep, centreAt);
      }
    }
    return new YinyangAssigner(data, centres, labels);
  }

  /**
   * Whether tiled Yinyang can run on {@code rows} x {@code columns} rows with k centres: enough
   * columns for the kernel's estimates, more than one block of centres, and all it keeps within
   * {@link #SHARE_OF_FREE_HEAP} of the heap left (whether the kernel runs is asked apart).
   */
  static boolean fitsTheHeap(long rows, int columns, int k) {
    return columns >= CentreColumns.DOT_PRODUCT_COLUMNS
        && k > CentreBlocks.SIZE
        && bytes(rows, columns, k) <= SHARE_OF_FREE_HEAP * MemoryEstimate.freeHeap();
  }

  /** Whether the bounds can start at all in a fit of at most {@code passes} passes. */
  static boolean boundsCanStart(int passes) {
    // The earliest start is the second pass.
    return passes - 2 >= PASSES_WORTH_THE_BOUNDS;
  }

  /** The bytes tiled Yinyang keeps for {@code rows} x {@code columns} rows and k centres. */
  static long bytes(long rows, int columns, int k) {
    // Kept rows and norms; position, row and next centre; the bounds once they start.
    return 4 * rows * (columns + 1) + 12 * rows + 24L * k + boundsBytes(rows, k);
  }

  /** The bytes of the bounds of {@code rows} rows and k centres. */
  private static long boundsBytes(long rows, int k) {
    long blocks = CentreBlocks.count(k);
    // Per row and block; per row; per tile of at least 8 rows.
    return rows * blocks + 4 * rows + rows / 2;
  }

  @Override
  String kernel() {
    return sweep.kernel()
        + "; tiles of "
        + tileRows
        + " rows against the blocks of "
        + CentreBlocks.SIZE
        + " centres their bounds do not rule out ("
        + boundsHistory()
        + ")";
  }

  /** When the bounds started and whether they were dropped, for the model output. */
  private String boundsHistory() {
    if (!boundsSettled) {
      return "bounds not started: the rows did not settle";
    }
    if (passStarted == 0) {
      return "bounds not started: too few passes left once the rows settled, or too little memory";
    }
    String started = "bounds from pass " + passStarted;
    return passDropped == 0
        ? started
        : started + ", dropped at pass " + passDropped + " for ruling out too little";
  }

  /**
   * The first pass, in the rows' own order, computes every block; a range that does not start and
   * end on tiles (a distributed fit's block may not) is swept exactly, row by row.
   */
  @Override
  void assignFirst(int start, int end, ClusterSums sums) {
    if (start % tileRows != 0 || (end % tileRows != 0 && end != labels.length)) {
      super.assignFirst(start, end, sums);
      return;
    }
    Search search = searches.take();
    long computed = 0;
    int tile = start / tileRows;
    try {
      for (; tile * tileRows < end; tile++) {
        computed += search.sweepTile(tile, true);
      }
    } finally {
      searches.give(search);
    }
    tilesKeptFirst.addAndGet(tile - start / tileRows);
    assign(start, end, sums);
    sums.countDistances(computed);
  }

  @Override
  void assign(int start, int end, ClusterSums sums) {
    for (int row = start; row < end; row++) {
      record(row, next[row], sums);
    }
  }

  @Override
  void limitPasses(int passes) {
    super.limitPasses(passes);
    passLimit = passes;
  }

  @Override
  void rowMoved(int row) {
    if (upper != null) {
      upper[positionOf[row]] = Float.POSITIVE_INFINITY;
    }
  }

  @Override
  void centresMoved(double[] previous) {
    sweep.update(centres);
    double scale = sweep.scale();
    Arrays.fill(blockShift, 0);
    for (int c = 0; c < k; c++) {
      double moved =
          Math.sqrt(SquaredEuclidean.distance(previous, c * columns, centres, c * columns, columns))
              * scale;
      shift[c] = moved;
      blockShift[blockOf[c]] = Math.max(blockShift[blockOf[c]], moved);
    }
  }

  @Override
  long beforePass(ChunkRunner runner, ChunkRunner callerOnly) throws InterruptedException {
    if (passesBegun++ == 0) {
      // The first pass runs chunk by chunk ({@link #assignFirst}).
      return 0;
    }
    if (passesBegun == 2) {
      rowsKept = tilesKeptFirst.get() == tiles;
    }
    boolean starting = !boundsSettled && changedLastPass <= SETTLED_SHARE * labels.length;
    if (starting) {
      boundsSettled = true;
      starting = passLimit - passesBegun >= PASSES_WORTH_THE_BOUNDS && allocateBounds();
      if (starting) {
        sortByCentre();
        rowsKept = false;
        bounding = true;
        passStarted = passesBegun;
      }
    }
    boolean keepRows = !rowsKept;
    int tasks = (tiles + TILES_PER_TASK - 1) / TILES_PER_TASK;
    long[] computed = new long[tasks];
    long[] changed = new long[tasks];
    runner.run(
        0,
        tasks,
        (task, slot) -> {
          Search search = searches.take();
          try {
            int end = Math.min(tiles, (task + 1) * TILES_PER_TASK);
            long count = 0;
            search.changed = 0;
            for (int tile = task * TILES_PER_TASK; tile < end; tile++) {
              count += search.sweepTile(tile, keepRows);
            }
            computed[task] = count;
            changed[task] = search.changed;
          } finally {
            searches.give(search);
          }
        });
    rowsKept = true;
    long total = 0;
    for (long count : computed) {
      total += count;
    }
    changedLastPass = 0;
    for (long count : changed) {
      changedLastPass += count;
    }
    if (bounding && !starting && total > UNPRUNED_SHARE * labels.length * k) {
      bounding = false;
      passDropped = passesBegun;
    }
    return total;
  }

  /**
   * Makes the bounds, all ruling nothing out, when they take at most {@link #SHARE_OF_FREE_HEAP} of
   * the heap left; returns whether they were made.
   */
  private boolean allocateBounds() {
    if (boundsBytes(tiles * tileRows, k) > SHARE_OF_FREE_HEAP * MemoryEstimate.freeHeap()) {
      return false;
    }
    upper = new float[tiles * tileRows];
    Arrays.fill(upper, Float.POSITIVE_INFINITY);
    bounds = new byte[Math.multiplyExact(tiles * tileRows, blockCount)];
    stepExponents = new int[tiles];
    Arrays.fill(stepExponents, NO_STEP);
    return true;
  }

  /**
   * How many of the bounds kept now do not hold for the current centres: upper bounds below the
   * exact distance from their row to the centre the last pass chose (less the margin their use
   * adds), and lower bounds above the exact distance from their row to a centre of their block. For
   * tests, after {@link #beforePass}; it measures every distance.
   */
  long boundsNotHolding() {
    if (bounds == null) {
      return 0;
    }
    double scale = sweep.scale();
    long failing = 0;
    for (int position = 0; position < rowAt.length; position++) {
      int row = rowAt[position];
      if (row < 0) {
        continue;
      }
      double own = Math.sqrt(squaredDistance(row, next[row])) * scale;
      if (upper[position] * (1 + MARGIN) < own) {
        failing++;
      }
      int tile = position / tileRows;
      int exponent = stepExponents[tile];
      for (int b = 0; b < blockCount && exponent != NO_STEP; b++) {
        double bound =
            Math.scalb(
                (double) bounds[(tile * blockCount + b) * tileRows + position % tileRows],
                exponent);
        for (int p = b * CentreBlocks.SIZE; p < Math.min(k, (b + 1) * CentreBlocks.SIZE); p++) {
          if (bound > Math.sqrt(squaredDistance(row, centreAt[p])) * scale) {
            failing++;
          }
        }
      }
    }
    return failing;
  }

  /** Sorts the rows by their centre, rows of a centre in row order (a stable counting sort). */
  private void sortByCentre() {
    int rows = labels.length;
    int[] start = new int[k + 1];
    for (int row = 0; row < rows; row++) {
      start[labels[row] + 1]++;
    }
    for (int c = 0; c < k; c++) {
      start[c + 1] += start[c];
    }
    for (int row = 0; row < rows; row++) {
      int position = start[labels[row]]++;
      rowAt[position] = row;
      positionOf[row] = position;
    }
  }

  /** The room of a thread at work on the tiles of a pass. */
  private final class Search {
    private final TileSweep.Tile tile = sweep.newTile();
    private final byte[] thresholdLevels = new byte[tileRows];
    private final boolean[] forced = new boolean[blockCount];

    /**
     * Per step exponent (offset by {@link #EXPONENT_OFFSET}), the levels each block's bounds fall
     * by in the pass {@link #driftPass} says, made when a tile of that step first needs them.
     */
    private final byte[][] driftLevels = new byte[EXPONENTS][];

    private final int[] driftPass = new int[EXPONENTS];

    /** The drift levels of a tile without a step, whose bounds are not read. */
    private final byte[] noDrift = new byte[blockCount];

    private final CentreColumns.Scratch scratch = centreColumns.newScratch();

    /** The rows the tiles swept since it was last reset moved to another centre. */
    long changed;

    /**
     * Assigns the rows of tile {@code index} into {@link #next} and, in a pass with bounds, renews
     * their bounds; keeps the tile's rows in their current order first when {@code keepRows}.
     * Returns the distances computed.
     */
    long sweepTile(int index, boolean keepRows) {
      if (keepRows) {
        sweep.keep(values, rowAt, index);
      }
      int base = index * tileRows;
      int rows = 0;
      int exponent = bounding ? stepExponents[index] : NO_STEP;
      for (int lane = 0; lane < tileRows; lane++) {
        int row = rowAt[base + lane];
        if (row < 0) {
          thresholdLevels[lane] = -1;
          continue;
        }
        rows++;
        if (exponent == NO_STEP) {
          // No bounds (yet): every block.
          thresholdLevels[lane] = TileSweep.TOP_LEVEL;
          continue;
        }
        int own = labels[row];
        forced[blockOf[own]] = true;
        double threshold =
            ((double) upper[base + lane] + shift[own]) * (1 + MARGIN) + SMALLEST_MARGIN;
        // A bound rules a block out when its level lies above the threshold's, rounded down
        // (scaled by a power of two, exactly).
        thresholdLevels[lane] =
            (byte) Math.min(TileSweep.TOP_LEVEL, Math.floor(Math.scalb(threshold, -exponent)));
      }
      if (!sweep.estimable()) {
        return exactly(base, rows);
      }
      int count =
          sweep.needed(
              index,
              bounds,
              exponent == NO_STEP ? noDrift : driftLevels(exponent),
              thresholdLevels,
              forced,
              tile);
      sweep.estimate(index, count, bounding, tile);
      long computed = 0;
      for (int i = 0; i < count; i++) {
        int from = tile.groups[i] * CentreBlocks.SIZE;
        computed += Math.min(k, from + CentreBlocks.SIZE) - from;
      }
      computed *= rows;
      for (int lane = 0; lane < tileRows; lane++) {
        int row = rowAt[base + lane];
        if (row < 0) {
          continue;
        }
        int sole = sweep.sole(tile, lane);
        if (sole >= 0) {
          next[row] = centreAt[sole];
        } else if (sole == TileSweep.SEVERAL) {
          computed += nearestWithinReach(row, lane, count);
        } else {
          next[row] = nearestOfAll(row, scratch);
          computed += k;
        }
        if (next[row] != labels[row]) {
          changed++;
        }
      }
      if (bounding) {
        sweep.renewUpper(index, tile, upper);
        if (stepExponents[index] == NO_STEP) {
          // Levels without a step are all 0, which any step reads alike.
          stepExponents[index] = firstStepExponent(base);
        }
        sweep.renewLower(index, count, stepExponents[index], tile, bounds);
      }
      return computed;
    }

    /**
     * The step exponent of the bounds of the tile whose rows start at {@code base}, once their
     * upper bounds are first made: the top level lies between the largest of them and twice that,
     * where bounds beyond it rule out as much as it does for any row whose centre stays near.
     * {@link #NO_STEP} when no row has an upper bound.
     */
    private int firstStepExponent(int base) {
      float largest = -1;
      for (int lane = 0; lane < tileRows; lane++) {
        float bound = upper[base + lane];
        if (rowAt[base + lane] >= 0 && bound < Float.POSITIVE_INFINITY) {
          largest = Math.max(largest, bound);
        }
      }
      if (largest < 0) {
        return NO_STEP;
      }
      // Float's normal range: a step of 2^-126 and levels up to 127 of it.
      return Math.max(
          Float.MIN_EXPONENT, Math.getExponent(2 * (double) largest / TileSweep.TOP_LEVEL));
    }

    /**
     * Per block, how many levels of 2^{@code exponent} its bounds fall by in this pass: its
     * centres' largest shift, rounded up (scaled by a power of two, exactly).
     */
    private byte[] driftLevels(int exponent) {
      int slot = exponent + EXPONENT_OFFSET;
      byte[] levels = driftLevels[slot];
      if (levels == null) {
        levels = new byte[blockCount];
        driftLevels[slot] = levels;
      } else if (driftPass[slot] == passesBegun) {
        return levels;
      }
      for (int b = 0; b < blockCount; b++) {
        levels[b] =
            (byte) Math.min(TileSweep.TOP_LEVEL, Math.ceil(Math.scalb(blockShift[b], -exponent)));
      }
      driftPass[slot] = passesBegun;
      return levels;
    }

    /**
     * Puts into {@link #next} the nearest of the centres within the reach of {@code lane}'s row,
     * among the first {@code count} blocks computed, measured exactly, the lowest index on a tie;
     * returns the distances measured.
     */
    private int nearestWithinReach(int row, int lane, int count) {
      int best = -1;
      double bestSquared = Double.POSITIVE_INFINITY;
      int measured = 0;
      for (int i = 0; i < count; i++) {
        int from = tile.groups[i] * CentreBlocks.SIZE;
        int to = Math.min(k, from + CentreBlocks.SIZE);
        for (int position = from; position < to; position++) {
          if (!sweep.withinReach(tile, lane, position)) {
            continue;
          }
          int c = centreAt[position];
          double squared = squaredDistance(row, c);
          measured++;
          if (squared < bestSquared || (squared == bestSquared && c < best)) {
            best = c;
            bestSquared = squared;
          }
        }
      }
      // The nearest by estimate is always within reach; a row with none falls to the exact sweep.
      if (best < 0) {
        next[row] = nearestOfAll(row, scratch);
        return measured + k;
      }
      next[row] = best;
      return measured;
    }

    /**
     * Assigns the tile's rows from {@code base} by the exact sweep, where the centres cannot be
     * estimated; their bounds then rule nothing out. Returns the distances computed.
     */
    private long exactly(int base, int rows) {
      for (int lane = 0; lane < tileRows; lane++) {
        int row = rowAt[base + lane];
        if (row >= 0) {
          next[row] = nearestOfAll(row, scratch);
          if (next[row] != labels[row]) {
            changed++;
          }
          if (upper != null) {
            upper[base + lane] = Float.POSITIVE_INFINITY;
          }
        }
      }
      Arrays.fill(forced, false);
      return (long) rows * k;
    }
  }
}
