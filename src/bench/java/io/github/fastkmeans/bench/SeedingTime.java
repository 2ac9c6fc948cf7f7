package io.github.fastkmeans.bench;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.KMeansSettings;
import io.github.fastkmeans.engine.RefinementKind;
import io.github.fastkmeans.init.InitializerKind;
import io.github.fastkmeans.init.InitializerOptions;
import io.github.fastkmeans.weka.InstanceEncoder;
import io.github.fastkmeans.weka.Normalization;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The time of every sampling initializer and of the swap refinement on one data set, for 1 and 2
 * threads (the fastest of r runs after r warm-ups, r = 3 unless given), and whether both thread
 * counts give the same centres. Arguments: the ARFF file, k (20), r (3), and the initializers to
 * time, by option name, comma-separated (all, and the swap refinement, unless given). Arguments: an
 * ARFF file, k (default 20). The data are encoded as a build encodes them (range normalisation, the
 * last nominal attribute dropped as the class when there is one).
 */
public final class SeedingTime {

  private SeedingTime() {}

  /** What is timed: centres from the data, for a thread count. */
  @FunctionalInterface
  private interface Step {
    double[] centres(int threads) throws InterruptedException;
  }

  /** Prints one line per initializer (and the refinement) and thread count. */
  public static void main(String[] args) throws Exception {
    Instances data = DataSource.read(args[0]);
    int k = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    java.util.List<String> only =
        args.length > 3 ? java.util.Arrays.asList(args[3].split(",")) : java.util.List.of();
    DataMatrix matrix = InstanceEncoder.fit(data, Normalization.RANGE).encode(data);
    System.out.printf(
        Locale.ROOT,
        "%s: %d rows x %d columns, k = %d%n",
        args[0],
        matrix.rows(),
        matrix.columns(),
        k);
    for (InitializerKind kind : InitializerKind.values()) {
      if (kind.startsGiven() || !(only.isEmpty() || only.contains(kind.id()))) {
        continue;
      }
      time(
          kind.id(),
          runs,
          threads ->
              kind.create(InitializerOptions.DEFAULTS.withThreads(threads))
                  .initialCentres(matrix, k, new Random(10)));
    }
    if (!(only.isEmpty() || only.contains("swap"))) {
      return;
    }
    // The refinement of one fit from k-means++ centres, 20 swap trials.
    double[] start =
        InitializerKind.KMEANS_PLUS_PLUS
            .create(InitializerOptions.DEFAULTS.withThreads(2))
            .initialCentres(matrix, k, new Random(10));
    KMeansResult fit = new KMeans(KMeansSettings.DEFAULTS.withThreads(2)).fit(matrix, start);
    time(
        "swap refinement (20 trials)",
        runs,
        threads ->
            RefinementKind.SWAP
                .create(new KMeans(KMeansSettings.DEFAULTS.withThreads(threads)), 20)
                .refine(matrix, fit, 10)
                .centres());
  }

  /**
   * Times {@code step} on 1 and 2 threads: the fastest of {@code runs} after as many warm-ups, the
   * two thread counts taking turns, so that both run the code the JIT has compiled by then.
   */
  private static void time(String name, int runs, Step step) throws InterruptedException {
    int[] threadCounts = {1, 2};
    double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[][] centres = new double[2][];
    for (int run = 0; run < 2 * runs; run++) {
      for (int t = 0; t < 2; t++) {
        long start = System.nanoTime();
        centres[t] = step.centres(threadCounts[t]);
        if (run >= runs) {
          best[t] = Math.min(best[t], (System.nanoTime() - start) / 1e9);
        }
      }
    }
    for (int t = 0; t < 2; t++) {
      System.out.printf(
          Locale.ROOT,
          "%s on %d thread(s): %.3f s (best of %d)%s%n",
          name,
          threadCounts[t],
          best[t],
          runs,
          t == 0
              ? ""
              : String.format(
                  Locale.ROOT,
                  ", %.2fx, same centres: %s",
                  best[0] / best[t],
                  Arrays.equals(centres[0], centres[t])));
    }
  }
}
