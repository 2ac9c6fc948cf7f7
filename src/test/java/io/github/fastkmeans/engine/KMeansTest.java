package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.parallel.RowChunks;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests of {@link KMeans}: hand-computed fits, empty-cluster policies, stopping rules, thread
 * determinism and agreement with a naive sequential weighted Lloyd written here.
 */
class KMeansTest {

  private static final KMeansSettings KEEP =
      KMeansSettings.DEFAULTS.withEmptyClusterPolicy(EmptyClusterPolicy.KEEP);

  /** Fits with the per-iteration error trace on, which the tests of the history read. */
  private static KMeansResult fit(KMeansSettings settings, DataMatrix data, double[] centres)
      throws InterruptedException {
    return new KMeans(settings.withTraceErrors(true)).fit(data, centres);
  }

  @Test
  void withoutTheTraceTheFitIsTheSameAndTheHistoryEmpty() throws Exception {
    DataMatrix data = TestData.blobs(5, 3000, 3, 6, 0.5, false);
    double[] start = TestData.firstRows(data, 6);
    for (Algorithm algorithm : Algorithm.values()) {
      KMeansSettings settings = KMeansSettings.DEFAULTS.withAlgorithm(algorithm).withThreads(2);
      KMeansResult traced = fit(settings, data, start);
      KMeansResult plain = new KMeans(settings).fit(data, start);
      assertEquals(0, plain.squaredErrorHistory().length);
      assertEquals(traced.iterations(), traced.squaredErrorHistory().length);
      assertArrayEquals(traced.labels(), plain.labels());
      assertArrayEquals(traced.centres(), plain.centres(), 0);
      assertEquals(traced.squaredError(), plain.squaredError(), 0);
      assertEquals(traced.iterations(), plain.iterations());
    }
  }

  /** The scikit-learn example: four weighted points in two dimensions. */
  private static DataMatrix fourWeightedPoints() {
    return DataMatrix.of(
        4, 2, new double[] {0, 0, 0.5, 0, 0.5, 1, 1, 1}, new double[] {3, 1, 1, 3});
  }

  // ---------------------------------------------------------------- hand-computed cases

  @Test
  void weightedFourPointExampleReachesTheHandComputedOptimum() throws Exception {
    double[] start = {0, 0, 1, 1};
    KMeansResult r = fit(KMeansSettings.DEFAULTS, fourWeightedPoints(), start);

    // Centre 0 = (3*(0,0) + 1*(0.5,0)) / 4 = (0.125, 0); centre 1 = (1*(0.5,1) + 3*(1,1)) / 4.
    assertArrayEquals(new double[] {0.125, 0, 0.875, 1}, r.centres(), 1e-12);
    assertArrayEquals(new int[] {0, 0, 1, 1}, r.labels());
    // 3 * 0.125^2 + 0.375^2 + 0.375^2 + 3 * 0.125^2 = 0.375
    assertEquals(0.375, r.squaredError(), 1e-12);
    assertTrue(r.converged());
    // pass 1 assigns from (0,0),(1,1); pass 2 changes nothing
    assertEquals(2, r.iterations());
    // pass 1 error: (0.5,0) and (0.5,1) each 0.25 away from their start centre
    assertArrayEquals(new double[] {0.5, 0.375}, r.squaredErrorHistory(), 1e-12);
    assertArrayEquals(new double[] {4, 4}, r.clusterWeights(), 0);
    assertArrayEquals(start, r.initialCentres(), 0);
    assertEquals(2, r.k());
    assertEquals(2, r.columns());
    assertEquals(0, r.relocations());
    assertEquals(0, r.emptyClusters());
    assertArrayEquals(new double[] {0, 0, 1, 1}, start, 0, "the caller's centres are not modified");
  }

