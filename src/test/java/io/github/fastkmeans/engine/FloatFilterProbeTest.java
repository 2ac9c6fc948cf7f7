package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The probe tells data whose nearest centres float cannot separate (near-duplicate rows between
 * pairs of centres much closer together than the centres' spread, as in KDD Cup 1999) from data it
 * can (separated blobs), and {@code auto} keeps the bounds for the first where the vector kernel
 * runs, with the same result as Lloyd.
 */
class FloatFilterProbeTest {

  private static final int COLUMNS = 8;

  /** 10 dense spots of 200 near-duplicate rows each, 2 centres 1e-4 apart at each, 20 far away. */
  private static DataMatrix spots(double[] centres) {
    Random random = new Random(5);
    int spots = 10;
    double[] values = new double[spots * 200 * COLUMNS];
    for (int s = 0; s < spots; s++) {
      double[] spot = new double[COLUMNS];
      for (int j = 0; j < COLUMNS; j++) {
        spot[j] = 1000 * random.nextDouble();
      }
      for (int r = 0; r < 200; r++) {
        for (int j = 0; j < COLUMNS; j++) {
          values[(s * 200 + r) * COLUMNS + j] = spot[j] + 1e-7 * random.nextGaussian();
        }
      }
      System.arraycopy(spot, 0, centres, 2 * s * COLUMNS, COLUMNS);
      System.arraycopy(spot, 0, centres, (2 * s + 1) * COLUMNS, COLUMNS);
      centres[2 * s * COLUMNS] += 1e-4;
      centres[(2 * s + 1) * COLUMNS] -= 1.1e-4;
    }
    for (int c = 2 * spots; c < centres.length / COLUMNS; c++) {
      for (int j = 0; j < COLUMNS; j++) {
        centres[c * COLUMNS + j] = 5000 * random.nextDouble();
      }
    }
    return DataMatrix.of(spots * 200, COLUMNS, values);
  }

  @Test
  void nearDuplicateRowsBetweenCloseCentresHaveSeveralCandidates() {
    double[] centres = new double[40 * COLUMNS];
    DataMatrix data = spots(centres);
    assertTrue(FloatFilterProbe.severalShare(data, centres) > 0.9);
  }

  @Test
  void separatedBlobsHaveOneCandidate() throws Exception {
    DataMatrix data = TestData.blobs(3, 5000, COLUMNS, 40, 1.0, false);
    double[] centres = Arrays.copyOf(data.values(), 40 * COLUMNS);
    assertTrue(FloatFilterProbe.severalShare(data, centres) < FloatFilterProbe.MOST_SEVERAL);
    KMeansResult auto = new KMeans(KMeansSettings.DEFAULTS.withMaxIterations(3)).fit(data, centres);
    Algorithm expected =
        BlockSweeps.vectorKernel()
            ? Algorithm.LLOYD
            : Algorithm.withoutVectorKernel(data.rows(), COLUMNS, 40, 512L << 20);
    assertEquals(expected, auto.algorithm());
  }

  @Test
  void autoKeepsTheBoundsWhereTheFloatEstimatesCannotSeparateTheRows() throws Exception {
    double[] centres = new double[40 * COLUMNS];
    DataMatrix data = spots(centres);
    KMeansSettings settings =
        KMeansSettings.DEFAULTS
            .withEmptyClusterPolicy(EmptyClusterPolicy.KEEP)
            .withMaxIterations(5);
    KMeansResult auto = new KMeans(settings).fit(data, centres);
    KMeansResult lloyd = new KMeans(settings.withAlgorithm(Algorithm.LLOYD)).fit(data, centres);
    // Without the vector kernel, 40 centres never called for Lloyd.
    assertEquals(
        Algorithm.withoutVectorKernel(data.rows(), COLUMNS, 40, settings.elkanBudgetBytes()),
        auto.algorithm());
    assertEquals(lloyd.iterations(), auto.iterations());
    assertArrayEquals(lloyd.labels(), auto.labels());
    assertArrayEquals(lloyd.centres(), auto.centres());
  }

  @Test
  void withTheVectorKernelAutoProbesItsSampleAndKeepsTheBoundsWhereItMust() throws Exception {
    double[] spotCentres = new double[40 * COLUMNS];
    DataMatrix spots = spots(spotCentres);
    DataMatrix blobs = TestData.blobs(3, 5000, COLUMNS, 40, 1.0, false);
    double[] blobCentres = Arrays.copyOf(blobs.values(), 40 * COLUMNS);
    long budget = KMeansSettings.DEFAULTS.elkanBudgetBytes();
    List<Integer> asked = new ArrayList<>();
    // The sample asked for: the rows i * n / count, as a distributed fit gathers them.
    IntFunction<DataMatrix> spotSample =
        count -> {
          asked.add(count);
          return evenSample(spots, count);
        };
    assertEquals(
        Algorithm.withoutVectorKernel(spots.rows(), COLUMNS, 40, budget),
        Algorithm.AUTO.resolve(spots.rows(), COLUMNS, spotCentres, budget, spotSample, true));
    assertEquals(List.of(FloatFilterProbe.sampleSize(spots.rows(), 40, COLUMNS)), asked);
    assertEquals(
        Algorithm.LLOYD,
        Algorithm.AUTO.resolve(
            blobs.rows(), COLUMNS, blobCentres, budget, count -> evenSample(blobs, count), true));
    // The whole data stand for their sample, as a fit in one JVM passes them.
    assertEquals(
        Algorithm.LLOYD,
        Algorithm.AUTO.resolve(blobs.rows(), COLUMNS, blobCentres, budget, count -> blobs, true));
    // No sample is asked for where the rules decide alone: without the kernel, or another choice.
    IntFunction<DataMatrix> refused =
        count -> {
          throw new AssertionError("no sample needed");
        };
    assertEquals(
        Algorithm.withoutVectorKernel(spots.rows(), COLUMNS, 40, budget),
        Algorithm.AUTO.resolve(spots.rows(), COLUMNS, spotCentres, budget, refused, false));
    assertEquals(
        Algorithm.HAMERLY,
        Algorithm.HAMERLY.resolve(spots.rows(), COLUMNS, spotCentres, budget, refused, true));
  }

  /** The rows i * rows / count of {@code data}, i from 0 to count - 1. */
  private static DataMatrix evenSample(DataMatrix data, int count) {
    int columns = data.columns();
    double[] values = new double[count * columns];
    for (int i = 0; i < count; i++) {
      int row = (int) ((long) i * data.rows() / count);
      System.arraycopy(data.values(), row * columns, values, i * columns, columns);
    }
    return DataMatrix.of(count, columns, values);
  }

  @Test
  void whereAutoMayKeepTheBoundsTheMemoryEstimateCountsThem() {
    KMeansSettings settings = KMeansSettings.DEFAULTS;
    MemoryEstimate estimate = MemoryEstimate.of(100_000, 16, 64, settings);
    Algorithm fallback =
        Algorithm.withoutVectorKernel(100_000, 16, 64, settings.elkanBudgetBytes());
    assertTrue(estimate.boundsBytes() >= fallback.boundsBytes(100_000, 16, 64));
  }
}
