package io.github.fastkmeans.weka;

import io.github.fastkmeans.choosek.KSearch;
import io.github.fastkmeans.choosek.KSearchTable;
import io.github.fastkmeans.engine.BoundsBudgetException;
import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.EmptyClusterException;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.KMeansSettings;
import io.github.fastkmeans.engine.MemoryEstimate;
import io.github.fastkmeans.engine.Refinement;
import io.github.fastkmeans.engine.RefinementKind;
import io.github.fastkmeans.engine.Restarts;
import io.github.fastkmeans.init.Initializer;
import io.github.fastkmeans.init.InitializerKind;
import io.github.fastkmeans.init.InitializerOptions;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.Interruption;
import io.github.fastkmeans.quality.ClusterQuality;
import io.github.fastkmeans.quality.ClusterSpread;
import java.io.File;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import weka.core.Capabilities;
import weka.core.Environment;
import weka.core.Instances;
import weka.core.WekaException;

/**
 * One build of a FastKMeans model, as a sequence of named {@link Stage}s, from options fixed when
 * the build starts. Engine errors become {@link WekaException}s here, and an interrupt ends every
 * stage promptly with one message.
 */
public final class FitPipeline {

  /** The steps of a build, in order. */
  public enum Stage {
    /** Refuse data that cannot be clustered: none, refused capabilities, fewer instances than k. */
    REFUSE_UNUSABLE,
    /** Refuse a fit whose estimated allocations do not fit the heap. */
    MEMORY_CHECK,
    /**
     * Learn the encoding (clustered attributes, scaling, replacements for missing values) and copy
     * the data into the engine's matrix, reading each instance once.
     */
    ENCODE,
    /** Read the centres of -init given. */
    GIVEN_CENTRES,
    /** Refuse values whose squared distances could overflow. */
    DATA_CHECKS,
    /** Seed and fit, once per restart, keeping the best. */
    SEED_AND_RESTARTS,
    /** Refine the best fit. */
    REFINEMENT,
    /**
     * Choose k with -max-clusters: fit every k of the range; a search build enters this stage in
     * place of {@link #SEED_AND_RESTARTS} and {@link #REFINEMENT}.
     */
    SEARCH_K,
    /** Measure the clusters' quality, when asked for. */
    QUALITY,
    /** Note what the output should warn of, for the k fitted, and bundle the fit into a model. */
    MODEL
  }

  /** The fewest restarts of a fit to a stream's summary (see {@link #summaryRestarts()}). */
  public static final int SUMMARY_RESTARTS = 10;

  /**
   * Values (rows times columns) per thread below which the model's spread stays on fewer threads.
   * Its pass takes about 2 ns a value; a second thread costs about 200 microseconds of wall time,
   * and gained nothing on B's 3.2 million values. 4 million values, about 8 ms of work, pay for it:
   * a second thread from there on (E's 6.4 million values, at 4 million per thread, had one).
   */
  private static final long VALUES_PER_SPREAD_THREAD = 2L << 20;

  /**
   * The most threads per processor the JVM sees that a build works on, whatever -num-slots says.
   */
  public static final int THREADS_PER_PROCESSOR = 4;

  private final FitOptions options;
  private final long seed;
  private final boolean traceErrors;
  private final Capabilities capabilities;
  private final Consumer<Stage> observer;

  /**
   * A build with {@code options} and {@code seed}; with {@code traceErrors} the squared error of
   * every iteration is measured; {@code capabilities} are tested on the data unless null.
   */
  public FitPipeline(
      FitOptions options, long seed, boolean traceErrors, Capabilities capabilities) {
    this(options, seed, traceErrors, capabilities, stage -> {});
  }

  private FitPipeline(
      FitOptions options,
      long seed,
      boolean traceErrors,
      Capabilities capabilities,
      Consumer<Stage> observer) {
    this.options = options;
    this.seed = seed;
    this.traceErrors = traceErrors;
    this.capabilities = capabilities;
    this.observer = observer;
  }

