package io.github.fastkmeans.spark;

import java.util.Arrays;
import java.util.List;

/**
 * What is measured once a distributed fit has ended, over the cached blocks: the squared error
 * (summed per chunk, and over chunks in chunk order, as the engine sums it), every row's cluster,
 * and the clusters' spread.
 */
final class FinalMeasures {

  private final DistributedData data;
  private final int pass;
  private final double[] passCentres;
  private final int columns;
  private final int k;

  /** Measures after {@code pass} passes, with the final {@code centres} (copied). */
  FinalMeasures(DistributedData data, int pass, double[] centres) {
    this.data = data;
    this.pass = pass;
    this.passCentres = centres.clone();
    this.columns = data.columns;
    this.k = centres.length / columns;
  }

  /** The cluster of every row, in row order. */
  int[] labels() {
    int at = pass;
    List<int[]> perBlock = data.blocks.map(block -> block.labels(at)).collect();
    int[] labels = new int[(int) data.rows];
    int filled = 0;
    for (int[] part : perBlock) {
      System.arraycopy(part, 0, labels, filled, part.length);
      filled += part.length;
    }
    return labels;
  }

  /** Weighted means and sample deviations per cluster and overall, in the scaled space. */
  Spread spread() {
    // Spark ships the lambdas: they capture these locals, never this object.
    int at = pass;
    int clusters = k;
    int groups = k + 1;
    double[] sums = new double[groups * (columns + 1)];
    for (double[] part : data.blocks.map(block -> block.groupSums(at, clusters)).collect()) {
      for (int i = 0; i < sums.length; i++) {
        sums[i] += part[i];
      }
    }
    double[] means = new double[groups * columns];
    double[] weights = new double[groups];
    for (int g = 0; g < groups; g++) {
      weights[g] = sums[g * (columns + 1)];
      for (int j = 0; j < columns; j++) {
        means[g * columns + j] = weights[g] > 0 ? sums[g * (columns + 1) + 1 + j] / weights[g] : 0;
      }
    }
    double[] squares = new double[groups * columns];
    for (double[] part : data.blocks.map(block -> block.groupSquares(at, means)).collect()) {
      for (int i = 0; i < squares.length; i++) {
        squares[i] += part[i];
      }
    }
    double[] deviations = new double[groups * columns];
    for (int g = 0; g < groups; g++) {
      for (int j = 0; j < columns; j++) {
        int i = g * columns + j;
        deviations[i] = weights[g] > 1 ? Math.sqrt(squares[i] / (weights[g] - 1)) : 0;
      }
    }
    int cut = k * columns;
    return new Spread(
        Arrays.copyOf(means, cut),
        Arrays.copyOf(deviations, cut),
        Arrays.copyOfRange(means, cut, means.length),
        Arrays.copyOfRange(deviations, cut, deviations.length));
  }

  /** The squared error, summed per chunk on the executors and over chunks here in order. */
  double squaredError() {
    int at = pass;
    double[] centres = passCentres;
    // Blocks come back in partition order, which is the order of their chunks.
    List<double[]> perBlock = data.blocks.map(block -> block.chunkErrors(at, centres)).collect();
    double total = 0;
    for (double[] partials : perBlock) {
      for (double partial : partials) {
        total += partial;
      }
    }
    return total;
  }
}
