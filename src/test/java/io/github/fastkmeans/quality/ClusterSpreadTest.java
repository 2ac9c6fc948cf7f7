package io.github.fastkmeans.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.parallel.ChunkRunner;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Weighted means and weighted sample deviations per cluster and overall, computed by hand. */
class ClusterSpreadTest {

  @Test
  void weightedMeansAndSampleDeviationsMatchHandComputation() throws InterruptedException {
    // Column 0: cluster 0 holds 1 (weight 2) and 4 (weight 1); cluster 1 holds 10 (weight 3).
    DataMatrix data = DataMatrix.of(3, 2, new double[] {1, 0, 4, 3, 10, 5}, new double[] {2, 1, 3});
    ClusterSpread spread = ClusterSpread.of(data, new int[] {0, 0, 1}, 2);

    assertEquals(2.0, spread.clusterMean(0, 0), 1e-12); // (2*1 + 4) / 3
    assertEquals(1.0, spread.clusterMean(0, 1), 1e-12); // (0 + 3) / 3
    // Sum of w (x - mean)^2 = 2*1 + 1*4 = 6, over total weight - 1 = 2.
    assertEquals(Math.sqrt(3.0), spread.clusterDeviation(0, 0), 1e-12);
    assertEquals(10.0, spread.clusterMean(1, 0), 1e-12);
    assertEquals(0.0, spread.clusterDeviation(1, 0), 0);

    // Overall column 0: (2 + 4 + 30) / 6 = 6; squares 2*25 + 4 + 3*16 = 102, over 5.
    assertEquals(6.0, spread.overallMean(0), 1e-12);
    assertEquals(Math.sqrt(102.0 / 5), spread.overallDeviation(0), 1e-12);
    assertEquals(6.0, spread.overallMeans()[0], 1e-12);
  }

  @Test
  void clusterWithoutWeightHasZeroMeanAndDeviation() throws InterruptedException {
    DataMatrix data = DataMatrix.of(2, 1, new double[] {3, 5}, new double[] {1, 0});
    ClusterSpread spread = ClusterSpread.of(data, new int[] {0, 1}, 3);
    assertEquals(3.0, spread.clusterMean(0, 0), 0);
    assertEquals(0.0, spread.clusterMean(1, 0), 0);
    assertEquals(0.0, spread.clusterMean(2, 0), 0);
    assertEquals(0.0, spread.clusterDeviation(2, 0), 0);
  }

  @Test
  void theSpreadIsTheSameOnAnyNumberOfThreads() throws InterruptedException {
    // Enough rows for many chunks, far from the origin, so that the order of the sums shows.
    Random random = new Random(3);
    int rows = 40_000;
    int columns = 3;
    double[] values = new double[rows * columns];
    double[] weights = new double[rows];
    int[] labels = new int[rows];
    for (int row = 0; row < rows; row++) {
      labels[row] = random.nextInt(4);
      weights[row] = random.nextDouble() * 3;
      for (int j = 0; j < columns; j++) {
        values[row * columns + j] = 1e7 + labels[row] * 100 + random.nextGaussian();
      }
    }
    DataMatrix data = DataMatrix.of(rows, columns, values, weights);
    ClusterSpread alone = ClusterSpread.of(data, labels, 4);
    for (int threads : new int[] {2, 3}) {
      try (ChunkRunner runner = new ChunkRunner(threads)) {
        ClusterSpread shared = ClusterSpread.of(data, labels, 4, runner);
        for (int c = 0; c < 4; c++) {
          for (int j = 0; j < columns; j++) {
            assertEquals(alone.clusterMean(c, j), shared.clusterMean(c, j), 0);
            assertEquals(alone.clusterDeviation(c, j), shared.clusterDeviation(c, j), 0);
          }
        }
        assertArrayEquals(alone.overallMeans(), shared.overallMeans(), 0);
        assertEquals(alone.overallDeviation(2), shared.overallDeviation(2), 0);
      }
    }
    // And the deviations are those of the data: about 1 in every cluster.
    assertEquals(1.0, alone.clusterDeviation(2, 1), 0.05);
  }

