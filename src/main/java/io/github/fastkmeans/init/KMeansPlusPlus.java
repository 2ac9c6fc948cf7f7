package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.engine.WeightedDraw;
import io.github.fastkmeans.parallel.Interruption;
import java.util.Random;

/**
 * Greedy k-means++ seeding: the first centre is a row drawn in proportion to its weight; each
 * further centre is the best of {@code 2 + floor(ln k)} candidates, each drawn with probability
 * proportional to weight times squared distance to the nearest centre so far (D² sampling), the
 * best being the one that leaves the lowest weighted potential.
 *
 * <p>D. Arthur, S. Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007. The
 * greedy trials follow scikit-learn's implementation.
 */
public final class KMeansPlusPlus implements Initializer {

  /** Creates the initializer. */
  public KMeansPlusPlus() {}

  /** The number of candidates tried for each centre after the first. */
  public static int trials(int k) {
    return 2 + (int) Math.floor(Math.log(k));
  }

  @Override
  public double[] initialCentres(DataMatrix data, int k, Random random)
      throws InterruptedException {
    int rows = data.rows();
    int columns = data.columns();
    double[] values = data.values();
    Rows.requirePositiveWeight(data);
    double[] centres = new double[k * columns];
    Rows.copyRow(data, WeightedDraw.rowByWeight(data, random), centres, 0);

    double[] nearest = new double[rows];
    Rows.distancesTo(data, centres, 0, nearest);
    double[] cumulative = new double[rows];
    double[] candidateNearest = new double[rows];
    double[] bestNearest = new double[rows];
    int trials = trials(k);
    for (int c = 1; c < k; c++) {
      double potential = 0;
      for (int row = 0; row < rows; row++) {
        potential += data.weight(row) * nearest[row];
        cumulative[row] = potential;
      }
      if (!(potential > 0)) {
        // Every weighted row already sits on a centre: only repeats are left to choose.
        Rows.copyRow(data, WeightedDraw.rowByWeight(data, random), centres, c);
        continue;
      }
      int bestRow = -1;
      double bestPotential = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        // Each trial is a pass over the data: where an interrupt is seen within a pass's time.
        Interruption.check("k-means++");
        int candidate = WeightedDraw.index(cumulative, random);
        double candidatePotential = 0;
        int candidateOffset = candidate * columns;
        for (int row = 0; row < rows; row++) {
          double dist =
              SquaredEuclidean.distance(values, row * columns, values, candidateOffset, columns);
          double closest = Math.min(nearest[row], dist);
          candidateNearest[row] = closest;
          candidatePotential += data.weight(row) * closest;
        }
        // The first candidate is taken even if its potential overflowed to infinity.
        if (bestRow < 0 || candidatePotential < bestPotential) {
          bestPotential = candidatePotential;
          bestRow = candidate;
          double[] swap = bestNearest;
          bestNearest = candidateNearest;
          candidateNearest = swap;
        }
      }
      Rows.copyRow(data, bestRow, centres, c);
      double[] swap = nearest;
      nearest = bestNearest;
      bestNearest = swap;
    }
    return centres;
  }
}
