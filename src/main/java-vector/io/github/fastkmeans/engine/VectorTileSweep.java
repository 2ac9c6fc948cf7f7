package io.github.fastkmeans.engine;

import java.util.Arrays;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link TileSweep} on the register tile of {@link VectorBlockSweep}: its centres laid out in the
 * order of {@link CentreBlocks}, so that its groups of eight are the blocks, its rows kept moved
 * tile by tile in the assigner's order. Bounds come from the float estimates less their proven
 * error ({@link VectorBlockSweep}), so that they hold for the exact distances; each lower bound is
 * then shrunk by 2^-17 of itself, which covers the roundings of its square root and of the float
 * sums with the drift.
 *
 * <p>Compiled for Java 17 with the incubator module and reached by reflection alone ({@link
 * BlockSweeps}), as the block kernel is.
 */
final class VectorTileSweep extends TileSweep {

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  private static final VectorSpecies<Integer> INTS = SPECIES.withLanes(int.class);
  private static final int TILE_ROWS = VectorBlockSweep.TILE_ROWS;
  private static final int GROUP = VectorBlockSweep.GROUP;

  /** What a lower bound is multiplied by before it is stored. */
  private static final float SHRINK = 1 - 0x1p-17f;

  /** 2^23: added to a float in [0, 2^23), it leaves the nearest integer in the low bits. */
  private static final float INTEGER_BITS = 0x1p23f;

  /** The bits of the top level as a float. */
  private static final int TOP_LEVEL_BITS = Float.floatToRawIntBits(TOP_LEVEL);

  /** The bits of 1/2. */
  private static final int HALF_BITS = Float.floatToRawIntBits(0.5f);

  /** The fewest lanes of a byte vector (64 bits). */
  private static final int FEWEST_BYTES = 8;

  /**
   * Bytes as many as a tile's rows, one level per lane; null where a tile has fewer rows than a
   * byte vector's fewest lanes (float vectors of 64 bits): no tiles there.
   */
  private static final VectorSpecies<Byte> BYTES =
      TILE_ROWS >= FEWEST_BYTES
          ? VectorSpecies.of(byte.class, VectorShape.forBitSize(TILE_ROWS * Byte.SIZE))
          : null;

  /**
   * Bytes as many as a float vector's lanes; null where a float vector has fewer lanes than a byte
   * vector's fewest (128 bits: ARM's NEON, x86 without AVX), whose levels are then stored lane by
   * lane.
   */
  private static final VectorSpecies<Byte> HALF_BYTES =
      LANES >= FEWEST_BYTES
          ? VectorSpecies.of(byte.class, VectorShape.forBitSize(LANES * Byte.SIZE))
          : null;

  private final VectorBlockSweep sweep;
  private final int columns;
  private final int groupCount;

  /** Tile t's column j, lane r at {@code kept[(t * columns + j) * TILE_ROWS + r]}. */
  private final float[] kept;

  /** The squared norm of each kept row, by position. */
  private final float[] keptNorms;

  /**
   * Tiles for {@code rows} rows against {@code k} centres in {@code columns} dimensions, the centre
   * {@code centreAt[p]} (IN, kept) at position p.
   *
   * @throws UnsupportedOperationException if the JVM's vectors are too narrow for tiles ({@link
   *     #fitsTheVectors})
   */
  VectorTileSweep(int k, int columns, int[] centreAt, int rows) {
    if (!fitsTheVectors()) {
      throw new UnsupportedOperationException(
          "the JVM's preferred vectors hold " + LANES + " floats, too few for tiles");
    }
    this.sweep = new VectorBlockSweep(k, columns, centreAt);
    this.columns = columns;
    this.groupCount = sweep.groupCount();
    int tiles = (rows + TILE_ROWS - 1) / TILE_ROWS;
    this.kept = new float[Math.multiplyExact(tiles * TILE_ROWS, columns)];
    this.keptNorms = new float[tiles * TILE_ROWS];
  }

  /** Whether the tiles run with this JVM's vectors: a tile's levels fill a byte vector. */
  static boolean fitsTheVectors() {
    return BYTES != null;
  }

  @Override
  String kernel() {
    return sweep.kernel();
  }

  @Override
  int tileRows() {
    return TILE_ROWS;
  }

  @Override
  void update(double[] centres) {
    // The block kernel measures the moved centres' norms itself.
    sweep.update(centres, null);
  }

