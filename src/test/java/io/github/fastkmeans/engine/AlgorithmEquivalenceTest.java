package io.github.fastkmeans.engine;

import static io.github.fastkmeans.engine.SameFit.assertSameFit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every accelerated algorithm, from the same start and with any number of threads, gives exactly
 * the labels, iteration count, centres, squared errors and cluster weights of plain Lloyd on one
 * thread.
 */
class AlgorithmEquivalenceTest {

  private static final Algorithm[] ACCELERATED = {
    Algorithm.HAMERLY, Algorithm.ELKAN, Algorithm.EXPONION, Algorithm.YINYANG, Algorithm.KD_TREE
  };

  /** Lloyd too, whose block kernel must not depend on the threads' row ranges. */
  private static final Algorithm[] ACCELERATED_AND_LLOYD = {
    Algorithm.HAMERLY,
    Algorithm.ELKAN,
    Algorithm.EXPONION,
    Algorithm.YINYANG,
    Algorithm.KD_TREE,
    Algorithm.LLOYD
  };

  static Stream<Arguments> problems() {
    return Stream.of(
        Arguments.of("low d, many clusters", TestData.blobs(1, 6000, 2, 40, 0.8, false), 40),
        Arguments.of("weighted, moderate d", TestData.blobs(2, 5000, 8, 12, 2.0, true), 16),
        Arguments.of("high d", TestData.blobs(3, 1500, 70, 10, 4.0, false), 10),
        Arguments.of("overlapping groups", TestData.blobs(4, 4000, 3, 5, 6.0, true), 9),
        Arguments.of("integer grid with ties", grid(), 7),
        Arguments.of("more centres than groups", TestData.blobs(5, 3000, 4, 3, 0.1, false), 12),
        Arguments.of("one column", TestData.blobs(6, 3000, 1, 6, 0.5, false), 8),
        Arguments.of("3-column grid far from the origin", farGrid(), 11),
        // Enough columns for the block kernels of Lloyd, k not a multiple of their tiles.
        Arguments.of("5 columns, k off the tile", TestData.blobs(9, 2500, 5, 7, 3.0, false), 21),
        Arguments.of("9 columns, overlapping", TestData.blobs(10, 2000, 9, 4, 8.0, true), 13),
        Arguments.of("6-column grid far from the origin", farGrid(6), 17),
        // Enough centres and columns for Hamerly's block sweep of the rows whose bounds fail.
        Arguments.of("many clusters, 6 columns", TestData.blobs(11, 4000, 6, 40, 1.0, false), 40),
        Arguments.of(
            "many clusters, weighted, k off the tile",
            TestData.blobs(12, 3000, 12, 30, 2.0, true),
            45),
        Arguments.of("6-column grid far from the origin, many centres", farGrid(6), 36));
  }

  /** Points on a 3-column integer grid a million units from the origin: ties and large norms. */
  private static DataMatrix farGrid() {
    return farGrid(3);
  }

  /**
   * Points on an integer grid a million units from the origin: ties, and norms so large that the
   * dot-product filter keeps several candidates per row.
   */
  private static DataMatrix farGrid(int columns) {
    Random random = new Random(8);
    int rows = 3000;
    double[] values = new double[rows * columns];
    for (int i = 0; i < values.length; i++) {
      values[i] = 1e6 + random.nextInt(6);
    }
    return DataMatrix.of(rows, columns, values);
  }

