package io.github.fastkmeans.engine;

/**
 * A fit's rows as the vector kernel computes with them (moved, scaled and rounded to float once),
 * with their squared norms, filled block by block in the fit's first pass and read in every later
 * one: blocks of {@link #blockRows} rows, each stored column by column as a block's estimates hold
 * it. Plain data, compiled with the engine for Java 11.
 */
final class MovedRows {

  /** The rows these were moved from: a kernel keeps them for this array alone. */
  final double[] source;

  /** The rows of a block. */
  final int blockRows;

  /**
   * Column j of row r of block b at {@code values[(b * columns + j) * blockRows + r % blockRows]}.
   */
  final float[] values;

  /** The squared norm of each moved row, by row. */
  final float[] squaredNorms;

  /**
   * Per block, whether it is filled: set by the thread that fills it in the first pass, read in
   * later passes, which start after that pass ended.
   */
  final boolean[] filled;

  /**
   * Room for {@code slots} rows (whole blocks) of {@code columns} values, moved from {@code
   * source}.
   */
  MovedRows(double[] source, int slots, int columns, int blockRows) {
    this.source = source;
    this.blockRows = blockRows;
    this.values = new float[slots * columns];
    this.squaredNorms = new float[slots];
    this.filled = new boolean[slots / blockRows];
  }
}