  /** The options of this build. */
  public FitOptions options() {
    return options;
  }

  /** The seed of this build. */
  public long seed() {
    return seed;
  }

  /**
   * This build, telling {@code stageObserver} of every stage as it starts, on the building thread
   * (for progress, tests and measurements).
   */
  public FitPipeline observedBy(Consumer<Stage> stageObserver) {
    return new FitPipeline(options, seed, traceErrors, capabilities, stageObserver);
  }

  /**
   * Builds the model of {@code data}, which are not modified.
   *
   * @throws WekaException naming the problem when the data cannot be clustered with these options,
   *     or when the calling thread is interrupted (its interrupt flag is then set again)
   */
  public FittedModel fit(Instances data) throws WekaException {
    if (data == null) {
      throw new WekaException("No data were given (null).");
    }
    return fit(TrainingRows.of(data));
  }

  /**
   * Builds the model of {@code rows}, exactly as {@link #fit(Instances)} builds it from a data set
   * holding the same rows in the same order.
   *
   * @throws WekaException as {@link #fit(Instances)}
   */
  public FittedModel fit(TrainingRows rows) throws WekaException {
    return guarded(() -> run(rows));
  }

  /**
   * Builds the model of a weighted summary of the training instances (a stream's coreset), already
   * encoded by {@code encoder}; {@code source} says what the summary stands for in the model
   * output.
   *
   * @throws WekaException as {@link #fit(Instances)}
   */
  public FittedModel fitSummary(InstanceEncoder encoder, DataMatrix points, String source)
      throws WekaException {
    return guarded(
        () -> {
          int k = largestK();
          if (points.rows() < k) {
            throw new WekaException(
                "Cannot form "
                    + k
                    + " clusters from the stream's summary of "
                    + points.rows()
                    + (points.rows() == 1 ? " point" : " points")
                    + "; raise -stream-budget.");
          }
          enter(Stage.MEMORY_CHECK);
          HeapCheck.ensureRoomFor(
              MemoryEstimate.of(points.rows(), encoder.columns(), k, settings()));
          return fitEncoded(
              encoder, points, ColumnRanges.of(points.values(), points.columns()), source, true);
        });
  }

  /**
   * The fits of a build: one from given centres, which every restart would repeat; -restarts
   * otherwise, and for a stream's summary at least {@link #SUMMARY_RESTARTS}.
   */
  private int restarts(boolean summary) {
    if (options.get(OptionTable.INITIALIZER).startsGiven()) {
      return 1;
    }
    return summary ? summaryRestarts() : options.get(OptionTable.RESTARTS);
  }

  /**
   * The restarts of the fit to a stream's summary: at least {@link #SUMMARY_RESTARTS}, more when
   * -restarts asks for more. The summary is small, so restarts cost little there, and they are what
   * moves the fit out of a poor local optimum that the rows themselves can no longer correct.
   */
  private int summaryRestarts() {
    return Math.max(options.get(OptionTable.RESTARTS), SUMMARY_RESTARTS);
  }

  /** A build that may be interrupted or refused by the engine. */
  @FunctionalInterface
  private interface Build {
    FittedModel run() throws WekaException, InterruptedException;
  }

  private FittedModel guarded(Build build) throws WekaException {
    try {
      return build.run();
    } catch (InterruptedException e) {
      // Keep the flag for the caller (the Explorer's or KnowledgeFlow's stop).
      Thread.currentThread().interrupt();
      throw new WekaException("FastKMeans was interrupted; no model was built.", e);
    } catch (EmptyClusterException e) {
      throw new WekaException(BuildRefusals.emptyCluster(e), e);
    } catch (BoundsBudgetException e) {
      throw new WekaException(BuildRefusals.boundsBudget(e), e);
    } catch (IllegalArgumentException e) {
      throw new WekaException(e.getMessage(), e);
    }
  }

