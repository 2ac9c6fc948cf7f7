package io.github.fastkmeans.engine;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlockSweep} with the Vector API ({@code jdk.incubator.vector}, JEP 414) in single
 * precision: eight rows against two vectors of centres at a time, sixteen accumulators kept in
 * registers over all the columns, each centre vector loaded once for eight fused multiply-adds and
 * each row value broadcast once for two (the register tile of Goto and van de Geijn, ACM TOMS
 * 34(3), 2008). A float vector holds twice the values of a double one, so a tile does twice the
 * work per instruction; the estimates only filter, and the centres within reach are measured
 * exactly in double, so the choice is the exact sweep's.
 *
 * <p>Rows and centres are first moved so that the centres' mean is the origin and scaled by a power
 * of two so that the farthest centre lies at a distance between 1 and 2: distances do not change
 * (up to the exact scale), the values keep every bit float can hold of their differences, and
 * nothing overflows or falls to float's subnormal range. Each estimate is then within {@code (d +
 * 8) 2^-24 (||x'|| + max ||c'||)^2} of the exact distance (scaled), where x' and c' are the moved
 * rows and centres: {@code d/2 + 4} roundings for the dot product and the norms whatever their
 * order (Higham, Accuracy and Stability of Numerical Algorithms, 3.1), two for the rounding of the
 * moved values to float, with a factor two of margin for the double roundings and the subnormal
 * range.
 *
 * <p>The centres are laid out in panels of two vectors' width: centre {@code p * WIDTH + lane},
 * column j, at {@code panels[(p * columns + j) * WIDTH + lane]}, so a tile reads its centres in
 * order. The last panel is padded with zero centres of infinite norm, whose estimates are infinite.
 *
 * <p>Compiled for Java 17 with the incubator module, apart from the rest of the engine, and only
 * ever reached by reflection ({@link BlockSweeps}), so that the engine runs without the module.
 */
final class VectorBlockSweep extends BlockSweep {

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  /** Centres per panel: two vectors. */
  private static final int WIDTH = 2 * LANES;

  /** Lane i holds i. */
  private static final FloatVector LANE_INDICES = laneIndices();

  /** The rows of a full tile. */
  private static final int TILE_ROWS = 8;

  /** The unit roundoff of float. */
  private static final double ROUNDING = 0x1p-24;

  /**
   * Centres spread less than this from their mean, or more than {@link #LARGEST_SPREAD}: the exact
   * distances that check the estimates would fall near double's subnormal range, whose rounding is
   * absolute, or overflow, and no row is estimated (the exact sweep decides).
   */
  private static final double SMALLEST_SPREAD = 0x1p-400;

  private static final double LARGEST_SPREAD = 0x1p400;

  /**
   * A moved row farther than this from the origin (2^40 times the centres' spread) is not
   * estimated: its squares would approach float's range, and its exact distances double's.
   */
  private static final double FARTHEST_ROW = 0x1p40;

  private final int panelCount;
  private final float[] panels;

  /** The squared norm of every moved centre, then infinity for the padding. */
  private final float[] squaredNorms;

  /** The centres' mean: the origin of the moved values. */
  private final double[] mean;

