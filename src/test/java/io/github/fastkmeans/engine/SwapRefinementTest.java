package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link SwapRefinement}: it only lowers the error, ends converged and is reproducible.
 */
class SwapRefinementTest {

  private static final KMeans KMEANS = new KMeans(KMeansSettings.DEFAULTS.withTraceErrors(true));

  /**
   * {@code k} distinct rows of {@code data} drawn uniformly: a start that often misses clusters.
   */
  private static double[] randomRows(DataMatrix data, int k, long seed) {
    Random random = new Random(seed);
    int[] rows = random.ints(0, data.rows()).distinct().limit(k).toArray();
    double[] centres = new double[k * data.columns()];
    for (int c = 0; c < k; c++) {
      System.arraycopy(data.row(rows[c]), 0, centres, c * data.columns(), data.columns());
    }
    return centres;
  }

  /**
   * Three tight groups of 50 weighted rows around (0, 0), (10, 0) and (100, 0), and a converged fit
   * from centres at (5, 0) and on both sides of (100, 0): one centre serves the first two groups,
   * two share the third, and no k-means step can change that.
   */
  private static DataMatrix threeGroups() {
    double[] means = {0, 0, 10, 0, 100, 0};
    double[] values = new double[150 * 2];
    double[] weights = new double[150];
    Random random = new Random(5);
    for (int row = 0; row < 150; row++) {
      int group = row % 3;
      values[2 * row] = means[2 * group] + random.nextGaussian() * 0.5;
      values[2 * row + 1] = means[2 * group + 1] + random.nextGaussian() * 0.5;
      weights[row] = 0.5 + random.nextDouble();
    }
    return DataMatrix.of(150, 2, values, weights);
  }

  private static final double[] STUCK_START = {5, 0, 99, 0, 101, 0};

  @Test
  void aFitWithTwoGroupsUnderOneCentreIsStuckForKMeansAndFixedBySwaps() throws Exception {
    DataMatrix data = threeGroups();
    KMeansResult stuck = KMEANS.fit(data, STUCK_START);
    assertTrue(stuck.converged());
    // The premise: k-means keeps one centre between the first two groups.
    assertEquals(5, stuck.centres()[0], 0.5);

    KMeansResult refined = new SwapRefinement(KMEANS, 10).refine(data, stuck, 1);

    assertTrue(refined.swapsKept() >= 1, "swaps kept: " + refined.swapsKept());
    double[] centres = refined.centres();
    double[][] truth = {{0, 0}, {10, 0}, {100, 0}};
    boolean[] found = new boolean[3];
    for (int c = 0; c < 3; c++) {
      int nearest =
          SquaredEuclidean.nearest(centres, c * 2, new double[] {0, 0, 10, 0, 100, 0}, 3, 2);
      found[nearest] = true;
      assertEquals(truth[nearest][0], centres[2 * c], 0.5);
      assertEquals(truth[nearest][1], centres[2 * c + 1], 0.5);
    }
    assertArrayEquals(new boolean[] {true, true, true}, found);
    assertTrue(refined.squaredError() < stuck.squaredError() / 10);
  }

  @Test
  void theErrorNeverRisesAlongTheKeptFits() throws Exception {
    DataMatrix data = TestData.blobs(3, 4000, 2, 25, 0.3, true);
    int checked = 0;
    for (long seed = 1; seed <= 5; seed++) {
      KMeansResult start = KMEANS.fit(data, randomRows(data, 25, seed));
      KMeansResult refined = new SwapRefinement(KMEANS, 100).refine(data, start, seed);

      assertTrue(refined.squaredError() <= start.squaredError());
      double[] history = refined.squaredErrorHistory();
      assertEquals(refined.iterations(), history.length);
      for (int i = 1; i < history.length; i++) {
        assertTrue(
            history[i] <= history[i - 1] * (1 + 1e-12),
            "seed " + seed + ", pass " + i + ": " + history[i - 1] + " -> " + history[i]);
      }
      assertEquals(refined.squaredError(), history[history.length - 1], 1e-9 * history[0]);
      assertArrayEquals(start.initialCentres(), refined.initialCentres());
      assertTrue(refined.swapsKept() <= refined.swapTrials());
      checked += refined.swapsKept();
    }
    assertTrue(checked > 0, "random starts on 25 groups leave something to swap");
  }