  /**
   * The threads this build works on: -num-slots, but at most {@link #THREADS_PER_PROCESSOR} per
   * processor the JVM sees. More only add hand-offs (a build of 200,000 rows with -num-slots 100000
   * made 1,970 threads on 2 processors, and each iteration took 13 times as long as on 2), and the
   * result is the same for any number.
   */
  public int threads() {
    long most = (long) THREADS_PER_PROCESSOR * Processors.COUNT;
    return (int) Math.min(options.get(OptionTable.THREADS), most);
  }

  /**
   * The file of -init given, checked to be one that can be opened; null for the other initializers.
   * A stream checks it when it starts, not after its last row.
   *
   * @throws WekaException if a file is set for another initializer, none for 'given', or it is
   *     missing, a directory or unreadable
   */
  public File givenCentresFile() throws WekaException {
    InitializerKind kind = options.get(OptionTable.INITIALIZER);
    File file = withVariablesReplaced(options.get(OptionTable.INIT_FILE));
    boolean named = !file.getPath().isEmpty();
    if (!kind.startsGiven()) {
      if (named) {
        throw new WekaException(
            "A file of starting centres is set (-init-file "
                + file
                + ") but the initializer is "
                + kind.id()
                + "; choose -init given to start from it, or clear the file.");
      }
      return null;
    }
    if (!named) {
      throw new WekaException(
          "The initializer 'given' needs an ARFF file of centres (-init-file).");
    }
    GivenCentresFile.checkOpenable(file);
    return file;
  }

  /**
   * {@code file} with Weka's system-wide variables (as {@code ${user.dir}}) replaced by their
   * values; a flow's own variables are replaced by the FastKMeansStream step, which knows them.
   *
   * @throws WekaException naming a variable Weka does not know
   */
  private static File withVariablesReplaced(File file) throws WekaException {
    String path = file.getPath();
    if (!Environment.containsEnvVariables(path)) {
      return file;
    }
    try {
      return new File(Environment.getSystemWide().substitute(path));
    } catch (Exception e) {
      throw new WekaException(
          "The file of initial centres "
              + path
              + " names a variable Weka does not know: "
              + e.getMessage(),
          e);
    }
  }

  /** The most clusters this build may fit: -N, or the top of the range a search tries. */
  public int largestK() {
    return searching() ? options.get(OptionTable.MAX_CLUSTERS) : options.get(OptionTable.CLUSTERS);
  }

  private FittedModel run(TrainingRows data) throws WekaException, InterruptedException {
    int k = largestK();
    enter(Stage.REFUSE_UNUSABLE);
    BuildRefusals.refuseUnusable(data, k, options, capabilities);
    enter(Stage.MEMORY_CHECK);
    int columns = InstanceEncoder.columnsOf(data.header());
    HeapCheck.ensureRoomFor(MemoryEstimate.of(data.count(), columns, k, settings()));
    enter(Stage.ENCODE);
    OnePassEncoding.Encoded encoded =
        OnePassEncoding.of(data, options.get(OptionTable.NORMALIZATION), threads());
    String source = data.source() != null ? data.source() : exactSource(data.count());
    return fitEncoded(encoded.encoder, encoded.matrix, encoded.ranges, source, false);
  }

