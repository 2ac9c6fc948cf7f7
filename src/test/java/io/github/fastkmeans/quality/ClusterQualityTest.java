package io.github.fastkmeans.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.TestData;
import io.github.fastkmeans.parallel.ChunkRunner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The quality measures against hand-computed tiny cases, the degenerate cases, a naive reference
 * implementation on random data, and their invariances (threads, weight scaling, sampling seed).
 */
class ClusterQualityTest {

  /** Measures one-column data on one thread, with the default exact limit. */
  private static ClusterQuality measure(double[] values, double[] weights, int[] labels, int k)
      throws InterruptedException {
    try (ChunkRunner runner = new ChunkRunner(1)) {
      return ClusterQuality.measure(
          DataMatrix.of(values.length, 1, values, weights), labels, k, 1, runner);
    }
  }

  private static ClusterQuality measure(
      DataMatrix data, int[] labels, int k, int threads, int limit) throws InterruptedException {
    try (ChunkRunner runner = new ChunkRunner(threads)) {
      return ClusterQuality.measure(data, labels, k, 7, runner, limit);
    }
  }

  private static void assertRelative(double expected, double actual, double tolerance) {
    assertEquals(expected, actual, tolerance * Math.abs(expected), "expected " + expected);
  }

  @Test
  void unitWeightsMatchHandComputation() throws Exception {
    // Points 0, 2 in cluster 0 and 10, 14 in cluster 1: centroids 1 and 12, overall mean 6.5.
    ClusterQuality quality = measure(new double[] {0, 2, 10, 14}, null, new int[] {0, 0, 1, 1}, 2);

    // SSE: (0-1)^2 + (2-1)^2 + (10-12)^2 + (14-12)^2 = 1 + 1 + 4 + 4.
    assertEquals(10.0, quality.withinSumOfSquares(), 1e-12);
    // s(0):  a = 2, b = (10 + 14) / 2 = 12, s = 10/12.
    // s(2):  a = 2, b = (8 + 12) / 2 = 10,  s = 8/10.
    // s(10): a = 4, b = (10 + 8) / 2 = 9,   s = 5/9.
    // s(14): a = 4, b = (14 + 12) / 2 = 13, s = 9/13.
    assertEquals((10.0 / 12 + 8.0 / 10 + 5.0 / 9 + 9.0 / 13) / 4, quality.silhouette(), 1e-12);
    // S0 = (1 + 1) / 2 = 1, S1 = (2 + 2) / 2 = 2, M01 = 11: both clusters' worst ratio is 3/11.
    assertEquals(3.0 / 11, quality.daviesBouldin(), 1e-12);
    // B = 2 (1 - 6.5)^2 + 2 (12 - 6.5)^2 = 121, W = 10: (121 / (2-1)) / (10 / (4-2)) = 24.2.
    assertEquals(24.2, quality.calinskiHarabasz(), 1e-12);
    assertEquals(2, quality.nonEmptyClusters());
    assertEquals(4, quality.silhouetteRows());
    assertFalse(quality.silhouetteSampled());
  }

  @Test
  void weightsEnterAsInWeightedMeans() throws Exception {
    // As above, but 0 has weight 3: cluster 0 weighs 4 with centroid 2/4 = 0.5, cluster 1 weighs 2
    // with centroid 12, overall mean (2 + 10 + 14) / 6 = 13/3.
    ClusterQuality quality =
        measure(new double[] {0, 2, 10, 14}, new double[] {3, 1, 1, 1}, new int[] {0, 0, 1, 1}, 2);

    // SSE: 3 (0.5)^2 + (1.5)^2 + 2^2 + 2^2 = 0.75 + 2.25 + 8 = 11.
    assertEquals(11.0, quality.withinSumOfSquares(), 1e-12);
    // s(0): a = 2 (only 2 is "other"), b = (10 + 14) / 2 = 12, s = 10/12, weight 3.
    // s(2): a = 3*2 / 3 = 2, b = (8 + 12) / 2 = 10, s = 8/10.
    // s(10): a = 4, b = (3*10 + 8) / 4 = 9.5, s = 5.5/9.5.
    // s(14): a = 4, b = (3*14 + 12) / 4 = 13.5, s = 9.5/13.5.  Mean weighted by 3, 1, 1, 1.
    assertEquals(
        (3 * 10.0 / 12 + 8.0 / 10 + 5.5 / 9.5 + 9.5 / 13.5) / 6, quality.silhouette(), 1e-12);
    // S0 = (3*0.5 + 1*1.5) / 4 = 0.75, S1 = 2, M01 = 11.5: DB = 2.75 / 11.5.
    assertEquals(2.75 / 11.5, quality.daviesBouldin(), 1e-12);
    // B = 4 (0.5 - 13/3)^2 + 2 (12 - 13/3)^2 = 529/9 + 1058/9 = 1587/9, W = 11, degrees of freedom
    // from the 4 rows: (1587/9 / 1) / (11 / 2) = 3174/99.
    assertEquals(3174.0 / 99, quality.calinskiHarabasz(), 1e-12);
  }

