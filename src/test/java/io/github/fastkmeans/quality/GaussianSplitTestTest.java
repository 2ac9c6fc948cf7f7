package io.github.fastkmeans.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** G-means' test on blobs it must accept, merged blobs and uniform clusters it must reject. */
class GaussianSplitTestTest {

  private static final double ALPHA = GaussianSplitTest.G_MEANS_ALPHA;

  /** {@code rows} rows of a Gaussian with standard deviations {@code spreads} around {@code at}. */
  private static double[] blob(Random random, int rows, double[] at, double[] spreads) {
    double[] values = new double[rows * at.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < at.length; j++) {
        values[i * at.length + j] = at[j] + spreads[j] * random.nextGaussian();
      }
    }
    return values;
  }

  /** The weighted means of the clusters, row-major k x columns. */
  private static double[] means(DataMatrix data, int[] labels, int k) {
    int columns = data.columns();
    double[] sums = new double[k * columns];
    double[] weights = new double[k];
    for (int row = 0; row < data.rows(); row++) {
      double weight = data.weight(row);
      weights[labels[row]] += weight;
      for (int j = 0; j < columns; j++) {
        sums[labels[row] * columns + j] += weight * data.value(row, j);
      }
    }
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < columns; j++) {
        sums[c * columns + j] /= weights[c];
      }
    }
    return sums;
  }

  private static int count(DataMatrix data, int[] labels, int k, long seed)
      throws InterruptedException {
    return GaussianSplitTest.nonGaussianClusters(
        data, labels, means(data, labels, k), k, ALPHA, seed);
  }

  @Test
  void oneGaussianBlobIsAccepted() throws Exception {
    for (long seed = 1; seed <= 6; seed++) {
      // An elongated blob, so that the principal direction matters.
      DataMatrix data =
          DataMatrix.of(
              600, 3, blob(new Random(seed), 600, new double[] {5, -2, 0}, new double[] {3, 1, 1}));
      assertEquals(0, count(data, new int[600], 1, seed), "seed " + seed);
      double[] centre = means(data, new int[600], 1);
      double statistic = GaussianSplitTest.statistics(data, new int[600], centre, 1, seed)[0];
      assertTrue(statistic >= 0 && statistic < 1.8692, "tested, and accepted: " + statistic);
    }
  }

  @Test
  void wellSeparatedBlobsInTheirOwnClustersAreAccepted() throws Exception {
    DataMatrix data = BicTest.blobs(4, 300, 2, 9);
    int[] labels = new int[data.rows()];
    for (int row = 0; row < labels.length; row++) {
      labels[row] = row / 300;
    }
    assertEquals(0, count(data, labels, 4, 1));
  }

  @Test
  void twoBlobsInOneClusterAreRejected() throws Exception {
    Random random = new Random(4);
    double[] spreads = {1, 1};
    double[] left = blob(random, 300, new double[] {0, 0}, spreads);
    double[] right = blob(random, 300, new double[] {6, 3}, spreads);
    double[] values = Arrays.copyOf(left, 1200);
    System.arraycopy(right, 0, values, 600, 600);
    DataMatrix data = DataMatrix.of(600, 2, values);
    for (long seed = 1; seed <= 3; seed++) {
      assertEquals(1, count(data, new int[600], 1, seed), "seed " + seed);
    }
    // With a third blob of its own next to them, only the merged cluster is rejected.
    double[] third = blob(random, 300, new double[] {-20, 10}, spreads);
    double[] all = Arrays.copyOf(values, 1800);
    System.arraycopy(third, 0, all, 1200, 600);
    int[] labels = new int[900];
    Arrays.fill(labels, 0, 600, 1);
    assertEquals(1, count(DataMatrix.of(900, 2, all), labels, 2, 1));
  }

  @Test
  void uniformClusterOnALineIsRejected() throws Exception {
    Random random = new Random(8);
    double[] values = new double[2 * 500];
    for (int row = 0; row < 500; row++) {
      double t = random.nextDouble();
      values[2 * row] = t;
      values[2 * row + 1] = 1 - 2 * t;
    }
    assertEquals(1, count(DataMatrix.of(500, 2, values), new int[500], 1, 2));
  }

  @Test
  void smallOrPointLikeClustersAreNeverCounted() throws Exception {
    // Seven rows in two far groups: clearly not one Gaussian, but too few to test.
    DataMatrix seven = DataMatrix.of(7, 1, new double[] {0, 0.1, 0.2, 100, 100.1, 100.2, 100.3});
    assertEquals(0, count(seven, new int[7], 1, 1));
    assertTrue(
        Double.isNaN(GaussianSplitTest.statistics(seven, new int[7], new double[] {50}, 1, 1)[0]));
    // Ten rows of total weight 5: too little weight to test.
    double[] light = new double[10];
    Arrays.fill(light, 0.5);
    DataMatrix lightData =
        DataMatrix.of(10, 1, new double[] {0, 1, 2, 3, 4, 100, 101, 102, 103, 104}, light);
    assertEquals(0, count(lightData, new int[10], 1, 1));
    // Twenty copies of one point: nothing to split.
    DataMatrix point = DataMatrix.of(20, 2, new double[40]);
    assertEquals(0, count(point, new int[20], 1, 1));
    // And an empty cluster next to a good one is simply skipped.
    DataMatrix data = BicTest.blobs(1, 200, 2, 3);
    double[] centres = Arrays.copyOf(means(data, new int[200], 1), 4);
    assertEquals(
        0, GaussianSplitTest.nonGaussianClusters(data, new int[200], centres, 2, ALPHA, 1));
  }

  @Test
  void weightTwoEqualsARepeatedRow() throws Exception {
    Random random = new Random(12);
    int rows = 200;
    double[] values = blob(random, rows, new double[] {0, 0}, new double[] {2, 1});
    double[] weights = new double[rows];
    double[] repeated = new double[2 * 300];
    int at = 0;
    for (int row = 0; row < rows; row++) {
      weights[row] = 1 + row % 2;
      for (int copy = 0; copy < weights[row]; copy++) {
        repeated[2 * at] = values[2 * row];
        repeated[2 * at + 1] = values[2 * row + 1];
        at++;
      }
    }
    DataMatrix weighted = DataMatrix.of(rows, 2, values, weights);
    DataMatrix expanded = DataMatrix.of(300, 2, repeated);
    double[] centre = means(weighted, new int[rows], 1);
    double a = GaussianSplitTest.statistics(weighted, new int[rows], centre, 1, 5)[0];
    double b = GaussianSplitTest.statistics(expanded, new int[300], centre, 1, 5)[0];
    assertEquals(b, a, 1e-9);
    double unit =
        GaussianSplitTest.statistics(DataMatrix.of(rows, 2, values), new int[rows], centre, 1, 5)[
            0];
    assertTrue(Math.abs(unit - a) > 1e-6, "the weights were read");
  }

  @Test
  void sameSeedSameStatistics() throws Exception {
    DataMatrix data = BicTest.blobs(3, 200, 3, 21);
    int[] labels = new int[data.rows()];
    for (int row = 0; row < labels.length; row++) {
      labels[row] = row < 400 ? 0 : 1;
    }
    double[] centres = means(data, labels, 2);
    double[] first = GaussianSplitTest.statistics(data, labels, centres, 2, 77);
    double[] again = GaussianSplitTest.statistics(data, labels, centres, 2, 77);
    assertArrayEquals(first, again);
    assertTrue(first[0] > AndersonDarling.criticalValue(ALPHA));
  }

  @Test
  void rejectsLevelsOutsideTheTable() {
    DataMatrix data = DataMatrix.of(2, 1, new double[] {0, 1});
    assertThrows(
        IllegalArgumentException.class,
        () ->
            GaussianSplitTest.nonGaussianClusters(data, new int[2], new double[] {0.5}, 1, 0.5, 1));
  }
}