  @Test
  void aRowEquallyFarFromTwoCentresGoesToTheLowerIndex() throws Exception {
    // x = 2 is 1 away from both start centres 1 and 3: it joins centre 0, which moves to
    // (0 + 2) / 2 = 1 while centre 1 moves to 4; the next pass changes nothing.
    // (Joining centre 1 instead would end at centres 0 and 3 with labels 0, 1, 1.)
    DataMatrix data = DataMatrix.of(3, 1, new double[] {0, 2, 4});
    for (int threads : new int[] {1, 2}) {
      KMeansResult r = fit(KMeansSettings.DEFAULTS.withThreads(threads), data, new double[] {1, 3});
      assertArrayEquals(new int[] {0, 0, 1}, r.labels());
      assertArrayEquals(new double[] {1, 4}, r.centres(), 0);
      assertEquals(2, r.squaredError(), 0);
      assertEquals(2, r.iterations());
    }
  }

  @Test
  void zeroWeightRowsAreLabelledButDoNotPullCentres() throws Exception {
    DataMatrix data =
        DataMatrix.of(5, 1, new double[] {0, 2, 10, 12, 1000}, new double[] {1, 1, 1, 1, 0});
    KMeansResult r = fit(KMeansSettings.DEFAULTS, data, new double[] {0, 10});
    assertArrayEquals(new double[] {1, 11}, r.centres(), 0);
    assertArrayEquals(new int[] {0, 0, 1, 1, 1}, r.labels());
    assertArrayEquals(new double[] {2, 2}, r.clusterWeights(), 0);
    assertEquals(4, r.squaredError(), 0);
    assertEquals(2, r.iterations());
  }

  @Test
  void oneCentreIsTheWeightedMeanOfAllRows() throws Exception {
    DataMatrix data = DataMatrix.of(3, 2, new double[] {0, 0, 4, 0, 0, 8}, new double[] {2, 1, 1});
    KMeansResult r = fit(KMeansSettings.DEFAULTS, data, new double[] {100, -100});
    // x = (0*2 + 4 + 0) / 4 = 1, y = (0*2 + 0 + 8) / 4 = 2
    assertArrayEquals(new double[] {1, 2}, r.centres(), 1e-15);
    // 2 * (1 + 4) + (9 + 4) + (1 + 36) = 60
    assertEquals(60, r.squaredError(), 1e-12);
    assertTrue(r.converged());
    assertEquals(2, r.iterations());
  }

  // ---------------------------------------------------------------- iterations and history

  @ParameterizedTest
  @CsvSource({"1, 400, 3, 4", "2, 2000, 2, 9", "3, 1200, 5, 6"})
  void historyHasOneEntryPerIterationNeverIncreasesAndEndsWithTheFinalError(
      long seed, int rows, int columns, int k) throws Exception {
    DataMatrix data = TestData.blobs(seed, rows, columns, k, 2.5, true);
    KMeansResult r = fit(KMeansSettings.DEFAULTS, data, TestData.firstRows(data, k));
    assertTrue(r.converged());
    double[] history = r.squaredErrorHistory();
    assertEquals(r.iterations(), history.length);
    assertTrue(r.iterations() >= 2, "the first pass always changes labels from unassigned");
    for (int i = 1; i < history.length; i++) {
      assertTrue(
          history[i] <= history[i - 1] * (1 + 1e-12),
          "history rose at pass " + (i + 1) + ": " + Arrays.toString(history));
    }
    assertEquals(r.squaredError(), history[history.length - 1], 0);
  }

  @Test
  void finalStateIsConsistent() throws Exception {
    DataMatrix data = TestData.blobs(21, 3000, 3, 6, 2.0, true);
    int k = 6;
    KMeansResult r = fit(KMeansSettings.DEFAULTS, data, TestData.firstRows(data, k));
    assertFinalStateConsistent(data, r);
  }

  // ---------------------------------------------------------------- empty clusters

