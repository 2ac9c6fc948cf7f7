package io.github.fastkmeans.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.KMeansSettings;
import io.github.fastkmeans.init.KMeansPlusPlus;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** X-means' BIC on a hand-computed case, its degenerate cases, blobs and weights as counts. */
class BicTest {

  @Test
  void matchesHandComputation() {
    // 0, 2 around 1 and 10, 12 around 11: n = 4, K = 2, d = 1, W = 4, sigma^2 = 4 / (1 * 2) = 2.
    // log L = 2 ln(1/2) + 2 ln(1/2) - (4/2) ln(2 pi 2) - 1 (4 - 2) / 2 = -4 ln 2 - 2 ln(4 pi) - 1;
    // p = 1 + 2 + 1 = 4, penalty (4/2) ln 4 = 4 ln 2. Python: -8*log(2) - 2*log(4*pi) - 1.
    DataMatrix data = DataMatrix.of(4, 1, new double[] {0, 2, 10, 12});
    double bic = Bic.of(data, new int[] {0, 0, 1, 1}, new double[] {1, 11}, 2);
    assertEquals(-11.607225938418143, bic, 1e-12);
  }

  @Test
  void twoColumnsUseThePerCoordinateVariance() {
    // One cluster of (0,0), (2,0), (0,2), (2,2) around (1,1): W = 8, d = 2, n = 4, K = 1,
    // sigma^2 = 8 / (2 * 3) = 4/3. log L = 0 - (4*2/2) ln(2 pi 4/3) - 2 * 3 / 2 = -4 ln(8 pi / 3) -
    // 3;
    // p = 0 + 2 + 1 = 3, penalty 1.5 ln 4.
    DataMatrix data = DataMatrix.of(4, 2, new double[] {0, 0, 2, 0, 0, 2, 2, 2});
    double bic = Bic.of(data, new int[4], new double[] {1, 1}, 1);
    assertEquals(-4 * Math.log(8 * Math.PI / 3) - 3 - 1.5 * Math.log(4), bic, 1e-12);
  }

  @Test
  void emptyClustersAndZeroWeightRowsTakeNoPart() {
    DataMatrix data = DataMatrix.of(4, 1, new double[] {0, 2, 10, 12});
    double expected = Bic.of(data, new int[] {0, 0, 1, 1}, new double[] {1, 11}, 2);

    // A third, empty cluster with a far centre; a fifth row far away with weight 0.
    DataMatrix padded =
        DataMatrix.of(5, 1, new double[] {0, 2, 10, 12, 99}, new double[] {1, 1, 1, 1, 0});
    double bic = Bic.of(padded, new int[] {0, 0, 2, 2, 1}, new double[] {1, 50, 11}, 3);
    assertEquals(expected, bic, 1e-12);
  }

  @Test
  void degenerateCasesAreInfiniteNeverNaN() {
    // Every row on its centre: the likelihood is unbounded.
    DataMatrix twoPoints = DataMatrix.of(4, 1, new double[] {0, 0, 5, 5});
    assertEquals(
        Double.POSITIVE_INFINITY,
        Bic.of(twoPoints, new int[] {0, 0, 1, 1}, new double[] {0, 5}, 2));
    // As many clusters as rows: no degree of freedom left for the variance.
    DataMatrix three = DataMatrix.of(3, 1, new double[] {0, 1, 2});
    assertEquals(
        Double.NEGATIVE_INFINITY, Bic.of(three, new int[] {0, 1, 2}, new double[] {0, 1, 2}, 3));
    // Total weight below K, though there are more rows than clusters.
    DataMatrix light = DataMatrix.of(3, 1, new double[] {0, 1, 2}, new double[] {0.5, 0.5, 0.5});
    assertEquals(
        Double.NEGATIVE_INFINITY, Bic.of(light, new int[] {0, 0, 1}, new double[] {0.5, 2}, 2));
    // No columns: the mixing part alone, sum n_c ln(n_c / n) - (K / 2) ln n with n_c = 1, 2.
    DataMatrix empty = DataMatrix.of(3, 0, new double[0]);
    assertEquals(
        Math.log(1.0 / 3) + 2 * Math.log(2.0 / 3) - Math.log(3),
        Bic.of(empty, new int[] {0, 1, 1}, new double[0], 2),
        1e-12);
  }

