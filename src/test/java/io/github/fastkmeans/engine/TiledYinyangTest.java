package io.github.fastkmeans.engine;

import static io.github.fastkmeans.engine.SameFit.assertSameFit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fastkmeans.parallel.ChunkRunner;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Yinyang on the vector kernel's tiles ({@link TiledYinyangAssigner}): Lloyd's fit bit for bit on
 * 1-3 threads, whatever the rows and centres leave of the last tile and block, and fewer distances
 * than Lloyd where the data is clustered; ties and empty clusters are {@link
 * YinyangAssignerTest}'s, which the vector-kernel execution runs on the tiles. Runs where the
 * vector kernel does (the build's vector-kernel execution).
 */
class TiledYinyangTest {

  @BeforeEach
  void needsTheVectorKernel() {
    assumeTrue(BlockSweeps.vectorKernel() && BlockSweeps.vectorCompiled(), "vector kernel");
  }

  private static KMeansResult fit(
      DataMatrix data, double[] start, Algorithm algorithm, int threads, EmptyClusterPolicy policy)
      throws InterruptedException {
    return fit(data, start, algorithm, threads, policy, KMeansSettings.DEFAULTS.maxIterations());
  }

  private static KMeansResult fit(
      DataMatrix data,
      double[] start,
      Algorithm algorithm,
      int threads,
      EmptyClusterPolicy policy,
      int maxIterations)
      throws InterruptedException {
    return new KMeans(
            KMeansSettings.DEFAULTS
                .withAlgorithm(algorithm)
                .withThreads(threads)
                .withEmptyClusterPolicy(policy)
                .withMaxIterations(maxIterations)
                .withTraceErrors(true))
        .fit(data, start);
  }

  /** Whether pass {@code pass} of {@code fit} computed a distance for every row and centre. */
  private static boolean computedAll(KMeansResult fit, int pass) {
    return fit.distanceComputations()[pass] >= (long) fit.rows() * fit.k();
  }

  private static long total(long[] counts) {
    return Arrays.stream(counts).sum();
  }

  @ParameterizedTest(name = "{0} x {1}, k = {2}")
  @CsvSource({"3001, 4, 17", "2000, 5, 64", "4097, 33, 129", "777, 16, 200", "5000, 8, 9"})
  void tilesReproduceLloyd(int rows, int columns, int k) throws InterruptedException {
    DataMatrix data = TestData.blobs(31 + k, rows, columns, Math.max(2, k / 3), 1.5, true);
    double[] start = TestData.firstRows(data, k);
    KMeansResult lloyd = fit(data, start, Algorithm.LLOYD, 1, EmptyClusterPolicy.RELOCATE);
    for (int threads = 1; threads <= 3; threads++) {
      KMeansResult tiled =
          fit(data, start, Algorithm.YINYANG, threads, EmptyClusterPolicy.RELOCATE);
      assertTrue(tiled.kernel().contains("tiles of"), tiled.kernel());
      assertSameFit(lloyd, tiled, threads + " threads");
    }
  }

  /**
   * Tiled Yinyang's fit of 20,000 rows in {@code columns} dimensions, blobs of standard deviation
   * {@code spread} around 200 centres, from the first 200 rows, checked against Lloyd's.
   */
  private static KMeansResult tiledFitOfBlobs(int columns, double spread)
      throws InterruptedException {
    DataMatrix data = TestData.blobs(41, 20_000, columns, 200, spread, false);
    double[] start = TestData.firstRows(data, 200);
    KMeansResult lloyd = fit(data, start, Algorithm.LLOYD, 2, EmptyClusterPolicy.RELOCATE);
    KMeansResult tiled = fit(data, start, Algorithm.YINYANG, 2, EmptyClusterPolicy.RELOCATE);
    assertSameFit(lloyd, tiled, "blobs of spread " + spread);
    return tiled;
  }

  @Test
  void clusteredRowsSkipMostBlocks() throws InterruptedException {
    KMeansResult tiled = tiledFitOfBlobs(16, 0.3);
    assertTrue(tiled.iterations() > 3, "iterations " + tiled.iterations());
    long[] counts = tiled.distanceComputations();
    // Lloyd computes every distance in every pass.
    long lloydPass = (long) tiled.rows() * tiled.k();
    // Later passes prune: the first passes, until the rows settle, compute every distance.
    assertTrue(
        total(counts) < 0.7 * lloydPass * counts.length,
        total(counts) + " of " + lloydPass * counts.length);
    assertTrue(counts[counts.length - 1] < lloydPass / 4, "last pass " + counts[counts.length - 1]);
  }

  @Test
  void boundsStartOnceTheRowsSettle() throws InterruptedException {
    KMeansResult tiled = tiledFitOfBlobs(16, 0.3);
    assertTrue(tiled.kernel().contains("bounds from pass "), tiled.kernel());
    assertFalse(tiled.kernel().contains("dropped"), tiled.kernel());
    // The first pass moves every row, so the second has no bounds either.
    assertTrue(computedAll(tiled, 0) && computedAll(tiled, 1), "first two passes");
  }

  @Test
  void aShortFitLeavesTheBoundsOut() throws InterruptedException {
    assertTrue(
        TiledYinyangAssigner.boundsCanStart(TiledYinyangAssigner.PASSES_WORTH_THE_BOUNDS + 2));
    assertFalse(
        TiledYinyangAssigner.boundsCanStart(TiledYinyangAssigner.PASSES_WORTH_THE_BOUNDS + 1));
    DataMatrix data = TestData.blobs(41, 20_000, 16, 200, 0.3, false);
    double[] start = TestData.firstRows(data, 200);
    // The rows settle by the fourth pass (boundsStartOnceTheRowsSettle), too late for so few.
    int iterations = TiledYinyangAssigner.PASSES_WORTH_THE_BOUNDS;
    KMeansResult lloyd =
        fit(data, start, Algorithm.LLOYD, 2, EmptyClusterPolicy.RELOCATE, iterations);
    KMeansResult tiled =
        fit(data, start, Algorithm.YINYANG, 2, EmptyClusterPolicy.RELOCATE, iterations);
    assertSameFit(lloyd, tiled, "short fit");
    for (int pass = 0; pass < tiled.iterations(); pass++) {
      assertTrue(computedAll(tiled, pass), "pass " + pass);
    }
    assertTrue(tiled.kernel().contains("bounds not started: too few passes left"), tiled.kernel());
    // The same fit with the default limit prunes: boundsStartOnceTheRowsSettle.
  }

  @Test
  void boundsThatDoNotPruneAreDropped() throws InterruptedException {
    // Blobs that overlap in 32 dimensions, near to noise: the bounds start once the rows settle,
    // rule out too little in their first pass and are dropped, whatever the vectors' width (tiles
    // of 8 to 32 rows).
    KMeansResult tiled = tiledFitOfBlobs(32, 30);
    int bounded = 0;
    while (bounded < tiled.iterations() && computedAll(tiled, bounded)) {
      bounded++;
    }
    assertTrue(bounded < tiled.iterations() - 2, "a pass with bounds, passes " + bounded);
    for (int pass = bounded + 1; pass < tiled.iterations(); pass++) {
      assertTrue(computedAll(tiled, pass), "pass " + pass + " after the bounds were dropped");
    }
    assertTrue(
        tiled.kernel().contains("bounds from pass " + bounded + ", dropped at pass "),
        tiled.kernel());
  }

  @Test
  void autoTakesTheTilesForALongFitWithManyCentres() throws InterruptedException {
    DataMatrix data = TestData.blobs(43, 4000, 64, 300, 1, false);
    double[] start = TestData.firstRows(data, 256);
    KMeansResult lloyd = fit(data, start, Algorithm.LLOYD, 2, EmptyClusterPolicy.RELOCATE);
    KMeansResult auto = fit(data, start, Algorithm.AUTO, 2, EmptyClusterPolicy.RELOCATE);
    assertEquals(Algorithm.YINYANG, auto.algorithm());
    assertTrue(auto.kernel().contains("tiles of"), auto.kernel());
    assertSameFit(lloyd, auto, "auto");
    KMeansResult shortFit = fit(data, start, Algorithm.AUTO, 2, EmptyClusterPolicy.RELOCATE, 10);
    assertEquals(Algorithm.LLOYD, shortFit.algorithm());
  }

  /**
   * Drives the passes of a fit by hand and checks, after every pass with bounds, each bound kept
   * against the exact distances to the centres of that pass: a level rounded up instead of down, or
   * a drift not subtracted, breaks some.
   */
  @Test
  void everyBoundKeptHoldsForTheExactDistances() throws InterruptedException {
    int k = 64;
    DataMatrix data = TestData.blobs(53, 6000, 16, 40, 0.8, false);
    double[] centres = TestData.firstRows(data, k);
    int[] labels = new int[data.rows()];
    Arrays.fill(labels, -1);
    Assigner assigner = TiledYinyangAssigner.create(data, centres, labels);
    assertTrue(assigner instanceof TiledYinyangAssigner, assigner.getClass().getName());
    TiledYinyangAssigner tiled = (TiledYinyangAssigner) assigner;
    ClusterSums sums = new ClusterSums(k, data.columns());
    int checkedPasses = 0;
    try (ChunkRunner callerOnly = new ChunkRunner(1)) {
      tiled.beforePass(callerOnly, callerOnly);
      tiled.firstPass(0, data.rows(), sums);
      for (int pass = 2; pass <= 20; pass++) {
        double[] previous = centres.clone();
        sums.writeMeans(centres);
        tiled.centresUpdated(previous);
        tiled.beforePass(callerOnly, callerOnly);
        if (tiled.kernel().contains("bounds from pass")) {
          assertEquals(0, tiled.boundsNotHolding(), "bounds not holding after pass " + pass);
          checkedPasses++;
        }
        tiled.assign(0, data.rows(), sums);
      }
    }
    assertTrue(checkedPasses >= 5, "passes with bounds: " + checkedPasses);
  }

  @Test
  void nothingOfAFitOutlivesItOnTheCallingThread() throws InterruptedException {
    // The calling thread outlives every fit (Weka's, a server's): what a pass keeps for the
    // threads that ran it must go with the fit, or each fit's bounds and rows would stay.
    WeakReference<Assigner> assigner = twoPassesOnTheCallingThread();
    for (int attempt = 0; attempt < 50 && assigner.get() != null; attempt++) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(assigner.get(), "the fit's assigner is still reachable");
  }

  private static WeakReference<Assigner> twoPassesOnTheCallingThread() throws InterruptedException {
    DataMatrix data = TestData.blobs(41, 2000, 16, 64, 0.3, false);
    int[] labels = new int[data.rows()];
    Arrays.fill(labels, -1);
    Assigner assigner = TiledYinyangAssigner.create(data, TestData.firstRows(data, 64), labels);
    assertTrue(assigner instanceof TiledYinyangAssigner, assigner.getClass().getName());
    ClusterSums sums = new ClusterSums(64, 16);
    try (ChunkRunner callerOnly = new ChunkRunner(1)) {
      assigner.beforePass(callerOnly, callerOnly);
      assigner.firstPass(0, data.rows(), sums);
      assigner.beforePass(callerOnly, callerOnly);
      assigner.assign(0, data.rows(), sums);
    }
    return new WeakReference<>(assigner);
  }

  @Test
  void blocksHoldCentresThatLieTogether() {
    // Eight tight clumps of eight centres, shuffled: each block must be one clump.
    Random random = new Random(47);
    int columns = 5;
    double[] clumps = new double[8 * columns];
    for (int i = 0; i < clumps.length; i++) {
      clumps[i] = 100 * random.nextGaussian();
    }
    int[] clumpOf = new int[64];
    for (int c = 0; c < 64; c++) {
      clumpOf[c] = c % 8;
    }
    double[] centres = new double[64 * columns];
    for (int c = 0; c < 64; c++) {
      for (int j = 0; j < columns; j++) {
        centres[c * columns + j] = clumps[clumpOf[c] * columns + j] + random.nextGaussian();
      }
    }
    int[] order = CentreBlocks.order(centres, 64, columns);
    int[] sorted = order.clone();
    Arrays.sort(sorted);
    for (int c = 0; c < 64; c++) {
      assertEquals(c, sorted[c], "a permutation");
    }
    for (int p = 0; p < 64; p++) {
      assertEquals(clumpOf[order[p / 8 * 8]], clumpOf[order[p]], "position " + p);
    }
  }
}
