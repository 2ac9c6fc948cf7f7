package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both block kernels choose, for every row of a block, the centre {@link SquaredEuclidean#nearest}
 * chooses (lowest index on a tie), on data made to defeat the dot-product filter: ties, values far
 * from the origin, huge and tiny magnitudes, k not a multiple of the tile, blocks not a multiple of
 * the tile's rows. The vector kernel is tested where the JVM has its module (the build's second
 * test run adds it).
 */
class BlockSweepTest {

  /** The kernels this JVM can run, by name, and the kernel a fit gets while the JIT warms up. */
  static List<Arguments> kernels() {
    List<Arguments> kernels = singleKernels();
    if (BlockSweeps.vectorKernel()) {
      // The vector kernel, or the plain one while the JIT compiles it.
      kernels.add(
          Arguments.of(
              "warming",
              (BiFunction<Integer, Integer, BlockSweep>)
                  (k, columns) ->
                      new WarmingBlockSweep(
                          BlockSweeps.vector(k, columns), new PlainBlockSweep(k, columns))));
    }
    return kernels;
  }

  /** The kernels this JVM can run, by name, each with estimates of its own form. */
  static List<Arguments> singleKernels() {
    List<Arguments> kernels = new ArrayList<>();
    kernels.add(
        Arguments.of("plain", (BiFunction<Integer, Integer, BlockSweep>) PlainBlockSweep::new));
    if (BlockSweeps.vectorKernel()) {
      kernels.add(
          Arguments.of("vector", (BiFunction<Integer, Integer, BlockSweep>) BlockSweeps::vector));
    }
    return kernels;
  }

  static Stream<Arguments> kernelsAndShapes() {
    int[][] shapes = {
      {4, 1}, {4, 17}, {5, 33}, {6, 15}, {7, 16}, {8, 3}, {9, 40}, {64, 100}, {10, 300}, {32, 1001}
    };
    return kernels().stream()
        .flatMap(
            kernel ->
                Arrays.stream(shapes)
                    .map(
                        shape ->
                            Arguments.of(kernel.get()[0], kernel.get()[1], shape[0], shape[1])));
  }

  /** The kind of values a test matrix holds. */
  enum Values {
    GAUSSIAN,
    SMALL_GRID_WITH_TIES,
    FAR_FROM_THE_ORIGIN,
    HUGE,
    TINY,
    LARGE_SCALE,
    SMALL_SCALE,
    MIXED_MAGNITUDES,
    NEAR_TIES,
    FAR_OUTLIERS
  }

  private static double value(Values kind, Random random) {
    switch (kind) {
      case SMALL_GRID_WITH_TIES:
        return random.nextInt(3);
      case FAR_FROM_THE_ORIGIN:
        return 1e7 + random.nextInt(4) + 1e-3 * random.nextGaussian();
      case HUGE:
        return 1e152 * random.nextGaussian();
      case LARGE_SCALE:
        // Far from 1 but within the range the float kernel rescales: 2^332 and 2^-332.
        return 1e100 * random.nextGaussian();
      case SMALL_SCALE:
        return 1e-100 * random.nextGaussian();
      case TINY:
        return 1e-160 * random.nextGaussian();
      case MIXED_MAGNITUDES:
        return random.nextGaussian() * Math.pow(10, random.nextInt(13) - 6);
      case NEAR_TIES:
        // Distances that differ far below float's precision: only the exact check tells them.
        return random.nextInt(3) + 1e-9 * random.nextGaussian();
      case FAR_OUTLIERS:
        // A few values 2^50 times the others' spread: beyond any float estimate's bound.
        return random.nextInt(50) == 0 ? 1e15 * random.nextGaussian() : random.nextGaussian();
      default:
        return random.nextGaussian();
    }
  }