  /** Points on a small integer grid, many at equal distances from several centres. */
  private static DataMatrix grid() {
    Random random = new Random(7);
    int rows = 3000;
    double[] values = new double[rows * 2];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(9);
    }
    return DataMatrix.of(rows, 2, values);
  }

  private static KMeansResult fit(DataMatrix data, double[] start, Algorithm algorithm, int threads)
      throws Exception {
    return new KMeans(
            KMeansSettings.DEFAULTS
                .withAlgorithm(algorithm)
                .withThreads(threads)
                .withTraceErrors(true))
        .fit(data, start);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void acceleratedAlgorithmsReproduceLloydExactly(String name, DataMatrix data, int k)
      throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      double[] start = TestData.distinctRows(data, k, seed);
      KMeansResult lloyd = fit(data, start, Algorithm.LLOYD, 1);
      for (Algorithm algorithm : ACCELERATED_AND_LLOYD) {
        for (int threads : new int[] {1, 2, 3}) {
          if (algorithm == Algorithm.LLOYD && threads == 1) {
            continue;
          }
          KMeansResult other = fit(data, start, algorithm, threads);
          String what =
              name + ", seed " + seed + ", " + algorithm.id() + ", " + threads + " threads";
          assertEquals(algorithm, other.algorithm(), what);
          assertSameFit(lloyd, other, what);
          assertEquals(lloyd.squaredError(), other.squaredError(), 0, what);
          assertTrue(Arrays.equals(lloyd.clusterWeights(), other.clusterWeights()), what);
        }
      }
    }
  }

  /**
   * A build drops weights that are all 1 from its matrix: every algorithm gives exactly the fit of
   * the same rows with an array of ones.
   */
  @Test
  void unitWeightsGiveTheFitOfNoWeights() throws Exception {
    DataMatrix unweighted = TestData.blobs(15, 20_000, 3, 9, 1.5, false);
    double[] ones = new double[unweighted.rows()];
    Arrays.fill(ones, 1);
    DataMatrix weighted =
        DataMatrix.of(unweighted.rows(), unweighted.columns(), unweighted.values(), ones);
    double[] start = TestData.distinctRows(unweighted, 9, 5);
    for (Algorithm algorithm : TestData.everyAlgorithm()) {
      for (int threads : new int[] {1, 2}) {
        KMeansResult without = fit(unweighted, start, algorithm, threads);
        KMeansResult with = fit(weighted, start, algorithm, threads);
        String what = algorithm.id() + ", " + threads + " threads";
        assertEquals(with.iterations(), without.iterations(), what);
        assertArrayEquals(with.labels(), without.labels(), what);
        assertTrue(Arrays.equals(with.centres(), without.centres()), what + ": centres");
        assertTrue(
            Arrays.equals(with.squaredErrorHistory(), without.squaredErrorHistory()),
            what + ": history");
        assertTrue(Arrays.equals(with.clusterWeights(), without.clusterWeights()), what);
      }
    }
  }

  @Test
  void kdTreeReproducesLloydWhenItsPassesAreSharedBetweenThreads() throws Exception {
    // Enough rows that the tree's early passes are handed to the other threads.
    DataMatrix data = TestData.blobs(14, 40_000, 2, 25, 1.5, true);
    double[] start = TestData.distinctRows(data, 25, 4);
    KMeansResult lloyd = fit(data, start, Algorithm.LLOYD, 1);
    for (int threads : new int[] {1, 2, 3}) {
      KMeansResult tree = fit(data, start, Algorithm.KD_TREE, threads);
      assertEquals(lloyd.iterations(), tree.iterations(), threads + " threads");
      assertArrayEquals(lloyd.labels(), tree.labels(), threads + " threads");
      assertTrue(Arrays.equals(lloyd.centres(), tree.centres()), threads + " threads: centres");
    }
  }

  @Test
  void kdTreeDropsNoCentreWhereDistancesAreSubnormal() throws Exception {
    // Squared distances near 2^-1080: rounding is absolute there, and a relative margin is zero.
    double s = 0x1p-540;
    DataMatrix data = DataMatrix.of(2, 2, new double[] {-7 * s, 11 * s, -9 * s, s});
    double[] start = {0, 5 * s, -3 * s, 5 * s, 100 * s, 100 * s};
    for (int iterations = 1; iterations <= 3; iterations++) {
      KMeansSettings settings = KMeansSettings.DEFAULTS.withMaxIterations(iterations);
      KMeansResult lloyd = new KMeans(settings.withAlgorithm(Algorithm.LLOYD)).fit(data, start);
      KMeansResult tree = new KMeans(settings.withAlgorithm(Algorithm.KD_TREE)).fit(data, start);
      assertArrayEquals(lloyd.labels(), tree.labels(), iterations + " iterations");
      assertTrue(Arrays.equals(lloyd.centres(), tree.centres()), iterations + " iterations");
    }
  }

  @Test
  void boundsSkipMostDistancesOnSeparatedGroups() throws Exception {
    DataMatrix data = TestData.blobs(11, 20000, 3, 20, 0.3, false);
    double[] start = TestData.distinctRows(data, 20, 1);
    KMeansResult lloyd = fit(data, start, Algorithm.LLOYD, 2);
    assertEquals(1.0, lloyd.distanceRatio(), 1e-12);
    for (Algorithm algorithm : ACCELERATED) {
      KMeansResult other = fit(data, start, algorithm, 2);
      assertTrue(other.distanceRatio() < 0.5, algorithm + " ratio " + other.distanceRatio());
      long[] perIteration = other.distanceComputations();
      assertEquals(other.iterations(), perIteration.length);
      if (algorithm == Algorithm.KD_TREE) {
        // The tree needs no bounds: it skips most distances from the first pass on.
        assertTrue(perIteration[0] < 20000L * 20 / 2, "first pass " + perIteration[0]);
      } else {
        // The bounds are set by comparing every row with every centre in the first pass.
        assertEquals(20000L * 20, perIteration[0]);
      }
    }
  }

  @Test
  void emptyClustersAreRelocatedIdenticallyByEveryAlgorithm() throws Exception {
    DataMatrix data = TestData.blobs(12, 2000, 2, 4, 0.5, false);
    double[] start = TestData.distinctRows(data, 8, 3);
    // Two centres far away from every row: both empty after the first pass.
    start[0] = 1e3;
    start[1] = 1e3;
    start[2] = -1e3;
    start[3] = 1e3;
    KMeansResult lloyd = fit(data, start, Algorithm.LLOYD, 1);
    assertTrue(lloyd.relocations() >= 2);
    for (Algorithm algorithm : ACCELERATED) {
      KMeansResult other = fit(data, start, algorithm, 2);
      assertArrayEquals(lloyd.labels(), other.labels(), algorithm.id());
      assertTrue(Arrays.equals(lloyd.centres(), other.centres()), algorithm.id());
      assertEquals(lloyd.iterations(), other.iterations(), algorithm.id());
    }
  }

  @Test
  void autoFollowsTheMeasuredRule() {
    long budget = KMeansSettings.DEFAULT_ELKAN_BUDGET_BYTES;
    assertEquals(Algorithm.LLOYD, Algorithm.AUTO.resolve(1000, 5, 2, budget, false));
    assertEquals(Algorithm.ELKAN, Algorithm.AUTO.resolve(1000, 128, 100, budget, false));
    assertEquals(Algorithm.EXPONION, Algorithm.AUTO.resolve(1000, 128, 100, 0, false));
    assertEquals(Algorithm.KD_TREE, Algorithm.AUTO.resolve(100000, 2, 10, budget, false));
    assertEquals(Algorithm.KD_TREE, Algorithm.AUTO.resolve(100, 1, 3, budget, false));
    assertEquals(Algorithm.KD_TREE, Algorithm.AUTO.resolve(1000, 3, 100, budget, false));
    assertEquals(Algorithm.KD_TREE, Algorithm.AUTO.resolve(1000, 4, 100, budget, false));
    assertEquals(Algorithm.EXPONION, Algorithm.AUTO.resolve(1000, 5, 100, budget, false));
    assertEquals(Algorithm.LLOYD, Algorithm.AUTO.resolve(100000, 2, 2, budget, false));
    assertEquals(Algorithm.EXPONION, Algorithm.AUTO.resolve(1000, 8, 32, budget, false));
    assertEquals(Algorithm.EXPONION, Algorithm.AUTO.resolve(1000, 79, 32, budget, false));
    assertEquals(Algorithm.ELKAN, Algorithm.AUTO.resolve(1000, 80, 32, budget, false));
    assertEquals(Algorithm.HAMERLY, Algorithm.HAMERLY.resolve(1000, 8, 32, budget, false));
    assertEquals(Algorithm.EXPONION, Algorithm.AUTO.resolve(200_000, 32, 4999, budget, false));
    assertEquals(Algorithm.YINYANG, Algorithm.AUTO.resolve(100_000, 32, 10_000, budget, false));
    // 128 groups of bounds for 10 million rows exceed the budget.
    assertEquals(Algorithm.EXPONION, Algorithm.AUTO.resolve(10_000_000, 32, 10_000, budget, false));
    assertEquals(Algorithm.KD_TREE, Algorithm.AUTO.resolve(100_000, 2, 10_000, budget, false));
  }

  @Test
  void autoTakesLloydForManyCentresWhenTheVectorKernelRuns() {
    long budget = KMeansSettings.DEFAULT_ELKAN_BUDGET_BYTES;
    assertEquals(Algorithm.LLOYD, Algorithm.AUTO.resolve(50_000, 128, 100, budget, true));
    assertEquals(Algorithm.LLOYD, Algorithm.AUTO.resolve(100_000, 32, 10_000, budget, true));
    assertEquals(Algorithm.LLOYD, Algorithm.AUTO.resolve(1_000_000, 64, 256, budget, true));
    assertEquals(Algorithm.LLOYD, Algorithm.AUTO.resolve(200_000, 16, 64, budget, true));
    assertEquals(Algorithm.LLOYD, Algorithm.AUTO.resolve(1_000_000, 8, 32, budget, true));
    assertEquals(Algorithm.LLOYD, Algorithm.AUTO.resolve(50_000, 128, 32, budget, true));
    // Fewer centres keep the bounds; few columns keep the tree.
    assertEquals(Algorithm.EXPONION, Algorithm.AUTO.resolve(494_021, 38, 31, budget, true));
    assertEquals(Algorithm.ELKAN, Algorithm.AUTO.resolve(50_000, 128, 31, budget, true));
    assertEquals(Algorithm.KD_TREE, Algorithm.AUTO.resolve(100_000, 2, 10_000, budget, true));
    // The one-argument rule asks the JVM whether the vector kernel runs.
    assertEquals(
        Algorithm.AUTO.resolve(100_000, 32, 10_000, budget, BlockSweeps.vectorKernel()),
        Algorithm.AUTO.resolve(100_000, 32, 10_000, budget));
  }

  @Test
  void autoTakesTiledYinyangForLongFitsAndHamerlyWhereTheTilesDoNotStart() {
    long budget = KMeansSettings.DEFAULT_ELKAN_BUDGET_BYTES;
    Algorithm lloyd = Algorithm.LLOYD;
    Algorithm hamerly = Algorithm.HAMERLY;
    // E and F of the benchmark, run to convergence: the tiles.
    assertEquals(
        Algorithm.YINYANG,
        Algorithm.AUTO.forIterations(lloyd, 200_000, 32, 1000, 500, budget, true));
    assertEquals(
        Algorithm.YINYANG,
        Algorithm.AUTO.forIterations(lloyd, 200_000, 64, 256, 500, budget, true));
    int shortest = TiledYinyangAssigner.PASSES_WORTH_THE_BOUNDS + 1;
    assertEquals(
        Algorithm.YINYANG,
        Algorithm.AUTO.forIterations(lloyd, 200_000, 32, 1000, shortest, budget, true));
    // Too few iterations for the tiles' bounds to start, too little work per row, the tiles not
    // compiled yet or beyond the bounds budget: Hamerly on the block sweep (E).
    assertEquals(
        hamerly,
        Algorithm.AUTO.forIterations(lloyd, 200_000, 32, 1000, shortest - 1, budget, true));
    assertEquals(hamerly, Algorithm.AUTO.forIterations(lloyd, 200_000, 32, 1000, 10, budget, true));
    assertEquals(hamerly, Algorithm.AUTO.forIterations(lloyd, 200_000, 16, 512, 500, budget, true));
    assertEquals(
        hamerly, Algorithm.AUTO.forIterations(lloyd, 200_000, 32, 1000, 500, budget, false));
    assertEquals(hamerly, Algorithm.AUTO.forIterations(lloyd, 200_000, 32, 1000, 500, 1000, true));
    // Fewer centres (B, D, F), few columns (C) or very many centres (G): Lloyd's sweep.
    assertEquals(lloyd, Algorithm.AUTO.forIterations(lloyd, 1_000_000, 64, 256, 10, budget, true));
    assertEquals(lloyd, Algorithm.AUTO.forIterations(lloyd, 50_000, 128, 100, 500, budget, true));
    assertEquals(lloyd, Algorithm.AUTO.forIterations(lloyd, 200_000, 16, 64, 50, budget, true));
    assertEquals(lloyd, Algorithm.AUTO.forIterations(lloyd, 1_000_000, 8, 256, 50, budget, true));
    assertEquals(lloyd, Algorithm.AUTO.forIterations(lloyd, 100_000, 32, 10_000, 5, budget, true));
    // Asked for Lloyd, or another algorithm resolved: as resolved.
    assertEquals(lloyd, Algorithm.LLOYD.forIterations(lloyd, 200_000, 32, 1000, 500, budget, true));
    assertEquals(lloyd, Algorithm.LLOYD.forIterations(lloyd, 200_000, 32, 1000, 10, budget, true));
    assertEquals(
        Algorithm.EXPONION,
        Algorithm.AUTO.forIterations(Algorithm.EXPONION, 200_000, 32, 1000, 500, budget, true));
  }

  @Test
  void elkanBeyondItsBudgetIsRefusedWithTheBytesNeeded() {
    DataMatrix data = TestData.blobs(13, 1000, 2, 3, 1, false);
    KMeans kmeans =
        new KMeans(
            KMeansSettings.DEFAULTS.withAlgorithm(Algorithm.ELKAN).withElkanBudgetBytes(1000));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> kmeans.fit(data, TestData.distinctRows(data, 5, 1)));
    assertTrue(e.getMessage().contains("40000 bytes"), e.getMessage());
  }
}