  @Test
  void rowsOfWeightZeroAndEmptyClustersTakeNoPart() throws Exception {
    ClusterQuality reference =
        measure(new double[] {0, 2, 10, 14}, null, new int[] {0, 0, 1, 1}, 2);
    // A far row of weight 0 in cluster 1, and a cluster 2 holding only a row of weight 0.
    ClusterQuality quality =
        measure(
            new double[] {0, 2, 1000, 10, 14, -50},
            new double[] {1, 1, 0, 1, 1, 0},
            new int[] {0, 0, 1, 1, 1, 2},
            4);

    assertEquals(reference.withinSumOfSquares(), quality.withinSumOfSquares(), 0);
    assertEquals(reference.silhouette(), quality.silhouette(), 1e-15);
    assertEquals(reference.daviesBouldin(), quality.daviesBouldin(), 1e-15);
    assertEquals(reference.calinskiHarabasz(), quality.calinskiHarabasz(), 1e-12);
    assertEquals(2, quality.nonEmptyClusters());
    assertEquals(6, quality.rows());
    assertEquals(4, quality.positiveRows());
    assertEquals(4, quality.silhouetteRows());
    assertFalse(quality.silhouetteSampled());
  }

  @Test
  void oneClusterLeavesEveryIndexUndefined() throws Exception {
    // k = 1: nothing separates clusters. SSE about the mean 4: 16 + 4 + 36 = 56.
    ClusterQuality quality = measure(new double[] {0, 2, 10}, null, new int[] {0, 0, 0}, 1);
    assertEquals(56.0, quality.withinSumOfSquares(), 1e-12);
    assertTrue(Double.isNaN(quality.silhouette()));
    assertTrue(Double.isNaN(quality.daviesBouldin()));
    assertTrue(Double.isNaN(quality.calinskiHarabasz()));
    assertEquals(1, quality.nonEmptyClusters());

    // k = 3 with two clusters empty is the same single cluster.
    ClusterQuality emptied = measure(new double[] {0, 2, 10}, null, new int[] {1, 1, 1}, 3);
    assertEquals(56.0, emptied.withinSumOfSquares(), 1e-12);
    assertTrue(Double.isNaN(emptied.silhouette()));
    assertTrue(Double.isNaN(emptied.daviesBouldin()));
    assertTrue(Double.isNaN(emptied.calinskiHarabasz()));
  }

  @Test
  void zeroWithinClusterScatterIsPerfect() throws Exception {
    // Two points at 0 and two at 5: a = 0 and b = 5 for every row, so s = 1; S = 0 so DB = 0;
    // W = 0 < B = 4 * 2.5^2 makes CH infinite (scikit-learn returns 1 here).
    ClusterQuality quality = measure(new double[] {0, 0, 5, 5}, null, new int[] {0, 0, 1, 1}, 2);
    assertEquals(0.0, quality.withinSumOfSquares(), 0);
    assertEquals(1.0, quality.silhouette(), 0);
    assertEquals(0.0, quality.daviesBouldin(), 0);
    assertEquals(Double.POSITIVE_INFINITY, quality.calinskiHarabasz(), 0);
  }