  /**
   * The model of {@code matrix}, encoded by {@code encoder}, its columns' ranges {@code ranges}:
   * the training instances themselves, or ({@code summary}) weighted points standing for them.
   */
  private FittedModel fitEncoded(
      InstanceEncoder encoder,
      DataMatrix matrix,
      ColumnRanges ranges,
      String source,
      boolean summary)
      throws WekaException, InterruptedException {
    int k = largestK();
    if (!(matrix.totalWeight() > 0)) {
      throw new WekaException("All instance weights are zero; at least one must be positive.");
    }
    enter(Stage.GIVEN_CENTRES);
    double[] givenCentres = givenCentres(encoder, k);
    enter(Stage.DATA_CHECKS);
    MagnitudeCheck.check(encoder, matrix, ranges, givenCentres);
    int restarts = restarts(summary);
    long start = System.nanoTime();
    Clustering clustering = cluster(matrix, givenCentres, restarts, this::enter);
    KMeansResult result = clustering.fit;
    long elapsed = System.nanoTime() - start;
    enter(Stage.QUALITY);
    ClusterQuality quality =
        options.get(OptionTable.QUALITY) ? measureQuality(matrix, result) : null;
    enter(Stage.MODEL);
    // For the k fitted, which a search (-max-clusters) chooses below the largest it tries.
    List<String> warnings = ModelWarnings.of(encoder, matrix, result.k(), options);
    ClusterSpread spread =
        options.get(OptionTable.SHOW_SPREAD) ? measureSpread(matrix, result) : null;
    FittedModel model =
        new FittedModel(
            encoder,
            result,
            spread,
            options.get(OptionTable.INITIALIZER).id(),
            restarts,
            threads(),
            elapsed,
            encoder.missingValuesReplaced(),
            warnings,
            quality,
            clustering.table,
            source,
            summary);
    // A stop asked for while the model was made is honoured too: the caller asked for no model.
    Interruption.check("Making the model");
    return model;
  }

  /**
   * Clusters {@code matrix} as a build does once the data are encoded: seeds and restarts, then the
   * refinement. {@code givenCentres} (row-major, encoded) are used with {@code -init given}. For
   * callers that already hold a matrix, as the benchmark.
   *
   * @throws IllegalArgumentException if the options do not fit the data
   * @throws InterruptedException if the calling thread is interrupted
   */
  public KMeansResult cluster(DataMatrix matrix, double[] givenCentres)
      throws InterruptedException {
    return cluster(matrix, givenCentres, restarts(false), stage -> {}).fit;
  }

  /** The kept fit, and the table of a search (null without one). */
  private static final class Clustering {
    final KMeansResult fit;
    final KSearchTable table;

    Clustering(KMeansResult fit, KSearchTable table) {
      // The model keeps the fit; the rows' bounds would only take memory there.
      this.fit = fit.withoutLowerBounds();
      this.table = table;
    }
  }

  private boolean searching() {
    return options.get(OptionTable.MAX_CLUSTERS) > 0;
  }

  private Clustering cluster(
      DataMatrix matrix, double[] givenCentres, int restarts, StageEntry stages)
      throws InterruptedException {
    InitializerKind kind = options.get(OptionTable.INITIALIZER);
    Initializer initializer = kind.create(initializerOptions(givenCentres));
    KMeans kmeans = new KMeans(settings());
    RefinementKind refinementKind = options.get(OptionTable.REFINEMENT).resolve(kind.startsGiven());
    int trials = options.get(OptionTable.REFINE_TRIALS);
    Refinement refinement = refinementKind.create(kmeans, trials);
    if (searching()) {
      stages.enter(Stage.SEARCH_K);
      int min = options.get(OptionTable.MIN_CLUSTERS);
      KMeans stepKMeans =
          new KMeans(
              settings()
                  .withMaxIterations(
                      Math.min(settings().maxIterations(), KSearch.STEP_ITERATIONS)));
      KSearch.Outcome outcome =
          new KSearch(
                  kmeans,
                  refinement,
                  stepKMeans,
                  refinementKind.create(stepKMeans, Math.min(trials, KSearch.STEP_TRIALS)),
                  options.get(OptionTable.K_CRITERION))
              .run(
                  matrix,
                  min,
                  options.get(OptionTable.MAX_CLUSTERS),
                  restartSeed -> initializer.initialCentres(matrix, min, new Random(restartSeed)),
                  restarts,
                  seed);
      return new Clustering(outcome.fit(), outcome.table());
    }
    int k = options.get(OptionTable.CLUSTERS);
    stages.enter(Stage.SEED_AND_RESTARTS);
    KMeansResult result =
        Restarts.best(
            kmeans,
            matrix,
            restarts,
            seed,
            restartSeed -> initializer.initialCentres(matrix, k, new Random(restartSeed)));
    stages.enter(Stage.REFINEMENT);
    return new Clustering(refinement.refine(matrix, result, seed), null);
  }

