package io.github.fastkmeans.quality;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.parallel.Interruption;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * G-means' split of one cluster in two, and the projection of its rows onto the line between the
 * two halves, which is what G-means tests for normality.
 *
 * <p>The cluster's principal direction s (unit) and its variance lambda come from power iteration
 * on the weighted scatter matrix about the centre c, sum w (x - c)(x - c)^T / W, applied row by row
 * so that no d x d matrix is formed; it starts from a random direction drawn with the seed, so it
 * is deterministic, and stops after {@link #POWER_STEPS} steps or when the direction moves by less
 * than 1e-10. The children start at c +- s sqrt(2 lambda / pi), as in G-means, and move by at most
 * {@link #SPLIT_STEPS} weighted Lloyd steps over the cluster's rows (fewer once no row changes
 * side); a child that loses all rows keeps its place.
 *
 * <p>G. Hamerly and C. Elkan, "Learning the k in k-means", NIPS 2003.
 */
final class ClusterSplit {

  /** Power-iteration steps at most; the split needs a good direction, not an exact one. */
  private static final int POWER_STEPS = 50;

  /** Lloyd steps of the two children at most, "a few" as in G-means. */
  private static final int SPLIT_STEPS = 10;

  private ClusterSplit() {}

  /**
   * The projections {@code <x, v> / |v|^2} of the rows {@code members} (IN, rows of positive
   * weight) of {@code data} onto v = c1 - c2, the difference of the two children split from the
   * centre at {@code centres[centre .. centre + columns)}; {@code null} when the rows do not spread
   * out from the centre or the children end up in one place, since no line is then defined.
   *
   * @throws InterruptedException if the calling thread is interrupted
   */
  static double[] projections(
      DataMatrix data, int[] members, double[] centres, int centre, long seed)
      throws InterruptedException {
    int columns = data.columns();
    double[] direction = new double[columns];
    double variance = principalDirection(data, members, centres, centre, seed, direction);
    if (!(variance > 0)) {
      return null;
    }
    double step = Math.sqrt(2 * variance / Math.PI);
    double[] children = new double[2 * columns];
    for (int j = 0; j < columns; j++) {
      children[j] = centres[centre + j] + step * direction[j];
      children[columns + j] = centres[centre + j] - step * direction[j];
    }
    splitSteps(data, members, children);
    double[] line = new double[columns];
    double length = 0;
    for (int j = 0; j < columns; j++) {
      line[j] = children[j] - children[columns + j];
      length += line[j] * line[j];
    }
    if (!(length > 0)) {
      return null;
    }
    double[] values = data.values();
    double[] projected = new double[members.length];
    for (int i = 0; i < members.length; i++) {
      int base = members[i] * columns;
      double dot = 0;
      for (int j = 0; j < columns; j++) {
        dot += values[base + j] * line[j];
      }
      projected[i] = dot / length;
    }
    return projected;
  }

  /**
   * Writes the unit principal direction of the rows about the centre into {@code direction} (OUT)
   * and returns the weighted scatter along it; 0 when every row sits on the centre.
   */
  private static double principalDirection(
      DataMatrix data, int[] members, double[] centres, int centre, long seed, double[] direction)
      throws InterruptedException {
    int columns = data.columns();
    double[] values = data.values();
    double totalWeight = 0;
    for (int row : members) {
      totalWeight += data.weight(row);
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int j = 0; j < columns; j++) {
      direction[j] = random.nextDouble() - 0.5;
    }
    normalise(direction);
    double[] next = new double[columns];
    double variance = 0;
    for (int step = 0; step < POWER_STEPS; step++) {
      Interruption.check("Splitting a cluster");
      Arrays.fill(next, 0);
      for (int row : members) {
        int base = row * columns;
        double along = 0;
        for (int j = 0; j < columns; j++) {
          along += (values[base + j] - centres[centre + j]) * direction[j];
        }
        double scale = data.weight(row) * along / totalWeight;
        for (int j = 0; j < columns; j++) {
          next[j] += scale * (values[base + j] - centres[centre + j]);
        }
      }
      // The Rayleigh quotient of the unit direction: the scatter along it.
      variance = 0;
      for (int j = 0; j < columns; j++) {
        variance += direction[j] * next[j];
      }
      if (normalise(next) == 0) {
        return 0;
      }
      double moved = SquaredEuclidean.distance(direction, 0, next, 0, columns);
      System.arraycopy(next, 0, direction, 0, columns);
      if (moved < 1e-20) {
        break;
      }
    }
    return variance;
  }

  /** Weighted Lloyd steps of the two children (IN/OUT, row-major 2 x columns) over the rows. */
  private static void splitSteps(DataMatrix data, int[] members, double[] children)
      throws InterruptedException {
    int columns = data.columns();
    double[] values = data.values();
    boolean[] first = new boolean[members.length];
    double[] sums = new double[2 * columns];
    double[] weights = new double[2];
    for (int step = 0; step < SPLIT_STEPS; step++) {
      Interruption.check("Splitting a cluster");
      boolean changed = step == 0;
      Arrays.fill(sums, 0);
      Arrays.fill(weights, 0);
      for (int i = 0; i < members.length; i++) {
        int base = members[i] * columns;
        boolean nearFirst =
            SquaredEuclidean.distance(values, base, children, 0, columns)
                <= SquaredEuclidean.distance(values, base, children, columns, columns);
        changed |= nearFirst != first[i];
        first[i] = nearFirst;
        int child = nearFirst ? 0 : 1;
        double weight = data.weight(members[i]);
        weights[child] += weight;
        for (int j = 0; j < columns; j++) {
          sums[child * columns + j] += weight * values[base + j];
        }
      }
      if (!changed) {
        return;
      }
      for (int child = 0; child < 2; child++) {
        if (weights[child] > 0) {
          for (int j = 0; j < columns; j++) {
            children[child * columns + j] = sums[child * columns + j] / weights[child];
          }
        }
      }
    }
  }

  /** Scales {@code vector} (IN/OUT) to unit length and returns its former length. */
  private static double normalise(double[] vector) {
    double squares = 0;
    for (double value : vector) {
      squares += value * value;
    }
    double length = Math.sqrt(squares);
    if (length > 0) {
      for (int j = 0; j < vector.length; j++) {
        vector[j] /= length;
      }
    }
    return length;
  }
}
