package io.github.fastkmeans.coreset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.SquaredEuclidean;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MicroClusterReductionTest {

  /**
   * {@code blobs} Gaussian blobs of deviation 1, centres 20 apart on a line, weights in [0.5, 2).
   */
  private static WeightedPoints blobs(int count, int columns, int blobs, long seed) {
    Random random = new Random(seed);
    double[] values = new double[count * columns];
    double[] weights = new double[count];
    for (int i = 0; i < count; i++) {
      int blob = random.nextInt(blobs);
      for (int j = 0; j < columns; j++) {
        values[i * columns + j] = (j == 0 ? 20.0 * blob : 0) + random.nextGaussian();
      }
      weights[i] = 0.5 + 1.5 * random.nextDouble();
    }
    return new WeightedPoints(columns, values, weights, count);
  }

  private static double[] weightAndMean(WeightedPoints points) {
    int columns = points.columns();
    double[] sums = new double[columns + 1];
    for (int i = 0; i < points.count(); i++) {
      double weight = points.weights()[i];
      sums[0] += weight;
      for (int j = 0; j < columns; j++) {
        sums[j + 1] += weight * points.values()[i * columns + j];
      }
    }
    for (int j = 1; j <= columns; j++) {
      sums[j] /= sums[0];
    }
    return sums;
  }

  /** The weighted squared distances of {@code points} to the nearest of {@code centres}. */
  private static double cost(WeightedPoints points, double[] centres) {
    int columns = points.columns();
    double total = 0;
    for (int i = 0; i < points.count(); i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int c = 0; c < centres.length / columns; c++) {
        best =
            Math.min(
                best,
                SquaredEuclidean.distance(
                    points.values(), i * columns, centres, c * columns, columns));
      }
      total += points.weights()[i] * best;
    }
    return total;
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 7})
  void keepsTheWeightAndTheMeanAndTheSize(int columns) throws Exception {
    WeightedPoints points = blobs(3000, columns, 10, 1);
    WeightedPoints reduced = MicroClusterReduction.reduce(points, 700, new Random(2));
    assertTrue(reduced.count() <= 700 && reduced.count() > 600, reduced.count() + " points");
    double[] before = weightAndMean(points);
    double[] after = weightAndMean(reduced);
    assertEquals(before[0], after[0], 1e-9 * before[0]);
    for (int j = 1; j <= columns; j++) {
      assertEquals(before[j], after[j], 1e-9, "mean of column " + (j - 1));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 7})
  void losesLittleOfTheCostAroundTheTrueCentres(int columns) throws Exception {
    // Ten blobs of deviation 1: the points cost about columns per unit of weight around their
    // centres; a reduction to a tenth keeps groups of about ten neighbours, whose spread, lost,
    // is a fraction of it, and no group may straddle two blobs (which would add about 100).
    WeightedPoints points = blobs(4000, columns, 10, 3);
    double[] truth = new double[10 * columns];
    for (int blob = 0; blob < 10; blob++) {
      truth[blob * columns] = 20.0 * blob;
    }
    WeightedPoints reduced = MicroClusterReduction.reduce(points, 400, new Random(4));
    double original = cost(points, truth);
    double kept = cost(reduced, truth);
    assertTrue(kept <= original, kept + " > " + original);
    assertTrue(kept > (columns == 2 ? 0.5 : 0.3) * original, kept + " of " + original);
    for (int i = 0; i < reduced.count(); i++) {
      double x = reduced.values()[i * columns];
      double offBlob = Math.abs(x - 20.0 * Math.round(x / 20.0));
      assertTrue(offBlob < 5, "a group mean between blobs at " + x);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 7})
  void theSameForAnyNumberOfThreads(int columns) throws Exception {
    WeightedPoints points = blobs(3000, columns, 10, 5);
    WeightedPoints one = MicroClusterReduction.reduce(points, 500, new Random(6), 1);
    WeightedPoints three = MicroClusterReduction.reduce(points, 500, new Random(6), 3);
    assertArrayEquals(one.copyOfValues(), three.copyOfValues());
    assertArrayEquals(one.copyOfWeights(), three.copyOfWeights());
  }

  @Test
  void pointsOnFewerPlacesThanTheSizeStayThemselves() throws Exception {
    // 1,000 points on 3 places: the seeding stops at 3 representatives, every point on one.
    double[] values = new double[2000];
    double[] weights = new double[1000];
    for (int i = 0; i < 1000; i++) {
      values[2 * i] = i % 3;
      weights[i] = 1;
    }
    WeightedPoints reduced =
        MicroClusterReduction.reduce(
            new WeightedPoints(2, values, weights, 1000), 10, new Random(1));
    assertEquals(3, reduced.count());
    double[] seen = new double[3];
    for (int i = 0; i < 3; i++) {
      seen[(int) reduced.values()[2 * i]] = reduced.weights()[i];
    }
    assertArrayEquals(new double[] {334, 333, 333}, seen);
  }

  @Test
  void theCentreTreeFindsTheNearestCentreOfLowestIndexOrTheGuessItLiesOn() {
    Random random = new Random(7);
    for (int columns : new int[] {1, 2, 3, 5}) {
      int k = 300;
      double[] centres = new double[k * columns];
      for (int i = 0; i < centres.length; i++) {
        // Values on a coarse grid: many ties and coinciding centres.
        centres[i] = random.nextInt(6);
      }
      CentreTree tree = new CentreTree(centres, k, columns);
      CentreTree.Nearest best = new CentreTree.Nearest();
      double[] point = new double[columns];
      for (int trial = 0; trial < 500; trial++) {
        for (int j = 0; j < columns; j++) {
          point[j] = random.nextInt(12) * 0.5;
        }
        int expected = 0;
        double expectedDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          double d = SquaredEuclidean.distance(point, 0, centres, c * columns, columns);
          if (d < expectedDistance) {
            expectedDistance = d;
            expected = c;
          }
        }
        int guess = random.nextInt(k);
        tree.nearest(point, 0, guess, best);
        boolean onGuess =
            SquaredEuclidean.distance(point, 0, centres, guess * columns, columns) == 0;
        assertEquals(onGuess ? guess : expected, best.centre, "columns " + columns + ", " + trial);
        assertEquals(expectedDistance, best.distance);
      }
    }
  }

  @Test
  void theGrowingTreeNeverMissesACentreWithinItsBound() {
    Random random = new Random(8);
    int columns = 3;
    int k = 500;
    double[] centres = new double[k * columns];
    double[] radii = new double[k];
    GrowingCentreTree tree = new GrowingCentreTree(centres, columns);
    double[] point = new double[columns];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < columns; j++) {
        centres[c * columns + j] = random.nextInt(20) * 0.25;
      }
      radii[c] = random.nextDouble() * (c < 20 ? 4 : 0.2);
      tree.add(c, radii[c], radii);
      // Bounds only shrink once a centre is in the tree, and the tree must stay right.
      int shrunk = random.nextInt(c + 1);
      radii[shrunk] *= random.nextDouble();
      if (c % 50 == 0) {
        tree.refreshBounds(radii);
      }
      for (int j = 0; j < columns; j++) {
        point[j] = random.nextDouble() * 5;
      }
      boolean[] visited = new boolean[k];
      tree.near(point, 0, 4, centre -> visited[centre] = true);
      for (int other = 0; other <= c; other++) {
        double d = SquaredEuclidean.distance(point, 0, centres, other * columns, columns);
        assertTrue(visited[other] || !(d < 4 * radii[other]), "missed centre " + other);
      }
    }
  }
}
