package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.ArrayList;
import java.util.List;

/** The warnings a model's output opens with. */
final class ModelWarnings {

  private ModelWarnings() {}

  /**
   * What the model output should warn of for a fit of {@code k} clusters to {@code matrix}, encoded
   * by {@code encoder}: attributes without values, fewer distinct rows than clusters.
   */
  static List<String> of(InstanceEncoder encoder, DataMatrix matrix, int k) {
    List<String> warnings = new ArrayList<>();
    for (int a = 0; a < encoder.clusteredAttributeCount(); a++) {
      if (encoder.isAbsent(a)) {
        warnings.add(
            "attribute '"
                + encoder.header().attribute(encoder.attributeIndex(a)).name()
                + "' has no values (all missing); it takes no part in distances.");
      }
    }
    int distinct = DistinctRows.count(matrix, k);
    if (distinct < k) {
      int empty = k - distinct;
      warnings.add(
          "only "
              + distinct
              + (distinct == 1 ? " distinct instance" : " distinct instances")
              + " (of positive weight, after missing values were replaced) for "
              + k
              + " clusters; at least "
              + empty
              + (empty == 1 ? " cluster is" : " clusters are")
              + " empty.");
    }
    return warnings;
  }
}
