package io.github.fastkmeans.engine;

import static io.github.fastkmeans.engine.SameFit.assertSameFit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link BlockedHamerlyAssigner}: Hamerly's bounds with the rows whose bounds fail swept
 * in blocks give Lloyd's fit, prune, and take the exact sweep where the estimates bound nothing.
 */
class BlockedHamerlyAssignerTest {

  private static KMeansResult fit(DataMatrix data, double[] start, Algorithm algorithm, int threads)
      throws Exception {
    return new KMeans(
            KMeansSettings.DEFAULTS
                .withAlgorithm(algorithm)
                .withThreads(threads)
                .withEmptyClusterPolicy(EmptyClusterPolicy.KEEP))
        .fit(data, start);
  }

  @Test
  void manyCentresSweepTheFailingRowsInBlocksAndPrune() throws Exception {
    DataMatrix data = TestData.blobs(31, 8000, 8, 64, 0.5, false);
    double[] start = TestData.distinctRows(data, 64, 1);
    KMeansResult lloyd = fit(data, start, Algorithm.LLOYD, 1);
    for (int threads : new int[] {1, 2, 3}) {
      KMeansResult hamerly = fit(data, start, Algorithm.HAMERLY, threads);
      String what = threads + " threads";
      assertSameFit(lloyd, hamerly, what);
      assertFalse(hamerly.kernel().contains("one row at a time"), what + ": " + hamerly.kernel());
      assertTrue(hamerly.distanceRatio() < 0.8, what + ": " + hamerly.distanceRatio());
    }
  }

  @Test
  void fewCentresKeepTheRowByRowScan() throws Exception {
    DataMatrix data = TestData.blobs(32, 3000, 8, 8, 0.5, false);
    KMeansResult hamerly = fit(data, TestData.distinctRows(data, 8, 2), Algorithm.HAMERLY, 1);
    assertTrue(hamerly.kernel().contains("one row at a time"), hamerly.kernel());
  }

  @Test
  void rowsTooFarForTheEstimatesAreSweptExactly() throws Exception {
    // Blobs near the origin and a few rows 2^60 spreads away: no estimate bounds those rows, whose
    // nearest centres and bounds come from exact distances.
    DataMatrix near = TestData.blobs(33, 3000, 6, 40, 0.3, false);
    int columns = near.columns();
    double[] values = Arrays.copyOf(near.values(), (near.rows() + 12) * columns);
    Random random = new Random(3);
    for (int i = near.rows() * columns; i < values.length; i++) {
      values[i] = 1e20 + random.nextInt(5) * 1e6;
    }
    DataMatrix data = DataMatrix.of(near.rows() + 12, columns, values);
    double[] start = TestData.distinctRows(near, 40, 3);
    KMeansResult lloyd = fit(data, start, Algorithm.LLOYD, 1);
    for (int threads : new int[] {1, 2}) {
      assertSameFit(lloyd, fit(data, start, Algorithm.HAMERLY, threads), threads + " threads");
    }
  }

  @Test
  void startCentresThatCoincideGiveLloydsFit() throws Exception {
    // Two copies of each of 20 centres: every row ties between a pair in the first pass, and the
    // copies left behind then stay near the rows their twins moved away from.
    DataMatrix data = TestData.blobs(34, 4000, 5, 20, 1.0, true);
    double[] distinct = TestData.distinctRows(data, 20, 4);
    double[] start = Arrays.copyOf(distinct, 40 * data.columns());
    System.arraycopy(distinct, 0, start, distinct.length, distinct.length);
    KMeansResult lloyd = fit(data, start, Algorithm.LLOYD, 1);
    for (int threads : new int[] {1, 2}) {
      KMeansResult hamerly = fit(data, start, Algorithm.HAMERLY, threads);
      assertSameFit(lloyd, hamerly, threads + " threads");
      assertEquals(lloyd.squaredError(), hamerly.squaredError(), 0);
    }
  }
}