  @Override
  boolean estimable() {
    return sweep.estimable();
  }

  @Override
  double scale() {
    return sweep.scale();
  }

  @Override
  void keep(double[] values, int[] rowAt, int tile) {
    int base = tile * columns * TILE_ROWS;
    for (int lane = 0; lane < TILE_ROWS; lane++) {
      int row = rowAt[tile * TILE_ROWS + lane];
      if (row < 0) {
        for (int j = 0; j < columns; j++) {
          kept[base + j * TILE_ROWS + lane] = Float.NaN;
        }
      } else {
        sweep.moveRow(values, row * columns, kept, base + lane, TILE_ROWS);
      }
    }
    sweep.squaredNorms(kept, base, TILE_ROWS, 0, keptNorms, tile * TILE_ROWS);
  }

  @Override
  Tile newTile() {
    return new VectorTile(groupCount, columns);
  }

  @Override
  int needed(
      int index,
      byte[] bounds,
      byte[] driftLevels,
      byte[] thresholdLevels,
      boolean[] forced,
      Tile tile) {
    ByteVector threshold = ByteVector.fromArray(BYTES, thresholdLevels, 0);
    int[] groups = tile.groups;
    int count = 0;
    if (threshold.compare(VectorOperators.EQ, (byte) TOP_LEVEL).anyTrue()) {
      // A row whose threshold lies beyond every level needs every block, all of them renewed.
      for (int g = 0; g < groupCount; g++) {
        groups[count++] = g;
        forced[g] = false;
      }
      return count;
    }
    int at = index * groupCount * TILE_ROWS;
    for (int g = 0; g < groupCount; g++, at += TILE_ROWS) {
      if (forced[g]) {
        forced[g] = false;
        groups[count++] = g;
        continue;
      }
      // Levels and drifts lie in [0, 127]: the difference never wraps around.
      ByteVector level = ByteVector.fromArray(BYTES, bounds, at).sub(driftLevels[g]).max((byte) 0);
      if (level.compare(VectorOperators.LE, threshold).anyTrue()) {
        groups[count++] = g;
      } else {
        level.intoArray(bounds, at);
      }
    }
    return count;
  }

  @Override
  void estimate(int index, int count, boolean forBounds, Tile tile) {
    VectorTile vectorTile = (VectorTile) tile;
    BlockSweep.FloatEstimates estimates = vectorTile.estimates;
    System.arraycopy(keptNorms, index * TILE_ROWS, estimates.blockNorms, 0, TILE_ROWS);
    sweep.bounds(estimates, 0);
    Arrays.fill(estimates.leastBits, Integer.MAX_VALUE);
    Arrays.fill(estimates.secondBits, Integer.MAX_VALUE);
    Arrays.fill(estimates.nearest, 0);
    int base = index * columns * TILE_ROWS;
    for (int i = 0; i < count; i++) {
      int g = tile.groups[i];
      sweep.dotProducts(estimates, kept, base, 0, g);
      VectorBlockSweep.keepLeastTwo(estimates, 0, g);
      if (forBounds) {
        groupLeast(estimates, g, vectorTile.groupLeast);
      }
    }
    VectorBlockSweep.decide(estimates, 0);
  }

  /**
   * Writes the bits of each row's smallest estimate among group {@code g}'s centres into {@code
   * out} at {@code g * TILE_ROWS}: ordered as integers, as the kernel's smallest two are, so that
   * an estimate below zero ranks first and gives a bound of zero.
   */
  private static void groupLeast(BlockSweep.FloatEstimates estimates, int g, int[] out) {
    float[] values = estimates.values;
    int first = g * GROUP * TILE_ROWS;
    for (int half = 0; half < TILE_ROWS; half += LANES) {
      FloatVector norms = FloatVector.fromArray(SPECIES, estimates.blockNorms, half);
      IntVector least = IntVector.broadcast(INTS, Integer.MAX_VALUE);
      for (int i = 0; i < GROUP; i++) {
        int at = first + i * TILE_ROWS + half;
        least =
            least.min(norms.add(FloatVector.fromArray(SPECIES, values, at)).reinterpretAsInts());
      }
      least.intoArray(out, g * TILE_ROWS + half);
    }
  }

  @Override
  int sole(Tile tile, int lane) {
    return ((VectorTile) tile).estimates.sole[lane];
  }