  @Test
  void relocateMovesAnEmptyCentreOntoTheRowFarthestFromItsCentre() throws Exception {
    // Every row goes to centre 0 = 1 in pass 1; its distances are 1, 0, 1, 81, so row 3 (x = 10)
    // is the farthest and becomes the only row of centre 1.
    DataMatrix data = DataMatrix.of(4, 1, new double[] {0, 1, 2, 10});
    KMeansResult r = fit(KMeansSettings.DEFAULTS, data, new double[] {1, 100});
    assertEquals(1, r.relocations());
    assertEquals(2, r.k());
    assertArrayEquals(new double[] {1, 10}, r.centres(), 0);
    assertArrayEquals(new int[] {0, 0, 0, 1}, r.labels());
    assertArrayEquals(new double[] {3, 1}, r.clusterWeights(), 0);
    assertEquals(0, r.emptyClusters());
    assertEquals(2, r.squaredError(), 0);
    assertArrayEquals(new double[] {83, 2}, r.squaredErrorHistory(), 0);
    assertEquals(2, r.iterations());
    assertTrue(r.converged());
  }

  @Test
  void relocateFillsSeveralEmptyCentresWithTheFarthestRowsInTurn() throws Exception {
    // Pass 1 puts all rows on centre 0 = 1 (distances 1, 0, 1, 81, 361): centre 1 takes x = 20,
    // then centre 2 takes the next farthest, x = 10.
    DataMatrix data = DataMatrix.of(5, 1, new double[] {0, 1, 2, 10, 20});
    KMeansResult r = fit(KMeansSettings.DEFAULTS, data, new double[] {1, 100, 200});
    assertEquals(2, r.relocations());
    assertEquals(3, r.k());
    assertArrayEquals(new double[] {1, 20, 10}, r.centres(), 0);
    assertArrayEquals(new int[] {0, 0, 0, 2, 1}, r.labels());
    assertEquals(0, r.emptyClusters());
    assertTrue(r.converged());
  }

  @Test
  void relocateUsesWeightedMeansAndSkipsZeroWeightRows() throws Exception {
    // The zero-weight row at 50 is the farthest but must not be relocated; x = 10 (weight 2) is.
    DataMatrix data =
        DataMatrix.of(5, 1, new double[] {0, 1, 2, 10, 50}, new double[] {1, 2, 1, 2, 0});
    KMeansResult r = fit(KMeansSettings.DEFAULTS, data, new double[] {1, 100});
    assertEquals(1, r.relocations());
    assertEquals(10, r.centres()[1], 0);
    assertEquals(1, r.centres()[0], 1e-15); // (0 + 2 + 2) / 4
    assertArrayEquals(new double[] {4, 2}, r.clusterWeights(), 0);
    assertEquals(0, r.emptyClusters());
  }

  @Test
  void relocateLeavesNoClusterEmptyOnRandomData() throws Exception {
    DataMatrix data = TestData.blobs(8, 5000, 3, 5, 1.5, true);
    double[] start = Arrays.copyOf(TestData.firstRows(data, 5), 7 * 3);
    // two centres far away from every row
    Arrays.fill(start, 5 * 3, 6 * 3, 1e4);
    Arrays.fill(start, 6 * 3, 7 * 3, -1e4);
    KMeansResult r = fit(KMeansSettings.DEFAULTS, data, start);
    assertEquals(7, r.k());
    assertTrue(r.relocations() >= 2, "relocations " + r.relocations());
    assertEquals(0, r.emptyClusters());
    for (double w : r.clusterWeights()) {
      assertTrue(w > 0);
    }
    assertTrue(r.converged());
    assertFinalStateConsistent(data, r);
  }

  @Test
  void keepLeavesAnEmptyCentreExactlyWhereItWas() throws Exception {
    DataMatrix data = DataMatrix.of(4, 1, new double[] {0, 1, 2, 10});
    KMeansResult r = fit(KEEP, data, new double[] {1, 100});
    assertEquals(2, r.k());
    assertArrayEquals(new double[] {3.25, 100}, r.centres(), 0);
    assertArrayEquals(new double[] {4, 0}, r.clusterWeights(), 0);
    assertArrayEquals(new int[] {0, 0, 0, 0}, r.labels());
    assertEquals(1, r.emptyClusters());
    assertEquals(0, r.relocations());
    assertTrue(r.converged());
  }

