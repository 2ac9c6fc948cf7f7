package io.github.fastkmeans.engine;

import java.util.Arrays;

/**
 * What one pass over some rows contributes to the M-step: per-centre weighted coordinate sums and
 * weights, the weighted sum of squared distances, and how many rows changed cluster. Merged in chunk
 * order, partial sums give the same bits for any number of threads.
 */
public final class ClusterSums {

  private final int k;
  private final int columns;
  /** Row-major k x columns: the sum of weight * point over the points of each centre. */
  private final double[] weightedSums;
  /** The sum of weights of the points of each centre. */
  private final double[] weights;

  private double squaredError;
  private long changed;
  private long distanceComputations;

  /** Empty sums for {@code k} centres in {@code columns} dimensions. */
  public ClusterSums(int k, int columns) {
    this.k = k;
    this.columns = columns;
    this.weightedSums = new double[k * columns];
    this.weights = new double[k];
  }

  /** Resets every sum to zero. */
  public void clear() {
    Arrays.fill(weightedSums, 0);
    Arrays.fill(weights, 0);
    squaredError = 0;
    changed = 0;
    distanceComputations = 0;
  }

  /** Adds one point (at {@code values[offset ..]}) of weight {@code weight} to centre {@code c}. */
  public void add(int c, double[] values, int offset, double weight) {
    int base = c * columns;
    for (int j = 0; j < columns; j++) {
      weightedSums[base + j] += weight * values[offset + j];
    }
    weights[c] += weight;
  }

  /** Removes one point previously added to centre {@code c}. */
  public void remove(int c, double[] values, int offset, double weight) {
    int base = c * columns;
    for (int j = 0; j < columns; j++) {
      weightedSums[base + j] -= weight * values[offset + j];
    }
    weights[c] -= weight;
  }

  /** Adds a weighted squared distance to the error sum. */
  public void addSquaredError(double weightedSquaredDistance) {
    squaredError += weightedSquaredDistance;
  }

  /** Counts one point whose cluster changed. */
  public void countChange() {
    changed++;
  }

  /** Counts {@code count} point-to-centre distances computed. */
  public void countDistances(long count) {
    distanceComputations += count;
  }

  /** How many point-to-centre distances were computed. */
  public long distanceComputations() {
    return distanceComputations;
  }

  /** Adds all of {@code other} to these sums. */
  public void merge(ClusterSums other) {
    for (int i = 0; i < weightedSums.length; i++) {
      weightedSums[i] += other.weightedSums[i];
    }
    for (int c = 0; c < k; c++) {
      weights[c] += other.weights[c];
    }
    squaredError += other.squaredError;
    changed += other.changed;
    distanceComputations += other.distanceComputations;
  }

  /** The total weight of the points assigned to centre {@code c}. */
  public double weight(int c) {
    return weights[c];
  }

  /** The weighted sum of squared distances of the points to their centres. */
  public double squaredError() {
    return squaredError;
  }

  /** How many points changed cluster. */
  public long changed() {
    return changed;
  }

  /**
   * Writes the weighted mean of each centre with positive weight into {@code centres} (OUT, row-major
   * k x columns); centres without weight are left unchanged.
   */
  public void writeMeans(double[] centres) {
    for (int c = 0; c < k; c++) {
      double w = weights[c];
      if (w > 0) {
        int base = c * columns;
        for (int j = 0; j < columns; j++) {
          centres[base + j] = weightedSums[base + j] / w;
        }
      }
    }
  }

  /** Copies the weights of all centres into {@code out} (length k). */
  public void copyWeights(double[] out) {
    System.arraycopy(weights, 0, out, 0, k);
  }
}
