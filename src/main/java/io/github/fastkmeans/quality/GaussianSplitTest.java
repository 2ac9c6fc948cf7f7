package io.github.fastkmeans.quality;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.parallel.Interruption;

/**
 * G-means' test of whether each cluster looks like one Gaussian: the cluster is split in two along
 * its principal direction, the two halves are moved by a few 2-means iterations over the cluster's
 * rows, the rows are projected onto the line between the two centres, and the projection is tested
 * for normality by {@link AndersonDarling}. A cluster whose projection is not normal at the given
 * significance would rather be two.
 *
 * <p>G. Hamerly, C. Elkan, "Learning the k in k-means", NIPS 2003: children c ± m with m the
 * principal direction times √(2λ/π), λ its eigenvalue; significance 0.0001.
 *
 * <p>Everything is computed in row order on the calling thread: deterministic, and the same for any
 * number of threads. The seed is unused; the start of each split is determined by the data.
 */
public final class GaussianSplitTest {

  /** Clusters with fewer rows of positive weight are too small to test and count as Gaussian. */
  static final int MIN_ROWS = 8;

  /** Power iterations for the principal direction. */
  private static final int POWER_ITERATIONS = 30;

  /** 2-means iterations that move the two children, as G-means runs k-means on them. */
  private static final int SPLIT_ITERATIONS = 10;

  private GaussianSplitTest() {}

  /**
   * The number of clusters whose rows do not look Gaussian at significance {@code alpha} (one of
   * 0.1, 0.05, 0.025, 0.01, 0.005, 0.0001). {@code labels} (length data.rows(), in [0, k)) and
   * {@code centres} (row-major k x columns) give the partition. Weighted; weights act as counts.
   *
   * @throws IllegalArgumentException if the partition does not fit the data, or for another alpha
   * @throws InterruptedException if the calling thread is interrupted
   */
  public static int nonGaussianClusters(
      DataMatrix data, int[] labels, double[] centres, int k, double alpha, long seed)
      throws InterruptedException {
    Partitions.check(data, labels, centres, k);
    double critical = AndersonDarling.criticalValue(alpha);
    int[][] members = members(data, labels, k);
    int failing = 0;
    for (int c = 0; c < k; c++) {
      Interruption.check("G-means' test");
      if (members[c].length >= MIN_ROWS && !looksGaussian(data, members[c], centres, c, critical)) {
        failing++;
      }
    }
    return failing;
  }

  /** The rows of positive weight of every cluster, in row order. */
  private static int[][] members(DataMatrix data, int[] labels, int k) {
    int[] counts = new int[k];
    for (int row = 0; row < data.rows(); row++) {
      if (data.weight(row) > 0) {
        counts[labels[row]]++;
      }
    }
    int[][] members = new int[k][];
    for (int c = 0; c < k; c++) {
      members[c] = new int[counts[c]];
      counts[c] = 0;
    }
    for (int row = 0; row < data.rows(); row++) {
      if (data.weight(row) > 0) {
        members[labels[row]][counts[labels[row]]++] = row;
      }
    }
    return members;
  }

