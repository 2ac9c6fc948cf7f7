package io.github.fastkmeans.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.engine.WeightedDraw;
import io.github.fastkmeans.parallel.RowChunks;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link KMeansPlusPlus} beyond the contract every initializer keeps ({@link
 * InitializerContractTest}): how many candidates it tries and which one it keeps.
 */
class KMeansPlusPlusTest {

  @Test
  void trialsAreTwoPlusTheFloorOfTheNaturalLogOfK() {
    // ln k crosses 1, 2, 3, 4, 5 between k = 2|3, 7|8, 20|21, 54|55, 148|149.
    int[][] expected = {
      {1, 2}, {2, 2}, {3, 3}, {7, 3}, {8, 4}, {20, 4}, {21, 5}, {54, 5}, {55, 6}, {148, 6},
      {149, 7}, {403, 7}, {404, 8}, {1096, 8}, {1097, 9}
    };
    for (int[] pair : expected) {
      assertEquals(pair[1], KMeansPlusPlus.trials(pair[0]), "k = " + pair[0]);
    }
    for (int k = 1; k <= 3000; k++) {
      int floorLn = 0;
      while (Math.exp(floorLn + 1) <= k) {
        floorLn++;
      }
      assertEquals(2 + floorLn, KMeansPlusPlus.trials(k), "k = " + k);
    }
  }

  @Test
  void theCentresAreTheSameOnAnyNumberOfThreads() throws InterruptedException {
    // 20,000 rows in 5 columns: 40 chunks, enough for every thread count below to be used.
    Random rows = new Random(5);
    double[] values = new double[20_000 * 5];
    for (int i = 0; i < values.length; i++) {
      values[i] = rows.nextGaussian() + 10 * (i / 5 % 7);
    }
    DataMatrix data = DataMatrix.of(20_000, 5, values);
    double[] one = new KMeansPlusPlus(1).initialCentres(data, 30, new Random(9));
    for (int threads : new int[] {2, 3, 8}) {
      assertArrayEquals(
          one,
          new KMeansPlusPlus(threads).initialCentres(data, 30, new Random(9)),
          0,
          threads + " threads");
    }
    assertThrows(IllegalArgumentException.class, () -> new KMeansPlusPlus(0));
  }

  @Test
  void keepsTheCandidateThatLeavesTheLowestPotential() throws InterruptedException {
    // Rows 0, 1, 10, 11 with unit weights; k = 2 tries trials(2) = 2 candidates.
    DataMatrix data = InitTestSupport.data(1, 0, 1, 10, 11);
    // First centre: 0.1 * 4 = 0.4 falls in row 0 (x = 0). D^2 = 0, 1, 100, 121; running totals
    // 0, 1, 101, 222. Candidate 1: 0.004 * 222 = 0.888 -> row 1 (x = 1), potential 81 + 100 = 181.
    // Candidate 2: 0.5 * 222 = 111 -> row 3 (x = 11), potential 1 + 1 = 2, which must win.
    ScriptedRandom first = new ScriptedRandom().withDoubles(0.1, 0.004, 0.5);
    assertArrayEquals(new double[] {0, 11}, new KMeansPlusPlus().initialCentres(data, 2, first), 0);
    assertTrue(first.exhausted(), "one draw for the first centre and one per trial");
    ScriptedRandom reversed = new ScriptedRandom().withDoubles(0.1, 0.5, 0.004);
    assertArrayEquals(
        new double[] {0, 11}, new KMeansPlusPlus().initialCentres(data, 2, reversed), 0);
  }