  @Test
  void singletonsScoreZeroSilhouette() throws Exception {
    // 0, 2 in cluster 0 and 10 alone in cluster 1.
    // s(0): a = 2, b = 10, s = 0.8.  s(2): a = 2, b = 8, s = 0.75.  s(10) = 0 (singleton).
    ClusterQuality quality = measure(new double[] {0, 2, 10}, null, new int[] {0, 0, 1}, 2);
    assertEquals((0.8 + 0.75 + 0) / 3, quality.silhouette(), 1e-12);
    // S0 = 1, S1 = 0, M01 = 9: DB = 1/9 for both.
    assertEquals(1.0 / 9, quality.daviesBouldin(), 1e-12);
    // Overall mean 4: B = 2 * 9 + 1 * 36 = 54, W = 2: (54 / 1) / (2 / (3-2)) = 27.
    assertEquals(27.0, quality.calinskiHarabasz(), 1e-12);

    // As many rows as clusters: every row is a singleton, and CH has no degrees of freedom left.
    ClusterQuality singletons = measure(new double[] {0, 1}, null, new int[] {0, 1}, 2);
    assertEquals(0.0, singletons.silhouette(), 0);
    assertEquals(0.0, singletons.daviesBouldin(), 0);
    assertTrue(Double.isNaN(singletons.calinskiHarabasz()));
  }

  @Test
  void clustersSharingACentroidAreNotSeparated() throws Exception {
    // -1 and 1 in cluster 0 and 0 alone in cluster 1: both centroids are 0, so M01 = 0 and DB is
    // infinite (scikit-learn returns 0). B = 0, W = 2: CH = 0.
    // s(-1): a = 2, b = 1, s = (1 - 2) / 2 = -0.5; s(1) likewise; s(0) = 0 (singleton).
    ClusterQuality quality = measure(new double[] {-1, 1, 0}, null, new int[] {0, 0, 1}, 2);
    assertEquals(Double.POSITIVE_INFINITY, quality.daviesBouldin(), 0);
    assertEquals(0.0, quality.calinskiHarabasz(), 0);
    assertEquals(-1.0 / 3, quality.silhouette(), 1e-12);

    // Every row at the same point, in two clusters: B = W = 0 leaves CH undefined, and s = 0 where
    // a = b = 0.
    ClusterQuality coincident = measure(new double[] {3, 3, 3}, null, new int[] {0, 0, 1}, 2);
    assertEquals(Double.POSITIVE_INFINITY, coincident.daviesBouldin(), 0);
    assertTrue(Double.isNaN(coincident.calinskiHarabasz()));
    assertEquals(0.0, coincident.silhouette(), 0);
  }

  @Test
  void matchesANaiveImplementationOnRandomData() throws Exception {
    for (long seed = 1; seed <= 4; seed++) {
      DataMatrix blobs = TestData.blobs(seed, 700, 3, 4, 2.5, seed % 2 == 0);
      double[] weights = null;
      if (blobs.hasWeights()) {
        weights = new double[blobs.rows()];
        for (int row = 0; row < weights.length; row++) {
          weights[row] = row % 37 == 0 ? 0 : blobs.weight(row);
        }
      }
      DataMatrix data = DataMatrix.of(blobs.rows(), blobs.columns(), blobs.values(), weights);
      // Odd seeds: an arbitrary partition; even seeds: nearest of four centres. Cluster 4 is empty.
      int[] labels;
      if (seed % 2 == 1) {
        Random random = new Random(seed);
        labels = new int[data.rows()];
        for (int row = 0; row < labels.length; row++) {
          labels[row] = random.nextInt(4);
        }
      } else {
        labels = TestData.nearestLabels(data, TestData.firstRows(data, 4));
      }
      ClusterQuality quality = measure(data, labels, 5, 3, ClusterQuality.EXACT_SILHOUETTE_LIMIT);
      NaiveQuality naive = new NaiveQuality(data, labels, 5);

      assertRelative(naive.withinSumOfSquares, quality.withinSumOfSquares(), 1e-12);
      assertRelative(naive.silhouette(), quality.silhouette(), 1e-12);
      assertRelative(naive.daviesBouldin(), quality.daviesBouldin(), 1e-12);
      assertRelative(naive.calinskiHarabasz(), quality.calinskiHarabasz(), 1e-12);
      assertEquals(4, quality.nonEmptyClusters(), "seed " + seed);
    }
  }

