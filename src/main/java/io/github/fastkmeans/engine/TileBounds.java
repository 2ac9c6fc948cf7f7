package io.github.fastkmeans.engine;

/**
 * The bounds of tiled Yinyang ({@link TiledYinyangAssigner}) by position in its order of the rows,
 * distances in the vector kernel's frame, and the drifts they are read with in the coming pass. A
 * lower bound is stored with the drift so far added, so that bounds no pass renews need no
 * rewriting: a pass reads it less the drift now.
 */
final class TileBounds {

  /** By tile, block and lane: a lower bound on the distance to the block's centres, plus drift. */
  final float[] lower;

  /** By position: an upper bound on the distance from the row to its centre. */
  final float[] upper;

  /**
   * By position: a lower bound on the distance from the row to every block but its centre's, plus
   * {@link #globalDrift}: Yinyang's global filter.
   */
  final float[] others;

  /** By tile: the least of its rows' {@link #others}, which rules every other block out at once. */
  final float[] tileOthers;

  /** Per block, the sum of its largest moves so far, rounded up to float. */
  final float[] drift;

  /** The sum over the updates so far of the largest move of any block, rounded up to float. */
  float globalDrift;

  /** Bounds for {@code tiles} tiles of {@code tileRows} rows and {@code blocks} blocks. */
  TileBounds(int tiles, int tileRows, int blocks) {
    this.lower = new float[Math.multiplyExact(tiles * tileRows, blocks)];
    this.upper = new float[tiles * tileRows];
    this.others = new float[tiles * tileRows];
    this.tileOthers = new float[tiles];
    this.drift = new float[blocks];
  }
}
