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
   * every block whose bound for some row, less its {@code drift} (IN), is not above that row's
   * {@code thresholds} entry (IN, per lane; NaN for a lane that needs nothing). {@code bounds} (IN)
   * holds the bounds tile by tile, block by block, lane by lane; {@code tileBounds} (IN) the least
   * of each tile's bounds per block, tile by tile, which rules a block out for all rows at once.
   */
  abstract int needed(
      int index,
      float[] bounds,
      float[] tileBounds,
      float[] drift,
      float[] thresholds,
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
   * After {@link #estimate} for bounds: renews the bounds of tile {@code index} from its estimates,
   * for the blocks computed: each row's upper bound in {@code upper} (OUT, by position), each
   * computed block's lower bound plus its {@code drift} (IN) in {@code bounds} (OUT), and their
   * least over the tile's rows in {@code tileBounds} (OUT).
   */
  abstract void renew(
      int index,
      int count,
      float[] drift,
      Tile tile,
      float[] bounds,
      float[] tileBounds,
      float[] upper);

  /** One thread's estimates of a tile, and the blocks it computes. */
  abstract static class Tile {

    /** The blocks computed, in increasing order; the first {@link TileSweep#needed} count. */
    final int[] groups;

    Tile(int groupCount) {
      this.groups = new int[groupCount];
    }
  }
}