  @Test
  void resultHasTheSameBitsForAnyNumberOfThreads() throws Exception {
    // Enough rows for many chunks of the sums (2,500 rows) and of the silhouette.
    DataMatrix data = TestData.blobs(11, 2500, 4, 6, 3.0, true);
    int[] labels = TestData.nearestLabels(data, TestData.firstRows(data, 6));
    ClusterQuality one = measure(data, labels, 6, 1, 2000);
    for (int threads : new int[] {2, 3, 8}) {
      ClusterQuality many = measure(data, labels, 6, threads, 2000);
      assertEquals(one.withinSumOfSquares(), many.withinSumOfSquares(), 0, "threads " + threads);
      assertEquals(one.silhouette(), many.silhouette(), 0, "threads " + threads);
      assertEquals(one.daviesBouldin(), many.daviesBouldin(), 0, "threads " + threads);
      assertEquals(one.calinskiHarabasz(), many.calinskiHarabasz(), 0, "threads " + threads);
    }
  }

  @Test
  void scalingAllWeightsChangesOnlyTheSumOfSquares() throws Exception {
    DataMatrix data = TestData.blobs(5, 900, 3, 3, 2.0, true);
    int[] labels = TestData.nearestLabels(data, TestData.firstRows(data, 3));
    double[] scaled = new double[data.rows()];
    for (int row = 0; row < scaled.length; row++) {
      // A power of two: every product and sum scales exactly, so the bits can be compared.
      scaled[row] = 4 * data.weight(row);
    }
    ClusterQuality plain = measure(data, labels, 3, 2, 5000);
    ClusterQuality heavier =
        measure(DataMatrix.of(900, 3, data.values(), scaled), labels, 3, 2, 5000);
    assertEquals(4 * plain.withinSumOfSquares(), heavier.withinSumOfSquares(), 0);
    assertEquals(plain.silhouette(), heavier.silhouette(), 0);
    assertEquals(plain.daviesBouldin(), heavier.daviesBouldin(), 0);
    assertEquals(plain.calinskiHarabasz(), heavier.calinskiHarabasz(), 0);
  }

  @Test
  void sampledSilhouetteIsDeterministicAndCloseToTheExactValue() throws Exception {
    // 1,300 rows against a lowered limit of 1,000: a sample of 1,000 of 1,300.
    DataMatrix data = TestData.blobs(21, 1300, 2, 5, 3.0, false);
    int[] labels = TestData.nearestLabels(data, TestData.firstRows(data, 5));
    double exact = measure(data, labels, 5, 2, 1300).silhouette();
    double[] estimates = new double[5];
    try (ChunkRunner runner = new ChunkRunner(2);
        ChunkRunner other = new ChunkRunner(5)) {
      for (int seed = 0; seed < estimates.length; seed++) {
        ClusterQuality sampled = ClusterQuality.measure(data, labels, 5, seed, runner, 1000);
        ClusterQuality again = ClusterQuality.measure(data, labels, 5, seed, other, 1000);
        assertTrue(sampled.silhouetteSampled());
        assertEquals(1000, sampled.silhouetteRows());
        assertEquals(1300, sampled.positiveRows());
        assertEquals(seed, sampled.seed());
        assertEquals(sampled.silhouette(), again.silhouette(), 0, "seed " + seed);
        // The centroid measures never sample.
        assertEquals(measure(data, labels, 5, 1, 1300).daviesBouldin(), sampled.daviesBouldin(), 0);
        estimates[seed] = sampled.silhouette();
        assertEquals(exact, estimates[seed], 0.02, "seed " + seed);
      }
    }
    assertNotEquals(estimates[0], estimates[1]);
  }

