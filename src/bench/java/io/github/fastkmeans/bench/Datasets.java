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
}
