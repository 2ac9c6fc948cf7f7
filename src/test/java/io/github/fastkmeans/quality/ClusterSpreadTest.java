package io.github.fastkmeans.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fastkmeans.engine.DataMatrix;
import org.junit.jupiter.api.Test;

/** Weighted means and weighted sample deviations per cluster and overall, computed by hand. */
class ClusterSpreadTest {

  @Test
  void weightedMeansAndSampleDeviationsMatchHandComputation() {
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
  void clusterWithoutWeightHasZeroMeanAndDeviation() {
    DataMatrix data = DataMatrix.of(2, 1, new double[] {3, 5}, new double[] {1, 0});
    ClusterSpread spread = ClusterSpread.of(data, new int[] {0, 1}, 3);
    assertEquals(3.0, spread.clusterMean(0, 0), 0);
    assertEquals(0.0, spread.clusterMean(1, 0), 0);
    assertEquals(0.0, spread.clusterMean(2, 0), 0);
    assertEquals(0.0, spread.clusterDeviation(2, 0), 0);
  }
}