  private static boolean looksGaussian(
      DataMatrix data, int[] rows, double[] centres, int c, double critical) {
    int columns = data.columns();
    double[] values = data.values();
    double[] centre = new double[columns];
    System.arraycopy(centres, c * columns, centre, 0, columns);
    double[] direction = principalDirection(data, rows, centre);
    // λ = v'Σv for the unit eigenvector v; the children sit at c ± v √(2λ/π).
    double variance = projectedVariance(data, rows, centre, direction);
    double reach = Math.sqrt(2 * variance / Math.PI);
    double[] first = new double[columns];
    double[] second = new double[columns];
    for (int j = 0; j < columns; j++) {
      first[j] = centre[j] + reach * direction[j];
      second[j] = centre[j] - reach * direction[j];
    }
    twoMeans(data, rows, first, second);
    double[] projected = new double[rows.length];
    double[] weights = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      int offset = rows[i] * columns;
      double dot = 0;
      for (int j = 0; j < columns; j++) {
        dot += values[offset + j] * (first[j] - second[j]);
      }
      projected[i] = dot;
      weights[i] = data.weight(rows[i]);
    }
    return AndersonDarling.statistic(projected, weights) <= critical;
  }

  /**
   * The unit principal direction of the rows around {@code centre}, by power iteration on their
   * weighted scatter, started from the row farthest from the centre (the lowest row on a tie).
   */
  private static double[] principalDirection(DataMatrix data, int[] rows, double[] centre) {
    int columns = data.columns();
    double[] values = data.values();
    double[] direction = new double[columns];
    double farthest = -1;
    for (int row : rows) {
      double distance = 0;
      for (int j = 0; j < columns; j++) {
        double diff = values[row * columns + j] - centre[j];
        distance += diff * diff;
      }
      if (distance > farthest) {
        farthest = distance;
        for (int j = 0; j < columns; j++) {
          direction[j] = values[row * columns + j] - centre[j];
        }
      }
    }
    if (!normalise(direction)) {
      direction[0] = 1;
      return direction;
    }
    double[] next = new double[columns];
    for (int iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
      java.util.Arrays.fill(next, 0);
      for (int row : rows) {
        double weight = data.weight(row);
        double dot = 0;
        for (int j = 0; j < columns; j++) {
          dot += (values[row * columns + j] - centre[j]) * direction[j];
        }
        for (int j = 0; j < columns; j++) {
          next[j] += weight * dot * (values[row * columns + j] - centre[j]);
        }
      }
      if (!normalise(next)) {
        break;
      }
      System.arraycopy(next, 0, direction, 0, columns);
    }
    return direction;
  }

  /** Scales {@code vector} to unit length; false when it is zero (or not finite). */
  private static boolean normalise(double[] vector) {
    double norm = 0;
    for (double v : vector) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    if (!(norm > 0) || Double.isInfinite(norm)) {
      return false;
    }
    for (int j = 0; j < vector.length; j++) {
      vector[j] /= norm;
    }
    return true;
  }

  /** The weighted variance of the rows' projections on the unit {@code direction}. */
  private static double projectedVariance(
      DataMatrix data, int[] rows, double[] centre, double[] direction) {
    int columns = data.columns();
    double[] values = data.values();
    double weights = 0;
    double squares = 0;
    for (int row : rows) {
      double dot = 0;
      for (int j = 0; j < columns; j++) {
        dot += (values[row * columns + j] - centre[j]) * direction[j];
      }
      weights += data.weight(row);
      squares += data.weight(row) * dot * dot;
    }
    return squares / weights;
  }

  /** Moves {@code first} and {@code second} (IN/OUT) by 2-means iterations over {@code rows}. */
  private static void twoMeans(DataMatrix data, int[] rows, double[] first, double[] second) {
    int columns = data.columns();
    double[] values = data.values();
    double[] sumFirst = new double[columns];
    double[] sumSecond = new double[columns];
    for (int iteration = 0; iteration < SPLIT_ITERATIONS; iteration++) {
      java.util.Arrays.fill(sumFirst, 0);
      java.util.Arrays.fill(sumSecond, 0);
      double weightFirst = 0;
      double weightSecond = 0;
      for (int row : rows) {
        double toFirst = 0;
        double toSecond = 0;
        for (int j = 0; j < columns; j++) {
          double value = values[row * columns + j];
          toFirst += (value - first[j]) * (value - first[j]);
          toSecond += (value - second[j]) * (value - second[j]);
        }
        double weight = data.weight(row);
        double[] sum = toFirst <= toSecond ? sumFirst : sumSecond;
        for (int j = 0; j < columns; j++) {
          sum[j] += weight * values[row * columns + j];
        }
        if (toFirst <= toSecond) {
          weightFirst += weight;
        } else {
          weightSecond += weight;
        }
      }
      if (!(weightFirst > 0) || !(weightSecond > 0)) {
        return;
      }
      for (int j = 0; j < columns; j++) {
        first[j] = sumFirst[j] / weightFirst;
        second[j] = sumSecond[j] / weightSecond;
      }
    }
  }
}
