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
import io.github.fastkmeans.quality.DataCentre;
import io.github.fastkmeans.quality.GaussianSplitTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fits every k of a range and keeps the best by a {@link KCriterion}. The first k is seeded as a
 * single fit is (seed, restarts); every next k starts from the previous fit's centres plus one
 * more, chosen as greedy k-means++ chooses a centre: a few rows drawn by D² sampling (with
 * probability proportional to weight times squared distance to their centre), of which the one
 * whose addition lowers the squared error most is kept. While searching, k-means runs at most
 * {@link #STEP_ITERATIONS} iterations from these centres, and a step that lowered the error much
 * less than the one before it (a centre wasted in a cluster that had one) gets {@link #STEP_TRIALS}
 * swap trials. The search stops once the criterion has clearly turned ({@link
 * KCriterion#hasTurned}). The best k and the k below it then get k-means to convergence and the
 * full refinement; if that leaves another row best, it is refined in turn, so that the chosen row
 * is the best of the table and describes the fit the model keeps. A k whose fit leaves a cluster of
 * fewer than {@link #MIN_CLUSTER_ROWS} rows is chosen only if every k does. A range of one k gives
 * exactly the single fit at that k. Every step is deterministic for a seed and independent of the
 * number of threads.
 */
public final class KSearch {

  /** The accepted smallest numbers of clusters of a search. */
  public static final IntRange MIN_CLUSTERS = IntRange.atLeast(1);

  /**
   * Swap trials given to a step whose new centre looks wasted ({@link #WASTED_GAIN_SHARE}).
   * Measured on the choose-k benchmark (docs/choosing-k.md): one trial chose as well as three;
   * without any, centres wasted by growth (two in one cluster) made BIC choose too many clusters on
   * 7 of 17 sets.
   */
  public static final int STEP_TRIALS = 1;

  /**
   * The fewest rows a cluster may hold for its k to be chosen. A row far from every cluster gets a
   * centre of its own as soon as k passes the true number of clusters, and under BIC's Gaussian
   * model removing its large error outweighs the cost of one more centre (measured on dim032, whose
   * 16 clusters come with 4 such rows: BIC was highest at k = 20, 16 clusters and 4 single rows). A
   * single row is an outlier, not a cluster found.
   */
  public static final int MIN_CLUSTER_ROWS = 2;

  /** G-means' significance level for its normality test (Hamerly and Elkan, 2003). */
  static final double GMEANS_ALPHA = 0.0001;

  /**
   * A step whose squared error fell by less than this share of the step before it gets its swap
   * trials; the others go without. A centre added to a cluster that already had one (wasted) lowers
   * the error far less than the centre before it, and the swap moves it where it is missing; other
   * steps' trials found nothing on the choose-k benchmark. Measured there: 0.5 chose as well as
   * trials at every step, at about half the cost; 0.3 chose one cluster too many on 3 of 17 sets.
   */
  public static final double WASTED_GAIN_SHARE = 0.5;

  /**
   * The most k-means iterations of a fit while searching; the chosen k is fitted to convergence.
   * Past the true k, the added centre splits a cluster in two, and the two centres drift apart over
   * 10 to 30 iterations that barely change the squared error or the criterion. Measured on the
   * choose-k benchmark: 5 chose as well as no limit; 3 chose one cluster too many on 4 of 17 sets.
   */
  public static final int STEP_ITERATIONS = 5;

  private final KMeans kmeans;
  private final Refinement refinement;
  private final KMeans stepKMeans;
  private final Refinement stepRefinement;
  private final KCriterion criterion;

  /**
   * A search that fits and refines the first and the chosen k with {@code kmeans} and {@code
   * refinement}, every other k with {@code stepKMeans} and {@code stepRefinement}, and judges by
   * {@code criterion}.
   */
  public KSearch(
      KMeans kmeans,
      Refinement refinement,
      KMeans stepKMeans,
      Refinement stepRefinement,
      KCriterion criterion) {
    this.kmeans = kmeans;
    this.refinement = refinement;
    this.stepKMeans = stepKMeans;
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
    DataCentre centre = DataCentre.of(data);
    List<KSearchTable.Row> rows = new ArrayList<>();
    List<double[]> searchedCentres = new ArrayList<>();
    // The fits at the best k so far and the k before it, which the end may refine.
    Map<Integer, KMeansResult> searchFits = new HashMap<>();
    Map<Integer, KMeansResult> refined = new HashMap<>();
    int chosen = -1;
    KMeansResult fit = null;
    double lastGain = Double.POSITIVE_INFINITY;
    try (ChunkRunner runner = new ChunkRunner(kmeans.settings().threads())) {
      for (int k = min; k <= max; k++) {
        long started = System.nanoTime();
        KMeansResult previous = fit;
        if (previous == null && min == max) {
          // A range of one k gives exactly the fit -N gives: fitted and refined as a single fit.
          fit = refinement.refine(data, Restarts.best(kmeans, data, restarts, seed, start), seed);
          refined.put(0, fit);
        } else if (previous == null) {
          fit =
              stepRefinement.refine(
                  data, Restarts.best(stepKMeans, data, restarts, seed, start), seed);
        } else {
          fit = step(data, previous, k, seed, runner, lastGain);
          lastGain = previous.squaredError() - fit.squaredError();
        }
        rows.add(measure(data, centre, fit, seed, runner, System.nanoTime() - started));
        searchedCentres.add(fit.centres());
        int index = rows.size() - 1;
        if (chosen < 0 || criterion.isBetter(rows.get(index), rows.get(chosen))) {
          chosen = index;
          searchFits.clear();
          searchFits.put(index, fit);
          searchFits.put(index - 1, previous);
        }
        if (criterion.hasTurned(rows, chosen)) {
          break;
        }
        Interruption.check("Choosing k");
      }
      // The best k gets k-means to convergence and the full refinement, then the k below it.
      // Refining changes their measures, and may leave another row best: that one is refined in
      // turn, so that the marked row is the best of the table and describes the fit the model
      // keeps.
      for (int next = nextToRefine(refined, chosen);
          next >= 0;
          next = nextToRefine(refined, chosen)) {
        long started = System.nanoTime();
        KMeansResult searchFit = searchFits.get(next);
        if (searchFit == null) {
          // Only the centres of the other k are kept, not their labels: k-means runs from them.
          searchFit = kmeans.fit(data, searchedCentres.get(next));
        } else if (!searchFit.converged()) {
          searchFit = kmeans.fitFrom(data, searchFit, searchFit.centres(), -1, runner);
        }
        int k = searchFit.k();
        KMeansResult best = refinement.refine(data, searchFit, StreamSeeds.of(seed, -k - max - 1L));
        refined.put(next, best);
        long nanos = rows.get(next).nanos() + System.nanoTime() - started;
        rows.set(next, measure(data, centre, best, seed, runner, nanos));
        chosen = best(rows, chosen);
        Interruption.check("Choosing k");
      }
    }
    KMeansResult chosenFit = refined.get(chosen);
    return new Outcome(chosenFit, new KSearchTable(criterion, rows, chosen));
  }

  /**
   * The next row to refine fully: the chosen one, then the one below it; -1 when both are. The row
   * below matters when growth wasted a centre at the true k unnoticed: k + 1 then looks best, and
   * only the refined fit at k shows otherwise.
   */
  private static int nextToRefine(Map<Integer, KMeansResult> refined, int chosen) {
    if (!refined.containsKey(chosen)) {
      return chosen;
    }
    if (chosen > 0 && !refined.containsKey(chosen - 1)) {
      return chosen - 1;
    }
    return -1;
  }

  /** The index of the best of {@code rows}, {@code current} unless another is better. */
  private int best(List<KSearchTable.Row> rows, int current) {
    int best = current;
    for (int i = 0; i < rows.size(); i++) {
      if (criterion.isBetter(rows.get(i), rows.get(best))) {
        best = i;
      }
    }
    return best;
  }

  /**
   * The fit at k from {@code fit}, the one at k - 1, whose own step lowered the squared error by
   * {@code lastGain}: one more centre by greedy D² sampling, at most {@link #STEP_ITERATIONS} of
   * k-means, and {@link #STEP_TRIALS} swap trials when the new centre looks wasted ({@link
   * #WASTED_GAIN_SHARE}).
   */
  private KMeansResult step(
      DataMatrix data, KMeansResult fit, int k, long seed, ChunkRunner runner, double lastGain)
      throws InterruptedException {
    KMeansResult grown =
        stepKMeans.fitFrom(
            data,
            fit,
            Growth.withOneMore(data, fit, new Random(StreamSeeds.of(seed, k))),
            fit.k(),
            runner);
    double gain = fit.squaredError() - grown.squaredError();
    if (gain >= WASTED_GAIN_SHARE * lastGain) {
      return grown;
    }
    return stepRefinement.refine(data, grown, StreamSeeds.of(seed, -k));
  }

  /** The row of {@code fit}: the cheap measures always, the costly ones where they choose. */
  private KSearchTable.Row measure(
      DataMatrix data,
      DataCentre centre,
      KMeansResult fit,
      long seed,
      ChunkRunner runner,
      long nanos)
      throws InterruptedException {
    int k = fit.k();
    int[] labels = fit.labels();
    double[] centres = fit.centres();
    double[] weights = fit.clusterWeights();
    // The fit's weights and error give BIC and Calinski-Harabasz without a pass over the rows; the
    // silhouette needs one, and only when it chooses.
    double silhouette =
        criterion == KCriterion.SILHOUETTE
            ? ClusterQuality.measure(
                    data, labels, k, seed, runner, ClusterQuality.EXACT_SILHOUETTE_LIMIT)
                .silhouette()
            : Double.NaN;
    int nonGaussian =
        criterion == KCriterion.GMEANS
            ? GaussianSplitTest.nonGaussianClusters(data, labels, centres, k, GMEANS_ALPHA, seed)
            : -1;
    return new KSearchTable.Row(
        k,
        fit.squaredError(),
        Bic.of(weights, fit.squaredError(), data.columns()),
        silhouette,
        centre.calinskiHarabasz(centres, weights, fit.squaredError()),
        nonGaussian,
        smallestCluster(data, labels, k),
        fit.iterations(),
        nanos);
  }

  /** The rows of positive weight in the smallest of the {@code k} clusters {@code labels} give. */
  private static int smallestCluster(DataMatrix data, int[] labels, int k) {
    int[] counts = new int[k];
    for (int row = 0; row < labels.length; row++) {
      if (data.weight(row) > 0) {
        counts[labels[row]]++;
      }
    }
    int smallest = Integer.MAX_VALUE;
    for (int count : counts) {
      smallest = Math.min(smallest, count);
    }
    return smallest;
  }
}
