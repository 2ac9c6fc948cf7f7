package io.github.fastkmeans.choosek;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.KMeansSettings;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.engine.SwapRefinement;
import io.github.fastkmeans.engine.WeightedDraw;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The growth step adds the row a plain computation of every candidate's gain over every row would
 * add: pruning by the triangle inequality leaves the choice as it is.
 */
class GrowthTest {

  /** Gaussian groups in {@code columns} dimensions, some rows weighted 0, some duplicated. */
  private static DataMatrix groups(long seed, int columns) {
    Random random = new Random(seed);
    int rows = 2500;
    int groups = 9;
    double[] means = new double[groups * columns];
    for (int i = 0; i < means.length; i++) {
      means[i] = 20 * random.nextDouble();
    }
    double[] values = new double[rows * columns];
    double[] weights = new double[rows];
    for (int row = 0; row < rows; row++) {
      int group = random.nextInt(groups);
      for (int j = 0; j < columns; j++) {
        values[row * columns + j] =
            row % 50 == 1
                ? values[(row - 1) * columns + j]
                : means[group * columns + j] + random.nextGaussian();
      }
      weights[row] = row % 97 == 0 ? 0 : 0.5 + random.nextDouble();
    }
    return DataMatrix.of(rows, columns, values, weights);
  }

  /** The row withOneMore must add: every gain computed over every row, in row order. */
  private static int plainChoice(DataMatrix data, KMeansResult fit, Random random) {
    int columns = data.columns();
    double[] values = data.values();
    double[] centres = fit.centres();
    int[] labels = fit.labels();
    double[] distances = new double[data.rows()];
    double[] cumulative = new double[data.rows()];
    double total = 0;
    for (int row = 0; row < data.rows(); row++) {
      distances[row] =
          SquaredEuclidean.distance(values, row * columns, centres, labels[row] * columns, columns);
      total += data.weight(row) * distances[row];
      cumulative[row] = total;
    }
    int chosen = -1;
    double bestGain = -1;
    for (int draw = SwapRefinement.candidates(fit.k() + 1); draw > 0; draw--) {
      int candidate = WeightedDraw.index(cumulative, random);
      double gain = 0;
      for (int row = 0; row < data.rows(); row++) {
        double distance =
            SquaredEuclidean.distance(values, row * columns, values, candidate * columns, columns);
        gain += data.weight(row) * Math.max(0, distances[row] - distance);
      }
      if (gain > bestGain) {
        bestGain = gain;
        chosen = candidate;
      }
    }
    return chosen;
  }

  @ParameterizedTest(name = "{0} columns")
  @ValueSource(ints = {1, 2, 5, 24})
  void theAddedCentreIsTheRowWithTheLargestGainAmongTheDraws(int columns) throws Exception {
    DataMatrix data = groups(40 + columns, columns);
    KMeans kmeans = new KMeans(KMeansSettings.DEFAULTS.withThreads(1));
    for (int k = 2; k <= 8; k += 3) {
      double[] start = Arrays.copyOf(data.values(), k * columns);
      KMeansResult fit = kmeans.fit(data, start);
      for (long seed = 0; seed < 4; seed++) {
        double[] grown = Growth.withOneMore(data, fit, new Random(seed));
        int expected = plainChoice(data, fit, new Random(seed));
        assertEquals((k + 1) * columns, grown.length);
        assertArrayEquals(fit.centres(), Arrays.copyOf(grown, k * columns));
        assertArrayEquals(
            Arrays.copyOfRange(data.values(), expected * columns, (expected + 1) * columns),
            Arrays.copyOfRange(grown, k * columns, (k + 1) * columns),
            "k = " + k + ", seed " + seed);
      }
    }
  }
}