  @Test
  void sampleIsUniformOverTheRowsOfPositiveWeight() {
    // 30 rows, every third of weight 0: 20 of positive weight, of which 8 are drawn per seed.
    int rows = 30;
    double[] weights = new double[rows];
    for (int row = 0; row < rows; row++) {
      weights[row] = row % 3 == 2 ? 0 : 0.5 + row;
    }
    DataMatrix data = DataMatrix.of(rows, 1, new double[rows], weights);
    int trials = 20000;
    int[] drawn = new int[rows];
    for (int seed = 0; seed < trials; seed++) {
      int[] sample = ClusterQuality.members(data, 20, 8, seed);
      assertEquals(8, sample.length);
      for (int i = 0; i < sample.length; i++) {
        assertTrue(i == 0 || sample[i] > sample[i - 1], "in row order, without repeats");
        drawn[sample[i]]++;
      }
    }
    for (int row = 0; row < rows; row++) {
      if (weights[row] == 0) {
        assertEquals(0, drawn[row], "row " + row + " has weight 0");
      } else {
        // Drawn with probability 8/20 regardless of weight: binomial(20000, 0.4) has a standard
        // deviation of 69; allow 5 of them.
        assertEquals(trials * 0.4, drawn[row], 5 * 69.3, "row " + row);
      }
    }
    // With the limit at or above the rows of positive weight, all of them, no sampling.
    assertEquals(20, ClusterQuality.members(data, 20, 20, 1).length);
    assertEquals(0, ClusterQuality.members(data, 20, 100, 1)[0]);
  }

