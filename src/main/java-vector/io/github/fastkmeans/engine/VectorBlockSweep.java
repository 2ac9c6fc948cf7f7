package io.github.fastkmeans.engine;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlockSweep} with the Vector API ({@code jdk.incubator.vector}, JEP 414) in single
 * precision, with the rows in a vector's lanes: two vectors of rows against eight centres at a
 * time, sixteen accumulators kept in registers over all the columns, each row vector loaded once
 * for eight fused multiply-adds and each centre value broadcast once for two (the register tile of
 * Goto and van de Geijn, ACM TOMS 34(3), 2008). A float vector holds twice the values of a double
 * one, so a tile does twice the work per instruction; the estimates only filter, and the centres
 * within reach are measured exactly in double, so the choice is the exact sweep's.
 *
 * <p>With the rows in the lanes, each row's smallest estimate, its second smallest and the first
 * centre with the smallest are kept lane by lane, a tile of centres at a time, right after the
 * tile's dot products, while they are still in the first-level cache: no step works across the
 * lanes of a vector, which on JDK 17 cost as much as a row's dot products when the centres are few.
 * A row whose second smallest estimate lies beyond its reach has a single candidate, its nearest
 * centre, and needs nothing more. The smallest two are kept as the integers of the estimates' bits,
 * whose minimum is one instruction, where JDK 17 compiles a float minimum into several that order
 * NaN and signed zeros: this took as long as the dot products at a thousand centres. The integers
 * order non-negative floats as floats; an estimate below zero (a distance within rounding of zero)
 * ranks first, and two of them rank in reverse, so that the second lies within the reach of the
 * first and the row has several candidates, measured exactly.
 *
 * <p>Rows and centres are first moved so that the mean of the fit's first centres is the origin and
 * scaled by a power of two so that the farthest of them lies at a distance between 1 and 2:
 * distances do not change (up to the exact scale), the values keep every bit float can hold of
 * their differences, and nothing overflows or falls to float's subnormal range. The frame is kept
 * for the whole fit, so that each row is moved once when memory allows ({@link MovedRows}); centres
 * that leave its range are swept exactly. Each estimate is then within {@code (d + 5) 2^-24 (||x'||
 * + max ||c'||)^2} of the exact distance (scaled), where x' and c' are the moved rows and centres
 * (Higham, Accuracy and Stability of Numerical Algorithms, 3.1): d roundings for a row's norm and
 * for the multiply-adds that start from a centre's norm and subtract twice the dot product, in any
 * order (their partial sums stay within {@code ||x'||^2} and {@code ||c'||^2 + 2 ||x'|| ||c'||}),
 * one for the centre's norm, one for the sum with the row's norm, two for the rounding of the moved
 * values to float, and one to spare. The bound used is {@code (d + 10) 2^-24 (...)^2}: the rest
 * covers the double roundings of the exact distances, the subnormal range, and the float sum that
 * makes the reach.
 *
 * <p>The centres are laid out in groups of eight, times -2: centre {@code g * 8 + i}, column j, at
 * {@code groups[(g * columns + j) * 8 + i]}, so a tile reads its centres in order. The last group
 * is padded with zero centres of infinite norm, whose estimates are infinite.
 *
 * <p>Compiled for Java 17 with the incubator module, apart from the rest of the engine, and only
 * ever reached by reflection ({@link BlockSweeps}), so that the engine runs without the module.
 */
final class VectorBlockSweep extends BlockSweep {

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  /** Int vectors of as many lanes, for the bits of the estimates and the centres' indices. */
  private static final VectorSpecies<Integer> INTS = SPECIES.withLanes(int.class);

  /** The rows of a tile: two vectors. */
  static final int TILE_ROWS = 2 * LANES;

  /** The centres of a tile. */
  static final int GROUP = CentreBlocks.SIZE;

  /**
   * Centres spread less than this from their mean, or more than {@link #LARGEST_SPREAD}: the exact
   * distances that check the estimates would fall near double's subnormal range, whose rounding is
   * absolute, or overflow, and no row is estimated (the exact sweep decides).
   */
  private static final double SMALLEST_SPREAD = 0x1p-400;

  private static final double LARGEST_SPREAD = 0x1p400;

  /**
   * Once the frame is set, moved centres whose largest norm lies outside [2^-60, 2^40] are not
   * estimated: the frame no longer fits them (centres that shrank or spread out 2^40 times and more
   * since the first pass).
   */
  private static final double SMALLEST_MOVED_NORM = 0x1p-60;

  private static final double LARGEST_MOVED_NORM = 0x1p40;

  /**
   * The moved rows are kept for later passes only while they take at most this share of the heap
   * left.
   */
  private static final double ROWS_SHARE_OF_FREE_HEAP = 0.25;

  /**
   * The fewest passes for which the moved rows are kept. Keeping them saves each later pass the
   * moving (about a nanosecond a value) but costs their memory, which is fresh: on the virtual
   * machines measured, about 3 ms a megabyte to touch first. Engine fits, Lloyd, 2 threads: B
   * (200,000 x 16, 51 passes) 0.28-0.32 s kept against 0.30-0.33 moved every pass; E (200,000 x 32,
   * k = 1,000, 11 passes) 0.76-0.89 s kept against 0.69-0.78; F (1,000,000 x 64, 11 passes, 256 MB
   * of moved rows) and D (50,000 x 128, 22 passes) alike either way.
   */
  static final int PASSES_WORTH_KEEPING_ROWS = 20;

  /**
   * A moved row farther than this from the origin (2^40 times the centres' spread) is not
   * estimated: its squares would approach float's range, and its exact distances double's.
   */
  private static final double FARTHEST_ROW = 0x1p40;

  private final int groupCount;
  private final float[] groups;

  /** The centre at each position of the layout; null: centre c at position c. */
  private final int[] centreAt;

  /** The squared norm of every moved centre, then infinity for the padding. */
  private final float[] squaredNorms;

  /**
   * The origin of the moved values: the mean of the first centres that could be estimated. It is
   * kept with the scale for the whole fit, so that the rows, moved once, serve every pass.
   */
  private final double[] mean;

  /** Whether {@link #mean} and {@link #scale} are set. */
  private boolean frameSet;

  /**
   * The fit's rows, moved, blocks of {@link #blockRows} rows column by column as in a block's
   * estimates; null until the first block of a fit, or when the fit is too short for them or they
   * would take too much memory.
   */
  private volatile MovedRows movedRows;

  /** Whether keeping the moved rows was decided for this fit. */
  private boolean movedRowsDecided;

  /** The most passes of the fit, as the driver says before the first. */
  private volatile int passLimit = Integer.MAX_VALUE;

  /** Twice the error bound of an estimate per square of {@code ||x'|| + max ||c'||}. */
  private final double twiceErrorPerSquare;

  /** The power of two the moved values are multiplied by. */
  private double scale;

  /** The largest norm of a moved centre. */
  private double largestNorm;

  /** Whether the centres' spread lets rows be estimated at all. */
  private boolean estimable;

  /**
   * A sweep over {@code k} centres in {@code columns} dimensions, filled by {@link #update}.
   *
   * @throws UnsupportedOperationException if the JVM's vectors hold a single float: no gain
   */
  VectorBlockSweep(int k, int columns) {
    this(k, columns, null);
  }

  /**
   * A sweep as above whose layout puts centre {@code centreAt[p]} (IN, a permutation of the
   * centres, kept) at position p, so that its groups of eight are the blocks of {@link
   * CentreBlocks}; the estimates then come by position.
   */
  VectorBlockSweep(int k, int columns, int[] centreAt) {
    super(k, columns);
    this.centreAt = centreAt;
    if (LANES < 2) {
      throw new UnsupportedOperationException(
          "the JVM's preferred vectors hold a single float (" + SPECIES + ")");
    }
    this.groupCount = CentreBlocks.count(k);
    this.groups = new float[groupCount * columns * GROUP];
    this.squaredNorms = new float[groupCount * GROUP];
    Arrays.fill(squaredNorms, k, squaredNorms.length, Float.POSITIVE_INFINITY);
    this.mean = new double[columns];
    // Computed in float from the row's norm in float, the bound may fall short by up to (2d + 6)
    // roundings of its own: the factor makes up for them.
    this.twiceErrorPerSquare =
        2 * FloatFrame.errorPerSquare(columns) * (1 + (columns + 8) * 0x1p-22);
  }

  @Override
  String kernel() {
    return "vector (jdk.incubator.vector, "
        + SPECIES.vectorBitSize()
        + "-bit, float estimates checked in double)";
  }

  @Override
  void update(double[] centres, double[] norms) {
    if (!frameSet) {
      setFrame(centres);
    }
    double largest = 0;
    for (int p = 0; p < k; p++) {
      int c = centreAt == null ? p : centreAt[p];
      int groupStart = (p / GROUP) * columns * GROUP + p % GROUP;
      double squared = 0;
      for (int j = 0; j < columns; j++) {
        float moved = (float) ((centres[c * columns + j] - mean[j]) * scale);
        // Kept times -2, which changes no rounding: the tile's sums are then -2 x'.c' as they are.
        groups[groupStart + j * GROUP] = -2 * moved;
        squared += (double) moved * moved;
      }
      squaredNorms[p] = (float) squared;
      largest = Math.max(largest, Math.sqrt(squared));
    }
    largestNorm = largest;
    estimable = frameSet && largest >= SMALLEST_MOVED_NORM && largest <= LARGEST_MOVED_NORM;
  }

  /**
   * Sets the frame from {@code centres} when their spread allows it: the origin at their mean, the
   * scale that puts the farthest at a distance between 1 and 2.
   */
  private void setFrame(double[] centres) {
    double[] centre = FloatFrame.meanOf(centres, k, columns);
    double spread = FloatFrame.spread(centre, centres, k, columns);
    if (spread >= SMALLEST_SPREAD && spread <= LARGEST_SPREAD) {
      System.arraycopy(centre, 0, mean, 0, columns);
      scale = Math.scalb(1.0, -Math.getExponent(spread));
      frameSet = true;
    }
  }

  /** Whether the centres of the coming pass can be estimated at all. */
  boolean estimable() {
    return estimable;
  }

  /** The power of two the moved values are multiplied by; set with the frame. */
  double scale() {
    return scale;
  }

  /** The number of groups of eight positions. */
  int groupCount() {
    return groupCount;
  }

  /**
   * Moves row {@code values[offset...]} (IN) into {@code moved} (OUT) from {@code at}, its columns
   * a {@code stride} apart.
   */
  void moveRow(double[] values, int offset, float[] moved, int at, int stride) {
    for (int j = 0; j < columns; j++) {
      moved[at + j * stride] = (float) ((values[offset + j] - mean[j]) * scale);
    }
  }

  @Override
  void limitPasses(int passes) {
    passLimit = passes;
  }

  @Override
  long keptBytes() {
    MovedRows kept = movedRows;
    return kept == null ? 0 : 4L * (kept.values.length + kept.squaredNorms.length);
  }

  @Override
  int blockRows() {
    // The block's moved rows fit the first-level cache (16 KB), its estimates the second (256
    // KB): one, two or four tiles, so that blocks from a chunk's start (512 rows) meet the kept
    // rows' blocks.
    int rows = Math.min(4096 / columns, 65536 / (groupCount * GROUP));
    int tiles = rows >= 4 * TILE_ROWS ? 4 : rows >= 2 * TILE_ROWS ? 2 : 1;
    return tiles * TILE_ROWS;
  }

  @Override
  Estimates newEstimates(int rows) {
    int tiles = (rows + TILE_ROWS - 1) / TILE_ROWS;
    return new FloatEstimates(tiles * TILE_ROWS, groupCount * GROUP, columns);
  }

  @Override
  void estimate(
      double[] values, int offset, int rows, double[] rowNorms, int firstNorm, Estimates out) {
    FloatEstimates block = (FloatEstimates) out;
    if (!estimable) {
      Arrays.fill(block.sole, 0, rows, UNTRUSTED);
      return;
    }
    int padded = (rows + TILE_ROWS - 1) / TILE_ROWS * TILE_ROWS;
    MovedRows kept = keptRows(values, firstNorm, rows, block.stride);
    int index = firstNorm / block.stride;
    // The rows are moved here unless kept from an earlier pass; kept, they are moved once, into
    // their place among the kept rows (the same code either way, so the JIT compiles it once).
    float[] moved = kept == null ? block.block : kept.values;
    int base = kept == null ? 0 : index * block.stride * columns;
    float[] norms = kept == null ? block.blockNorms : kept.squaredNorms;
    int normsAt = kept == null ? 0 : firstNorm;
    if (kept == null || !kept.filled[index]) {
      move(values, offset, rows, moved, base, block.stride);
      padAndMeasure(moved, base, block.stride, rows, padded, norms, normsAt);
      if (kept != null) {
        kept.filled[index] = true;
      }
    }
    if (kept != null) {
      System.arraycopy(kept.squaredNorms, firstNorm, block.blockNorms, 0, padded);
    }
    sweepTiles(block, moved, base, padded);
  }

  @Override
  void estimateRows(double[] values, int[] rows, int count, double[] rowNorms, Estimates out) {
    FloatEstimates block = (FloatEstimates) out;
    if (!estimable) {
      Arrays.fill(block.sole, 0, count, UNTRUSTED);
      return;
    }
    int padded = (count + TILE_ROWS - 1) / TILE_ROWS * TILE_ROWS;
    float[] moved = block.block;
    int stride = block.stride;
    for (int r = 0; r < count; r++) {
      moveRow(values, rows[r] * columns, moved, r, stride);
    }
    padAndMeasure(moved, 0, stride, count, padded, block.blockNorms, 0);
    sweepTiles(block, moved, 0, padded);
  }

  @Override
  double nearestUpperBound(Estimates estimates, int row) {
    FloatEstimates block = (FloatEstimates) estimates;
    double least = Float.intBitsToFloat(block.leastBits[row]);
    return Math.max(0, (least + 0.5 * block.twiceErrors[row]) / (scale * scale));
  }

  @Override
  double othersLowerBound(Estimates estimates, int row, int nearest) {
    FloatEstimates block = (FloatEstimates) estimates;
    // In the kernel's frame, scaled by a power of two: the bound is exact once scaled back.
    double second = Float.intBitsToFloat(block.secondBits[row]);
    double bound = (second - 0.5 * block.twiceErrors[row]) / (scale * scale);
    return bound > 0 ? bound : 0;
  }

  /**
   * Estimates the tiles of the block's {@code padded} moved rows (in {@code moved} from {@code
   * base}, columns {@code block.stride} apart, squared norms in {@code block.blockNorms}) against
   * every centre, and decides each row's reach and sole candidate.
   */
  private void sweepTiles(FloatEstimates block, float[] moved, int base, int padded) {
    for (int tile = 0; tile < padded; tile += TILE_ROWS) {
      bounds(block, tile);
      Arrays.fill(block.leastBits, tile, tile + TILE_ROWS, Integer.MAX_VALUE);
      Arrays.fill(block.secondBits, tile, tile + TILE_ROWS, Integer.MAX_VALUE);
      Arrays.fill(block.nearest, tile, tile + TILE_ROWS, 0);
      for (int g = 0; g < groupCount; g++) {
        dotProducts(block, moved, base, tile, g);
        keepLeastTwo(block, tile, g);
      }
      decide(block, tile);
    }
  }

  /**
   * The fit's kept moved rows, where the block of {@code rows} rows from row {@code firstRow} of
   * {@code values} is one of their blocks of {@code blockRows}; null where it is not, or where no
   * rows are kept. The first call of a fit decides whether to keep them: when the fit may make
   * {@link #PASSES_WORTH_KEEPING_ROWS} passes or more and they take at most {@link
   * #ROWS_SHARE_OF_FREE_HEAP} of the heap left; they are the same rows, so the choice changes only
   * the time.
   */
  private MovedRows keptRows(double[] values, int firstRow, int rows, int blockRows) {
    int total = values.length / columns;
    if (firstRow % blockRows != 0 || rows != Math.min(blockRows, total - firstRow)) {
      return null;
    }
    MovedRows kept = movedRows;
    if (kept == null && !movedRowsDecided) {
      kept = decideMovedRows(values, total, blockRows);
    }
    return kept != null && kept.source == values && kept.blockRows == blockRows ? kept : null;
  }

  private synchronized MovedRows decideMovedRows(double[] values, int total, int blockRows) {
    if (!movedRowsDecided) {
      long slots = (long) (total + blockRows - 1) / blockRows * blockRows;
      long bytes = 4 * slots * (columns + 1);
      long free = MemoryEstimate.freeHeap();
      if (passLimit >= PASSES_WORTH_KEEPING_ROWS
          && slots * columns < Integer.MAX_VALUE
          && bytes <= ROWS_SHARE_OF_FREE_HEAP * free) {
        movedRows = new MovedRows(values, (int) slots, columns, blockRows);
      }
      movedRowsDecided = true;
    }
    return movedRows;
  }

  /**
   * Moves and scales the block's rows into {@code moved} from {@code base}, column by column, a
   * {@code stride} apart.
   */
  private void move(double[] values, int offset, int rows, float[] moved, int base, int stride) {
    // Column by column: the stores run on, and the loads (a row apart) stay in the first-level
    // cache. Either order takes about as long as reading the rows from memory.
    for (int j = 0; j < columns; j++) {
      double origin = mean[j];
      int to = base + j * stride;
      for (int r = 0, from = offset + j; r < rows; r++, from += columns) {
        moved[to + r] = (float) ((values[from] - origin) * scale);
      }
    }
  }

  /**
   * Pads the block's {@code rows} moved rows (in {@code moved} from {@code base}, columns a {@code
   * stride} apart) to {@code padded} with NaN rows, whose NaN norms leave them no bound and no
   * estimate within reach, and writes the squared norms of all {@code padded} into {@code norms}
   * from {@code at}.
   */
  private void padAndMeasure(
      float[] moved, int base, int stride, int rows, int padded, float[] norms, int at) {
    for (int r = rows; r < padded; r++) {
      for (int j = 0; j < columns; j++) {
        moved[base + j * stride + r] = Float.NaN;
      }
    }
    for (int tile = 0; tile < padded; tile += TILE_ROWS) {
      squaredNorms(moved, base, stride, tile, norms, at + tile);
    }
  }

  /**
   * Writes the squared norms of the tile's moved rows from {@code tile} (in {@code moved} from
   * {@code base}, columns a {@code stride} apart) into {@code norms} from {@code at}.
   */
  void squaredNorms(float[] moved, int base, int stride, int tile, float[] norms, int at) {
    for (int lane = 0; lane < TILE_ROWS; lane += LANES) {
      FloatVector squared = FloatVector.zero(SPECIES);
      for (int j = 0; j < columns; j++) {
        FloatVector value = FloatVector.fromArray(SPECIES, moved, base + j * stride + tile + lane);
        squared = value.fma(value, squared);
      }
      squared.intoArray(norms, at + lane);
    }
  }

  /**
   * Sets twice the error bound of the estimates of the tile's rows from {@code tile}, from their
   * squared norms: NaN where no bound holds (padding included).
   */
  void bounds(FloatEstimates block, int tile) {
    for (int at = tile; at < tile + TILE_ROWS; at += LANES) {
      FloatVector squared = FloatVector.fromArray(SPECIES, block.blockNorms, at);
      FloatVector span = squared.sqrt().add((float) largestNorm);
      FloatVector twiceError = span.mul(span).mul((float) twiceErrorPerSquare);
      // No bound for a row too far away; a NaN norm (padding) gives a NaN bound by itself.
      twiceError
          .blend(
              Float.NaN, squared.compare(VectorOperators.GT, (float) (FARTHEST_ROW * FARTHEST_ROW)))
          .intoArray(block.twiceErrors, at);
    }
  }

  /**
   * Writes {@code ||c'||^2 - 2 x'.c'} for the tile's rows from {@code tile} and the centres of
   * group {@code g} into {@code block.values}: each row's estimates less its own squared norm,
   * added later, so that the multiply-adds round sums no larger than {@code ||c'||^2 + 2 ||x'||
   * ||c'||}.
   */
  void dotProducts(FloatEstimates block, float[] moved, int base, int tile, int g) {
    int stride = block.stride;
    int first = g * GROUP;
    FloatVector sum00 = FloatVector.broadcast(SPECIES, squaredNorms[first]);
    FloatVector sum01 = FloatVector.broadcast(SPECIES, squaredNorms[first + 1]);
    FloatVector sum02 = FloatVector.broadcast(SPECIES, squaredNorms[first + 2]);
    FloatVector sum03 = FloatVector.broadcast(SPECIES, squaredNorms[first + 3]);
    FloatVector sum04 = FloatVector.broadcast(SPECIES, squaredNorms[first + 4]);
    FloatVector sum05 = FloatVector.broadcast(SPECIES, squaredNorms[first + 5]);
    FloatVector sum06 = FloatVector.broadcast(SPECIES, squaredNorms[first + 6]);
    FloatVector sum07 = FloatVector.broadcast(SPECIES, squaredNorms[first + 7]);
    FloatVector sum10 = sum00;
    FloatVector sum11 = sum01;
    FloatVector sum12 = sum02;
    FloatVector sum13 = sum03;
    FloatVector sum14 = sum04;
    FloatVector sum15 = sum05;
    FloatVector sum16 = sum06;
    FloatVector sum17 = sum07;
    int start = g * columns * GROUP;
    for (int j = 0; j < columns; j++) {
      int rowsAt = base + j * stride + tile;
      FloatVector rows0 = FloatVector.fromArray(SPECIES, moved, rowsAt);
      FloatVector rows1 = FloatVector.fromArray(SPECIES, moved, rowsAt + LANES);
      int at = start + j * GROUP;
      FloatVector centre = FloatVector.broadcast(SPECIES, groups[at]);
      sum00 = rows0.fma(centre, sum00);
      sum10 = rows1.fma(centre, sum10);
      centre = FloatVector.broadcast(SPECIES, groups[at + 1]);
      sum01 = rows0.fma(centre, sum01);
      sum11 = rows1.fma(centre, sum11);
      centre = FloatVector.broadcast(SPECIES, groups[at + 2]);
      sum02 = rows0.fma(centre, sum02);
      sum12 = rows1.fma(centre, sum12);
      centre = FloatVector.broadcast(SPECIES, groups[at + 3]);
      sum03 = rows0.fma(centre, sum03);
      sum13 = rows1.fma(centre, sum13);
      centre = FloatVector.broadcast(SPECIES, groups[at + 4]);
      sum04 = rows0.fma(centre, sum04);
      sum14 = rows1.fma(centre, sum14);
      centre = FloatVector.broadcast(SPECIES, groups[at + 5]);
      sum05 = rows0.fma(centre, sum05);
      sum15 = rows1.fma(centre, sum15);
      centre = FloatVector.broadcast(SPECIES, groups[at + 6]);
      sum06 = rows0.fma(centre, sum06);
      sum16 = rows1.fma(centre, sum16);
      centre = FloatVector.broadcast(SPECIES, groups[at + 7]);
      sum07 = rows0.fma(centre, sum07);
      sum17 = rows1.fma(centre, sum17);
    }
    // Stored as they are and read back by keepLeastTwo from the first-level cache: a call per
    // centre here, or that work in this large method, has C2 pass the vectors boxed once its
    // inlining budget is spent, in some JVMs and not others.
    float[] out = block.values;
    int firstRow = first * stride + tile;
    int second = firstRow + LANES;
    sum00.intoArray(out, firstRow);
    sum10.intoArray(out, second);
    sum01.intoArray(out, firstRow + stride);
    sum11.intoArray(out, second + stride);
    sum02.intoArray(out, firstRow + 2 * stride);
    sum12.intoArray(out, second + 2 * stride);
    sum03.intoArray(out, firstRow + 3 * stride);
    sum13.intoArray(out, second + 3 * stride);
    sum04.intoArray(out, firstRow + 4 * stride);
    sum14.intoArray(out, second + 4 * stride);
    sum05.intoArray(out, firstRow + 5 * stride);
    sum15.intoArray(out, second + 5 * stride);
    sum06.intoArray(out, firstRow + 6 * stride);
    sum16.intoArray(out, second + 6 * stride);
    sum07.intoArray(out, firstRow + 7 * stride);
    sum17.intoArray(out, second + 7 * stride);
  }

  /**
   * Adds the estimates of the tile's rows from {@code tile} for the centres of group {@code g} to
   * the rows' smallest two so far and, where the smallest fell, to the first centre with it.
   */
  static void keepLeastTwo(FloatEstimates block, int tile, int g) {
    float[] values = block.values;
    int stride = block.stride;
    int first = g * GROUP * stride + tile;
    int second = tile + LANES;
    FloatVector norms0 = FloatVector.fromArray(SPECIES, block.blockNorms, tile);
    FloatVector norms1 = FloatVector.fromArray(SPECIES, block.blockNorms, second);
    IntVector least0 = IntVector.fromArray(INTS, block.leastBits, tile);
    IntVector least1 = IntVector.fromArray(INTS, block.leastBits, second);
    IntVector next0 = IntVector.fromArray(INTS, block.secondBits, tile);
    IntVector next1 = IntVector.fromArray(INTS, block.secondBits, second);
    IntVector nearest0 = IntVector.fromArray(INTS, block.nearest, tile);
    IntVector nearest1 = IntVector.fromArray(INTS, block.nearest, second);
    for (int i = 0; i < GROUP; i++) {
      int at = first + i * stride;
      IntVector estimate0 =
          norms0.add(FloatVector.fromArray(SPECIES, values, at)).reinterpretAsInts();
      IntVector estimate1 =
          norms1.add(FloatVector.fromArray(SPECIES, values, at + LANES)).reinterpretAsInts();
      // The centre is noted where its estimate is below every earlier one: where it only equals
      // the smallest, the first centre with it stays.
      int centre = g * GROUP + i;
      nearest0 = nearest0.blend(centre, estimate0.compare(VectorOperators.LT, least0));
      nearest1 = nearest1.blend(centre, estimate1.compare(VectorOperators.LT, least1));
      // The two smallest: a new smallest pushes the old one to second place.
      next0 = next0.min(estimate0.max(least0));
      next1 = next1.min(estimate1.max(least1));
      least0 = least0.min(estimate0);
      least1 = least1.min(estimate1);
    }
    least0.intoArray(block.leastBits, tile);
    least1.intoArray(block.leastBits, second);
    next0.intoArray(block.secondBits, tile);
    next1.intoArray(block.secondBits, second);
    nearest0.intoArray(block.nearest, tile);
    nearest1.intoArray(block.nearest, second);
  }

  /**
   * Sets the reach and the sole candidate of the tile's rows from {@code tile}, from their smallest
   * estimates, their second smallest and the first centre with the smallest.
   */
  static void decide(FloatEstimates block, int tile) {
    for (int at = tile; at < tile + TILE_ROWS; at += LANES) {
      FloatVector least = IntVector.fromArray(INTS, block.leastBits, at).reinterpretAsFloats();
      FloatVector next = IntVector.fromArray(INTS, block.secondBits, at).reinterpretAsFloats();
      FloatVector reach = least.add(FloatVector.fromArray(SPECIES, block.twiceErrors, at));
      reach.intoArray(block.reach, at);
      IntVector.fromArray(INTS, block.nearest, at)
          .blend(SEVERAL, next.compare(VectorOperators.LE, reach).cast(INTS))
          .blend(UNTRUSTED, reach.compare(VectorOperators.NE, reach).cast(INTS))
          .intoArray(block.sole, at);
    }
  }

  @Override
  int nextCandidate(Estimates estimates, int row, int from) {
    // Only for rows with several candidates, a few in most fits: one row's estimates lie a
    // stride apart.
    FloatEstimates block = (FloatEstimates) estimates;
    float reach = block.reach[row];
    for (int c = from; c < k; c++) {
      if (block.blockNorms[row] + block.values[c * block.stride + row] <= reach) {
        return c;
      }
    }
    return k;
  }
}
