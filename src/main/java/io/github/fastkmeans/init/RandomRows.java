package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.RowKey;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * k distinct rows drawn uniformly at random (rows of zero weight excluded). Rows whose values
 * repeat a centre already drawn are passed over while other rows remain, so duplicates in the data
 * do not become duplicate centres.
 */
public final class RandomRows implements Initializer {

  /** Creates the initializer. */
  public RandomRows() {}

  @Override
  public double[] initialCentres(DataMatrix data, int k, Random random) {
    Rows.requirePositiveWeight(data);
    int[] candidates = Rows.withPositiveWeight(data);
    double[] centres = new double[k * data.columns()];
    Set<RowKey> chosen = new HashSet<>();
    int[] passedOver = new int[candidates.length];
    int passedOverCount = 0;
    int found = 0;
    for (int remaining = candidates.length; remaining > 0 && found < k; remaining--) {
      // A partial Fisher-Yates shuffle: each step takes one uniformly drawn row not taken before.
      int pick = random.nextInt(remaining);
      int row = candidates[pick];
      candidates[pick] = candidates[remaining - 1];
      candidates[remaining - 1] = row;
      if (chosen.add(RowKey.of(data, row))) {
        Rows.copyRow(data, row, centres, found++);
      } else {
        passedOver[passedOverCount++] = row;
      }
    }
    // Fewer distinct rows than k: fill up with repeats, in the order they were drawn.
    for (int i = 0; found < k; i++) {
      int row =
          i < passedOverCount
              ? passedOver[i]
              : candidates[(i - passedOverCount) % candidates.length];
      Rows.copyRow(data, row, centres, found++);
    }
    return centres;
  }
}
