package io.github.fastkmeans.engine;

import java.util.Arrays;
import java.util.Random;

/** Seeded data sets and brute-force reference computations shared by the engine and init tests. */
public final class TestData {

  /** Every algorithm a fit runs: all but {@link Algorithm#AUTO}, which resolves to one of them. */
  public static Algorithm[] everyAlgorithm() {
    return Arrays.stream(Algorithm.values())
        .filter(algorithm -> algorithm != Algorithm.AUTO)
        .toArray(Algorithm[]::new);
  }

  private TestData() {}

  /**
   * {@code rows} points in {@code columns} dimensions scattered with standard deviation {@code
   * spread} around {@code groups} random group centres in [-10, 10]^columns; weights in [0.5, 2.5)
   * when {@code weighted}, otherwise none.
   */
  public static DataMatrix blobs(
      long seed, int rows, int columns, int groups, double spread, boolean weighted) {
    Random random = new Random(seed);
    double[] means = new double[groups * columns];
    for (int i = 0; i < means.length; i++) {
      means[i] = -10 + 20 * random.nextDouble();
    }
    double[] values = new double[rows * columns];
    for (int row = 0; row < rows; row++) {
      int group = random.nextInt(groups);
      for (int j = 0; j < columns; j++) {
        values[row * columns + j] = means[group * columns + j] + spread * random.nextGaussian();
      }
    }
    double[] weights = null;
    if (weighted) {
      weights = new double[rows];
      for (int row = 0; row < rows; row++) {
        weights[row] = 0.5 + 2 * random.nextDouble();
      }
    }
    return DataMatrix.of(rows, columns, values, weights);
  }

  /**
   * {@code k} distinct random rows of {@code data} drawn with {@code seed}, as the random
   * initializer would pick them, but without depending on it.
   */
  public static double[] distinctRows(DataMatrix data, int k, long seed) {
    int columns = data.columns();
    int[] rows = new Random(seed).ints(0, data.rows()).distinct().limit(k).toArray();
    double[] centres = new double[k * columns];
    for (int c = 0; c < k; c++) {
      System.arraycopy(data.values(), rows[c] * columns, centres, c * columns, columns);
    }
    return centres;
  }

  /** The first {@code k} rows of {@code data} as row-major centres. */
  public static double[] firstRows(DataMatrix data, int k) {
    return Arrays.copyOf(data.values(), k * data.columns());
  }

  /** The nearest centre of every row, found by {@link SquaredEuclidean#nearest}. */
  public static int[] nearestLabels(DataMatrix data, double[] centres) {
    int columns = data.columns();
    int k = centres.length / columns;
    int[] labels = new int[data.rows()];
    for (int row = 0; row < data.rows(); row++) {
      labels[row] = SquaredEuclidean.nearest(data.values(), row * columns, centres, k, columns);
    }
    return labels;
  }

  /** The weighted sum of squared distances of every row to the centre its label names. */
  public static double squaredError(DataMatrix data, double[] centres, int[] labels) {
    int columns = data.columns();
    double total = 0;
    for (int row = 0; row < data.rows(); row++) {
      double sum = 0;
      for (int j = 0; j < columns; j++) {
        double diff = data.value(row, j) - centres[labels[row] * columns + j];
        sum += diff * diff;
      }
      total += data.weight(row) * sum;
    }
    return total;
  }

  /**
   * Whether {@code centre} of {@code centres} equals some row of {@code data} exactly; returns it
   * or -1.
   */
  public static int rowEqualTo(DataMatrix data, double[] centres, int centre) {
    int columns = data.columns();
    for (int row = 0; row < data.rows(); row++) {
      boolean equal = true;
      for (int j = 0; j < columns && equal; j++) {
        equal = data.value(row, j) == centres[centre * columns + j];
      }
      if (equal) {
        return row;
      }
    }
    return -1;
  }
}