  @Test
  void weightTwoEqualsARepeatedRow() {
    Random random = new Random(5);
    int rows = 40;
    double[] values = new double[rows * 2];
    double[] weights = new double[rows];
    int[] labels = new int[rows];
    int repeated = 0;
    for (int row = 0; row < rows; row++) {
      labels[row] = row % 3;
      values[2 * row] = random.nextGaussian() + 4 * labels[row];
      values[2 * row + 1] = random.nextGaussian();
      weights[row] = 1 + row % 2;
      repeated += (int) weights[row];
    }
    double[] copies = new double[repeated * 2];
    int[] copyLabels = new int[repeated];
    int at = 0;
    for (int row = 0; row < rows; row++) {
      for (int copy = 0; copy < weights[row]; copy++) {
        copies[2 * at] = values[2 * row];
        copies[2 * at + 1] = values[2 * row + 1];
        copyLabels[at++] = labels[row];
      }
    }
    double[] centres = {0.1, 0, 4.2, -0.1, 7.9, 0.3};

    double weighted = Bic.of(DataMatrix.of(rows, 2, values, weights), labels, centres, 3);
    double expanded = Bic.of(DataMatrix.of(repeated, 2, copies), copyLabels, centres, 3);
    assertEquals(expanded, weighted, 1e-9 * Math.abs(expanded));
    // And not what unit weights give, so the weights were read.
    double unit = Bic.of(DataMatrix.of(rows, 2, values), labels, centres, 3);
    assertTrue(Math.abs(unit - weighted) > 1);
  }

  @Test
  void prefersTheTrueNumberOfBlobs() throws Exception {
    for (int blobs = 2; blobs <= 5; blobs++) {
      DataMatrix data = blobs(blobs, 150, 3, 11L * blobs);
      double below = bestFit(data, blobs - 1);
      double truth = bestFit(data, blobs);
      double above = bestFit(data, blobs + 1);
      assertTrue(truth > below, blobs + " blobs: " + truth + " <= " + below + " at k - 1");
      assertTrue(truth > above, blobs + " blobs: " + truth + " <= " + above + " at k + 1");
    }
  }

  @Test
  void aFitsWeightsAndErrorGiveTheSameCriterionAsItsRows() throws Exception {
    DataMatrix data = blobs(4, 100, 3, 5L);
    KMeans kmeans = new KMeans(KMeansSettings.DEFAULTS);
    KMeansResult fit =
        kmeans.fit(data, new KMeansPlusPlus().initialCentres(data, 4, new Random(1)));
    double fromRows = Bic.of(data, fit.labels(), fit.centres(), 4);
    double fromFit = Bic.of(fit.clusterWeights(), fit.squaredError(), data.columns());
    assertEquals(fromRows, fromFit, 1e-9 * Math.abs(fromRows));
  }

  @Test
  void rejectsArgumentsThatDoNotFit() {
    DataMatrix data = DataMatrix.of(2, 1, new double[] {0, 1});
    assertThrows(
        IllegalArgumentException.class, () -> Bic.of(data, new int[] {0}, new double[] {0}, 1));
    assertThrows(
        IllegalArgumentException.class, () -> Bic.of(data, new int[] {0, 1}, new double[] {0}, 1));
    assertThrows(
        IllegalArgumentException.class, () -> Bic.of(data, new int[] {0, 0}, new double[] {0}, 2));
    DataMatrix weightless = DataMatrix.of(2, 1, new double[] {0, 1}, new double[] {0, 0});
    assertThrows(
        IllegalArgumentException.class,
        () -> Bic.of(weightless, new int[] {0, 0}, new double[] {0}, 1));
  }

  /** {@code count} Gaussian blobs of unit variance in {@code columns} dimensions, 12 apart. */
  static DataMatrix blobs(int count, int perBlob, int columns, long seed) {
    Random random = new Random(seed);
    double[] values = new double[count * perBlob * columns];
    for (int blob = 0; blob < count; blob++) {
      for (int i = 0; i < perBlob; i++) {
        int base = (blob * perBlob + i) * columns;
        for (int j = 0; j < columns; j++) {
          double centre = j == blob % columns ? 12 * (1 + blob / columns) : 0;
          values[base + j] = centre + random.nextGaussian();
        }
      }
    }
    return DataMatrix.of(count * perBlob, columns, values);
  }

  /** The BIC of the lowest-error k-means fit of ten k-means++ starts. */
  private static double bestFit(DataMatrix data, int k) throws InterruptedException {
    KMeans kMeans = new KMeans(KMeansSettings.DEFAULTS);
    KMeansResult best = null;
    for (int seed = 0; seed < 10; seed++) {
      double[] start = new KMeansPlusPlus().initialCentres(data, k, new Random(seed));
      KMeansResult result = kMeans.fit(data, start);
      if (best == null || result.squaredError() < best.squaredError()) {
        best = result;
      }
    }
    return Bic.of(data, best.labels(), best.centres(), k);
  }
}
