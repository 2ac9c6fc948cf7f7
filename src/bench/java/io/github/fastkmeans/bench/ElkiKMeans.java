package io.github.fastkmeans.bench;

import elki.clustering.kmeans.AbstractKMeans;
import elki.clustering.kmeans.ElkanKMeans;
import elki.clustering.kmeans.ExponionKMeans;
import elki.clustering.kmeans.HamerlyKMeans;
import elki.clustering.kmeans.KDTreeFilteringKMeans;
import elki.clustering.kmeans.KDTreePruningKMeans;
import elki.clustering.kmeans.LloydKMeans;
import elki.clustering.kmeans.ShallotKMeans;
import elki.clustering.kmeans.initialization.Predefined;
import elki.data.Cluster;
import elki.data.Clustering;
import elki.data.NumberVector;
import elki.data.model.KMeansModel;
import elki.data.type.TypeUtil;
import elki.database.Database;
import elki.database.StaticArrayDatabase;
import elki.database.relation.Relation;
import elki.datasource.ArrayAdapterDatabaseConnection;
import elki.distance.minkowski.SquaredEuclideanDistance;
import elki.logging.LoggingConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ELKI 0.8.0's single-threaded k-means variants with squared Euclidean distance, started from the
 * shared centres through ELKI's {@link Predefined} initialisation.
 *
 * <p>Iterations: ELKI's Lloyd, Hamerly, Elkan, Exponion and Shallot spend their first iteration on
 * the initial assignment and move the means at the start of every later one, so {@code maxiter = m
 * + 1} gives the m mean updates (and m + 1 assignment passes) that FastKMeans does with m. The k-d
 * tree variants assign and move the means in every iteration, like FastKMeans: {@code maxiter = m}.
 * ELKI reports its iteration count only as a logged statistic; the benchmark switches ELKI's
 * statistics on for the first full-length run of each data set (a timed one: warm-ups are shorter)
 * and catches them in memory, which costs a few log records per iteration, far below 1% of a fit.
 */
final class ElkiKMeans extends JavaContender {

  /** The variants the benchmark times. */
  enum Variant {
    LLOYD("lloyd"),
    HAMERLY("hamerly"),
    ELKAN("elkan"),
    EXPONION("exponion"),
    SHALLOT("shallot"),
    KDTREE_FILTERING("kd-tree filtering"),
    KDTREE_PRUNING("kd-tree pruning");

    final String label;

    Variant(String label) {
      this.label = label;
    }

    boolean kdTree() {
      return this == KDTREE_FILTERING || this == KDTREE_PRUNING;
    }
  }

  /**
   * ELKI's default leaf size and split of its k-d tree variants (their parameterizers' defaults).
   */
  private static final int KD_LEAF_SIZE = 5;

  private static final Logger KMEANS_LOGGER = Logger.getLogger("elki.clustering.kmeans");
  private static final Pattern ITERATIONS = Pattern.compile("\\.iterations: (\\d+)$");
  private static final StatisticsCatcher CATCHER = new StatisticsCatcher();

  static {
    LoggingConfiguration.assertConfigured();
    Logger.getLogger("elki").setLevel(Level.WARNING);
    KMEANS_LOGGER.setLevel(Level.WARNING);
    KMEANS_LOGGER.setUseParentHandlers(false);
    KMEANS_LOGGER.addHandler(CATCHER);
  }

  private final Variant variant;

  ElkiKMeans(Variant variant) {
    this.variant = variant;
  }

  @Override
  public String id() {
    return "elki-" + variant.label.replace(' ', '-').replace("kd-tree-", "kd");
  }

  /**
   * The k-d tree pruning variant only on request: on every data set here it is slower than the
   * filtering one, and on the 128-dimensional set it alone would take minutes.
   */
  @Override
  public boolean byDefault() {
    return variant != Variant.KDTREE_PRUNING;
  }

  @Override
  public String tooSlowFor(Dataset data) {
    if (data.large) {
      return LARGE_SET;
    }
    return variant.kdTree() && data.columns > TREE_MAX_COLUMNS
        ? "a k-d tree does not prune in "
            + data.columns
            + " dimensions; a fit took about a minute here"
        : null;
  }

  @Override
  String system() {
    return "ELKI";
  }

