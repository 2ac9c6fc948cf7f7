package io.github.fastkmeans.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.KMeansSettings;
import io.github.fastkmeans.init.KMeansPlusPlus;
import io.github.fastkmeans.parallel.ChunkRunner;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Calinski-Harabasz from a fit's centres, weights and error, against the pass over the rows. */
class DataCentreTest {

  @Test
  void givesTheIndexThePassOverTheRowsGives() throws Exception {
    DataMatrix blobs = BicTest.blobs(5, 80, 4, 9L);
    double[] weights = new double[blobs.rows()];
    for (int row = 0; row < weights.length; row++) {
      // Weights of 0, 1 and 2.5: a zero-weight row takes no part in either.
      weights[row] = row % 7 == 0 ? 0 : row % 3 == 0 ? 2.5 : 1;
    }
    DataMatrix data = DataMatrix.of(blobs.rows(), blobs.columns(), blobs.values(), weights);
    KMeansResult fit =
        new KMeans(KMeansSettings.DEFAULTS)
            .fit(data, new KMeansPlusPlus().initialCentres(data, 5, new Random(3)));
    assertTrue(fit.converged());
    double fromFit =
        DataCentre.of(data)
            .calinskiHarabasz(fit.centres(), fit.clusterWeights(), fit.squaredError());
    double fromRows;
    try (ChunkRunner runner = new ChunkRunner(1)) {
      fromRows = ClusterQuality.measure(data, fit.labels(), 5, 1L, runner, 0).calinskiHarabasz();
    }
    assertEquals(fromRows, fromFit, 1e-9 * fromRows);
  }

  @Test
  void oneClusterHasNoIndex() {
    DataMatrix data = DataMatrix.of(3, 1, new double[] {0, 1, 2});
    assertTrue(
        Double.isNaN(DataCentre.of(data).calinskiHarabasz(new double[] {1}, new double[] {3}, 2)));
  }
}