  @Test
  void theResultIsAKMeansFixedPoint() throws Exception {
    DataMatrix data = TestData.blobs(8, 3000, 3, 12, 0.6, true);
    KMeansResult start = KMEANS.fit(data, randomRows(data, 12, 2));
    KMeansResult refined = new SwapRefinement(KMEANS, 100).refine(data, start, 2);
    assertTrue(refined.swapsKept() > 0);
    assertTrue(refined.converged());

    KMeansResult again = KMEANS.fit(data, refined.centres());

    // The first pass labels every row (a change from no label); the means it gives are the centres
    // themselves, so the second pass changes nothing.
    assertEquals(2, again.iterations());
    assertEquals(again.squaredErrorHistory()[0], again.squaredErrorHistory()[1], 0);
    assertArrayEquals(refined.centres(), again.centres(), 0);
    assertArrayEquals(refined.labels(), again.labels());
    assertEquals(refined.squaredError(), again.squaredError(), 0);
    assertArrayEquals(TestData.nearestLabels(data, refined.centres()), refined.labels());
  }

  @Test
  void theSameSeedGivesTheSameBitsOnAnyNumberOfThreads() throws Exception {
    // Enough rows (40 chunks) for the refinement to use three threads when given them, and five
    // parts of cluster members, which clusters straddle.
    DataMatrix data = TestData.blobs(4, 20000, 2, 30, 0.4, true);
    KMeansResult start = KMEANS.fit(data, randomRows(data, 30, 9));
    KMeansResult reference = null;
    for (int threads : new int[] {1, 2, 3, 1, 2}) {
      KMeans kmeans = new KMeans(KMeansSettings.DEFAULTS.withThreads(threads));
      KMeansResult refined = new SwapRefinement(kmeans, 100).refine(data, start, 77);
      if (reference == null) {
        reference = refined;
        assertTrue(reference.swapsKept() > 0);
        continue;
      }
      assertArrayEquals(reference.centres(), refined.centres(), 0, "threads " + threads);
      assertArrayEquals(reference.labels(), refined.labels());
      assertEquals(reference.squaredError(), refined.squaredError(), 0);
      assertArrayEquals(reference.squaredErrorHistory(), refined.squaredErrorHistory(), 0);
      assertEquals(reference.swapTrials(), refined.swapTrials());
      assertEquals(reference.swapsKept(), refined.swapsKept());
    }
  }

  @Test
  void candidatesArePlacedAndEvaluatedAsDefinedOnAnyNumberOfThreads() throws Exception {
    // 20,000 rows: five parts of cluster members, which clusters straddle.
    DataMatrix data = TestData.blobs(6, 20000, 3, 12, 0.6, true);
    KMeansResult fit = KMEANS.fit(data, randomRows(data, 12, 4));
    int k = fit.k();
    int columns = data.columns();
    int count = SwapRefinement.candidates(k);
    double[] drawn = new double[count * columns];
    Random random = new Random(11);
    for (int t = 0; t < count; t++) {
      System.arraycopy(data.row(random.nextInt(data.rows())), 0, drawn, t * columns, columns);
    }
    SwapRefinement refinement = new SwapRefinement(KMEANS, 10);
    SwapRefinement.Evaluation one = refinement.evaluate(data, fit, drawn, 1);
    for (int threads : new int[] {2, 3}) {
      SwapRefinement.Evaluation other = refinement.evaluate(data, fit, drawn, threads);
      assertArrayEquals(one.positions, other.positions, 0, threads + " threads");
      assertArrayEquals(one.gain, other.gain, 0, threads + " threads");
      assertArrayEquals(one.loss, other.loss, 0, threads + " threads");
    }
    double[] centres = fit.centres();
    double error = TestData.squaredError(data, centres, TestData.nearestLabels(data, centres));
    for (int t = 0; t < count; t++) {
      // Placed at the weighted mean of the rows nearer to the drawn row than to their centre.
      double[] sums = new double[columns + 1];
      for (int row = 0; row < data.rows(); row++) {
        double[] values = data.row(row);
        double toCandidate = SquaredEuclidean.distance(values, 0, drawn, t * columns, columns);
        int nearest = SquaredEuclidean.nearest(values, 0, centres, k, columns);
        if (toCandidate
            < SquaredEuclidean.distance(values, 0, centres, nearest * columns, columns)) {
          for (int j = 0; j < columns; j++) {
            sums[j] += data.weight(row) * values[j];
          }
          sums[columns] += data.weight(row);
        }
      }
      assertTrue(sums[columns] > 0, "candidate " + t + " takes rows");
      for (int j = 0; j < columns; j++) {
        assertEquals(sums[j] / sums[columns], one.positions[t * columns + j], 1e-9);
      }
      // Gain and loss: the change of error with centre c at the candidate, every row at its
      // nearest centre.
      for (int c = 0; c < k; c++) {
        double[] swapped = centres.clone();
        System.arraycopy(one.positions, t * columns, swapped, c * columns, columns);
        double changed =
            TestData.squaredError(data, swapped, TestData.nearestLabels(data, swapped)) - error;
        assertEquals(changed, one.gain[t] + one.loss[t * k + c], 1e-9 * error, t + ", " + c);
      }
    }
  }

