package io.github.fastkmeans.engine;

/**
 * The vector kernel's estimates for tiled Yinyang ({@link TiledYinyangAssigner}): a tile of rows
 * against only the blocks of eight centres ({@link CentreBlocks}) that some row of the tile needs,
 * and from them each row's bounds. The rows are kept moved and in float, tile by tile in the order
 * the assigner gives; bounds are distances in the kernel's frame (the rows and centres moved and
 * scaled by {@link #scale}).
 *
 * <p>One instance serves every thread of a pass: {@link #update} runs between passes, {@link #keep}
 * once per tile, and each thread has its own {@link Tile}.
 */
abstract class TileSweep {

  /** {@link #sole} of a row with several centres within reach. */
  static final int SEVERAL = BlockSweep.SEVERAL;

  /** {@link #sole} of a row whose estimates cannot be trusted: the exact sweep decides. */
  static final int UNTRUSTED = BlockSweep.UNTRUSTED;

  /**
   * The highest level of a lower bound kept in a byte: bounds are multiples of a tile's step, from
   * 0 to this (signed bytes, so that lowering one by its drift never wraps around).
   */
  static final int TOP_LEVEL = 127;

  /** Which kernel this is, as the model output names it. */
  abstract String kernel();

  /** The rows of a tile. */
  abstract int tileRows();

  /** Lays out {@code centres} (IN, row-major k x columns) for the coming pass. */
  abstract void update(double[] centres);

  /**
   * Whether the centres of the coming pass can be estimated at all; if not, the rows are swept
   * exactly.
   */
  abstract boolean estimable();

  /** The power of two distances are multiplied by in the kernel's frame. */
  abstract double scale();

  /**
   * Moves the rows of tile {@code tile} into the kept rows: row {@code rowAt[tile * tileRows() +
   * lane]} (IN) of {@code values} (IN) into each lane, NaN for a lane whose row is -1.
   */
  abstract void keep(double[] values, int[] rowAt, int tile);

  /** Room for one tile's estimates; one per thread. */
  abstract Tile newTile();

  /**
   * Writes into {@code tile.groups} the blocks tile {@code index} computes, in increasing order,
   * and returns their count: every block marked in {@code forced} (IN/OUT, cleared on return), and
   * every block whose bound for some row, less the block's {@code driftLevels} entry (IN), is not
   * above that row's {@code thresholdLevels} entry (IN, per lane; -1 for a lane that needs
   * nothing). {@code bounds} (IN/OUT) holds the bounds as levels of the tile's step, tile by tile,
   * block by block, lane by lane; the bounds of every block not computed are lowered by its drift
   * in place, those of the blocks computed are left for {@link #renewLower}.
   */
  abstract int needed(
      int index,
      byte[] bounds,
      byte[] driftLevels,
      byte[] thresholdLevels,
      boolean[] forced,
      Tile tile);

  /**
   * Estimates the distances of tile {@code index}'s rows to the centres of the first {@code count}
   * blocks of {@code tile.groups}, and each row's sole candidate among them; {@code forBounds} when
   * {@link #renew} follows, which needs each row's least estimate per block.
   */
  abstract void estimate(int index, int count, boolean forBounds, Tile tile);

  /**
   * After {@link #estimate}: the position of the only centre within reach of lane {@code lane},
   * {@link #SEVERAL} or {@link #UNTRUSTED}.
   */
  abstract int sole(Tile tile, int lane);

  /**
   * After {@link #estimate}: whether the centre at position {@code position} (of a block computed)
   * is within the reach of lane {@code lane}.
   */
  abstract boolean withinReach(Tile tile, int lane, int position);

  /**
   * After {@link #estimate} for bounds: writes each row's upper bound on the distance to its
   * nearest centre into {@code upper} (OUT, by position; infinity where the estimates bound
   * nothing).
   */
  abstract void renewUpper(int index, Tile tile, float[] upper);

  /**
   * After {@link #estimate} for bounds: writes each row's lower bound on the distance to the
   * centres of every block computed into {@code bounds} (OUT, as in {@link #needed}), as levels of
   * 2^{@code stepExponent} (a distance in the kernel's frame), rounded down and at most {@link
   * #TOP_LEVEL}.
   */
  abstract void renewLower(int index, int count, int stepExponent, Tile tile, byte[] bounds);

  /** One thread's estimates of a tile, and the blocks it computes. */
  abstract static class Tile {

    /** The blocks computed, in increasing order; the first {@link TileSweep#needed} count. */
    final int[] groups;

    Tile(int groupCount) {
      this.groups = new int[groupCount];
    }
  }
}
