package io.github.fastkmeans.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.EmptyClusterPolicy;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.KMeansSettings;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code auto} takes in Spark what it takes in one JVM. Run again with the Vector API module (the
 * {@code vector-kernel} execution), where {@code auto} probes a sample of the rows before it takes
 * Lloyd for the vector kernel: data whose nearest centres float cannot tell apart keep the bounds.
 */
class AutoChoiceTest {

  private static final int COLUMNS = 8;
  private static final int K = 40;

  @Test
  void separatedBlobsTakeWhatTheEngineTakes() throws InterruptedException {
    DataMatrix data = SparkTests.blobs(31, 6000, COLUMNS, K, false);
    assertSameChoice(data, Arrays.copyOf(data.values(), K * COLUMNS));
  }

  @Test
  void nearDuplicateRowsBetweenCloseCentresTakeWhatTheEngineTakes() throws InterruptedException {
    // 10 spots of 300 near-duplicate rows, two centres 2e-4 apart at each, 20 far away.
    Random random = new Random(5);
    double[] values = new double[3000 * COLUMNS];
    double[] centres = new double[K * COLUMNS];
    for (int s = 0; s < 10; s++) {
      double[] spot = new double[COLUMNS];
      for (int j = 0; j < COLUMNS; j++) {
        spot[j] = 1000 * random.nextDouble();
      }
      for (int r = 0; r < 300; r++) {
        for (int j = 0; j < COLUMNS; j++) {
          values[(s * 300 + r) * COLUMNS + j] = spot[j] + 1e-7 * random.nextGaussian();
        }
      }
      System.arraycopy(spot, 0, centres, 2 * s * COLUMNS, COLUMNS);
      System.arraycopy(spot, 0, centres, (2 * s + 1) * COLUMNS, COLUMNS);
      centres[2 * s * COLUMNS] += 1e-4;
      centres[(2 * s + 1) * COLUMNS] -= 1.1e-4;
    }
    for (int i = 20 * COLUMNS; i < centres.length; i++) {
      centres[i] = 5000 * random.nextDouble();
    }
    assertSameChoice(DataMatrix.of(3000, COLUMNS, values), centres);
  }

  private static void assertSameChoice(DataMatrix data, double[] centres)
      throws InterruptedException {
    KMeansSettings settings =
        KMeansSettings.DEFAULTS
            .withMaxIterations(3)
            .withEmptyClusterPolicy(EmptyClusterPolicy.KEEP);
    KMeansResult expected = new KMeans(settings).fit(data, centres);
    FastKMeansModel model =
        new FastKMeans()
            .setK(K)
            .setMaxIter(3)
            .setEmptyClusterPolicy("keep")
            .setInitialCenters(SparkTests.asArrays(centres, COLUMNS))
            .fit(SparkTests.frame(data, 3, 4));
    assertEquals(expected.algorithm().id(), model.summary().algorithm());
    assertArrayEquals(expected.centres(), model.scaledCenters());
  }
}