  @Override
  boolean withinReach(Tile tile, int lane, int position) {
    BlockSweep.FloatEstimates estimates = ((VectorTile) tile).estimates;
    return estimates.blockNorms[lane] + estimates.values[position * TILE_ROWS + lane]
        <= estimates.reach[lane];
  }

  @Override
  void renewUpper(int index, Tile tile, float[] upper) {
    BlockSweep.FloatEstimates estimates = ((VectorTile) tile).estimates;
    for (int half = 0; half < TILE_ROWS; half += LANES) {
      FloatVector error = FloatVector.fromArray(SPECIES, estimates.twiceErrors, half).mul(0.5f);
      // Every centre computed is at least as far as the nearest: the smallest estimate plus its
      // error bounds the nearest's squared distance from above. No bound where the estimates have
      // none (rows too far out, lanes with no row).
      IntVector.fromArray(INTS, estimates.leastBits, half)
          .reinterpretAsFloats()
          .add(error)
          .sqrt()
          .blend(Float.POSITIVE_INFINITY, error.compare(VectorOperators.NE, error))
          .intoArray(upper, index * TILE_ROWS + half);
    }
  }

  @Override
  void renewLower(int index, int count, int stepExponent, Tile tile, byte[] bounds) {
    VectorTile vectorTile = (VectorTile) tile;
    BlockSweep.FloatEstimates estimates = vectorTile.estimates;
    // Levels per unit of distance: a power of two, times the shrink that keeps a level times the
    // step below the bound it stands for, whatever the float roundings of the square root.
    float perStep = Math.scalb(SHRINK, -stepExponent);
    for (int half = 0; half < TILE_ROWS; half += LANES) {
      FloatVector error = FloatVector.fromArray(SPECIES, estimates.twiceErrors, half).mul(0.5f);
      // No bound where the estimates have none: level 0 rules nothing out.
      VectorMask<Float> unbounded = error.compare(VectorOperators.NE, error);
      for (int i = 0; i < count; i++) {
        int g = tile.groups[i];
        // The minima and maxima are taken on the floats' bits, as integers (one instruction
        // each; JDK 17 compiles a float minimum into several): negative floats have negative
        // bits, and non-negative ones, NaN above all, order as their bits.
        FloatVector squared =
            IntVector.fromArray(INTS, vectorTile.groupLeast, g * TILE_ROWS + half)
                .reinterpretAsFloats()
                .sub(error)
                .reinterpretAsInts()
                .max(0)
                .reinterpretAsFloats();
        // Levels below 1/2 are taken as 1/2, and the level's integer is then rounded into the
        // low bits of 2^23 + level - 1/2: to the nearest even on a tie, never above the level.
        IntVector levels =
            squared
                .sqrt()
                .mul(perStep)
                .reinterpretAsInts()
                .min(TOP_LEVEL_BITS)
                .max(HALF_BITS)
                .reinterpretAsFloats()
                .blend(0.5f, unbounded)
                .add(INTEGER_BITS - 0.5f)
                .reinterpretAsInts();
        store(levels, bounds, (index * groupCount + g) * TILE_ROWS + half, vectorTile.levelBits);
      }
    }
  }

  /**
   * Stores the low byte of each lane of {@code levels} into {@code bounds} from {@code at}: by one
   * narrowing where a byte vector has as many lanes, else lane by lane through {@code scratch}.
   */
  private static void store(IntVector levels, byte[] bounds, int at, int[] scratch) {
    if (HALF_BYTES != null) {
      levels
          .convertShape(VectorOperators.I2B, HALF_BYTES, 0)
          .reinterpretAsBytes()
          .intoArray(bounds, at);
      return;
    }
    levels.intoArray(scratch, 0);
    for (int lane = 0; lane < LANES; lane++) {
      bounds[at + lane] = (byte) scratch[lane];
    }
  }

  /** A thread's estimates of one tile, and each row's smallest estimate per block computed. */
  private static final class VectorTile extends Tile {
    private final BlockSweep.FloatEstimates estimates;

    /** The bits of lane r's smallest estimate in block g at {@code g * TILE_ROWS + r}. */
    private final int[] groupLeast;

    /** Room for a vector of levels stored lane by lane. */
    private final int[] levelBits = new int[LANES];

    private VectorTile(int groupCount, int columns) {
      super(groupCount);
      this.estimates = new BlockSweep.FloatEstimates(TILE_ROWS, groupCount * GROUP, columns);
      this.groupLeast = new int[groupCount * TILE_ROWS];
    }
  }
}