  @Test
  void keepLeavesAFarCentreUntouchedOnRandomData() throws Exception {
    DataMatrix data = TestData.blobs(9, 2000, 2, 4, 1.0, false);
    double[] start = Arrays.copyOf(TestData.firstRows(data, 4), 5 * 2);
    start[8] = 123.25;
    start[9] = -456.5;
    KMeansResult r = fit(KEEP, data, start);
    double[] centres = r.centres();
    assertEquals(123.25, centres[8], 0);
    assertEquals(-456.5, centres[9], 0);
    assertEquals(0, r.clusterWeights()[4], 0);
    assertEquals(1, r.emptyClusters());
    for (int label : r.labels()) {
      assertTrue(label != 4);
    }
  }

  @Test
  void failThrowsNamingTheEmptyClusterAndTheFirstIteration() {
    DataMatrix data = DataMatrix.of(4, 1, new double[] {0, 1, 2, 10});
    KMeansSettings settings =
        KMeansSettings.DEFAULTS.withEmptyClusterPolicy(EmptyClusterPolicy.FAIL);
    EmptyClusterException e =
        assertThrows(EmptyClusterException.class, () -> fit(settings, data, new double[] {1, 100}));
    assertEquals(1, e.cluster());
    assertEquals(1, e.iteration());
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void failReportsAClusterThatEmptiesInALaterIteration() {
    // Pass 1 with centres 0, 5, 10: 2 -> 0, 2.6 -> 1, 7.4 -> 1, 8 -> 2; means 2, 5, 8.
    // Pass 2: 2.6 -> 0 and 7.4 -> 2, so centre 1 is empty in iteration 2.
    DataMatrix data = DataMatrix.of(4, 1, new double[] {2, 2.6, 7.4, 8});
    KMeansSettings settings =
        KMeansSettings.DEFAULTS.withEmptyClusterPolicy(EmptyClusterPolicy.FAIL).withThreads(2);
    EmptyClusterException e =
        assertThrows(
            EmptyClusterException.class, () -> fit(settings, data, new double[] {0, 5, 10}));
    assertEquals(1, e.cluster());
    assertEquals(2, e.iteration());
  }

  // ---------------------------------------------------------------- stopping rules

  @Test
  void toleranceStopsEarlyWithLabelsOfTheNearestFinalCentre() throws Exception {
    DataMatrix data = TestData.blobs(5, 3000, 2, 8, 3.0, true);
    double[] start = TestData.firstRows(data, 8);
    KMeansResult exact = fit(KMeansSettings.DEFAULTS, data, start);
    KMeansResult early = fit(KMeansSettings.DEFAULTS.withTolerance(1e-2), data, start);
    assertTrue(exact.converged());
    assertTrue(
        early.iterations() < exact.iterations(),
        early.iterations() + " vs " + exact.iterations() + " iterations");
    assertTrue(early.converged(), "a fit stopped by the tolerance counts as converged");
    assertEquals(early.iterations(), early.squaredErrorHistory().length);
    assertFinalStateLabelsAndErrorMatchCentres(data, early);
    assertTrue(early.squaredError() >= exact.squaredError() * (1 - 1e-12));
  }

  @Test
  void finalRelabellingAfterAToleranceStopIsUncountedAndNeverRaisesTheError() throws Exception {
    DataMatrix data = TestData.blobs(5, 3000, 2, 8, 3.0, true);
    KMeansResult early =
        fit(KMeansSettings.DEFAULTS.withTolerance(1e-2), data, TestData.firstRows(data, 8));
    assertTrue(early.converged());
    double[] history = early.squaredErrorHistory();
    assertEquals(early.iterations(), history.length);
    // Here the centres still moved in the last iteration, so the relabelling pass lowered the
    // error.
    assertTrue(early.squaredError() < history[history.length - 1]);
    assertFinalStateLabelsAndErrorMatchCentres(data, early);
  }

  @Test
  void oneIterationStopsUnconvergedWithLabelsOfTheNearestCentre() throws Exception {
    KMeansResult r =
        fit(
            KMeansSettings.DEFAULTS.withMaxIterations(1),
            fourWeightedPoints(),
            new double[] {0, 0, 1, 1});
    assertEquals(1, r.iterations());
    assertFalse(r.converged());
    assertArrayEquals(new double[] {0.125, 0, 0.875, 1}, r.centres(), 1e-12);
    assertArrayEquals(new int[] {0, 0, 1, 1}, r.labels());
    assertEquals(0.375, r.squaredError(), 1e-12);
    assertArrayEquals(new double[] {0.5}, r.squaredErrorHistory(), 1e-12);
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "2, 1", "3, 2", "4, 5"})
  void iterationLimitIsHonouredAndLabelsMatchTheNearestCentre(long seed, int maxIterations)
      throws Exception {
    DataMatrix data = TestData.blobs(seed, 2500, 3, 7, 3.0, true);
    double[] start = TestData.firstRows(data, 7);
    KMeansSettings settings = KEEP.withMaxIterations(maxIterations).withThreads(2);
    KMeansResult r = fit(settings, data, start);
    Naive expected = naiveLloyd(data, start, maxIterations);
    assertFalse(r.converged(), "so few iterations cannot converge on this data");
    assertEquals(maxIterations, r.iterations());
    assertEquals(maxIterations, r.squaredErrorHistory().length);
    assertFinalStateLabelsAndErrorMatchCentres(data, r);
    assertArrayEquals(expected.labels, r.labels());
    assertClose(expected.centres, r.centres(), 1e-9);
  }