  /**
   * Each cluster's sums are added in row order within each chunk, chunk after chunk, as a
   * row-by-row pass adds them, and the overall figures follow from the clusters': the spread has
   * exactly the bits of that computation, written here plainly. The overall deviation agrees with a
   * direct sum of squared deviations from the overall mean.
   */
  @Test
  void theSpreadHasTheBitsOfClusterByClusterSums() throws InterruptedException {
    Random random = new Random(8);
    int rows = 10_000;
    int columns = 3;
    int k = 5;
    double[] values = new double[rows * columns];
    double[] weights = new double[rows];
    int[] labels = new int[rows];
    for (int row = 0; row < rows; row++) {
      labels[row] = random.nextInt(k);
      weights[row] = Math.scalb(random.nextDouble(), random.nextInt(20) - 10);
      for (int j = 0; j < columns; j++) {
        values[row * columns + j] = 1e6 * j + labels[row] + random.nextGaussian();
      }
    }
    DataMatrix data = DataMatrix.of(rows, columns, values, weights);
    ClusterSpread spread = ClusterSpread.of(data, labels, k);
    // Per cluster: the weighted differences from its first row and their squares, summed in row
    // order within chunks and over the chunks in chunk order; then the mean and the squared
    // deviations from it.
    int[] firsts = new int[k];
    Arrays.fill(firsts, -1);
    for (int row = rows - 1; row >= 0; row--) {
      firsts[labels[row]] = row;
    }
    double[] differences = new double[k * columns];
    double[] squared = new double[k * columns];
    double[] weight = new double[k];
    for (int start = 0; start < rows; start += ClusterSpread.CHUNK_ROWS) {
      double[] partialDifferences = new double[k * columns];
      double[] partialSquared = new double[k * columns];
      double[] partialWeight = new double[k];
      for (int row = start; row < Math.min(rows, start + ClusterSpread.CHUNK_ROWS); row++) {
        int c = labels[row];
        for (int j = 0; j < columns; j++) {
          double difference = values[row * columns + j] - values[firsts[c] * columns + j];
          partialDifferences[c * columns + j] += weights[row] * difference;
          partialSquared[c * columns + j] += weights[row] * difference * difference;
        }
        partialWeight[c] += weights[row];
      }
      for (int i = 0; i < k * columns; i++) {
        differences[i] += partialDifferences[i];
        squared[i] += partialSquared[i];
      }
      for (int c = 0; c < k; c++) {
        weight[c] += partialWeight[c];
      }
    }
    double[] means = new double[k * columns];
    double[] squares = new double[k * columns];
    double[] shifts = new double[k * columns];
    for (int i = 0; i < k * columns; i++) {
      int c = i / columns;
      shifts[i] = differences[i] / weight[c];
      means[i] = values[firsts[c] * columns + i % columns] + shifts[i];
      squares[i] = Math.max(0, squared[i] - shifts[i] * differences[i]);
    }
    double totalWeight = 0;
    for (int c = 0; c < k; c++) {
      totalWeight += weight[c];
    }
    for (int j = 0; j < columns; j++) {
      double overallSum = 0;
      for (int c = 0; c < k; c++) {
        int i = c * columns + j;
        assertEquals(
            Double.doubleToLongBits(means[i]), Double.doubleToLongBits(spread.clusterMean(c, j)));
        assertEquals(
            Double.doubleToLongBits(Math.sqrt(squares[i] / (weight[c] - 1))),
            Double.doubleToLongBits(spread.clusterDeviation(c, j)));
        overallSum += weight[c] * means[i];
        // Directly, from the mean: the same deviation up to rounding, 1e6 from the origin.
        double direct = 0;
        for (int row = 0; row < rows; row++) {
          if (labels[row] == c) {
            double diff = values[row * columns + j] - means[i];
            direct += weights[row] * diff * diff;
          }
        }
        double directDeviation = Math.sqrt(direct / (weight[c] - 1));
        assertEquals(directDeviation, spread.clusterDeviation(c, j), 1e-12 * directDeviation);
      }
      double overallMean = overallSum / totalWeight;
      double overallSquares = 0;
      for (int c = 0; c < k; c++) {
        double offset = (values[firsts[c] * columns + j] - overallMean) + shifts[c * columns + j];
        overallSquares += squares[c * columns + j] + weight[c] * offset * offset;
      }
      assertEquals(
          Double.doubleToLongBits(overallMean), Double.doubleToLongBits(spread.overallMean(j)));
      assertEquals(
          Double.doubleToLongBits(Math.sqrt(overallSquares / (totalWeight - 1))),
          Double.doubleToLongBits(spread.overallDeviation(j)));
      // Directly: the squared deviations of every row from the overall mean.
      double direct = 0;
      for (int row = 0; row < rows; row++) {
        double diff = values[row * columns + j] - overallMean;
        direct += weights[row] * diff * diff;
      }
      double directDeviation = Math.sqrt(direct / (totalWeight - 1));
      assertEquals(directDeviation, spread.overallDeviation(j), 1e-12 * directDeviation);
    }
  }
}
