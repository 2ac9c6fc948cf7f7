package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data so small that squared distances fall near the subnormal range, where rounding is absolute:
 * no bound, margin or dot-product filter may be trusted there, and every algorithm must still give
 * Lloyd's result, which is the lowest-index minimum of {@link SquaredEuclidean#distance}.
 */
class TinyScaleTest {

  private static final Algorithm[] ALGORITHMS = TestData.everyAlgorithm();

  private static DataMatrix scaled(DataMatrix data, double factor) {
    double[] values = data.values().clone();
    for (int i = 0; i < values.length; i++) {
      values[i] *= factor;
    }
    return DataMatrix.of(data.rows(), data.columns(), values);
  }

  /** Each row's nearest centre by exact squared distance, the lowest index on a tie. */
  private static int[] nearest(DataMatrix data, double[] centres) {
    int columns = data.columns();
    int[] labels = new int[data.rows()];
    for (int row = 0; row < data.rows(); row++) {
      double best = Double.POSITIVE_INFINITY;
      for (int c = 0; c < centres.length / columns; c++) {
        double d =
            SquaredEuclidean.distance(data.values(), row * columns, centres, c * columns, columns);
        if (d < best) {
          best = d;
          labels[row] = c;
        }
      }
    }
    return labels;
  }

  @ParameterizedTest(name = "{0} columns")
  @ValueSource(ints = {2, 8})
  void everyAlgorithmGivesLloydsResultAt1e161(int columns) throws Exception {
    for (long seed = 1; seed <= 10; seed++) {
      DataMatrix data = scaled(TestData.blobs(seed, 400, columns, 6, 2.0, false), 1e-161);
      Random random = new Random(seed);
      double[] start = new double[8 * columns];
      int[] rows = random.ints(0, data.rows()).distinct().limit(8).toArray();
      for (int c = 0; c < 8; c++) {
        System.arraycopy(data.values(), rows[c] * columns, start, c * columns, columns);
      }
      KMeansSettings settings =
          KMeansSettings.DEFAULTS.withEmptyClusterPolicy(EmptyClusterPolicy.KEEP);
      KMeansResult lloyd = new KMeans(settings.withAlgorithm(Algorithm.LLOYD)).fit(data, start);
      // The final labels are those of a last pass against the final centres.
      assertArrayEquals(nearest(data, lloyd.centres()), lloyd.labels(), "Lloyd, seed " + seed);
      for (Algorithm algorithm : ALGORITHMS) {
        KMeansResult other = new KMeans(settings.withAlgorithm(algorithm)).fit(data, start);
        String what = algorithm.id() + ", seed " + seed;
        assertEquals(lloyd.iterations(), other.iterations(), what);
        assertArrayEquals(lloyd.labels(), other.labels(), what);
        assertTrue(Arrays.equals(lloyd.centres(), other.centres()), what + ": centres");
      }
    }
  }
}