  // ---------------------------------------------------------------- determinism and references

  @Test
  void resultsAreBitIdenticalForAnyNumberOfThreads() throws Exception {
    int rows = 20_000;
    assertTrue(rows > 30 * RowChunks.CHUNK_ROWS);
    DataMatrix data = TestData.blobs(2024, rows, 5, 7, 4.0, true);
    double[] start = TestData.firstRows(data, 7);
    KMeansResult reference = fit(KMeansSettings.DEFAULTS, data, start);
    assertTrue(reference.iterations() > 3, "the fit should take a few passes");
    for (int threads : new int[] {2, 3, 7}) {
      KMeansResult r = fit(KMeansSettings.DEFAULTS.withThreads(threads), data, start);
      assertBitIdentical(reference, r, threads);
    }
  }

  @Test
  void relocationIsBitIdenticalForAnyNumberOfThreads() throws Exception {
    DataMatrix data = TestData.blobs(77, 9000, 3, 4, 2.0, true);
    double[] start = Arrays.copyOf(TestData.firstRows(data, 4), 6 * 3);
    Arrays.fill(start, 12, 18, 1e5);
    KMeansResult reference = fit(KMeansSettings.DEFAULTS, data, start);
    assertTrue(reference.relocations() >= 2);
    for (int threads : new int[] {2, 5}) {
      assertBitIdentical(
          reference, fit(KMeansSettings.DEFAULTS.withThreads(threads), data, start), threads);
    }
  }

  @ParameterizedTest
  @CsvSource({"1, 60, 2, 3", "2, 1500, 3, 5", "3, 5000, 4, 8", "4, 700, 1, 4"})
  void agreesWithANaiveSequentialWeightedLloyd(long seed, int rows, int columns, int k)
      throws Exception {
    DataMatrix base = TestData.blobs(seed, rows, columns, k, 2.0, true);
    // make every 10th row weightless
    double[] weights = new double[rows];
    for (int row = 0; row < rows; row++) {
      weights[row] = row % 10 == 9 ? 0 : base.weight(row);
    }
    DataMatrix data = DataMatrix.of(rows, columns, base.values(), weights);
    double[] start = TestData.firstRows(data, k);
    Naive expected = naiveLloyd(data, start, 500);
    for (int threads : new int[] {1, 3}) {
      KMeansResult r = fit(KEEP.withThreads(threads), data, start);
      assertEquals(expected.converged, r.converged());
      assertEquals(expected.iterations, r.iterations());
      assertArrayEquals(expected.labels, r.labels());
      assertClose(expected.centres, r.centres(), 1e-9);
      assertEquals(expected.squaredError, r.squaredError(), 1e-9 * expected.squaredError);
    }
  }

