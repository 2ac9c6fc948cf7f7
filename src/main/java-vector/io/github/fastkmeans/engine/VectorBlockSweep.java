package io.github.fastkmeans.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlockSweep} with the Vector API ({@code jdk.incubator.vector}, JEP 414): eight rows
 * against two vectors of centres at a time, sixteen accumulators kept in registers over all the
 * columns, each centre vector loaded once for eight fused multiply-adds and each row value
 * broadcast once for two (the register tile of Goto and van de Geijn, ACM TOMS 34(3), 2008). Eight
 * rows by two vectors measured fastest of 2x4 to 8x2 on AVX-512 (JDK 17, Zen 5).
 *
 * <p>The centres are laid out in panels of two vectors' width: centre {@code p * WIDTH + lane},
 * column j, at {@code panels[(p * columns + j) * WIDTH + lane]}, so a tile reads its centres in
 * order. The last panel is padded with zero centres of infinite norm, whose estimates are infinite.
 *
 * <p>Compiled for Java 17 with the incubator module, apart from the rest of the engine, and only
 * ever reached by reflection ({@link BlockSweeps}), so that the engine runs without the module.
 */
final class VectorBlockSweep extends BlockSweep {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  /** Centres per panel: two vectors. */
  private static final int WIDTH = 2 * LANES;

  /** The rows of a full tile. */
  private static final int TILE_ROWS = 8;

  private final int panelCount;
  private final double[] panels;

  /** The squared norm of every centre, then infinity for the padding. */
  private final double[] squaredNorms;

  /**
   * A sweep over {@code k} centres in {@code columns} dimensions, filled by {@link #update}.
   *
   * @throws UnsupportedOperationException if the JVM's vectors hold a single double: no gain
   */
  VectorBlockSweep(int k, int columns) {
    super(k, columns);
    if (LANES < 2) {
      throw new UnsupportedOperationException(
          "the JVM's preferred vectors hold a single double (" + SPECIES + ")");
    }
    this.panelCount = (k + WIDTH - 1) / WIDTH;
    this.panels = new double[panelCount * columns * WIDTH];
    this.squaredNorms = new double[panelCount * WIDTH];
    java.util.Arrays.fill(squaredNorms, k, squaredNorms.length, Double.POSITIVE_INFINITY);
  }

  @Override
  String kernel() {
    return "vector (jdk.incubator.vector, " + SPECIES.vectorBitSize() + "-bit)";
  }

  @Override
  void update(double[] centres, double[] norms) {
    for (int c = 0; c < k; c++) {
      int panelStart = (c / WIDTH) * columns * WIDTH + c % WIDTH;
      for (int j = 0; j < columns; j++) {
        panels[panelStart + j * WIDTH] = centres[c * columns + j];
      }
    }
    System.arraycopy(norms, 0, squaredNorms, 0, k);
  }

  @Override
  int estimateLength() {
    return panelCount * WIDTH;
  }

  @Override
  void estimate(
      double[] values,
      int offset,
      int rows,
      double[] rowNorms,
      int firstNorm,
      double[][] estimates,
      double[] smallest) {
    // Panels outside, rows inside: a panel stays in the first-level cache for the whole block.
    for (int p = 0; p < panelCount; p++) {
      int r = 0;
      for (; r + TILE_ROWS <= rows; r += TILE_ROWS) {
        eightRows(values, offset + r * columns, p, estimates, r);
      }
      for (; r < rows; r++) {
        oneRow(values, offset + r * columns, p, estimates[r]);
      }
    }
    for (int r = 0; r < rows; r++) {
      smallest[r] = finish(rowNorms[firstNorm + r], estimates[r]);
    }
  }

