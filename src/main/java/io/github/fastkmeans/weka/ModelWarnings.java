package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.ArrayList;
import java.util.List;

/** The warnings a model's output opens with. */
final class ModelWarnings {

  private ModelWarnings() {}

  /**
   * Options given a value other than their default that the build did not use: -N when
   * -max-clusters chooses k, -min-clusters without it. The GUI sets every property, so these are
   * noted, not refused.
   */
  private static List<String> unusedOptions(FitOptions options) {
    List<String> warnings = new ArrayList<>();
    boolean searching = options.get(OptionTable.MAX_CLUSTERS) > 0;
    int clusters = options.get(OptionTable.CLUSTERS);
    if (searching && clusters != OptionTable.CLUSTERS.defaultValue()) {
      warnings.add("-N " + clusters + " was not used: -max-clusters chose the number of clusters.");
    }
    int least = options.get(OptionTable.MIN_CLUSTERS);
    if (!searching && least != OptionTable.MIN_CLUSTERS.defaultValue()) {
      warnings.add(
          "-min-clusters "
              + least
              + " was not used: it bounds the search of -max-clusters, which is 0 (no search).");
    }
    return warnings;
  }

  /**
   * What the model output should warn of for a fit of {@code k} clusters to {@code matrix}, encoded
   * by {@code encoder}, built with {@code options}: options the build did not use, attributes
   * without values, fewer distinct rows than clusters.
   */
  static List<String> of(InstanceEncoder encoder, DataMatrix matrix, int k, FitOptions options) {
    List<String> warnings = unusedOptions(options);
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
