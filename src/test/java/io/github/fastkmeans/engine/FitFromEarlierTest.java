package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.parallel.ChunkRunner;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fit started from an earlier fit whose centres differ in one ({@link KMeans#fitFrom}) is the fit
 * plain Lloyd reaches from the same centres: labels, centres, squared error and iterations, bit for
 * bit, whatever algorithm made the earlier fit and for any number of threads.
 */
class FitFromEarlierTest {

  static Stream<Arguments> earlierFits() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (Algorithm algorithm : Algorithm.values()) {
      for (int threads : new int[] {1, 3}) {
        cases.add(Arguments.of("blobs, 2 columns", blobs2(), 6, algorithm, threads));
        cases.add(Arguments.of("weighted blobs, 9 columns", blobs9(), 5, algorithm, threads));
        cases.add(Arguments.of("grid with ties", grid(), 4, algorithm, threads));
        // Enough centres and columns for Hamerly's block sweep.
        cases.add(Arguments.of("many clusters, 6 columns", blobs6(), 36, algorithm, threads));
      }
    }
    return cases.build();
  }

  private static DataMatrix blobs2() {
    return TestData.blobs(11, 3000, 2, 8, 0.7, false);
  }

  private static DataMatrix blobs9() {
    return TestData.blobs(12, 2000, 9, 7, 1.5, true);
  }

  private static DataMatrix blobs6() {
    return TestData.blobs(17, 3000, 6, 30, 0.8, false);
  }

  /** Points on a small integer grid: many rows at equal distances from several centres. */
  private static DataMatrix grid() {
    Random random = new Random(13);
    double[] values = new double[2000 * 2];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(7);
    }
    return DataMatrix.of(2000, 2, values);
  }

  private static KMeans kmeans(Algorithm algorithm, int threads) {
    return new KMeans(
        KMeansSettings.DEFAULTS
            .withAlgorithm(algorithm)
            .withThreads(threads)
            .withTraceErrors(true));
  }

  private static KMeansResult lloyd(DataMatrix data, double[] centres) throws Exception {
    return kmeans(Algorithm.LLOYD, 1).fit(data, centres);
  }

  private static void assertSameFit(KMeansResult expected, KMeansResult actual) {
    assertArrayEquals(expected.labels(), actual.labels());
    assertArrayEquals(expected.centres(), actual.centres());
    assertEquals(expected.squaredError(), actual.squaredError(), 0);
    assertEquals(expected.iterations(), actual.iterations());
    assertArrayEquals(expected.squaredErrorHistory(), actual.squaredErrorHistory());
    assertArrayEquals(expected.clusterWeights(), actual.clusterWeights());
    assertEquals(expected.converged(), actual.converged());
  }

  private static double[] withRow(DataMatrix data, double[] centres, int centre, int row) {
    int columns = data.columns();
    double[] changed =
        centre * columns == centres.length
            ? Arrays.copyOf(centres, centres.length + columns)
            : centres.clone();
    System.arraycopy(data.values(), row * columns, changed, centre * columns, columns);
    return changed;
  }

  @ParameterizedTest(name = "{0}, earlier fit by {3}, {4} threads")
  @MethodSource("earlierFits")
  void aCentreAddedAtTheEndGivesLloydsFitFromTheSameCentres(
      String name, DataMatrix data, int k, Algorithm algorithm, int threads) throws Exception {
    KMeans kmeans = kmeans(algorithm, threads);
    KMeansResult earlier = kmeans.fit(data, TestData.firstRows(data, k));
    try (ChunkRunner runner = new ChunkRunner(threads)) {
      KMeansResult grown = earlier;
      // Several steps in a row, each from the one before: bounds carried over and over.
      for (int step = 0; step < 4; step++) {
        double[] centres = withRow(data, grown.centres(), grown.k(), 37 * step + 5);
        KMeansResult next = kmeans.fitFrom(data, grown, centres, grown.k(), runner);
        assertSameFit(lloyd(data, centres), next);
        grown = next;
      }
      assertEquals(k + 4, grown.k());
    }
  }

  @ParameterizedTest(name = "{0}, earlier fit by {3}, {4} threads")
  @MethodSource("earlierFits")
  void aMovedCentreGivesLloydsFitFromTheSameCentres(
      String name, DataMatrix data, int k, Algorithm algorithm, int threads) throws Exception {
    KMeans kmeans = kmeans(algorithm, threads);
    KMeansResult earlier = kmeans.fit(data, TestData.firstRows(data, k));
    try (ChunkRunner runner = new ChunkRunner(threads)) {
      for (int centre = 0; centre < k; centre++) {
        double[] centres =
            withRow(data, earlier.centres(), centre, (101 * centre + 17) % data.rows());
        assertSameFit(lloyd(data, centres), kmeans.fitFrom(data, earlier, centres, centre, runner));
      }
    }
  }

  @Test
  void theSameCentresKeepEveryLabelForOneDistancePerRow() throws Exception {
    DataMatrix data = blobs9();
    KMeans kmeans = kmeans(Algorithm.EXPONION, 2);
    KMeansResult earlier = kmeans.fit(data, TestData.firstRows(data, 6));
    try (ChunkRunner runner = new ChunkRunner(2)) {
      KMeansResult again = kmeans.fitFrom(data, earlier, earlier.centres(), -1, runner);
      assertSameFit(lloyd(data, earlier.centres()), again);
      // The first pass puts every row in place, the second finds nothing to change.
      assertEquals(2, again.iterations());
      assertArrayEquals(earlier.labels(), again.labels());
      // One distance per row: to its old centre, since no other changed.
      assertEquals(data.rows(), again.distanceComputations()[0]);
    }
  }

  @Test
  void theFirstPassComparesMostRowsWithTwoCentresOnly() throws Exception {
    DataMatrix data = TestData.blobs(14, 4000, 2, 12, 0.3, false);
    KMeans kmeans = kmeans(Algorithm.HAMERLY, 1);
    KMeansResult earlier = kmeans.fit(data, TestData.firstRows(data, 12));
    try (ChunkRunner runner = new ChunkRunner(1)) {
      double[] centres = withRow(data, earlier.centres(), 12, 99);
      KMeansResult grown = kmeans.fitFrom(data, earlier, centres, 12, runner);
      assertEquals(2L * data.rows(), grown.distanceComputations()[0]);
      long[] cold = kmeans.fit(data, centres).distanceComputations();
      assertEquals(13L * data.rows(), cold[0]);
    }
  }

  @Test
  void onlyAlgorithmsWithHamerlysBoundsPassThemOnOrStartFromThem() throws Exception {
    DataMatrix data = blobs2();
    double[] start = TestData.firstRows(data, 5);
    assertNotNull(kmeans(Algorithm.HAMERLY, 1).fit(data, start).lowerBounds());
    assertNotNull(kmeans(Algorithm.EXPONION, 1).fit(data, start).lowerBounds());
    assertNull(kmeans(Algorithm.KD_TREE, 1).fit(data, start).lowerBounds());
    assertNull(kmeans(Algorithm.LLOYD, 1).fit(data, start).lowerBounds());
    KMeansResult kept = kmeans(Algorithm.HAMERLY, 1).fit(data, start).withoutLowerBounds();
    assertNull(kept.lowerBounds());
    KMeansResult earlier = kmeans(Algorithm.KD_TREE, 1).fit(data, start);
    try (ChunkRunner runner = new ChunkRunner(1)) {
      KMeansResult grown =
          kmeans(Algorithm.KD_TREE, 1)
              .fitFrom(data, earlier, withRow(data, earlier.centres(), 5, 3), 5, runner);
      // The k-d tree runs from the centres alone, as a fit does.
      assertEquals(Algorithm.KD_TREE, grown.algorithm());
      assertNull(grown.lowerBounds());
    }
  }

  @Test
  void centresThatDifferElsewhereAreRefused() throws Exception {
    DataMatrix data = blobs2();
    KMeans kmeans = kmeans(Algorithm.HAMERLY, 1);
    KMeansResult earlier = kmeans.fit(data, TestData.firstRows(data, 5));
    double[] centres = withRow(data, earlier.centres(), 2, 40);
    try (ChunkRunner runner = new ChunkRunner(1)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> kmeans.fitFrom(data, earlier, centres, 3, runner));
      assertTrue(e.getMessage().contains("Centre 2 differs"), e.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> kmeans.fitFrom(data, earlier, withRow(data, centres, 5, 1), 4, runner));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"EXPONION", "HAMERLY", "LLOYD", "YINYANG"})
  void theSwapRefinementKeepsTheSameFitWhenItsFitsStartFromTheOneBefore(String name)
      throws Exception {
    // The k-d tree runs every swap's fit from the centres alone; the others start from the fit
    // before: the refined fits must be the same.
    DataMatrix data = TestData.blobs(15, 4000, 3, 14, 0.6, true);
    assertRefinedAlike(data, 14, Algorithm.KD_TREE, Algorithm.valueOf(name));
  }

  @Test
  void hamerlysBlockSweepKeepsTheSameFitWhenItsFitsStartFromTheOneBefore() throws Exception {
    // 6 columns and 36 centres: Hamerly gathers the rows whose bounds fail into blocks, and its
    // fits from an earlier one start from the bounds that one left.
    DataMatrix data = TestData.blobs(16, 4000, 6, 30, 0.8, true);
    assertRefinedAlike(data, 36, Algorithm.LLOYD, Algorithm.HAMERLY);
  }

  /**
   * The swap refinement of a fit from the first {@code k} rows gives the same fit with {@code
   * cold}, whose fits start from the centres alone, as with {@code warm}, whose fits start from the
   * fit before.
   */
  private static void assertRefinedAlike(DataMatrix data, int k, Algorithm cold, Algorithm warm)
      throws Exception {
    double[] start = TestData.firstRows(data, k);
    KMeans coldKMeans = kmeans(cold, 2);
    KMeans warmKMeans = kmeans(warm, 2);
    KMeansResult fromCold =
        new SwapRefinement(coldKMeans, 40).refine(data, coldKMeans.fit(data, start), 3);
    KMeansResult fromWarm =
        new SwapRefinement(warmKMeans, 40).refine(data, warmKMeans.fit(data, start), 3);
    assertTrue(fromCold.swapsKept() > 0, "the start leaves swaps to make");
    assertSameFit(fromCold, fromWarm);
    assertEquals(fromCold.swapTrials(), fromWarm.swapTrials());
    assertEquals(fromCold.swapsKept(), fromWarm.swapsKept());
  }
}
