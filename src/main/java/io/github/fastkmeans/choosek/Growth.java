package io.github.fastkmeans.choosek;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.engine.SwapRefinement;
import io.github.fastkmeans.engine.WeightedDraw;
import java.util.Arrays;
import java.util.Random;

/**
 * The growth step of the search for k: a fit's centres and one more, chosen as greedy k-means++
 * chooses a centre. Of {@link SwapRefinement#candidates} rows drawn with probability proportional
 * to their weight times their squared distance to their centre, the one whose addition as a centre
 * lowers the squared error most is kept (the first drawn on ties).
 *
 * <p>A candidate's gain comes only from rows nearer to it than to their centre. By the triangle
 * inequality a row whose centre is at least twice the row's distance to it away from the candidate
 * is not, so only the clusters around the candidate are visited, and in them only the rows not
 * ruled out that way are measured: a candidate costs the rows near it, not all rows.
 */
final class Growth {

  /** Relative slack on triangle-inequality tests, far above the rounding of a square root. */
  private static final double SLACK = 1e-9;

  /**
   * Distances below this are never pruned: their squares lie near the subnormal range, where
   * rounding is absolute and no relative slack covers it.
   */
  private static final double SMALLEST_TRUSTED_ROOT = 0x1p-484;

  private final DataMatrix data;
  private final double[] values;
  private final int columns;
  private final int k;
  private final double[] centres;

  /** The squared distance of every row to its centre. */
  private final double[] distances;

  /** Per row: a candidate this far from the row's centre or farther is no nearer to the row. */
  private final double[] reach;

  /** The largest {@link #reach} of the rows of each cluster. */
  private final double[] clusterReach;

  /** The rows of cluster c are members[memberStart[c] .. memberStart[c + 1]), in row order. */
  private final int[] members;

  private final int[] memberStart;

  /** Running totals of weight times {@link #distances}, in row order, for D² sampling. */
  private final double[] cumulative;

  private Growth(DataMatrix data, KMeansResult fit) {
    this.data = data;
    this.values = data.values();
    this.columns = data.columns();
    this.k = fit.k();
    this.centres = fit.centres();
    int rows = data.rows();
    int[] labels = fit.labels();
    this.distances = new double[rows];
    this.reach = new double[rows];
    this.cumulative = new double[rows];
    this.clusterReach = new double[k];
    this.memberStart = new int[k + 1];
    this.members = new int[rows];
    double total = 0;
    for (int row = 0; row < rows; row++) {
      int label = labels[row];
      distances[row] =
          SquaredEuclidean.distance(values, row * columns, centres, label * columns, columns);
      double root = Math.sqrt(distances[row]);
      reach[row] = root < SMALLEST_TRUSTED_ROOT ? Double.POSITIVE_INFINITY : 2 * root * (1 + SLACK);
      clusterReach[label] = Math.max(clusterReach[label], reach[row]);
      total += data.weight(row) * distances[row];
      cumulative[row] = total;
      memberStart[label + 1]++;
    }
    for (int c = 0; c < k; c++) {
      memberStart[c + 1] += memberStart[c];
    }
    int[] next = Arrays.copyOf(memberStart, k);
    for (int row = 0; row < rows; row++) {
      members[next[labels[row]]++] = row;
    }
  }

  /**
   * The centres of {@code fit}, a fit of {@code data}, and one more (row-major, the new one last),
   * drawn with {@code random}; any row of positive weight when every such row sits on its centre.
   */
  static double[] withOneMore(DataMatrix data, KMeansResult fit, Random random) {
    Growth growth = new Growth(data, fit);
    double total = growth.cumulative[data.rows() - 1];
    int chosen;
    if (total > 0 && !Double.isInfinite(total)) {
      chosen = -1;
      double bestGain = -1;
      for (int draw = SwapRefinement.candidates(fit.k() + 1); draw > 0; draw--) {
        int candidate = WeightedDraw.index(growth.cumulative, random);
        double gain = growth.gain(candidate);
        if (gain > bestGain) {
          bestGain = gain;
          chosen = candidate;
        }
      }
    } else {
      chosen = WeightedDraw.rowByWeight(data, random);
    }
    int columns = data.columns();
    double[] grown = new double[growth.centres.length + columns];
    System.arraycopy(growth.centres, 0, grown, 0, growth.centres.length);
    System.arraycopy(data.values(), chosen * columns, grown, growth.centres.length, columns);
    return grown;
  }

  /**
   * How much the squared error drops when row {@code candidate} becomes a centre too: summed over
   * the clusters in index order, and over their rows in row order.
   */
  double gain(int candidate) {
    double gain = 0;
    for (int c = 0; c < k; c++) {
      double toCandidate =
          Math.sqrt(
              SquaredEuclidean.distance(
                  centres, c * columns, values, candidate * columns, columns));
      if (toCandidate >= clusterReach[c]) {
        continue;
      }
      for (int m = memberStart[c]; m < memberStart[c + 1]; m++) {
        int row = members[m];
        if (toCandidate >= reach[row]) {
          continue;
        }
        double distance =
            SquaredEuclidean.distance(values, row * columns, values, candidate * columns, columns);
        if (distance < distances[row]) {
          gain += data.weight(row) * (distances[row] - distance);
        }
      }
    }
    return gain;
  }
}