  @Test
  void scalingAllWeightsScalesOnlyTheError() throws Exception {
    DataMatrix data = TestData.blobs(31, 4000, 3, 6, 2.5, true);
    double[] scaled = new double[data.rows()];
    for (int row = 0; row < scaled.length; row++) {
      scaled[row] = 4.0 * data.weight(row);
    }
    DataMatrix heavier = DataMatrix.of(data.rows(), data.columns(), data.values(), scaled);
    double[] start = TestData.firstRows(data, 6);
    KMeansResult a = fit(KMeansSettings.DEFAULTS, data, start);
    KMeansResult b = fit(KMeansSettings.DEFAULTS, heavier, start);
    assertArrayEquals(a.labels(), b.labels());
    assertEquals(a.iterations(), b.iterations());
    assertEquals(4 * a.squaredError(), b.squaredError(), 1e-9 * 4 * a.squaredError());
    assertClose(a.centres(), b.centres(), 1e-12);
    double[] wa = a.clusterWeights();
    double[] wb = b.clusterWeights();
    for (int c = 0; c < wa.length; c++) {
      assertEquals(4 * wa[c], wb[c], 1e-9 * wb[c]);
    }
  }

  @Test
  void unitWeightsGiveTheSameFitAsNoWeights() throws Exception {
    DataMatrix data = TestData.blobs(12, 1500, 2, 5, 2.0, false);
    double[] ones = new double[data.rows()];
    Arrays.fill(ones, 1.0);
    DataMatrix weighted = DataMatrix.of(data.rows(), data.columns(), data.values(), ones);
    double[] start = TestData.firstRows(data, 5);
    assertBitIdentical(
        fit(KMeansSettings.DEFAULTS, data, start),
        fit(KMeansSettings.DEFAULTS, weighted, start),
        1);
  }

  @Test
  void anIntegerWeightActsLikeRepeatedRows() throws Exception {
    DataMatrix base = TestData.blobs(14, 400, 2, 4, 2.0, false);
    int[] repeats = new int[base.rows()];
    double[] weights = new double[base.rows()];
    int expandedRows = 0;
    for (int row = 0; row < base.rows(); row++) {
      repeats[row] = 1 + row % 3;
      weights[row] = repeats[row];
      expandedRows += repeats[row];
    }
    DataMatrix weighted = DataMatrix.of(base.rows(), 2, base.values(), weights);
    double[] expandedValues = new double[expandedRows * 2];
    int[] origin = new int[expandedRows];
    int next = 0;
    for (int row = 0; row < base.rows(); row++) {
      for (int r = 0; r < repeats[row]; r++) {
        origin[next] = row;
        expandedValues[2 * next] = base.value(row, 0);
        expandedValues[2 * next + 1] = base.value(row, 1);
        next++;
      }
    }
    DataMatrix expanded = DataMatrix.of(expandedRows, 2, expandedValues);
    double[] start = TestData.firstRows(base, 4);
    KMeansResult a = fit(KMeansSettings.DEFAULTS, weighted, start);
    KMeansResult b = fit(KMeansSettings.DEFAULTS, expanded, start);
    assertEquals(a.iterations(), b.iterations());
    assertClose(a.centres(), b.centres(), 1e-9);
    assertEquals(a.squaredError(), b.squaredError(), 1e-9 * a.squaredError());
    int[] la = a.labels();
    int[] lb = b.labels();
    for (int i = 0; i < expandedRows; i++) {
      assertEquals(la[origin[i]], lb[i]);
    }
  }

  // ---------------------------------------------------------------- validation and interruption