  @ParameterizedTest(name = "{0}: {2} columns, {3} centres")
  @MethodSource("kernelsAndShapes")
  void everyRowGetsTheCentreOfTheExactSweep(
      String name, BiFunction<Integer, Integer, BlockSweep> kernel, int columns, int k) {
    for (Values kind : Values.values()) {
      Random random = new Random(97L * columns + k + kind.ordinal());
      int rows = 203;
      double[] values = new double[rows * columns];
      for (int i = 0; i < values.length; i++) {
        values[i] = value(kind, random);
      }
      double[] centres = new double[k * columns];
      for (int c = 0; c < k; c++) {
        // Half of the centres are rows (ties with the rows), a few are copies of an earlier one.
        int from = c > 2 && c % 5 == 0 ? (c - 3) * columns : random.nextInt(rows) * columns;
        double[] source = c > 2 && c % 5 == 0 ? centres : values;
        for (int j = 0; j < columns; j++) {
          centres[c * columns + j] =
              c % 2 == 0 || c % 5 == 0 ? source[from + j] : value(kind, random);
        }
      }
      double[] rowNorms = new double[rows];
      for (int row = 0; row < rows; row++) {
        rowNorms[row] = CentreColumns.squaredNorm(values, row * columns, columns);
      }
      CentreColumns table = new CentreColumns(k, columns, kernel.apply(k, columns));
      table.update(centres);
      CentreColumns.BlockScratch scratch = table.newBlockScratch();
      // Blocks of every length up to the scratch's, so that every tail of a tile is met.
      int first = 0;
      for (int length = 1; first < rows; length = length % scratch.rows + 1) {
        int block = Math.min(length, rows - first);
        table.nearestOfBlock(values, first, block, rowNorms, scratch);
        for (int r = 0; r < block; r++) {
          int row = first + r;
          assertEquals(
              SquaredEuclidean.nearest(values, row * columns, centres, k, columns),
              scratch.nearest[r],
              name + ", " + kind + ", row " + row);
        }
        first += block;
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kernels")
  void passAfterPassOverTheSameRowsTheCentresMayMoveFarAndShrink(
      String name, BiFunction<Integer, Integer, BlockSweep> kernel) {
    sweepPassAfterPass(name, kernel, Integer.MAX_VALUE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kernels")
  void aShortFitMovesTheRowsEveryPassAndFindsTheSameCentres(
      String name, BiFunction<Integer, Integer, BlockSweep> kernel) {
    assertEquals(0, sweepPassAfterPass(name, kernel, 5), name + ": rows kept");
  }

  @Test
  void aLongFitKeepsTheVectorKernelsMovedRows() {
    Assumptions.assumeTrue(BlockSweeps.vectorKernel(), "no vector kernel in this JVM");
    assertTrue(sweepPassAfterPass("vector", BlockSweeps::vector, 500) > 0);
  }

  /**
   * Sweeps the same rows in five passes, the centres moved between them, in a fit of at most {@code
   * passLimit} passes, checking every row's centre; the bytes of the rows the kernel kept.
   */
  private static long sweepPassAfterPass(
      String name, BiFunction<Integer, Integer, BlockSweep> kernel, int passLimit) {
    // Whole blocks from the first row, as a fit's passes sweep them: a kernel may keep the rows
    // it prepared in the first pass, and must follow the centres wherever they go.
    int columns = 6;
    int k = 37;
    Random random = new Random(12);
    BlockSweep sweep = kernel.apply(k, columns);
    CentreColumns table = new CentreColumns(k, columns, sweep);
    table.limitPasses(passLimit);
    double[] centres = new double[k * columns];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = random.nextGaussian();
    }
    table.update(centres);
    CentreColumns.BlockScratch scratch = table.newBlockScratch();
    int rows = 5 * scratch.rows + 7;
    double[] values = new double[rows * columns];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian() * (i % 7 == 0 ? 30 : 1);
    }
    double[] rowNorms = new double[rows];
    for (int row = 0; row < rows; row++) {
      rowNorms[row] = CentreColumns.squaredNorm(values, row * columns, columns);
    }
    double[] shifts = {0, 20, 1e-3, -5e3, 1e-9};
    for (int pass = 0; pass < shifts.length; pass++) {
      if (pass > 0) {
        for (int i = 0; i < centres.length; i++) {
          // Far away, then shrunk around a row, then back: the first pass's frame no longer fits.
          centres[i] = shifts[pass] * random.nextGaussian() + values[i % values.length];
        }
        table.update(centres);
      }
      for (int first = 0; first < rows; first += scratch.rows) {
        int block = Math.min(scratch.rows, rows - first);
        table.nearestOfBlock(values, first, block, rowNorms, scratch);
        for (int r = 0; r < block; r++) {
          int row = first + r;
          assertEquals(
              SquaredEuclidean.nearest(values, row * columns, centres, k, columns),
              scratch.nearest[r],
              name + ", pass " + pass + ", row " + row);
        }
      }
    }
    return sweep.keptBytes();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kernels")
  void onSeparatedDataAlmostEveryRowHasASingleCandidate(
      String name, BiFunction<Integer, Integer, BlockSweep> kernel) {
    // The filter must filter: rows far from the origin, 40 columns, 64 centres 1 apart or more.
    int columns = 40;
    int k = 64;
    Random random = new Random(8);
    double[] centres = new double[k * columns];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = 1000 + 3 * random.nextGaussian();
    }
    int rows = 64;
    double[] values = new double[rows * columns];
    double[] rowNorms = new double[rows];
    for (int row = 0; row < rows; row++) {
      int centre = random.nextInt(k);
      for (int j = 0; j < columns; j++) {
        values[row * columns + j] = centres[centre * columns + j] + 0.3 * random.nextGaussian();
      }
      rowNorms[row] = CentreColumns.squaredNorm(values, row * columns, columns);
    }
    BlockSweep sweep = kernel.apply(k, columns);
    double[] centreNorms = new double[k];
    for (int c = 0; c < k; c++) {
      centreNorms[c] = CentreColumns.squaredNorm(centres, c * columns, columns);
    }
    sweep.update(centres, centreNorms);
    BlockSweep.Estimates block = sweep.newEstimates(rows);
    sweep.estimate(values, 0, rows, rowNorms, 0, block);
    int single = 0;
    for (int r = 0; r < rows; r++) {
      int sole = sweep.soleCandidate(block, r);
      assertTrue(sole != BlockSweep.UNTRUSTED, name + ": row " + r + " is untrusted");
      int first = sweep.nextCandidate(block, r, 0);
      int second = sweep.nextCandidate(block, r, first + 1);
      // The sole candidate is the only centre the search finds; several, at least two.
      assertEquals(sole >= 0 ? sole : first, first, name + ": row " + r);
      assertEquals(sole >= 0, second == k, name + ": row " + r);
      if (sole >= 0) {
        single++;
      }
    }
    assertTrue(
        single >= rows - 2, name + ": " + single + " of " + rows + " rows had one candidate");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kernels")
  void theKernelFollowsTheCentresAfterAnUpdate(
      String name, BiFunction<Integer, Integer, BlockSweep> kernel) {
    int columns = 5;
    int k = 19;
    double[] rows = new double[9 * columns];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i % 7;
    }
    double[] rowNorms = new double[9];
    for (int row = 0; row < 9; row++) {
      rowNorms[row] = CentreColumns.squaredNorm(rows, row * columns, columns);
    }
    CentreColumns table = new CentreColumns(k, columns, kernel.apply(k, columns));
    double[] centres = new double[k * columns];
    Arrays.fill(centres, 100);
    table.update(centres);
    // Centre 7 moves onto every row's neighbourhood: each row must now pick it.
    Arrays.fill(centres, 7 * columns, 8 * columns, 3);
    table.update(centres);
    CentreColumns.BlockScratch scratch = table.newBlockScratch();
    table.nearestOfBlock(rows, 0, 9, rowNorms, scratch);
    int[] expected = new int[9];
    Arrays.fill(expected, 7);
    assertArrayEquals(expected, Arrays.copyOf(scratch.nearest, 9), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singleKernels")
  void theCandidateSearchFindsTheFirstEstimateWithinReach(
      String name, BiFunction<Integer, Integer, BlockSweep> kernel) {
    Random random = new Random(4);
    for (int k : new int[] {1, 3, 8, 17, 40, 100}) {
      BlockSweep sweep = kernel.apply(k, 5);
      BlockSweep.Estimates block = sweep.newEstimates(2);
      for (int round = 0; round < 200; round++) {
        double[] estimates = new double[k];
        for (int c = 0; c < k; c++) {
          estimates[c] = 10 + random.nextInt(40);
        }
        if (round % 3 == 0) {
          estimates[random.nextInt(k)] = Double.NaN;
        }
        double reach = round % 17 == 0 ? Double.NaN : 10 + random.nextInt(45);
        int row = round % 2;
        fill(block, row, estimates, reach);
        int from = random.nextInt(k + 1);
        int expected = from;
        while (expected < k && !(estimates[expected] <= reach)) {
          expected++;
        }
        assertEquals(
            expected,
            sweep.nextCandidate(block, row, from),
            name + ", k = " + k + ", from " + from + ", reach " + reach);
      }
    }
  }

  /** Writes {@code estimates} and {@code reach} as row {@code row} of a kernel's estimates. */
  private static void fill(BlockSweep.Estimates block, int row, double[] estimates, double reach) {
    if (block instanceof BlockSweep.DoubleEstimates) {
      BlockSweep.DoubleEstimates doubles = (BlockSweep.DoubleEstimates) block;
      System.arraycopy(estimates, 0, doubles.values[row], 0, estimates.length);
      doubles.reach[row] = reach;
    } else {
      BlockSweep.FloatEstimates floats = (BlockSweep.FloatEstimates) block;
      // A row of norm zero: its values are its estimates.
      floats.blockNorms[row] = 0;
      for (int c = 0; c < estimates.length; c++) {
        floats.values[c * floats.stride + row] = (float) estimates[c];
      }
      floats.reach[row] = (float) reach;
    }
  }

  @Test
  void theVectorKernelRunsWhereverItsModuleIsPresent() {
    boolean module = ModuleLayer.boot().findModule(BlockSweeps.VECTOR_MODULE).isPresent();
    Assumptions.assumeTrue(module, "the JVM runs without " + BlockSweeps.VECTOR_MODULE);
    assertTrue(BlockSweeps.vectorKernel(), BlockSweeps.description());
    assertTrue(BlockSweeps.description().startsWith("vector"), BlockSweeps.description());
  }

  @Test
  void withoutItsModuleThePlainKernelSaysWhy() {
    boolean module = ModuleLayer.boot().findModule(BlockSweeps.VECTOR_MODULE).isPresent();
    Assumptions.assumeFalse(module, "the JVM runs with " + BlockSweeps.VECTOR_MODULE);
    assertEquals(false, BlockSweeps.vectorKernel());
    assertTrue(
        BlockSweeps.description().startsWith("plain Java (")
            && BlockSweeps.description().contains("--add-modules " + BlockSweeps.VECTOR_MODULE),
        BlockSweeps.description());
  }

  @Test
  void lloydsResultNamesTheKernelThatSweptIt() throws Exception {
    DataMatrix data = TestData.blobs(11, 500, 6, 5, 1.0, false);
    double[] start = Arrays.copyOf(data.values(), 7 * 6);
    KMeansResult lloyd =
        new KMeans(KMeansSettings.DEFAULTS.withAlgorithm(Algorithm.LLOYD)).fit(data, start);
    if (BlockSweeps.vectorKernel()) {
      // The vector kernel (with a warm-up, also that a JVM's first blocks may go to the plain one).
      assertTrue(lloyd.kernel().startsWith(BlockSweeps.description()), lloyd.kernel());
      // The same fit always names its kernel the same way, whatever the JIT has done meanwhile.
      KMeansResult again =
          new KMeans(KMeansSettings.DEFAULTS.withAlgorithm(Algorithm.LLOYD)).fit(data, start);
      assertEquals(lloyd.kernel(), again.kernel());
    } else {
      assertEquals(BlockSweeps.description(), lloyd.kernel());
    }
    KMeansResult hamerly =
        new KMeans(KMeansSettings.DEFAULTS.withAlgorithm(Algorithm.HAMERLY)).fit(data, start);
    assertTrue(hamerly.kernel().contains("one row at a time"), hamerly.kernel());
  }
}