  /** The error bound of an estimate per square of {@code ||x'|| + max ||c'||}. */
  private final double errorPerSquare;

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
    super(k, columns);
    if (LANES < 2) {
      throw new UnsupportedOperationException(
          "the JVM's preferred vectors hold a single float (" + SPECIES + ")");
    }
    this.panelCount = (k + WIDTH - 1) / WIDTH;
    this.panels = new float[panelCount * columns * WIDTH];
    this.squaredNorms = new float[panelCount * WIDTH];
    Arrays.fill(squaredNorms, k, squaredNorms.length, Float.POSITIVE_INFINITY);
    this.mean = new double[columns];
    this.errorPerSquare = (columns + 8) * ROUNDING;
  }

  private static FloatVector laneIndices() {
    float[] indices = new float[LANES];
    for (int i = 0; i < LANES; i++) {
      indices[i] = i;
    }
    return FloatVector.fromArray(SPECIES, indices, 0);
  }

  @Override
  String kernel() {
    return "vector (jdk.incubator.vector, "
        + SPECIES.vectorBitSize()
        + "-bit, float estimates checked in double)";
  }

  @Override
  void update(double[] centres, double[] norms) {
    Arrays.fill(mean, 0);
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < columns; j++) {
        mean[j] += centres[c * columns + j];
      }
    }
    for (int j = 0; j < columns; j++) {
      mean[j] /= k;
    }
    double spread = 0;
    for (int c = 0; c < k; c++) {
      double squared = 0;
      for (int j = 0; j < columns; j++) {
        double difference = centres[c * columns + j] - mean[j];
        squared += difference * difference;
      }
      spread = Math.max(spread, Math.sqrt(squared));
    }
    estimable = spread >= SMALLEST_SPREAD && spread <= LARGEST_SPREAD;
    scale = estimable ? Math.scalb(1.0, -Math.getExponent(spread)) : 1;
    double largest = 0;
    for (int c = 0; c < k; c++) {
      int panelStart = (c / WIDTH) * columns * WIDTH + c % WIDTH;
      double squared = 0;
      for (int j = 0; j < columns; j++) {
        float moved = (float) ((centres[c * columns + j] - mean[j]) * scale);
        panels[panelStart + j * WIDTH] = moved;
        squared += (double) moved * moved;
      }
      squaredNorms[c] = (float) squared;
      largest = Math.max(largest, Math.sqrt(squared));
    }
    largestNorm = largest;
  }

  @Override
  int estimateLength() {
    return panelCount * WIDTH;
  }

  @Override
  Estimates newEstimates(int rows) {
    return new FloatEstimates(rows, estimateLength(), columns);
  }

  @Override
  void estimate(
      double[] values, int offset, int rows, double[] rowNorms, int firstNorm, Estimates out) {
    FloatEstimates block = (FloatEstimates) out;
    if (!estimable) {
      Arrays.fill(block.reach, 0, rows, Float.NaN);
      return;
    }
    move(values, offset, rows, block);
    float[] moved = block.block;
    float[][] estimates = block.values;
    // Panels outside, rows inside: a panel stays in the first-level cache for the whole block.
    for (int p = 0; p < panelCount; p++) {
      int r = 0;
      for (; r + TILE_ROWS <= rows; r += TILE_ROWS) {
        eightRows(moved, r * columns, p, estimates, r);
      }
      for (; r < rows; r++) {
        oneRow(moved, r * columns, p, estimates[r]);
      }
    }
    for (int r = 0; r < rows; r++) {
      float smallest = finish(block.blockNorms[r], estimates[r]);
      double reach = smallest + 2 * block.errors[r];
      float rounded = (float) reach;
      // Rounded up, so that comparing float estimates with it loses no centre within reach.
      block.reach[r] = rounded < reach ? Math.nextUp(rounded) : rounded;
    }
  }

  /** Moves and scales the block's rows into {@code block.block}, with their norms and bounds. */
  private void move(double[] values, int offset, int rows, FloatEstimates block) {
    float[] moved = block.block;
    for (int r = 0; r < rows; r++) {
      int from = offset + r * columns;
      int to = r * columns;
      // Two loops: the first, without a running sum, is one the JIT turns into SIMD code.
      for (int j = 0; j < columns; j++) {
        moved[to + j] = (float) ((values[from + j] - mean[j]) * scale);
      }
      double squared = 0;
      for (int j = 0; j < columns; j++) {
        double value = moved[to + j];
        squared += value * value;
      }
      block.blockNorms[r] = (float) squared;
      double norm = Math.sqrt(squared);
      block.errors[r] =
          norm <= FARTHEST_ROW
              ? errorPerSquare * (norm + largestNorm) * (norm + largestNorm)
              : Double.NaN;
    }
  }

  private void eightRows(float[] values, int first, int panel, float[][] estimates, int firstRow) {
    int row0 = first;
    int row1 = row0 + columns;
    int row2 = row1 + columns;
    int row3 = row2 + columns;
    int row4 = row3 + columns;
    int row5 = row4 + columns;
    int row6 = row5 + columns;
    int row7 = row6 + columns;
    FloatVector sum00 = FloatVector.zero(SPECIES);
    FloatVector sum01 = sum00;
    FloatVector sum10 = sum00;
    FloatVector sum11 = sum00;
    FloatVector sum20 = sum00;
    FloatVector sum21 = sum00;
    FloatVector sum30 = sum00;
    FloatVector sum31 = sum00;
    FloatVector sum40 = sum00;
    FloatVector sum41 = sum00;
    FloatVector sum50 = sum00;
    FloatVector sum51 = sum00;
    FloatVector sum60 = sum00;
    FloatVector sum61 = sum00;
    FloatVector sum70 = sum00;
    FloatVector sum71 = sum00;
    int start = panel * columns * WIDTH;
    for (int j = 0; j < columns; j++) {
      int at = start + j * WIDTH;
      FloatVector centres0 = FloatVector.fromArray(SPECIES, panels, at);
      FloatVector centres1 = FloatVector.fromArray(SPECIES, panels, at + LANES);
      FloatVector x = FloatVector.broadcast(SPECIES, values[row0 + j]);
      sum00 = centres0.fma(x, sum00);
      sum01 = centres1.fma(x, sum01);
      x = FloatVector.broadcast(SPECIES, values[row1 + j]);
      sum10 = centres0.fma(x, sum10);
      sum11 = centres1.fma(x, sum11);
      x = FloatVector.broadcast(SPECIES, values[row2 + j]);
      sum20 = centres0.fma(x, sum20);
      sum21 = centres1.fma(x, sum21);
      x = FloatVector.broadcast(SPECIES, values[row3 + j]);
      sum30 = centres0.fma(x, sum30);
      sum31 = centres1.fma(x, sum31);
      x = FloatVector.broadcast(SPECIES, values[row4 + j]);
      sum40 = centres0.fma(x, sum40);
      sum41 = centres1.fma(x, sum41);
      x = FloatVector.broadcast(SPECIES, values[row5 + j]);
      sum50 = centres0.fma(x, sum50);
      sum51 = centres1.fma(x, sum51);
      x = FloatVector.broadcast(SPECIES, values[row6 + j]);
      sum60 = centres0.fma(x, sum60);
      sum61 = centres1.fma(x, sum61);
      x = FloatVector.broadcast(SPECIES, values[row7 + j]);
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

  private void oneRow(float[] values, int first, int panel, float[] out) {
    FloatVector sum0 = FloatVector.zero(SPECIES);
    FloatVector sum1 = sum0;
    int start = panel * columns * WIDTH;
    for (int j = 0; j < columns; j++) {
      int at = start + j * WIDTH;
      FloatVector x = FloatVector.broadcast(SPECIES, values[first + j]);
      sum0 = FloatVector.fromArray(SPECIES, panels, at).fma(x, sum0);
      sum1 = FloatVector.fromArray(SPECIES, panels, at + LANES).fma(x, sum1);
    }
    int centre = panel * WIDTH;
    sum0.intoArray(out, centre);
    sum1.intoArray(out, centre + LANES);
  }

  /**
   * Turns a row's dot products in {@code estimates} into {@code (rowNorm + ||c'||^2) - 2 x'.c'};
   * returns the smallest.
   */
  private float finish(float rowNorm, float[] estimates) {
    FloatVector row = FloatVector.broadcast(SPECIES, rowNorm);
    FloatVector least = FloatVector.broadcast(SPECIES, Float.POSITIVE_INFINITY);
    for (int c = 0; c < panelCount * WIDTH; c += LANES) {
      FloatVector dots = FloatVector.fromArray(SPECIES, estimates, c);
      FloatVector estimate =
          row.add(FloatVector.fromArray(SPECIES, squaredNorms, c)).sub(dots.mul(2.0f));
      estimate.intoArray(estimates, c);
      least = least.min(estimate);
    }
    return least.reduceLanes(VectorOperators.MIN);
  }

  @Override
  int nextCandidate(Estimates estimates, int row, int from) {
    // A vector of estimates at a time, from the vector that holds centre `from` (a row's
    // estimates are whole vectors long) with the lanes below it masked off, so that there is no
    // scalar tail; only the vector found is searched lane by lane (on JDK 17 the Vector API finds
    // a mask's first lane in plain Java, slower than that). Estimates of the padding (from k on)
    // are infinite, never within reach.
    FloatEstimates block = (FloatEstimates) estimates;
    float[] values = block.values[row];
    float reach = block.reach[row];
    FloatVector limit = FloatVector.broadcast(SPECIES, reach);
    int end = panelCount * WIDTH;
    int c = from - from % LANES;
    if (c < end) {
      VectorMask<Float> fromOn = LANE_INDICES.compare(VectorOperators.GE, (float) (from - c));
      if (FloatVector.fromArray(SPECIES, values, c)
          .compare(VectorOperators.LE, limit)
          .and(fromOn)
          .anyTrue()) {
        return firstWithin(values, from, reach);
      }
      c += LANES;
    }
    for (; c < end; c += LANES) {
      if (FloatVector.fromArray(SPECIES, values, c).compare(VectorOperators.LE, limit).anyTrue()) {
        return firstWithin(values, c, reach);
      }
    }
    return k;
  }

  /** The first centre from {@code from} on whose estimate is within reach; k if it is padding. */
  private int firstWithin(float[] values, int from, float reach) {
    int c = from;
    while (!(values[c] <= reach)) {
      c++;
    }
    return Math.min(k, c);
  }
}