  /**
   * Greedy k-means++ as its definition reads: one trial at a time, each a pass over the rows, on
   * one thread; the initializer measures several trials per pass and must choose the same centres.
   */
  private static double[] oneTrialAtATime(DataMatrix data, int k, Random random) {
    int rows = data.rows();
    int columns = data.columns();
    double[] values = data.values();
    double[] centres = new double[k * columns];
    int firstRow = WeightedDraw.rowByWeight(data, random);
    System.arraycopy(values, firstRow * columns, centres, 0, columns);
    double[] nearest = new double[rows];
    for (int row = 0; row < rows; row++) {
      nearest[row] = SquaredEuclidean.distance(values, row * columns, centres, 0, columns);
    }
    for (int c = 1; c < k; c++) {
      int bestRow = -1;
      double bestPotential = Double.POSITIVE_INFINITY;
      double[] best = null;
      for (int t = 0; t < KMeansPlusPlus.trials(k); t++) {
        int candidate = drawByChunks(data, nearest, random);
        double[] closest = new double[rows];
        for (int row = 0; row < rows; row++) {
          closest[row] =
              Math.min(
                  nearest[row],
                  SquaredEuclidean.distance(
                      values, row * columns, values, candidate * columns, columns));
        }
        double candidatePotential = potential(data, closest);
        if (bestRow < 0 || candidatePotential < bestPotential) {
          bestRow = candidate;
          bestPotential = candidatePotential;
          best = closest;
        }
      }
      System.arraycopy(values, bestRow * columns, centres, c * columns, columns);
      nearest = best;
    }
    return centres;
  }

  /** The sums of weight times distance over each chunk of {@link RowChunks#CHUNK_ROWS} rows. */
  private static double[] chunkSums(DataMatrix data, double[] distances) {
    double[] sums = new double[new RowChunks(data.rows()).count()];
    for (int row = 0; row < data.rows(); row++) {
      sums[row / RowChunks.CHUNK_ROWS] += data.weight(row) * distances[row];
    }
    return sums;
  }

  /** The potential: the chunks' sums added in chunk order. */
  private static double potential(DataMatrix data, double[] distances) {
    double potential = 0;
    for (double sum : chunkSums(data, distances)) {
      potential += sum;
    }
    return potential;
  }

  /**
   * D² sampling by chunks: a uniform target below the potential picks the first chunk whose running
   * total exceeds it, then the first row of that chunk whose running total, continued from the
   * chunks before it, does.
   */
  private static int drawByChunks(DataMatrix data, double[] distances, Random random) {
    double[] sums = chunkSums(data, distances);
    double target = random.nextDouble() * potential(data, distances);
    double before = 0;
    int chunk = 0;
    while (before + sums[chunk] <= target) {
      before += sums[chunk];
      chunk++;
    }
    double running = before;
    for (int row = chunk * RowChunks.CHUNK_ROWS; ; row++) {
      double share = data.weight(row) * distances[row];
      running += share;
      if (share > 0 && running > target) {
        return row;
      }
    }
  }

  @Test
  void severalTrialsPerPassChooseTheCentresOfOneTrialAtATime() throws InterruptedException {
    Random rows = new Random(8);
    int n = 6_000;
    double[] values = new double[n * 3];
    double[] weights = new double[n];
    for (int row = 0; row < n; row++) {
      weights[row] = 0.5 + rows.nextInt(3);
      for (int j = 0; j < 3; j++) {
        values[row * 3 + j] = rows.nextGaussian() + 6 * ((row + j) % 5);
      }
    }
    DataMatrix data = DataMatrix.of(n, 3, values, weights);
    // k = 40: 2 + ln 40 = 5 trials per centre, more than one pass's worth.
    assertTrue(KMeansPlusPlus.trials(40) > KMeansPlusPlus.CANDIDATES_PER_PASS);
    double[] expected = oneTrialAtATime(data, 40, new Random(21));
    for (int threads : new int[] {1, 3}) {
      assertArrayEquals(
          expected,
          new KMeansPlusPlus(threads).initialCentres(data, 40, new Random(21)),
          0,
          threads + " threads");
    }
  }

  @Test
  void distancesLeftUnmeasuredByTheTriangleTestChangeNoCentre() throws InterruptedException {
    // Repeated rows sit on centres.
    DataMatrix data = InitTestSupport.tightGroupsWithRepeats(31);
    for (int k : new int[] {5, 30, 120}) {
      double[] expected = oneTrialAtATime(data, k, new Random(k));
      for (int threads : new int[] {1, 2}) {
        assertArrayEquals(
            expected,
            new KMeansPlusPlus(threads).initialCentres(data, k, new Random(k)),
            0,
            "k = " + k + ", " + threads + " threads");
      }
    }
  }
}