  @Test
  void savedQualityReadsBackEqual() throws Exception {
    ClusterQuality quality = measure(new double[] {0, 2, 10, 14}, null, new int[] {0, 0, 1, 1}, 2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(quality);
    }
    ClusterQuality copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ClusterQuality) in.readObject();
    }
    assertEquals(quality.silhouette(), copy.silhouette(), 0);
    assertEquals(quality.daviesBouldin(), copy.daviesBouldin(), 0);
    assertEquals(quality.calinskiHarabasz(), copy.calinskiHarabasz(), 0);
    assertEquals(quality.withinSumOfSquares(), copy.withinSumOfSquares(), 0);
    assertEquals(quality.silhouetteRows(), copy.silhouetteRows());
  }

  @Test
  void badArgumentsAreRefused() throws InterruptedException {
    DataMatrix data = DataMatrix.of(3, 1, new double[] {0, 1, 2});
    try (ChunkRunner runner = new ChunkRunner(1)) {
      assertThrows(
          IllegalArgumentException.class,
          () -> ClusterQuality.measure(data, new int[] {0, 1}, 2, 1, runner));
      assertThrows(
          IllegalArgumentException.class,
          () -> ClusterQuality.measure(data, new int[] {0, 1, 2}, 2, 1, runner));
      assertThrows(
          IllegalArgumentException.class,
          () -> ClusterQuality.measure(data, new int[] {0, -1, 0}, 2, 1, runner));
      assertThrows(
          IllegalArgumentException.class,
          () -> ClusterQuality.measure(data, new int[] {0, 0, 0}, 0, 1, runner));
      assertThrows(
          IllegalArgumentException.class,
          () -> ClusterQuality.measure(data, new int[] {0, 0, 0}, 1, 1, runner, -1));
      // A limit of 0 leaves the silhouette out and measures the rest as ever.
      ClusterQuality withoutSilhouette =
          ClusterQuality.measure(data, new int[] {0, 1, 1}, 2, 1, runner, 0);
      ClusterQuality full = ClusterQuality.measure(data, new int[] {0, 1, 1}, 2, 1, runner);
      assertTrue(Double.isNaN(withoutSilhouette.silhouette()));
      assertEquals(full.calinskiHarabasz(), withoutSilhouette.calinskiHarabasz(), 0);
      assertEquals(full.daviesBouldin(), withoutSilhouette.daviesBouldin(), 0);
      DataMatrix weightless = DataMatrix.of(2, 1, new double[] {0, 1}, new double[] {0, 0});
      assertThrows(
          IllegalArgumentException.class,
          () -> ClusterQuality.measure(weightless, new int[] {0, 1}, 2, 1, runner));
    }
  }

  @Test
  void interruptionAbandonsTheMeasures() {
    DataMatrix data = TestData.blobs(3, 100, 2, 2, 1.0, false);
    int[] labels = TestData.nearestLabels(data, TestData.firstRows(data, 2));
    try (ChunkRunner runner = new ChunkRunner(2)) {
      Thread.currentThread().interrupt();
      assertThrows(
          InterruptedException.class, () -> ClusterQuality.measure(data, labels, 2, 1, runner));
    } finally {
      Thread.interrupted();
    }
  }

  /** The textbook definitions, weighted, computed as directly as possible on one thread. */
  private static final class NaiveQuality {
    private final double[][] points;
    private final double[] weights;
    private final int[] labels;
    private final int k;
    private final double[][] centroids;
    private final double[] clusterWeights;
    private final double withinSumOfSquares;

    NaiveQuality(DataMatrix data, int[] labels, int k) {
      int n = data.rows();
      this.points = new double[n][];
      this.weights = new double[n];
      for (int i = 0; i < n; i++) {
        points[i] = data.row(i);
        weights[i] = data.weight(i);
      }
      this.labels = labels;
      this.k = k;
      this.centroids = new double[k][data.columns()];
      this.clusterWeights = new double[k];
      for (int i = 0; i < n; i++) {
        clusterWeights[labels[i]] += weights[i];
        for (int j = 0; j < data.columns(); j++) {
          centroids[labels[i]][j] += weights[i] * points[i][j];
        }
      }
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < data.columns(); j++) {
          centroids[c][j] /= clusterWeights[c] > 0 ? clusterWeights[c] : 1;
        }
      }
      double sse = 0;
      for (int i = 0; i < n; i++) {
        double d = distance(points[i], centroids[labels[i]]);
        sse += weights[i] * d * d;
      }
      this.withinSumOfSquares = sse;
    }

    private static double distance(double[] a, double[] b) {
      double sum = 0;
      for (int j = 0; j < a.length; j++) {
        sum += (a[j] - b[j]) * (a[j] - b[j]);
      }
      return Math.sqrt(sum);
    }

    double silhouette() {
      double weighted = 0;
      double total = 0;
      for (int i = 0; i < points.length; i++) {
        if (weights[i] == 0) {
          continue;
        }
        double[] sums = new double[k];
        double[] mass = new double[k];
        for (int j = 0; j < points.length; j++) {
          if (j != i && weights[j] > 0) {
            sums[labels[j]] += weights[j] * distance(points[i], points[j]);
            mass[labels[j]] += weights[j];
          }
        }
        double s = 0;
        if (mass[labels[i]] > 0) {
          double a = sums[labels[i]] / mass[labels[i]];
          double b = Double.POSITIVE_INFINITY;
          for (int c = 0; c < k; c++) {
            if (c != labels[i] && mass[c] > 0) {
              b = Math.min(b, sums[c] / mass[c]);
            }
          }
          s = (b - a) / Math.max(a, b);
        }
        weighted += weights[i] * s;
        total += weights[i];
      }
      return weighted / total;
    }

    double daviesBouldin() {
      double[] spread = new double[k];
      for (int i = 0; i < points.length; i++) {
        spread[labels[i]] += weights[i] * distance(points[i], centroids[labels[i]]);
      }
      double sum = 0;
      int clusters = 0;
      for (int c = 0; c < k; c++) {
        if (clusterWeights[c] == 0) {
          continue;
        }
        clusters++;
        double worst = 0;
        for (int d = 0; d < k; d++) {
          if (d != c && clusterWeights[d] > 0) {
            double ratio =
                (spread[c] / clusterWeights[c] + spread[d] / clusterWeights[d])
                    / distance(centroids[c], centroids[d]);
            worst = Math.max(worst, ratio);
          }
        }
        sum += worst;
      }
      return sum / clusters;
    }

    double calinskiHarabasz() {
      double[] mean = new double[points[0].length];
      double total = 0;
      int rows = 0;
      for (int i = 0; i < points.length; i++) {
        for (int j = 0; j < mean.length; j++) {
          mean[j] += weights[i] * points[i][j];
        }
        total += weights[i];
        rows += weights[i] > 0 ? 1 : 0;
      }
      for (int j = 0; j < mean.length; j++) {
        mean[j] /= total;
      }
      double between = 0;
      int clusters = 0;
      for (int c = 0; c < k; c++) {
        if (clusterWeights[c] > 0) {
          clusters++;
          double d = distance(centroids[c], mean);
          between += clusterWeights[c] * d * d;
        }
      }
      return (between / (clusters - 1)) / (withinSumOfSquares / (rows - clusters));
    }
  }
}
