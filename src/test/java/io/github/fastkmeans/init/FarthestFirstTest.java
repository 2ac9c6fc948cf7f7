package io.github.fastkmeans.init;

import static io.github.fastkmeans.init.InitTestSupport.assertCentresAreWeightedRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.engine.TestData;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link FarthestFirst} beyond the contract every initializer keeps ({@link
 * InitializerContractTest}): after the first, each centre is the weighted row farthest from the
 * centres so far.
 */
class FarthestFirstTest {

  @Test
  void theCentresAreTheSameOnAnyNumberOfThreads() throws InterruptedException {
    // 20,000 rows in 4 columns: 40 chunks, enough for every thread count below to be used.
    Random rows = new Random(6);
    double[] values = new double[20_000 * 4];
    for (int i = 0; i < values.length; i++) {
      values[i] = rows.nextGaussian() + 5 * (i / 4 % 11);
    }
    DataMatrix data = DataMatrix.of(20_000, 4, values);
    double[] one = new FarthestFirst(1).initialCentres(data, 25, new Random(3));
    for (int threads : new int[] {2, 3, 8}) {
      assertArrayEquals(
          one,
          new FarthestFirst(threads).initialCentres(data, 25, new Random(3)),
          0,
          threads + " threads");
    }
    assertThrows(IllegalArgumentException.class, () -> new FarthestFirst(0));
  }

  @Test
  void secondCentreIsTheRowFarthestFromTheFirst() throws InterruptedException {
    DataMatrix data = TestData.blobs(13, 300, 3, 4, 2.0, true);
    for (long seed = 0; seed < 20; seed++) {
      double[] centres = new FarthestFirst().initialCentres(data, 2, new Random(seed));
      int expected = -1;
      double farthest = -1;
      for (int row = 0; row < data.rows(); row++) {
        double d = squaredDistanceToCentre(data, row, centres, 0);
        if (d > farthest) {
          farthest = d;
          expected = row;
        }
      }
      assertArrayEquals(data.row(expected), java.util.Arrays.copyOfRange(centres, 3, 6), 0);
    }
  }

  @Test
  void everyFurtherCentreIsTheWeightedRowFarthestFromItsNearestEarlierCentre()
      throws InterruptedException {
    DataMatrix base = TestData.blobs(14, 400, 2, 6, 3.0, false);
    double[] weights = new double[base.rows()];
    for (int row = 0; row < weights.length; row++) {
      weights[row] = row % 7 == 0 ? 0 : 1 + row % 3;
    }
    DataMatrix data = DataMatrix.of(base.rows(), 2, base.values(), weights);
    int k = 8;
    for (long seed = 0; seed < 10; seed++) {
      double[] centres = new FarthestFirst().initialCentres(data, k, new Random(seed));
      assertCentresAreWeightedRows(data, k, centres);
      for (int c = 1; c < k; c++) {
        int expected = -1;
        double farthest = -1;
        for (int row = 0; row < data.rows(); row++) {
          if (data.weight(row) == 0) {
            continue;
          }
          double nearest = Double.POSITIVE_INFINITY;
          for (int earlier = 0; earlier < c; earlier++) {
            nearest = Math.min(nearest, squaredDistanceToCentre(data, row, centres, earlier));
          }
          if (nearest > farthest) {
            farthest = nearest;
            expected = row;
          }
        }
        assertArrayEquals(
            data.row(expected),
            java.util.Arrays.copyOfRange(centres, 2 * c, 2 * c + 2),
            0,
            "seed " + seed + ", centre " + c);
      }
    }
  }

  @Test
  void tiesGoToTheLowestRow() throws InterruptedException {
    // The first centre is the first weighted row (scripted); rows 1 and 2 are equally far from it.
    DataMatrix data = InitTestSupport.data(1, 0, 5, -5);
    ScriptedRandom random = new ScriptedRandom().withInts(0);
    assertArrayEquals(
        new double[] {0, 5, -5}, new FarthestFirst().initialCentres(data, 3, random), 0);
  }

  @Test
  void theScriptedIndexCountsOnlyWeightedRows() throws InterruptedException {
    DataMatrix data = DataMatrix.of(4, 1, new double[] {10, 20, 30, 40}, new double[] {0, 1, 0, 1});
    // index 1 among the weighted rows (1 and 3) is row 3
    ScriptedRandom random = new ScriptedRandom().withInts(1);
    assertArrayEquals(
        new double[] {40, 20}, new FarthestFirst().initialCentres(data, 2, random), 0);
  }

  @Test
  void distancesLeftUnmeasuredByTheTriangleTestChangeNoCentre() throws InterruptedException {
    DataMatrix data = InitTestSupport.tightGroupsWithRepeats(32);
    for (int k : new int[] {5, 30, 120}) {
      double[] expected = everyDistanceMeasured(data, k, new Random(k));
      for (int threads : new int[] {1, 2}) {
        assertArrayEquals(
            expected,
            new FarthestFirst(threads).initialCentres(data, k, new Random(k)),
            0,
            "k = " + k + ", " + threads + " threads");
      }
    }
  }

  /** Farthest-first as its definition reads, every distance measured; every weight positive. */
  private static double[] everyDistanceMeasured(DataMatrix data, int k, Random random) {
    int columns = data.columns();
    double[] centres = new double[k * columns];
    System.arraycopy(data.values(), random.nextInt(data.rows()) * columns, centres, 0, columns);
    double[] nearest = new double[data.rows()];
    java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    for (int c = 0; c < k; c++) {
      if (c > 0) {
        int farthest = 0;
        for (int row = 1; row < data.rows(); row++) {
          if (nearest[row] > nearest[farthest]) {
            farthest = row;
          }
        }
        System.arraycopy(data.values(), farthest * columns, centres, c * columns, columns);
      }
      for (int row = 0; row < data.rows(); row++) {
        nearest[row] =
            Math.min(
                nearest[row],
                SquaredEuclidean.distance(
                    data.values(), row * columns, centres, c * columns, columns));
      }
    }
    return centres;
  }

  private static double squaredDistanceToCentre(
      DataMatrix data, int row, double[] centres, int centre) {
    int columns = data.columns();
    double sum = 0;
    for (int j = 0; j < columns; j++) {
      double diff = data.value(row, j) - centres[centre * columns + j];
      sum += diff * diff;
    }
    return sum;
  }
}