  @Test
  void rejectsDataWithoutRowsOrColumns() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            fit(KMeansSettings.DEFAULTS, DataMatrix.of(0, 2, new double[0]), new double[] {0, 0}));
    assertThrows(
        IllegalArgumentException.class,
        () -> fit(KMeansSettings.DEFAULTS, DataMatrix.of(3, 0, new double[0]), new double[] {0}));
  }

  @Test
  void rejectsCentresOfTheWrongLength() {
    DataMatrix data = DataMatrix.of(3, 2, new double[] {0, 0, 1, 1, 2, 2});
    assertThrows(
        IllegalArgumentException.class,
        () -> fit(KMeansSettings.DEFAULTS, data, new double[] {0, 0, 1}));
    assertThrows(
        IllegalArgumentException.class, () -> fit(KMeansSettings.DEFAULTS, data, new double[0]));
    assertThrows(
        IllegalArgumentException.class, () -> fit(KMeansSettings.DEFAULTS, data, new double[] {5}));
  }

  @Test
  void rejectsNonFiniteCentres() {
    DataMatrix data = DataMatrix.of(3, 1, new double[] {0, 1, 2});
    assertThrows(
        IllegalArgumentException.class,
        () -> fit(KMeansSettings.DEFAULTS, data, new double[] {0, Double.NaN}));
    assertThrows(
        IllegalArgumentException.class,
        () -> fit(KMeansSettings.DEFAULTS, data, new double[] {Double.POSITIVE_INFINITY}));
  }

  @Test
  void rejectsDataWhoseWeightsAreAllZero() {
    DataMatrix data = DataMatrix.of(3, 1, new double[] {0, 1, 2}, new double[] {0, 0, 0});
    assertThrows(
        IllegalArgumentException.class,
        () -> fit(KMeansSettings.DEFAULTS, data, new double[] {0, 2}));
  }

  @Test
  void anInterruptedCallerGetsInterruptedException() {
    DataMatrix data = TestData.blobs(1, 1000, 2, 3, 1.0, false);
    Thread.currentThread().interrupt();
    try {
      assertThrows(
          InterruptedException.class,
          () -> fit(KMeansSettings.DEFAULTS.withThreads(2), data, TestData.firstRows(data, 3)));
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void settingsAreThoseGiven() {
    KMeansSettings settings = KMeansSettings.DEFAULTS.withThreads(3);
    assertSame(settings, new KMeans(settings).settings());
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Labels are the nearest centres, the error matches, weights add up and centres are the means.
   */
  private static void assertFinalStateConsistent(DataMatrix data, KMeansResult r) {
    assertFinalStateLabelsAndErrorMatchCentres(data, r);
    int columns = data.columns();
    int k = r.k();
    double[] sums = new double[k * columns];
    double[] weights = new double[k];
    int[] labels = r.labels();
    for (int row = 0; row < data.rows(); row++) {
      double w = data.weight(row);
      weights[labels[row]] += w;
      for (int j = 0; j < columns; j++) {
        sums[labels[row] * columns + j] += w * data.value(row, j);
      }
    }
    double[] centres = r.centres();
    for (int c = 0; c < k; c++) {
      if (weights[c] > 0) {
        for (int j = 0; j < columns; j++) {
          double mean = sums[c * columns + j] / weights[c];
          assertEquals(mean, centres[c * columns + j], 1e-9 * Math.max(1, Math.abs(mean)));
        }
      }
    }
  }

  private static void assertFinalStateLabelsAndErrorMatchCentres(DataMatrix data, KMeansResult r) {
    double[] centres = r.centres();
    int[] labels = r.labels();
    assertArrayEquals(TestData.nearestLabels(data, centres), labels, "labels = nearest centres");
    double expected = TestData.squaredError(data, centres, labels);
    assertEquals(expected, r.squaredError(), 1e-9 * expected);
    double[] weights = new double[r.k()];
    for (int row = 0; row < data.rows(); row++) {
      weights[labels[row]] += data.weight(row);
    }
    assertClose(weights, r.clusterWeights(), 1e-9);
  }

  private static void assertClose(double[] expected, double[] actual, double relative) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      double scale = Math.max(1, Math.abs(expected[i]));
      assertEquals(expected[i], actual[i], relative * scale, "index " + i);
    }
  }

  private static void assertBitIdentical(KMeansResult expected, KMeansResult actual, int threads) {
    String who = threads + " threads";
    assertArrayEquals(bits(expected.centres()), bits(actual.centres()), who);
    assertArrayEquals(expected.labels(), actual.labels(), who);
    assertEquals(
        Double.doubleToLongBits(expected.squaredError()),
        Double.doubleToLongBits(actual.squaredError()),
        who);
    assertArrayEquals(
        bits(expected.squaredErrorHistory()), bits(actual.squaredErrorHistory()), who);
    assertArrayEquals(bits(expected.clusterWeights()), bits(actual.clusterWeights()), who);
    assertEquals(expected.iterations(), actual.iterations(), who);
    assertEquals(expected.converged(), actual.converged(), who);
    assertEquals(expected.relocations(), actual.relocations(), who);
  }

  private static long[] bits(double[] values) {
    long[] bits = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Double.doubleToLongBits(values[i]);
    }
    return bits;
  }

  /** The outcome of {@link #naiveLloyd}. */
  private static final class Naive {
    double[] centres;
    int[] labels;
    int iterations;
    double squaredError;
    boolean converged;
  }

  /**
   * Textbook weighted Lloyd on two-dimensional arrays, one row after another: assign (ties to the
   * lowest index), stop if nothing changed, else move each centre with weight to its weighted mean
   * (a centre without weight stays), and after the last allowed iteration assign once more.
   */
  private static Naive naiveLloyd(DataMatrix data, double[] start, int maxIterations) {
    int n = data.rows();
    int d = data.columns();
    int k = start.length / d;
    double[][] x = new double[n][d];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = data.weight(i);
      for (int j = 0; j < d; j++) {
        x[i][j] = data.value(i, j);
      }
    }
    double[][] c = new double[k][d];
    for (int a = 0; a < k; a++) {
      for (int j = 0; j < d; j++) {
        c[a][j] = start[a * d + j];
      }
    }
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    Naive out = new Naive();
    while (true) {
      int changed = naiveAssign(x, c, labels);
      out.iterations++;
      if (changed == 0) {
        out.converged = true;
        break;
      }
      double[][] sums = new double[k][d];
      double[] weights = new double[k];
      for (int i = 0; i < n; i++) {
        weights[labels[i]] += w[i];
        for (int j = 0; j < d; j++) {
          sums[labels[i]][j] += w[i] * x[i][j];
        }
      }
      for (int a = 0; a < k; a++) {
        if (weights[a] > 0) {
          for (int j = 0; j < d; j++) {
            c[a][j] = sums[a][j] / weights[a];
          }
        }
      }
      if (out.iterations >= maxIterations) {
        naiveAssign(x, c, labels);
        out.converged = false;
        break;
      }
    }
    out.labels = labels;
    out.centres = new double[k * d];
    double sse = 0;
    for (int a = 0; a < k; a++) {
      System.arraycopy(c[a], 0, out.centres, a * d, d);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double diff = x[i][j] - c[labels[i]][j];
        sse += w[i] * diff * diff;
      }
    }
    out.squaredError = sse;
    return out;
  }

  private static int naiveAssign(double[][] x, double[][] c, int[] labels) {
    int changed = 0;
    for (int i = 0; i < x.length; i++) {
      int best = -1;
      double bestDistance = 0;
      for (int a = 0; a < c.length; a++) {
        double dist = 0;
        for (int j = 0; j < x[i].length; j++) {
          double diff = x[i][j] - c[a][j];
          dist += diff * diff;
        }
        if (best < 0 || dist < bestDistance) {
          best = a;
          bestDistance = dist;
        }
      }
      if (labels[i] != best) {
        labels[i] = best;
        changed++;
      }
    }
    return changed;
  }
}
