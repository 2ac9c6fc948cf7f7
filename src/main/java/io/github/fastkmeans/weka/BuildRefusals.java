package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.BoundsBudgetException;
import io.github.fastkmeans.engine.EmptyClusterException;
import weka.core.Capabilities;
import weka.core.WekaException;

/**
 * What a build refuses, and how: training rows it cannot use, and the engine's refusals said in the
 * terms of the scheme's options.
 */
final class BuildRefusals {

  private BuildRefusals() {}

  /**
   * Refuses training rows a build with {@code options} cannot use: attributes {@code capabilities}
   * (unless null) refuse, no rows, fewer rows than the {@code k} clusters asked for, or a search
   * for k that cannot run.
   *
   * @throws WekaException naming the problem
   */
  static void refuseUnusable(
      TrainingRows data, int k, FitOptions options, Capabilities capabilities)
      throws WekaException {
    if (capabilities != null) {
      data.test(capabilities);
    }
    if (data.count() == 0) {
      throw new WekaException("The training data hold no instances: there is nothing to cluster.");
    }
    if (options.get(OptionTable.MAX_CLUSTERS) > 0) {
      refuseUnusableSearch(data, options);
    } else if (data.count() < k) {
      throw new WekaException(
          "Cannot form "
              + k
              + " clusters from "
              + instances(data.count())
              + "; lower the number of clusters (-N).");
    }
  }

  /** {@code count} instances, in words: "1 instance", "2 instances". */
  static String instances(long count) {
    return count + (count == 1 ? " instance" : " instances");
  }

  /** Refuses a search whose range is empty, too large for the data, or whose k is fixed. */
  private static void refuseUnusableSearch(TrainingRows data, FitOptions options)
      throws WekaException {
    int min = options.get(OptionTable.MIN_CLUSTERS);
    int max = options.get(OptionTable.MAX_CLUSTERS);
    if (min > max) {
      throw new WekaException(
          "The smallest number of clusters (-min-clusters "
              + min
              + ") is above the largest (-max-clusters "
              + max
              + ").");
    }
    if (data.count() < max) {
      throw new WekaException(
          "Cannot search up to "
              + max
              + " clusters in "
              + instances(data.count())
              + "; lower the largest number of clusters (-max-clusters).");
    }
    if (options.get(OptionTable.INITIALIZER).startsGiven()) {
      throw new WekaException(
          "-init given starts from the file's centres, which fix k; choosing k (-max-clusters)"
              + " needs a sampled start: choose another initializer, or -max-clusters 0.");
    }
  }

  /** The engine's refusal under the 'fail' policy, in the terms of this scheme's options. */
  static String emptyCluster(EmptyClusterException e) {
    String flag = "-" + OptionTable.EMPTY_CLUSTERS.flag();
    return "Cluster "
        + e.cluster()
        + " has no instances after iteration "
        + e.iteration()
        + " and "
        + flag
        + " is 'fail'; use "
        + flag
        + " relocate or "
        + flag
        + " keep, fewer clusters (-"
        + OptionTable.CLUSTERS.flag()
        + ") or another -"
        + OptionTable.INITIALIZER.flag()
        + ".";
  }

  /** The engine's refusal of Elkan's bounds, in the terms of this scheme's options. */
  static String boundsBudget(BoundsBudgetException e) {
    String budget = "-" + OptionTable.ELKAN_MEMORY.flag();
    String algorithm = "-" + OptionTable.ALGORITHM.flag();
    return algorithm
        + " elkan needs "
        + mebibytes(e.neededBytes())
        + " MiB for its bounds (8 bytes per instance and cluster), more than "
        + budget
        + " "
        + (e.budgetBytes() >> 20)
        + " allows; raise "
        + budget
        + " or choose another "
        + algorithm
        + ".";
  }

  /** {@code bytes} in MiB, rounded up to a tenth. */
  private static String mebibytes(long bytes) {
    return String.valueOf(Math.ceil(bytes / (double) (1 << 20) * 10) / 10);
  }
}
