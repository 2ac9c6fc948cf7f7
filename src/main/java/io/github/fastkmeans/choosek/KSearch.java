package io.github.fastkmeans.choosek;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.IntRange;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.Refinement;
import io.github.fastkmeans.engine.Restarts;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.Interruption;
import io.github.fastkmeans.parallel.StreamSeeds;
import io.github.fastkmeans.quality.Bic;
import io.github.fastkmeans.quality.ClusterQuality;
import io.github.fastkmeans.quality.GaussianSplitTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fits every k of a range and keeps the best by a {@link KCriterion}. The first k is fitted as a
 * single fit is (seed, restarts, refinement); every next k starts from the previous fit's centres
 * plus one more, chosen as greedy k-means++ chooses a centre: a few rows drawn by D² sampling (with
 * probability proportional to weight times squared distance to their centre), of which the one
 * whose addition lowers the squared error most is kept. k-means then runs from these centres,
 * followed by a short refinement ({@link #STEP_TRIALS} swap trials); the chosen k alone gets the
 * full refinement at the end. The search stops early once the criterion has clearly turned. Every
 * step is deterministic for a seed and independent of the number of threads.
 */
public final class KSearch {

  /** The accepted smallest numbers of clusters of a search. */
  public static final IntRange MIN_CLUSTERS = IntRange.atLeast(1);

  /**
   * Swap trials given to every k after the first while searching. Measured on the choose-k
   * benchmark (docs/choosing-k.md): the full refinement at every k made the search 2.2 times as
   * slow for the same choices; without any, wasted centres left by growth made BIC choose too many
   * clusters on 7 of 17 sets.
   */
  public static final int STEP_TRIALS = 3;

  /** G-means' significance level for its normality test (Hamerly and Elkan, 2003). */
  static final double GMEANS_ALPHA = 0.0001;

  private final KMeans kmeans;
  private final Refinement refinement;
  private final Refinement stepRefinement;
  private final KCriterion criterion;

  /**
   * A search that fits with {@code kmeans}, refines the first and the chosen k with {@code
   * refinement} and every other k with {@code stepRefinement}, and judges by {@code criterion}.
   */
  public KSearch(
      KMeans kmeans, Refinement refinement, Refinement stepRefinement, KCriterion criterion) {
    this.kmeans = kmeans;
    this.refinement = refinement;
    this.stepRefinement = stepRefinement;
    this.criterion = criterion;
  }

  /** The chosen fit and the table of every k tried. */
  public static final class Outcome {
    private final KMeansResult fit;
    private final KSearchTable table;

    Outcome(KMeansResult fit, KSearchTable table) {
      this.fit = fit;
      this.table = table;
    }

    /** The fit at the chosen k. */
    public KMeansResult fit() {
      return fit;
    }

    /** Every k tried, the chosen one marked. */
    public KSearchTable table() {
      return table;
    }
  }

  /**
   * Searches k in [{@code min}, {@code max}] on {@code data}; the fit at {@code min} is the best of
   * {@code restarts} starts from {@code start}, seeded from {@code seed}.
   *
   * @throws IllegalArgumentException if the range is empty or below 1
   * @throws InterruptedException if the calling thread is interrupted
   */
  public Outcome run(
      DataMatrix data, int min, int max, Restarts.Start start, int restarts, long seed)
      throws InterruptedException {
    MIN_CLUSTERS.check("The smallest number of clusters", min);
    if (max < min) {
      throw new IllegalArgumentException(
          "The largest number of clusters (" + max + ") is below the smallest (" + min + ").");
    }
    List<KSearchTable.Row> rows = new ArrayList<>();
    KMeansResult chosenFit = null;
    int chosen = -1;
    KMeansResult fit = null;
    try (ChunkRunner runner = new ChunkRunner(kmeans.settings().threads())) {
      for (int k = min; k <= max; k++) {
        long started = System.nanoTime();
        // The first k is fitted and refined as a single fit with this seed is, so that a range of
        // one k gives exactly the fit -N gives.
        fit =
            fit == null
                ? refinement.refine(data, Restarts.best(kmeans, data, restarts, seed, start), seed)
                : stepRefinement.refine(
                    data,
                    kmeans.fitFrom(
                        data,
                        fit,
                        Growth.withOneMore(data, fit, new Random(StreamSeeds.of(seed, k))),
                        fit.k(),
                        runner),
                    StreamSeeds.of(seed, -k));
        KSearchTable.Row row = measure(data, fit, seed, runner, System.nanoTime() - started);
        rows.add(row);
        if (chosen < 0 || criterion.isBetter(row, rows.get(chosen))) {
          chosen = rows.size() - 1;
          chosenFit = fit;
        }
        if (criterion.hasTurned(rows.get(chosen), row)) {
          break;
        }
        Interruption.check("Choosing k");
      }
      if (chosen > 0) {
        long started = System.nanoTime();
        int k = rows.get(chosen).k();
        chosenFit = refinement.refine(data, chosenFit, StreamSeeds.of(seed, -k - max - 1L));
        long nanos = rows.get(chosen).nanos() + System.nanoTime() - started;
        rows.set(chosen, measure(data, chosenFit, seed, runner, nanos));
      }
    }
    return new Outcome(chosenFit, new KSearchTable(criterion, rows, chosen));
  }

  /** The row of {@code fit}: the cheap measures always, the costly ones where they choose. */
  private KSearchTable.Row measure(
      DataMatrix data, KMeansResult fit, long seed, ChunkRunner runner, long nanos)
      throws InterruptedException {
    int k = fit.k();
    int[] labels = fit.labels();
    double[] centres = fit.centres();
    int silhouetteRows =
        criterion == KCriterion.SILHOUETTE ? ClusterQuality.EXACT_SILHOUETTE_LIMIT : 0;
    ClusterQuality quality = ClusterQuality.measure(data, labels, k, seed, runner, silhouetteRows);
    int nonGaussian =
        criterion == KCriterion.GMEANS
            ? GaussianSplitTest.nonGaussianClusters(data, labels, centres, k, GMEANS_ALPHA, seed)
            : -1;
    return new KSearchTable.Row(
        k,
        fit.squaredError(),
        Bic.of(data, labels, centres, k),
        quality.silhouette(),
        quality.calinskiHarabasz(),
        nonGaussian,
        fit.iterations(),
        nanos);
  }
}