  private void eightRows(
      double[] values, int first, int panel, double[][] estimates, int firstRow) {
    int row0 = first;
    int row1 = row0 + columns;
    int row2 = row1 + columns;
    int row3 = row2 + columns;
    int row4 = row3 + columns;
    int row5 = row4 + columns;
    int row6 = row5 + columns;
    int row7 = row6 + columns;
    DoubleVector sum00 = DoubleVector.zero(SPECIES);
    DoubleVector sum01 = sum00;
    DoubleVector sum10 = sum00;
    DoubleVector sum11 = sum00;
    DoubleVector sum20 = sum00;
    DoubleVector sum21 = sum00;
    DoubleVector sum30 = sum00;
    DoubleVector sum31 = sum00;
    DoubleVector sum40 = sum00;
    DoubleVector sum41 = sum00;
    DoubleVector sum50 = sum00;
    DoubleVector sum51 = sum00;
    DoubleVector sum60 = sum00;
    DoubleVector sum61 = sum00;
    DoubleVector sum70 = sum00;
    DoubleVector sum71 = sum00;
    int start = panel * columns * WIDTH;
    for (int j = 0; j < columns; j++) {
      int at = start + j * WIDTH;
      DoubleVector centres0 = DoubleVector.fromArray(SPECIES, panels, at);
      DoubleVector centres1 = DoubleVector.fromArray(SPECIES, panels, at + LANES);
      DoubleVector x = DoubleVector.broadcast(SPECIES, values[row0 + j]);
      sum00 = centres0.fma(x, sum00);
      sum01 = centres1.fma(x, sum01);
      x = DoubleVector.broadcast(SPECIES, values[row1 + j]);
      sum10 = centres0.fma(x, sum10);
      sum11 = centres1.fma(x, sum11);
      x = DoubleVector.broadcast(SPECIES, values[row2 + j]);
      sum20 = centres0.fma(x, sum20);
      sum21 = centres1.fma(x, sum21);
      x = DoubleVector.broadcast(SPECIES, values[row3 + j]);
      sum30 = centres0.fma(x, sum30);
      sum31 = centres1.fma(x, sum31);
      x = DoubleVector.broadcast(SPECIES, values[row4 + j]);
      sum40 = centres0.fma(x, sum40);
      sum41 = centres1.fma(x, sum41);
      x = DoubleVector.broadcast(SPECIES, values[row5 + j]);
      sum50 = centres0.fma(x, sum50);
      sum51 = centres1.fma(x, sum51);
      x = DoubleVector.broadcast(SPECIES, values[row6 + j]);
      sum60 = centres0.fma(x, sum60);
      sum61 = centres1.fma(x, sum61);
      x = DoubleVector.broadcast(SPECIES, values[row7 + j]);
      sum70 = centres0.fma(x, sum70);
      sum71 = centres1.fma(x, sum71);
    }
    // Stored as they are: a call per row here would pass the vectors boxed, once C2's inlining
    // budget for this large method is spent.
    int centre = panel * WIDTH;
    int second = centre + LANES;
    sum00.intoArray(estimates[firstRow], centre);
    sum01.intoArray(estimates[firstRow], second);
    sum10.intoArray(estimates[firstRow + 1], centre);
    sum11.intoArray(estimates[firstRow + 1], second);
    sum20.intoArray(estimates[firstRow + 2], centre);
    sum21.intoArray(estimates[firstRow + 2], second);
    sum30.intoArray(estimates[firstRow + 3], centre);
    sum31.intoArray(estimates[firstRow + 3], second);
    sum40.intoArray(estimates[firstRow + 4], centre);
    sum41.intoArray(estimates[firstRow + 4], second);
    sum50.intoArray(estimates[firstRow + 5], centre);
    sum51.intoArray(estimates[firstRow + 5], second);
    sum60.intoArray(estimates[firstRow + 6], centre);
    sum61.intoArray(estimates[firstRow + 6], second);
    sum70.intoArray(estimates[firstRow + 7], centre);
    sum71.intoArray(estimates[firstRow + 7], second);
  }

  private void oneRow(double[] values, int first, int panel, double[] out) {
    DoubleVector sum0 = DoubleVector.zero(SPECIES);
    DoubleVector sum1 = sum0;
    int start = panel * columns * WIDTH;
    for (int j = 0; j < columns; j++) {
      int at = start + j * WIDTH;
      DoubleVector x = DoubleVector.broadcast(SPECIES, values[first + j]);
      sum0 = DoubleVector.fromArray(SPECIES, panels, at).fma(x, sum0);
      sum1 = DoubleVector.fromArray(SPECIES, panels, at + LANES).fma(x, sum1);
    }
    int centre = panel * WIDTH;
    sum0.intoArray(out, centre);
    sum1.intoArray(out, centre + LANES);
  }

  /**
   * Turns a row's dot products in {@code estimates} into {@code (rowNorm + ||c||^2) - 2 x.c}, the
   * formula of {@link CentreColumns#nearest}; returns the smallest.
   */
  private double finish(double rowNorm, double[] estimates) {
    DoubleVector row = DoubleVector.broadcast(SPECIES, rowNorm);
    DoubleVector least = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
    for (int c = 0; c < panelCount * WIDTH; c += LANES) {
      DoubleVector dots = DoubleVector.fromArray(SPECIES, estimates, c);
      DoubleVector estimate =
          row.add(DoubleVector.fromArray(SPECIES, squaredNorms, c)).sub(dots.mul(2.0));
      estimate.intoArray(estimates, c);
      least = least.min(estimate);
    }
    return least.reduceLanes(VectorOperators.MIN);
  }

  @Override
  int nextCandidate(double[] estimates, int from, double reach) {
    // A vector of estimates at a time: a row's scan over every centre was scalar work as long as
    // a tenth of its dot products. Estimates of the padding (from k on) are never a candidate.
    DoubleVector limit = DoubleVector.broadcast(SPECIES, reach);
    int end = panelCount * WIDTH;
    int c = from;
    for (; c + LANES <= end; c += LANES) {
      VectorMask<Double> near =
          DoubleVector.fromArray(SPECIES, estimates, c).compare(VectorOperators.LE, limit);
      if (near.anyTrue()) {
        return Math.min(k, c + near.firstTrue());
      }
    }
    while (c < k && !(estimates[c] <= reach)) {
      c++;
    }
    return Math.min(k, c);
  }
}
