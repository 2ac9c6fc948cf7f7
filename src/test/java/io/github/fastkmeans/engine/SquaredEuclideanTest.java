package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tests of {@link SquaredEuclidean}: distances with offsets and the lowest-index tie rule. */
class SquaredEuclideanTest {

  @Test
  void distanceIsSumOfSquaredDifferences() {
    double[] a = {1, 2, 3};
    double[] b = {4, 6, 3};
    assertEquals(9 + 16 + 0, SquaredEuclidean.distance(a, 0, b, 0, 3));
  }

  @Test
  void distanceHonoursOffsetsAndLength() {
    double[] a = {100, 100, 1, 2, 100};
    double[] b = {-1, -1, -1, 0, 0};
    // a[2..4) = (1, 2), b[3..5) = (0, 0)
    assertEquals(5, SquaredEuclidean.distance(a, 2, b, 3, 2));
    assertEquals(0, SquaredEuclidean.distance(a, 0, b, 0, 0));
  }

  @Test
  void nearestFindsTheClosestCentre() {
    double[] centres = {0, 0, 10, 10, 5, 5};
    double[] point = {9, 0, 6, 7};
    // the point (6, 7) starts at offset 2
    assertEquals(2, SquaredEuclidean.nearest(point, 2, centres, 3, 2));
    assertEquals(0, SquaredEuclidean.nearest(new double[] {1, -1}, 0, centres, 3, 2));
  }

  @Test
  void nearestBreaksTiesTowardsTheLowestIndex() {
    double[] centres = {5, 0, -1, 0, 1, 0, -1, 0};
    // (0, 0) is at distance 1 from centres 1, 2 and 3
    assertEquals(1, SquaredEuclidean.nearest(new double[] {0, 0}, 0, centres, 4, 2));
    // identical centres: the first wins
    assertEquals(0, SquaredEuclidean.nearest(new double[] {3}, 0, new double[] {2, 2, 2}, 3, 1));
  }

  @Test
  void nearestConsidersOnlyTheFirstKCentres() {
    double[] centres = {0, 10, 20};
    assertEquals(0, SquaredEuclidean.nearest(new double[] {20}, 0, centres, 1, 1));
    assertEquals(1, SquaredEuclidean.nearest(new double[] {20}, 0, centres, 2, 1));
    assertEquals(2, SquaredEuclidean.nearest(new double[] {20}, 0, centres, 3, 1));
  }

  @Test
  void nearestAgreesWithBruteForceOnRandomPoints() {
    Random random = new Random(3);
    int k = 6;
    int columns = 3;
    double[] centres = new double[k * columns];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = random.nextGaussian();
    }
    for (int trial = 0; trial < 500; trial++) {
      double[] point = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      int expected = 0;
      double best = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) {
        double d = 0;
        for (int j = 0; j < columns; j++) {
          d += Math.pow(point[j] - centres[c * columns + j], 2);
        }
        if (d < best) {
          best = d;
          expected = c;
        }
      }
      assertEquals(expected, SquaredEuclidean.nearest(point, 0, centres, k, columns));
    }
  }
}
