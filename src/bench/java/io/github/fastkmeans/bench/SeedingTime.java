package io.github.fastkmeans.bench;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.init.KMeansPlusPlus;
import io.github.fastkmeans.weka.InstanceEncoder;
import io.github.fastkmeans.weka.Normalization;
import java.util.Locale;
import java.util.Random;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Greedy k-means++ seeding time on one data set for 1 and 2 threads (best of 5 after 2 warm-ups),
 * and whether both give the same centres. Arguments: an ARFF file, k (default 20). The data are
 * encoded as a build encodes them (range normalisation, the last nominal attribute dropped as the
 * class when there is one).
 */
public final class SeedingTime {

  private SeedingTime() {}

  /** Prints one line per thread count. */
  public static void main(String[] args) throws Exception {
    Instances data = DataSource.read(args[0]);
    int k = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    DataMatrix matrix = InstanceEncoder.fit(data, Normalization.RANGE).encode(data);
    System.out.printf(
        Locale.ROOT,
        "%s: %d rows x %d columns, k = %d%n",
        args[0],
        matrix.rows(),
        matrix.columns(),
        k);
    double[] reference = null;
    for (int threads : new int[] {1, 2}) {
      KMeansPlusPlus seeding = new KMeansPlusPlus(threads);
      double best = Double.POSITIVE_INFINITY;
      double[] centres = null;
      for (int run = 0; run < 7; run++) {
        long start = System.nanoTime();
        centres = seeding.initialCentres(matrix, k, new Random(10));
        if (run >= 2) {
          best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
      }
      boolean same = reference == null || java.util.Arrays.equals(reference, centres);
      reference = reference == null ? centres : reference;
      System.out.printf(
          Locale.ROOT,
          "k-means++ on %d thread(s): %.3f s (best of 5), same centres: %s%n",
          threads,
          best,
          same);
    }
  }
}
