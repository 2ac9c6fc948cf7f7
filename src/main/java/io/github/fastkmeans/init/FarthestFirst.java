package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.parallel.Interruption;
import java.util.Random;

/**
 * Farthest-first traversal: the first centre is a row of positive weight drawn uniformly; each
 * further centre is the row of positive weight farthest from its nearest centre so far (the lowest
 * row on a tie).
 *
 * <p>D. S. Hochbaum, D. B. Shmoys, "A best possible heuristic for the k-center problem",
 * Mathematics of Operations Research 10(2), 1985.
 */
public final class FarthestFirst implements Initializer {

  /** Creates the initializer. */
  public FarthestFirst() {}

  @Override
  public double[] initialCentres(DataMatrix data, int k, Random random)
      throws InterruptedException {
    int rows = data.rows();
    Rows.requirePositiveWeight(data);
    int[] weighted = Rows.withPositiveWeight(data);
    double[] centres = new double[k * data.columns()];
    int first = weighted[random.nextInt(weighted.length)];
    Rows.copyRow(data, first, centres, 0);

    double[] nearest = new double[rows];
    double[] distances = new double[rows];
    Rows.distancesTo(data, centres, 0, nearest);
    for (int c = 1; c < k; c++) {
      Interruption.check("Farthest-first seeding");
      int farthest = -1;
      for (int row = 0; row < rows; row++) {
        if (data.weight(row) > 0 && (farthest < 0 || nearest[row] > nearest[farthest])) {
          farthest = row;
        }
      }
      Rows.copyRow(data, farthest, centres, c);
      Rows.distancesTo(data, centres, c, distances);
      for (int row = 0; row < rows; row++) {
        nearest[row] = Math.min(nearest[row], distances[row]);
      }
    }
    return centres;
  }
}
