package io.github.fastkmeans.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.Random;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The benchmark's data: deterministic Gaussian blobs, and real sets read from the shared data
 * folder.
 */
final class Datasets {

  private Datasets() {}

  /**
   * n rows around k centres drawn uniformly in [20, 80]^d; each row picks a centre uniformly and
   * adds N(0, sigma^2) per coordinate, where each blob's sigma is {@code spread} times a factor in
   * [0.5, 1.5). Values are clamped to [0, 100], so squared distances stay far below 2^31
   * (SimpleKMeans' cut-off). {@link Random} is used because its Gaussian sequence is fixed by its
   * specification: the same seed gives the same data on every JDK.
   */
  static Dataset blobs(
      String name, int rows, int columns, int k, int iterations, double spread, long seed) {
    Random random = new Random(seed);
    double[] centres = new double[k * columns];
    double[] sigma = new double[k];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < columns; j++) {
        centres[c * columns + j] = 20 + 60 * random.nextDouble();
      }
      sigma[c] = spread * (0.5 + random.nextDouble());
    }
    double[] values = new double[rows * columns];
    for (int i = 0; i < rows; i++) {
      int c = random.nextInt(k);
      for (int j = 0; j < columns; j++) {
        double v = centres[c * columns + j] + sigma[c] * random.nextGaussian();
        values[i * columns + j] = Math.max(0, Math.min(100, v));
      }
    }
    String description =
        String.format(
            "Gaussian blobs: %d centres uniform in [20,80]^%d, sigma %.1f x [0.5,1.5) per blob, clamped to [0,100], seed %d",
            k, columns, spread, seed);
    return new Dataset(name, description, rows, columns, k, iterations, values);
  }

  /**
   * Reads the numeric attributes of an ARFF file (plain or .gz; a nominal class attribute is
   * dropped) and rescales every column linearly to [0, 100] (constant columns become 0). The
   * rescaling keeps SimpleKMeans' Integer.MAX_VALUE distance cut-off out of play, so every system
   * solves the same problem; it is what SimpleKMeans' default range normalisation does, times 100.
   *
   * @param stride keep every stride-th row only (1 keeps all; the quick mode thins the data)
   */
  static Dataset arff(String name, Path file, int k, int iterations, int stride) throws Exception {
    Instances data = DataSource.read(file.toString());
    int numeric = 0;
    for (int a = 0; a < data.numAttributes(); a++) {
      Attribute attribute = data.attribute(a);
      if (attribute.isNumeric()) {
        numeric++;
      } else if (a != data.numAttributes() - 1 || !attribute.isNominal()) {
        throw new IllegalArgumentException(
            file + ": attribute " + attribute.name() + " is not numeric");
      }
    }
    int rows = (data.numInstances() + stride - 1) / stride;
    double[] values = new double[rows * numeric];
    for (int i = 0, r = 0; i < data.numInstances(); i += stride, r++) {
      for (int a = 0, j = 0; a < data.numAttributes(); a++) {
        if (data.attribute(a).isNumeric()) {
          double v = data.instance(i).value(a);
          if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(file + ": missing or infinite value in row " + i);
          }
          values[r * numeric + j++] = v;
        }
      }
    }
    rescale(values, rows, numeric);
    String description =
        "file "
            + new File(file.toString()).getName()
            + (stride > 1 ? ", every " + stride + "th row" : "")
            + ", columns min-max rescaled to [0,100]";
    return new Dataset(name, description, rows, numeric, k, iterations, values);
  }

  private static void rescale(double[] values, int rows, int columns) {
    for (int j = 0; j < columns; j++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < rows; i++) {
        min = Math.min(min, values[i * columns + j]);
        max = Math.max(max, values[i * columns + j]);
      }
      double range = max - min;
      for (int i = 0; i < rows; i++) {
        values[i * columns + j] = range > 0 ? 100 * (values[i * columns + j] - min) / range : 0;
      }
    }
  }

  /**
   * The synthetic benchmark set named {@code set} (A-G, and L3-L5, W32, W64, W96, E50, which run
   * only when named), full size or in the quick mode (a tenth of the rows, at most 10 iterations);
   * null for any other name.
   */
  static Dataset synthetic(String set, boolean quick) {
    int div = quick ? 10 : 1;
    switch (set) {
      case "A":
        return Datasets.blobs("A", 100_000 / div, 2, 10, it(quick, 50), 6.0, 11);
      case "B":
        return Datasets.blobs("B", 200_000 / div, 16, 64, it(quick, 50), 6.0, 12);
      case "C":
        return Datasets.blobs("C", 1_000_000 / div, 8, 32, it(quick, 50), 6.0, 13);
      case "D":
        // Wide, overlapping blobs: with narrow ones in 128 dimensions, centres started from random
        // rows leave blobs and their clusters empty out, and the systems' empty-cluster rules
        // differ.
        return Datasets.blobs("D", 50_000 / div, 128, 100, it(quick, 21), 20.0, 14);
      case "E":
        // Spread 10: with narrower blobs (6), centres started from random rows empty out (7 of
        // 1,000 by the 10th iteration), and the systems' empty-cluster rules differ.
        return Datasets.blobs("E", 200_000 / div, 32, 1_000, it(quick, 10), 10.0, 31).asLarge();
      case "E50":
        // E's rows, run to convergence (37 iterations from E's start in FastKMeans): the bounds of
        // auto's tiled Yinyang start once the rows settle, with enough passes left.
        return Datasets.blobs("E50", 200_000 / div, 32, 1_000, it(quick, 50), 10.0, 31).asLarge();
      case "F":
        // Overlapping blobs, as D's: bounds prune little and most distances must be computed.
        return Datasets.blobs("F", 1_000_000 / div, 64, 256, it(quick, 10), 20.0, 32).asLarge();
      case "G":
        // k = 10,000: a Lloyd pass is 64 GFLOP. The quick mode divides k too (10 rows a cluster).
        // Overlapping blobs: with spread 6, 47 of the 10,000 clusters empty out in 5 iterations.
        return Datasets.blobs("G", 100_000 / div, 32, 10_000 / div, it(quick, 5), 20.0, 33)
            .asLarge();
      case "L3":
      case "L4":
      case "L5":
        int columns = set.charAt(1) - '0';
        return Datasets.blobs(set, 200_000 / div, columns, 32, it(quick, 50), 6.0, 20 + columns);
      case "W32":
        return Datasets.blobs("W32", 100_000 / div, 32, 50, it(quick, 30), 10.0, 16);
      case "W64":
        return Datasets.blobs("W64", 100_000 / div, 64, 50, it(quick, 30), 15.0, 17);
      case "W96":
        return Datasets.blobs("W96", 50_000 / div, 96, 100, it(quick, 21), 20.0, 18);
      default:
        return null;
    }
  }

  private static int it(boolean quick, int iterations) {
    return quick ? Math.min(iterations, 10) : iterations;
  }
}