  @Test
  void everyAlgorithmRefinesToTheSameBits() throws Exception {
    DataMatrix data = TestData.blobs(6, 3000, 4, 20, 0.5, false);
    KMeansResult start = KMEANS.fit(data, randomRows(data, 20, 3));
    double[] reference = null;
    for (Algorithm algorithm : Algorithm.values()) {
      KMeans kmeans = new KMeans(KMeansSettings.DEFAULTS.withAlgorithm(algorithm));
      double[] centres = new SwapRefinement(kmeans, 100).refine(data, start, 5).centres();
      if (reference == null) {
        reference = centres;
      }
      assertArrayEquals(reference, centres, 0, algorithm.id());
    }
  }

  @Test
  void aBudgetOfNoTrialsLeavesTheFitAsItIs() throws Exception {
    DataMatrix data = threeGroups();
    KMeansResult stuck = KMEANS.fit(data, STUCK_START);

    KMeansResult same = new SwapRefinement(KMEANS, 0).refine(data, stuck, 1);

    assertSame(stuck, same);
    assertEquals(0, same.swapTrials());
    assertEquals(0, same.swapsKept());
  }

  @Test
  void theBudgetBoundsTheTrials() throws Exception {
    DataMatrix data = TestData.blobs(3, 4000, 2, 25, 0.3, true);
    KMeansResult start = KMEANS.fit(data, randomRows(data, 25, 1));
    for (int budget : new int[] {1, 2, 5}) {
      KMeansResult refined = new SwapRefinement(KMEANS, budget).refine(data, start, 1);
      assertTrue(refined.swapTrials() <= budget, refined.swapTrials() + " trials");
    }
  }

  @Test
  void oneCentreHasNothingToSwap() throws Exception {
    DataMatrix data = TestData.blobs(1, 200, 2, 3, 1, false);
    KMeansResult one = KMEANS.fit(data, data.row(0));
    assertSame(one, new SwapRefinement(KMEANS, 10).refine(data, one, 1));
  }

  @Test
  void rowsAllOnTheirCentresEndTheSearch() throws Exception {
    // Three distinct values, three centres: every row sits on its centre, nothing can be drawn.
    double[] values = {0, 0, 1, 1, 2, 2, 0, 1, 2};
    DataMatrix data = DataMatrix.of(9, 1, values);
    KMeansResult exact = KMEANS.fit(data, new double[] {0, 1, 2});
    KMeansResult refined = new SwapRefinement(KMEANS, 10).refine(data, exact, 1);
    assertEquals(0, refined.squaredError(), 0);
    assertEquals(0, refined.swapsKept());
    assertEquals(1, refined.swapTrials());
  }

  @Test
  void zeroWeightRowsAreNeverCandidates() throws Exception {
    DataMatrix groups = threeGroups();
    // A far row of weight 0 must not attract a centre.
    double[] values = Arrays.copyOf(groups.values(), groups.values().length + 2);
    values[values.length - 2] = 1000;
    double[] weights = new double[groups.rows() + 1];
    for (int row = 0; row < groups.rows(); row++) {
      weights[row] = groups.weight(row);
    }
    DataMatrix data = DataMatrix.of(groups.rows() + 1, 2, values, weights);
    KMeansResult stuck = KMEANS.fit(data, STUCK_START);
    KMeansResult refined = new SwapRefinement(KMEANS, 20).refine(data, stuck, 3);
    for (double coordinate : refined.centres()) {
      assertTrue(coordinate < 200, Arrays.toString(refined.centres()));
    }
  }

  @Test
  void anInterruptedRefinementStops() throws Exception {
    DataMatrix data = threeGroups();
    KMeansResult stuck = KMEANS.fit(data, STUCK_START);
    Thread.currentThread().interrupt();
    try {
      assertThrows(
          InterruptedException.class, () -> new SwapRefinement(KMEANS, 10).refine(data, stuck, 1));
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aNegativeBudgetIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SwapRefinement(KMEANS, -1));
  }

  @Test
  void candidatesAndPatienceGrowWithK() {
    assertEquals(2, SwapRefinement.candidates(2));
    assertEquals(4, SwapRefinement.candidates(15));
    assertEquals(6, SwapRefinement.candidates(100));
    assertEquals(3, SwapRefinement.patience(2));
    assertEquals(4, SwapRefinement.patience(15));
    assertEquals(17, SwapRefinement.patience(100));
  }
}
