package io.github.fastkmeans.engine;

import java.util.Arrays;

/**
 * Runs the vector kernel's tiles with bounds on a few rows until they run at compiled speed, so
 * that the JIT compiles the code of the tiled Yinyang's bounds ({@link TileSweep#needed}, {@link
 * TileSweep#renewLower} and the rest) before a fit needs it. That code runs only once a fit's
 * bounds start; uncompiled, the Vector API boxes every vector, and the first fit of a JVM with them
 * took 0.9 s longer (E to convergence: its first two passes with bounds took 604 and 339 ms, the
 * same passes of the next fit 107 and 39).
 */
final class TileWarmUp {

  /** The centres of the warm-up: three blocks, so that a tile computes some and skips others. */
  private static final int CENTRES = 3 * CentreBlocks.SIZE;

  /** The columns of the warm-up. */
  private static final int COLUMNS = 8;

  /** The rows of the warm-up: two tiles or more. */
  private static final int ROWS = 64;

  /** A round over the tiles took less than this once the JIT had compiled the tiles' code. */
  private static final long COMPILED_NANOS_PER_ROUND = 20_000;

  private final TileSweep sweep;
  private final int tileRows;
  private final int tiles;
  private final int[] rowAt;
  private final double[] values;
  private final byte[] bounds;
  private final byte[] driftLevels = {0, 1, 2};
  private final byte[] thresholdLevels;
  private final boolean[] forced = new boolean[CentreBlocks.count(CENTRES)];
  private final float[] upper;
  private final TileSweep.Tile tile;

  private TileWarmUp(TileSweep sweep) {
    this.sweep = sweep;
    this.tileRows = sweep.tileRows();
    this.tiles = (ROWS + tileRows - 1) / tileRows;
    int rows = tiles * tileRows;
    this.rowAt = new int[rows];
    Arrays.setAll(rowAt, position -> position < ROWS ? position : -1);
    this.values = new double[ROWS * COLUMNS];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 7;
    }
    double[] centres = new double[CENTRES * COLUMNS];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = i % 5;
    }
    sweep.update(centres);
    this.bounds = new byte[rows * forced.length];
    this.thresholdLevels = new byte[tileRows];
    this.upper = new float[rows];
    this.tile = sweep.newTile();
  }

  /**
   * Runs the tiles on the warm-up's rows until a round runs at compiled speed or {@code limitNanos}
   * pass; returns whether it did. False at once where the tiles do not run ({@link
   * BlockSweeps#tileSweep}); false too, early, when the thread is interrupted.
   */
  static boolean run(long limitNanos) {
    int[] centreAt = new int[CENTRES];
    Arrays.setAll(centreAt, c -> c);
    TileSweep sweep = BlockSweeps.tileSweep(CENTRES, COLUMNS, centreAt, ROWS);
    if (sweep == null) {
      return false;
    }
    return UntilCompiled.repeat(new TileWarmUp(sweep)::round, COMPILED_NANOS_PER_ROUND, limitNanos);
  }

  /**
   * One pass over the tiles as a fit with bounds makes it: the blocks needed, their estimates and
   * the bounds renewed. Every fifth round a row has no bound, so that the way of a tile that needs
   * every block is taken too.
   */
  private void round(int round) {
    for (int lane = 0; lane < tileRows; lane++) {
      thresholdLevels[lane] = (byte) ((lane + round) % 5);
    }
    if (round % 5 == 0) {
      thresholdLevels[0] = TileSweep.TOP_LEVEL;
    }
    for (int index = 0; index < tiles; index++) {
      sweep.keep(values, rowAt, index);
      forced[index % forced.length] = true;
      int count = sweep.needed(index, bounds, driftLevels, thresholdLevels, forced, tile);
      sweep.estimate(index, count, true, tile);
      sweep.sole(tile, round % tileRows);
      sweep.renewUpper(index, tile, upper);
      sweep.renewLower(index, count, -3, tile, bounds);
    }
  }
}
