package io.github.fastkmeans.choosek;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.IntRange;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.Refinement;
import io.github.fastkmeans.engine.Restarts;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.engine.WeightedDraw;
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
 * plus one drawn by D² sampling (a row, with probability proportional to its weight times its
 * squared distance to its centre, as k-means++ adds a centre), then runs k-means and the
 * refinement. The search stops early once the criterion has clearly turned. Every step is
 * deterministic for a seed and independent of the number of threads.
 */
public final class KSearch {

  /** The accepted smallest numbers of clusters of a search. */
  public static final IntRange MIN_CLUSTERS = IntRange.atLeast(1);

  /** G-means' significance level for its normality test (Hamerly and Elkan, 2003). */
  static final double GMEANS_ALPHA = 0.0001;

  private final KMeans kmeans;
  private final Refinement refinement;
  private final KCriterion criterion;

  /**
   * A search that fits with {@code kmeans}, refines with {@code refinement}, judges by criterion.
   */
  public KSearch(KMeans kmeans, Refinement refinement, KCriterion criterion) {
    this.kmeans = kmeans;
    this.refinement = refinement;
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
        KMeansResult unrefined =
            fit == null
                ? Restarts.best(kmeans, data, restarts, seed, start)
                : kmeans.fit(data, withOneMore(data, fit, new Random(StreamSeeds.of(seed, k))));
        // The first k is refined as a single fit with this seed is, so that a range of one k
        // gives exactly the fit -N gives.
        fit = refinement.refine(data, unrefined, k == min ? seed : StreamSeeds.of(seed, -k));
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

  /**
   * The centres of {@code fit} and one more: a row drawn with probability proportional to its
   * weight times its squared distance to its centre; any row of positive weight when every such row
   * sits on its centre.
   */
  static double[] withOneMore(DataMatrix data, KMeansResult fit, Random random) {
    int columns = data.columns();
    double[] centres = fit.centres();
    int[] labels = fit.labels();
    double[] values = data.values();
    double[] cumulative = new double[data.rows()];
    double total = 0;
    for (int row = 0; row < data.rows(); row++) {
      total +=
          data.weight(row)
              * SquaredEuclidean.distance(
                  values, row * columns, centres, labels[row] * columns, columns);
      cumulative[row] = total;
    }
    int row =
        total > 0 && !Double.isInfinite(total)
            ? WeightedDraw.index(cumulative, random)
            : WeightedDraw.rowByWeight(data, random);
    double[] grown = new double[centres.length + columns];
    System.arraycopy(centres, 0, grown, 0, centres.length);
    System.arraycopy(values, row * columns, grown, centres.length, columns);
    return grown;
  }
}