  /**
   * The model output's account of training on every instance: the same for a batch build and for a
   * stream kept whole, whose models are the same.
   */
  private static String exactSource(int instances) {
    return BuildRefusals.instances(instances) + ", all clustered (exact)";
  }

  /** Announces a stage; the check between stages for an interrupt. */
  @FunctionalInterface
  private interface StageEntry {
    void enter(Stage stage) throws InterruptedException;
  }

  private void enter(Stage stage) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("Interrupted before " + stage + ".");
    }
    observer.accept(stage);
  }

  /** The engine's settings of every k-means run. */
  private KMeansSettings settings() {
    return KMeansSettings.DEFAULTS
        .withMaxIterations(options.get(OptionTable.MAX_ITERATIONS))
        .withTolerance(options.get(OptionTable.TOLERANCE))
        .withEmptyClusterPolicy(options.get(OptionTable.EMPTY_CLUSTERS))
        .withThreads(threads())
        .withAlgorithm(options.get(OptionTable.ALGORITHM))
        .withElkanBudgetBytes((long) options.get(OptionTable.ELKAN_MEMORY) << 20)
        // The per-iteration error costs a pass over the data; only the debug output shows it.
        .withTraceErrors(traceErrors);
  }

  /** The initializers' options; their passes over the data use every thread. */
  private InitializerOptions initializerOptions(double[] givenCentres) {
    return InitializerOptions.DEFAULTS
        .withOversampling(options.get(OptionTable.INIT_OVERSAMPLING))
        .withRounds(options.get(OptionTable.INIT_ROUNDS))
        .withChainLength(options.get(OptionTable.INIT_CHAIN))
        .withThreads(threads())
        .withGivenCentres(givenCentres);
  }

  /** The encoded centres of -init given; null for the other initializers. */
  private double[] givenCentres(InstanceEncoder encoder, int k) throws WekaException {
    File file = givenCentresFile();
    if (file == null) {
      return null;
    }
    double[] centres = GivenCentresFile.readEncoded(file, encoder);
    int count = centres.length / encoder.columns();
    if (count != k) {
      throw new WekaException(
          "The file "
              + file
              + " holds "
              + count
              + (count == 1 ? " centre but " : " centres but ")
              + k
              + (k == 1 ? " cluster was" : " clusters were")
              + " requested (-N).");
    }
    return centres;
  }

  /**
   * The deviations of the kept fit's clusters, which only -V shows: as SimpleKMeans does, a build
   * measures them only then, as their pass over every row is a build's largest cost outside the fit
   * on large data (F, 1,000,000 x 64: 60-85 ms of a 1.8 s build).
   */
  private ClusterSpread measureSpread(DataMatrix matrix, KMeansResult result)
      throws InterruptedException {
    int threads =
        (int) Math.min(threads(), Math.max(1, matrix.values().length / VALUES_PER_SPREAD_THREAD));
    try (ChunkRunner runner = new ChunkRunner(threads)) {
      return ClusterSpread.of(matrix, result.labels(), result.k(), runner);
    }
  }

  /** The quality measures of the kept fit's clusters, on the build's threads and seed. */
  private ClusterQuality measureQuality(DataMatrix matrix, KMeansResult result)
      throws InterruptedException {
    try (ChunkRunner runner = new ChunkRunner(threads())) {
      return ClusterQuality.measure(matrix, result.labels(), result.k(), seed, runner);
    }
  }
}