  @Override
  String algorithm() {
    return variant.label;
  }

  @Override
  String threads() {
    return "1";
  }

  @Override
  Fit prepare(Dataset data) {
    Database db = new StaticArrayDatabase(new ArrayAdapterDatabaseConnection(data.toRows()), null);
    db.initialize();
    Relation<NumberVector> relation = db.getRelation(TypeUtil.NUMBER_VECTOR_FIELD);
    return new Fit() {
      private AbstractKMeans<NumberVector, KMeansModel> algorithm;
      private boolean counted;
      private boolean counting;

      /**
       * What the counted run said; runs are deterministic, so it holds for every full-length run.
       */
      private int iterations = -1;

      private boolean converged;

      @Override
      public void ready(double[] start, int iterations) {
        counting = !counted && iterations == data.iterations;
        counted |= counting;
        // ELKI moves the predefined means in place: every run gets its own copy.
        double[][] means = new double[data.k][data.columns];
        for (int c = 0; c < data.k; c++) {
          System.arraycopy(start, c * data.columns, means[c], 0, data.columns);
        }
        algorithm =
            make(
                variant,
                data.k,
                variant.kdTree() ? iterations : iterations + 1,
                new Predefined(means));
      }

      @Override
      public Outcome run() {
        if (counting) {
          CATCHER.clear();
          KMEANS_LOGGER.setLevel(elki.logging.Logging.Level.STATISTICS);
        }
        Clustering<KMeansModel> result;
        try {
          result = algorithm.run(relation);
        } finally {
          KMEANS_LOGGER.setLevel(Level.WARNING);
        }
        List<? extends Cluster<KMeansModel>> clusters = result.getAllClusters();
        double[] centres = new double[clusters.size() * data.columns];
        for (int c = 0; c < clusters.size(); c++) {
          System.arraycopy(
              clusters.get(c).getModel().getMean(), 0, centres, c * data.columns, data.columns);
        }
        if (counting && CATCHER.iterations >= 0) {
          // ELKI logs the value of its loop counter, which ends one past maxiter when the limit
          // stopped it.
          int logged = CATCHER.iterations;
          iterations = Math.min(logged, data.iterations);
          converged = logged <= data.iterations;
        }
        String note = CATCHER.warnings.isEmpty() ? null : String.join("; ", CATCHER.warnings);
        return new Outcome(centres, iterations, converged, note);
      }
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static AbstractKMeans<NumberVector, KMeansModel> make(
      Variant variant, int k, int maxiter, Predefined init) {
    SquaredEuclideanDistance d = SquaredEuclideanDistance.STATIC;
    switch (variant) {
      case LLOYD:
        return new LloydKMeans<>(d, k, maxiter, init);
      case HAMERLY:
        return new HamerlyKMeans<>(d, k, maxiter, init, false);
      case ELKAN:
        return new ElkanKMeans<>(d, k, maxiter, init, false);
      case EXPONION:
        return new ExponionKMeans<>(d, k, maxiter, init, false);
      case SHALLOT:
        return new ShallotKMeans<>(d, k, maxiter, init, false);
      case KDTREE_FILTERING:
        return new KDTreeFilteringKMeans<>(
            d, k, maxiter, init, KDTreePruningKMeans.Split.MIDPOINT, KD_LEAF_SIZE);
      case KDTREE_PRUNING:
        return new KDTreePruningKMeans<>(
            d, k, maxiter, init, KDTreePruningKMeans.Split.MIDPOINT, KD_LEAF_SIZE);
      default:
        throw new IllegalStateException(variant.toString());
    }
  }

  /** Collects ELKI's iteration statistic and its warnings instead of printing them. */
  private static final class StatisticsCatcher extends Handler {
    volatile int iterations = -1;
    final List<String> warnings = new ArrayList<>();

    void clear() {
      iterations = -1;
      warnings.clear();
    }

    @Override
    public void publish(LogRecord record) {
      String message = record.getMessage();
      if (message == null) {
        return;
      }
      Matcher m = ITERATIONS.matcher(message);
      if (m.find()) {
        iterations = Integer.parseInt(m.group(1));
      } else if (record.getLevel().intValue() >= Level.WARNING.intValue()
          && !warnings.contains(message)) {
        warnings.add(message);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
