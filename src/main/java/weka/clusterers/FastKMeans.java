package weka.clusterers;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.ChunkRunner;
import io.github.fastkmeans.engine.ClusterQuality;
import io.github.fastkmeans.engine.ClusterSpread;
import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.EmptyClusterException;
import io.github.fastkmeans.engine.EmptyClusterPolicy;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.KMeansSettings;
import io.github.fastkmeans.engine.MemoryEstimate;
import io.github.fastkmeans.engine.Restarts;
import io.github.fastkmeans.engine.SwapRefinement;
import io.github.fastkmeans.init.GivenCentres;
import io.github.fastkmeans.init.Initializer;
import io.github.fastkmeans.init.InitializerOptions;
import io.github.fastkmeans.init.Initializers;
import io.github.fastkmeans.weka.CommandLine;
import io.github.fastkmeans.weka.DistinctRows;
import io.github.fastkmeans.weka.FittedModel;
import io.github.fastkmeans.weka.GivenCentresFile;
import io.github.fastkmeans.weka.HeapCheck;
import io.github.fastkmeans.weka.InstanceEncoder;
import io.github.fastkmeans.weka.InvalidOptionException;
import io.github.fastkmeans.weka.MagnitudeCheck;
import io.github.fastkmeans.weka.ModelText;
import io.github.fastkmeans.weka.Normalization;
import io.github.fastkmeans.weka.OptionTags;
import io.github.fastkmeans.weka.OptionValues;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.Vector;
import java.util.concurrent.CancellationException;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;
import weka.core.WekaException;

/**
 * Exact k-means clustering on all cores: Lloyd's iteration with k-means++, random, farthest-first,
 * k-means||, AFK-MC² or given starting centres, restarts, explicit empty-cluster handling and
 * Weka's data semantics.
 *
 * <p>A drop-in for SimpleKMeans: the same default normalisation and missing-value treatment, and,
 * with {@code -refine none}, the same answer from the same start; by default a swap refinement then
 * moves centres between regions, which k-means cannot (see {@link SwapRefinement}). See README.md
 * for the differences.
 *
 * <p><b>Threads.</b> Once {@link #buildClusterer} has returned, {@link #clusterInstance}, {@link
 * #distributionForInstance} and {@link #distancesToCentroids} (and the getters of the model) may be
 * called from any number of threads at once: the model is immutable and published through a
 * volatile field. Building and setting options are not meant to run concurrently with anything
 * else; a thread asking for clusters during a rebuild gets either the "not built" error or the new
 * model, never a part-built one.
 */
public class FastKMeans extends RandomizableClusterer
    implements NumberOfClustersRequestable, WeightedInstancesHandler, TechnicalInformationHandler {

  private static final long serialVersionUID = 7361594258132870531L;

  /** Decimal places of the centroid table. */
  private static final int DECIMALS = 4;

  private int numClusters = 2;
  private int maxIterations = 500;
  private String initializerId = Initializers.KMEANS_PLUS_PLUS;
  private File initFile = new File("");
  private int restarts = 1;
  private double initOversampling = InitializerOptions.DEFAULT_OVERSAMPLING;
  private int initRounds = InitializerOptions.DEFAULT_ROUNDS;
  private int initChain = InitializerOptions.DEFAULT_CHAIN_LENGTH;
  private String refinementId = SwapRefinement.ID;
  private int refineTrials = SwapRefinement.DEFAULT_TRIALS;
  private double tolerance = 0;
  private Normalization normalization = Normalization.RANGE;
  private EmptyClusterPolicy emptyClusterPolicy = EmptyClusterPolicy.RELOCATE;
  private int numExecutionSlots = Runtime.getRuntime().availableProcessors();
  private Algorithm algorithm = Algorithm.AUTO;
  private int elkanMemory = (int) (KMeansSettings.DEFAULT_ELKAN_BUDGET_BYTES >> 20);
  private boolean displayStdDevs;
  private boolean displayQuality;

  /**
   * The model; null until built, and from the start of every build until it succeeds. Volatile, so
   * that a model built on one thread is seen whole by others; the model itself is immutable.
   */
  private volatile FittedModel model;

  /** Creates the clusterer with its default options (seed 10, as SimpleKMeans). */
  public FastKMeans() {
    m_SeedDefault = 10;
    setSeed(m_SeedDefault);
  }

  /** Describes the scheme for the GUI. */
  public String globalInfo() {
    return "Exact k-means clustering that uses all cores: Lloyd's iterations from k-means++, random,"
        + " farthest-first, k-means||, AFK-MC2 or given starting centres, with restarts (the lowest within-cluster sum of"
        + " squared errors wins), and empty clusters relocated rather than dropped. Numeric attributes"
        + " are normalised to [0,1] by default and nominal attributes compared by value, as in"
        + " SimpleKMeans; without refinement, from the same starting points both give the same"
        + " clusters. By default a swap refinement then moves centres between regions, which k-means"
        + " alone cannot, and finds every true cluster far more often. The result is bit-for-bit the"
        + " same for any number of threads.\n\nFor more information see:\n\n"
        + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation lloyd = new TechnicalInformation(Type.ARTICLE);
    lloyd.setValue(Field.AUTHOR, "S. P. Lloyd");
    lloyd.setValue(Field.TITLE, "Least squares quantization in PCM");
    lloyd.setValue(Field.JOURNAL, "IEEE Transactions on Information Theory");
    lloyd.setValue(Field.VOLUME, "28");
    lloyd.setValue(Field.NUMBER, "2");
    lloyd.setValue(Field.PAGES, "129-137");
    lloyd.setValue(Field.YEAR, "1982");
    TechnicalInformation plusPlus = lloyd.add(Type.INPROCEEDINGS);
    plusPlus.setValue(Field.AUTHOR, "D. Arthur and S. Vassilvitskii");
    plusPlus.setValue(Field.TITLE, "k-means++: the advantages of careful seeding");
    plusPlus.setValue(
        Field.BOOKTITLE,
        "Proceedings of the 18th Annual ACM-SIAM Symposium on Discrete Algorithms");
    plusPlus.setValue(Field.PAGES, "1027-1035");
    plusPlus.setValue(Field.YEAR, "2007");
    TechnicalInformation parallel = lloyd.add(Type.ARTICLE);
    parallel.setValue(
        Field.AUTHOR, "B. Bahmani and B. Moseley and A. Vattani and R. Kumar and S. Vassilvitskii");
    parallel.setValue(Field.TITLE, "Scalable k-means++");
    parallel.setValue(Field.JOURNAL, "Proceedings of the VLDB Endowment");
    parallel.setValue(Field.VOLUME, "5");
    parallel.setValue(Field.NUMBER, "7");
    parallel.setValue(Field.PAGES, "622-633");
    parallel.setValue(Field.YEAR, "2012");
    TechnicalInformation chain = lloyd.add(Type.INPROCEEDINGS);
    chain.setValue(Field.AUTHOR, "O. Bachem and M. Lucic and S. H. Hassani and A. Krause");
    chain.setValue(Field.TITLE, "Fast and Provably Good Seedings for k-Means");
    chain.setValue(Field.BOOKTITLE, "Advances in Neural Information Processing Systems 29");
    chain.setValue(Field.PAGES, "55-63");
    chain.setValue(Field.YEAR, "2016");
    TechnicalInformation localSearch = lloyd.add(Type.INPROCEEDINGS);
    localSearch.setValue(Field.AUTHOR, "S. Lattanzi and C. Sohler");
    localSearch.setValue(Field.TITLE, "A better k-means++ algorithm via local search");
    localSearch.setValue(
        Field.BOOKTITLE, "Proceedings of the 36th International Conference on Machine Learning");
    localSearch.setValue(Field.PAGES, "3662-3671");
    localSearch.setValue(Field.YEAR, "2019");
    return lloyd;
  }

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enable(Capability.NUMERIC_ATTRIBUTES);
    result.enable(Capability.DATE_ATTRIBUTES);
    result.enable(Capability.NOMINAL_ATTRIBUTES);
    result.enable(Capability.MISSING_VALUES);
    // A class attribute, when set, is ignored rather than refused.
    result.enable(Capability.NO_CLASS);
    result.enableAllClasses();
    result.enable(Capability.MISSING_CLASS_VALUES);
    return result;
  }

  /**
   * Builds the model. The previous model, if any, is discarded first: if the build fails the
   * clusterer answers as one never built. Data that cannot be clustered are refused with a {@link
   * WekaException} whose message names the problem (see README.md, Reliability).
   */
  @Override
  public void buildClusterer(Instances data) throws Exception {
    model = null;
    if (data == null) {
      throw new WekaException("No data were given (null).");
    }
    if (!getDoNotCheckCapabilities()) {
      getCapabilities().testWithFail(data);
    }
    if (data.numInstances() < numClusters) {
      throw new WekaException(
          "Cannot form "
              + numClusters
              + " clusters from "
              + data.numInstances()
              + " instances; lower the number of clusters (-N).");
    }
    InstanceEncoder encoder = InstanceEncoder.fit(data, normalization);
    KMeansSettings settings =
        KMeansSettings.DEFAULTS
            .withMaxIterations(maxIterations)
            .withTolerance(tolerance)
            .withEmptyClusterPolicy(emptyClusterPolicy)
            .withThreads(numExecutionSlots)
            .withAlgorithm(algorithm)
            .withElkanBudgetBytes((long) elkanMemory << 20)
            // The per-iteration error costs a pass over the data; only the debug output shows it.
            .withTraceErrors(getDebug());
    HeapCheck.ensureRoomFor(
        MemoryEstimate.of(data.numInstances(), encoder.columns(), numClusters, settings));
    DataMatrix matrix = encoder.encode(data);
    if (!(matrix.totalWeight() > 0)) {
      throw new WekaException("All instance weights are zero; at least one must be positive.");
    }
    double[] givenCentres = givenCentres(encoder);
    MagnitudeCheck.check(encoder, matrix, givenCentres);
    Initializer initializer =
        givenCentres == null
            ? Initializers.forId(initializerId, initializerOptions())
            : new GivenCentres(givenCentres, encoder.columns());
    List<String> warnings = warnings(encoder, matrix);
    long start = System.nanoTime();
    KMeansResult result;
    try {
      KMeans kmeans = new KMeans(settings);
      result =
          Restarts.best(
              kmeans,
              matrix,
              restarts,
              getSeed(),
              seed -> initializer.initialCentres(matrix, numClusters, new Random(seed)));
      if (SwapRefinement.ID.equals(refinementId)) {
        result = new SwapRefinement(kmeans, refineTrials).refine(matrix, result, getSeed());
      }
    } catch (EmptyClusterException | IllegalArgumentException e) {
      throw new WekaException(e.getMessage(), e);
    } catch (InterruptedException | CancellationException e) {
      // Keep the flag for the caller (the Explorer's or KnowledgeFlow's stop), and say what
      // happened.
      Thread.currentThread().interrupt();
      throw new WekaException("FastKMeans was interrupted; no model was built.", e);
    }
    long elapsed = System.nanoTime() - start;
    ClusterQuality quality = displayQuality ? measureQuality(matrix, result) : null;
    model =
        new FittedModel(
            encoder,
            result,
            ClusterSpread.of(matrix, result.labels(), numClusters),
            initializerId,
            restarts,
            numExecutionSlots,
            elapsed,
            encoder.missingValuesReplaced(),
            warnings,
            quality);
  }

  /** The quality measures of the kept fit's clusters, on the scheme's threads and seed. */
  private ClusterQuality measureQuality(DataMatrix matrix, KMeansResult result)
      throws WekaException {
    try (ChunkRunner runner = new ChunkRunner(numExecutionSlots)) {
      return ClusterQuality.measure(matrix, result.labels(), result.k(), getSeed(), runner);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WekaException("FastKMeans was interrupted; no model was built.", e);
    }
  }

  /** The options of the initializers that take any; the passes over the data use every thread. */
  private InitializerOptions initializerOptions() {
    return InitializerOptions.DEFAULTS
        .withOversampling(initOversampling)
        .withRounds(initRounds)
        .withChainLength(initChain)
        .withThreads(numExecutionSlots);
  }

  /** The encoded centres of the 'given' initializer, or null for the other initializers. */
  private double[] givenCentres(InstanceEncoder encoder) throws Exception {
    if (!GivenCentres.ID.equals(initializerId)) {
      return null;
    }
    if (initFile == null || initFile.getPath().isEmpty()) {
      throw new WekaException(
          "The initializer 'given' needs an ARFF file of centres (-init-file).");
    }
    double[] centres = GivenCentresFile.readEncoded(initFile, encoder);
    int count = centres.length / encoder.columns();
    if (count != numClusters) {
      throw new WekaException(
          "The file "
              + initFile
              + " holds "
              + count
              + " centres but "
              + numClusters
              + " clusters were requested (-N).");
    }
    return centres;
  }

  /** What the model output should warn about: attributes without values, too few distinct rows. */
  private List<String> warnings(InstanceEncoder encoder, DataMatrix matrix) {
    List<String> warnings = new ArrayList<>();
    for (int a = 0; a < encoder.clusteredAttributeCount(); a++) {
      if (encoder.isAbsent(a)) {
        warnings.add(
            "attribute '"
                + encoder.header().attribute(encoder.attributeIndex(a)).name()
                + "' has no values (all missing); it takes no part in distances.");
      }
    }
    int distinct = DistinctRows.count(matrix, numClusters);
    if (distinct < numClusters) {
      int empty = numClusters - distinct;
      warnings.add(
          "only "
              + distinct
              + (distinct == 1 ? " distinct instance" : " distinct instances")
              + " (of positive weight, after missing values were replaced) for "
              + numClusters
              + " clusters; at least "
              + empty
              + (empty == 1 ? " cluster is" : " clusters are")
              + " empty.");
    }
    return warnings;
  }

  private FittedModel builtModel() throws WekaException {
    if (model == null) {
      throw new WekaException("FastKMeans has not been built yet; call buildClusterer first.");
    }
    return model;
  }

  @Override
  public int clusterInstance(Instance instance) throws Exception {
    return builtModel().cluster(instance);
  }

  /**
   * The Euclidean distance of {@code instance} to each centroid, in the normalised space used for
   * clustering.
   */
  public double[] distancesToCentroids(Instance instance) throws Exception {
    return builtModel().distances(instance);
  }

  @Override
  public int numberOfClusters() throws Exception {
    return builtModel().result().k();
  }

  /** The centroids in original units, as instances of the training header. */
  public Instances getClusterCentroids() throws WekaException {
    return builtModel().centroids();
  }

  /** The total instance weight in each cluster. */
  public double[] getClusterSizes() throws WekaException {
    return builtModel().result().clusterWeights();
  }

  /** The cluster of every training instance, in the order given. */
  public int[] getAssignments() throws WekaException {
    return builtModel().result().labels();
  }

  /** The weighted within-cluster sum of squared errors, in the normalised space. */
  public double getSquaredError() throws WekaException {
    return builtModel().result().squaredError();
  }

  /** The number of iterations (assignment passes) of the kept fit. */
  public int getNumIterations() throws WekaException {
    return builtModel().result().iterations();
  }

  /**
   * The quality measures (silhouette, Davies-Bouldin, Calinski-Harabasz) in the normalised space.
   *
   * @throws WekaException if the model is not built, or was built without -quality
   */
  public ClusterQuality getClusterQuality() throws WekaException {
    ClusterQuality quality = builtModel().quality();
    if (quality == null) {
      throw new WekaException("The model was built without -quality; no quality was measured.");
    }
    return quality;
  }

  /** The starting centres of the kept fit, in original units. */
  public Instances getInitialStartPoints() throws WekaException {
    return builtModel().initialCentroids();
  }

  @Override
  public String toString() {
    if (model == null) {
      return "FastKMeans: no model built yet.";
    }
    return ModelText.describe(model, displayStdDevs, getDebug(), DECIMALS);
  }

  // ---- options ----

  @Override
  public Enumeration<Option> listOptions() {
    List<Option> options = new ArrayList<>();
    options.add(new Option("\tNumber of clusters.\n\t(default 2).", "N", 1, "-N <num>"));
    options.add(
        new Option("\tMaximum number of iterations.\n\t(default 500).", "I", 1, "-I <num>"));
    options.add(
        new Option(
            "\tHow the starting centres are chosen: "
                + OptionTags.ids(OptionTags.initializers())
                + "\n\t(default kmeans++).",
            "init",
            1,
            "-init <" + OptionTags.ids(OptionTags.initializers()) + ">"));
    options.add(
        new Option(
            "\tARFF file of starting centres for -init given, with the training attributes,\n"
                + "\tin original units, one instance per cluster.",
            "init-file",
            1,
            "-init-file <file>"));
    options.add(
        new Option(
            "\tOversampling factor of -init kmeans||: each round samples about this times k\n"
                + "\tcandidates.\n\t(default 2).",
            "init-oversampling",
            1,
            "-init-oversampling <num>"));
    options.add(
        new Option(
            "\tNumber of sampling rounds of -init kmeans||.\n\t(default 5).",
            "init-rounds",
            1,
            "-init-rounds <num>"));
    options.add(
        new Option(
            "\tMarkov chain length per centre of -init afk-mc2.\n\t(default 200).",
            "init-chain",
            1,
            "-init-chain <num>"));
    options.add(
        new Option(
            "\tNumber of fits from different seeds; the lowest squared error is kept.\n"
                + "\t(default 1).",
            "restarts",
            1,
            "-restarts <num>"));
    options.add(
        new Option(
            "\tHow the best fit is refined: "
                + OptionTags.ids(OptionTags.refinements())
                + "\n\t(swap: centres jump to D^2 sampled places where the squared error drops,\n"
                + "\teach jump followed by k-means to convergence; default swap).",
            "refine",
            1,
            "-refine <" + OptionTags.ids(OptionTags.refinements()) + ">"));
    options.add(
        new Option(
            "\tMost swaps tried by -refine swap; it stops sooner when swaps stop helping.\n"
                + "\t(default "
                + SwapRefinement.DEFAULT_TRIALS
                + ").",
            "refine-trials",
            1,
            "-refine-trials <num>"));
    options.add(
        new Option(
            "\tStop when the summed squared movement of the centres is at most this;\n"
                + "\t0 runs until no assignment changes.\n\t(default 0).",
            "tolerance",
            1,
            "-tolerance <num>"));
    options.add(
        new Option(
            "\tScaling of numeric attributes: "
                + OptionTags.ids(OptionTags.normalizations())
                + "\n\t(default range).",
            "normalize",
            1,
            "-normalize <" + OptionTags.ids(OptionTags.normalizations()) + ">"));
    options.add(
        new Option(
            "\tWhat happens to a cluster that loses all its instances: "
                + OptionTags.ids(OptionTags.emptyClusterPolicies())
                + "\n\t(default relocate).",
            "empty",
            1,
            "-empty <" + OptionTags.ids(OptionTags.emptyClusterPolicies()) + ">"));
    options.add(
        new Option(
            "\tNumber of threads.\n\t(default: the number of available processors).",
            "num-slots",
            1,
            "-num-slots <num>"));
    options.add(
        new Option(
            "\tHow each instance's nearest centre is found; all give the same result:\n\t"
                + OptionTags.ids(OptionTags.algorithms())
                + "\n\t(default auto: Lloyd for k <= 2, the k-d tree up to 4 numeric dimensions,\n"
                + "\tElkan from 80 when its bounds fit -elkan-memory, Exponion otherwise).",
            "algorithm",
            1,
            "-algorithm <" + OptionTags.ids(OptionTags.algorithms()) + ">"));
    options.add(
        new Option(
            "\tMemory allowed for Elkan's bounds (8 bytes per instance and cluster), in MiB.\n"
                + "\t(default 512).",
            "elkan-memory",
            1,
            "-elkan-memory <MiB>"));
    options.add(
        new Option(
            "\tDisplay standard deviations of numeric attributes and value counts\n"
                + "\tof nominal attributes per cluster.",
            "V",
            0,
            "-V"));
    options.add(
        new Option(
            "\tMeasure and display cluster quality: silhouette (exact up to "
                + ClusterQuality.EXACT_SILHOUETTE_LIMIT
                + " instances,\n"
                + "\tabove that sampled with -S), Davies-Bouldin and Calinski-Harabasz indices.",
            "quality",
            0,
            "-quality"));
    options.addAll(Collections.list(super.listOptions()));
    return new Vector<>(options).elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    try {
      parseOptions(options);
    } catch (InvalidOptionException e) {
      throw e;
    } catch (Exception e) {
      // Weka's own parsing (unknown options, -S) fails with plain exceptions; name them as options.
      throw new InvalidOptionException(e.getMessage(), e);
    }
  }

  private void parseOptions(String[] options) throws Exception {
    String value = Utils.getOption('N', options);
    setNumClusters(value.isEmpty() ? 2 : checked("N", OptionValues.parseInt("N", value), 1));
    value = Utils.getOption('I', options);
    setMaxIterations(value.isEmpty() ? 500 : checked("I", OptionValues.parseInt("I", value), 1));
    value = Utils.getOption("init", options);
    initializerId =
        value.isEmpty()
            ? Initializers.KMEANS_PLUS_PLUS
            : OptionTags.select("init", value, OptionTags.initializers());
    value = Utils.getOption("init-file", options);
    setInitFile(new File(value));
    value = Utils.getOption("init-oversampling", options);
    double parsedOversampling =
        value.isEmpty()
            ? InitializerOptions.DEFAULT_OVERSAMPLING
            : OptionValues.parseDouble("init-oversampling", value);
    if (!(parsedOversampling > 0) || Double.isInfinite(parsedOversampling)) {
      throw new InvalidOptionException(
          "Option -init-oversampling needs a finite number > 0, got " + value + ".");
    }
    setInitOversampling(parsedOversampling);
    value = Utils.getOption("init-rounds", options);
    setInitRounds(
        value.isEmpty()
            ? InitializerOptions.DEFAULT_ROUNDS
            : checked("init-rounds", OptionValues.parseInt("init-rounds", value), 1));
    value = Utils.getOption("init-chain", options);
    setInitChain(
        value.isEmpty()
            ? InitializerOptions.DEFAULT_CHAIN_LENGTH
            : checked("init-chain", OptionValues.parseInt("init-chain", value), 1));
    value = Utils.getOption("restarts", options);
    setRestarts(
        value.isEmpty() ? 1 : checked("restarts", OptionValues.parseInt("restarts", value), 1));
    value = Utils.getOption("refine", options);
    refinementId =
        value.isEmpty()
            ? SwapRefinement.ID
            : OptionTags.select("refine", value, OptionTags.refinements());
    value = Utils.getOption("refine-trials", options);
    setRefineTrials(
        value.isEmpty()
            ? SwapRefinement.DEFAULT_TRIALS
            : checked("refine-trials", OptionValues.parseInt("refine-trials", value), 0));
    value = Utils.getOption("tolerance", options);
    double parsedTolerance = value.isEmpty() ? 0 : OptionValues.parseDouble("tolerance", value);
    if (!(parsedTolerance >= 0) || Double.isInfinite(parsedTolerance)) {
      throw new InvalidOptionException(
          "Option -tolerance needs a finite number >= 0, got " + value + ".");
    }
    setTolerance(parsedTolerance);
    value = Utils.getOption("normalize", options);
    normalization =
        value.isEmpty()
            ? Normalization.RANGE
            : Normalization.fromId(
                OptionTags.select("normalize", value, OptionTags.normalizations()));
    value = Utils.getOption("empty", options);
    emptyClusterPolicy =
        value.isEmpty()
            ? EmptyClusterPolicy.RELOCATE
            : EmptyClusterPolicy.fromId(
                OptionTags.select("empty", value, OptionTags.emptyClusterPolicies()));
    value = Utils.getOption("num-slots", options);
    setNumExecutionSlots(
        value.isEmpty()
            ? Runtime.getRuntime().availableProcessors()
            : checked("num-slots", OptionValues.parseInt("num-slots", value), 1));
    value = Utils.getOption("algorithm", options);
    algorithm =
        value.isEmpty()
            ? Algorithm.AUTO
            : Algorithm.fromId(OptionTags.select("algorithm", value, OptionTags.algorithms()));
    value = Utils.getOption("elkan-memory", options);
    setElkanMemory(
        value.isEmpty()
            ? (int) (KMeansSettings.DEFAULT_ELKAN_BUDGET_BYTES >> 20)
            : checked("elkan-memory", OptionValues.parseInt("elkan-memory", value), 0));
    setDisplayStdDevs(Utils.getFlag('V', options));
    setDisplayQuality(Utils.getFlag("quality", options));
    value = Utils.getOption('S', options);
    Integer seed = value.isEmpty() ? null : OptionValues.parseInt("S", value);
    // Last: the superclass reads the debug flags (and sets the default seed) and rejects anything
    // left.
    super.setOptions(options);
    if (seed != null) {
      setSeed(seed);
    }
    Utils.checkForRemainingOptions(options);
  }

  private static int checked(String option, int value, int minimum) throws InvalidOptionException {
    if (value < minimum) {
      throw new InvalidOptionException(
          "Option -" + option + " must be at least " + minimum + ", got " + value + ".");
    }
    return value;
  }

  @Override
  public String[] getOptions() {
    List<String> options = new ArrayList<>();
    options.add("-N");
    options.add(Integer.toString(numClusters));
    options.add("-I");
    options.add(Integer.toString(maxIterations));
    options.add("-init");
    options.add(initializerId);
    if (initFile != null && !initFile.getPath().isEmpty()) {
      options.add("-init-file");
      options.add(initFile.getPath());
    }
    options.add("-init-oversampling");
    options.add(Double.toString(initOversampling));
    options.add("-init-rounds");
    options.add(Integer.toString(initRounds));
    options.add("-init-chain");
    options.add(Integer.toString(initChain));
    options.add("-restarts");
    options.add(Integer.toString(restarts));
    options.add("-refine");
    options.add(refinementId);
    options.add("-refine-trials");
    options.add(Integer.toString(refineTrials));
    options.add("-tolerance");
    options.add(Double.toString(tolerance));
    options.add("-normalize");
    options.add(normalization.id());
    options.add("-empty");
    options.add(emptyClusterPolicy.id());
    // Left out at its default, all processors, so that a saved flow or command line keeps meaning
    // "all processors" on another machine; results do not depend on it anyway.
    if (numExecutionSlots != Runtime.getRuntime().availableProcessors()) {
      options.add("-num-slots");
      options.add(Integer.toString(numExecutionSlots));
    }
    options.add("-algorithm");
    options.add(algorithm.id());
    options.add("-elkan-memory");
    options.add(Integer.toString(elkanMemory));
    if (displayStdDevs) {
      options.add("-V");
    }
    if (displayQuality) {
      options.add("-quality");
    }
    Collections.addAll(options, super.getOptions());
    return options.toArray(new String[0]);
  }

  // ---- properties ----

  /** Tip text for the number of clusters. */
  public String numClustersTipText() {
    return "The number of clusters (k).";
  }

  @Override
  public void setNumClusters(int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "The number of clusters must be at least 1, got " + value + ".");
    }
    numClusters = value;
  }

  /** The number of clusters (k). */
  public int getNumClusters() {
    return numClusters;
  }

  /** Tip text for the iteration limit. */
  public String maxIterationsTipText() {
    return "The maximum number of iterations (assignment passes) of each fit.";
  }

  /** Sets the maximum number of iterations (at least 1). */
  public void setMaxIterations(int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "The maximum number of iterations must be at least 1, got " + value + ".");
    }
    maxIterations = value;
  }

  /** The maximum number of iterations. */
  public int getMaxIterations() {
    return maxIterations;
  }

  /** Tip text for the initializer. */
  public String initializationMethodTipText() {
    return "How the starting centres are chosen: random instances, k-means++ (D^2 sampling, weighted,"
        + " greedy), farthest first, k-means|| (a few oversampling passes on all threads, then"
        + " k-means++ on the weighted candidates), AFK-MC2 (k-means++ approximated by short Markov"
        + " chains), or given centres read from initFile.";
  }

  /** Sets the initializer; the tag must come from the initializer list. */
  public void setInitializationMethod(SelectedTag value) {
    initializerId = OptionTags.idOf(value, OptionTags.initializers());
  }

  /** The initializer. */
  public SelectedTag getInitializationMethod() {
    return OptionTags.selected(initializerId, OptionTags.initializers());
  }

  /** Tip text for the file of given centres. */
  public String initFileTipText() {
    return "ARFF file of starting centres used by the 'given' initializer: the training data's"
        + " attributes, original units, one instance per cluster.";
  }

  /** Sets the ARFF file of starting centres for the 'given' initializer. */
  public void setInitFile(File value) {
    initFile = value == null ? new File("") : value;
  }

  /** The ARFF file of starting centres. */
  public File getInitFile() {
    return initFile;
  }

  /** Tip text for k-means||'s oversampling factor. */
  public String initOversamplingTipText() {
    return "k-means|| only: each sampling round keeps about this times k candidate instances (the"
        + " paper's l = 2k is 2); more candidates give better seeds for more work.";
  }

  /** Sets k-means||'s oversampling factor (finite, above 0). */
  public void setInitOversampling(double value) {
    initOversampling = InitializerOptions.DEFAULTS.withOversampling(value).oversampling();
  }

  /** k-means||'s oversampling factor. */
  public double getInitOversampling() {
    return initOversampling;
  }

  /** Tip text for k-means||'s rounds. */
  public String initRoundsTipText() {
    return "k-means|| only: the number of sampling rounds (passes over the data); the paper finds"
        + " that a handful suffice.";
  }

  /** Sets k-means||'s number of rounds (at least 1). */
  public void setInitRounds(int value) {
    initRounds = InitializerOptions.DEFAULTS.withRounds(value).rounds();
  }

  /** k-means||'s number of rounds. */
  public int getInitRounds() {
    return initRounds;
  }

  /** Tip text for AFK-MC2's chain length. */
  public String initChainTipText() {
    return "AFK-MC2 only: the Markov chain length per centre; longer chains follow k-means++ more"
        + " closely for more work.";
  }

  /** Sets AFK-MC2's chain length (at least 1). */
  public void setInitChain(int value) {
    initChain = InitializerOptions.DEFAULTS.withChainLength(value).chainLength();
  }

  /** AFK-MC2's chain length. */
  public int getInitChain() {
    return initChain;
  }

  /** Tip text for the restarts. */
  public String restartsTipText() {
    return "The number of fits from different seeds derived from the seed; the fit with the lowest"
        + " within-cluster sum of squared errors is kept.";
  }

  /** Sets the number of restarts (at least 1). */
  public void setRestarts(int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "The number of restarts must be at least 1, got " + value + ".");
    }
    restarts = value;
  }

  /** The number of restarts. */
  public int getRestarts() {
    return restarts;
  }

  /** Tip text for the refinement. */
  public String refinementTipText() {
    return "How the best fit is refined after k-means has converged. swap moves centres between"
        + " regions, which k-means cannot: each trial draws candidate places by D^2 sampling, computes"
        + " exactly how much the squared error would drop if any one centre jumped there, makes the"
        + " best jump and runs k-means to convergence again; the squared error only ever drops and"
        + " the result is a converged k-means fit. none keeps the k-means result as it is (then the"
        + " same start gives the same clusters as SimpleKMeans).";
  }

  /** Sets the refinement; the tag must come from the refinement list. */
  public void setRefinement(SelectedTag value) {
    refinementId = OptionTags.idOf(value, OptionTags.refinements());
  }

  /** The refinement. */
  public SelectedTag getRefinement() {
    return OptionTags.selected(refinementId, OptionTags.refinements());
  }

  /** Tip text for the swap trials. */
  public String refineTrialsTipText() {
    return "The most swaps the swap refinement tries; it stops sooner once several trials in a row"
        + " find nothing to gain. 0 turns the refinement off.";
  }

  /** Sets the most swaps tried (at least 0). */
  public void setRefineTrials(int value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "The number of swap trials must be >= 0, got " + value + ".");
    }
    refineTrials = value;
  }

  /** The most swaps tried. */
  public int getRefineTrials() {
    return refineTrials;
  }

  /** Tip text for the tolerance. */
  public String toleranceTipText() {
    return "Stop once the centres' summed squared movement in one iteration is at most this (in the"
        + " normalised space); 0 iterates until no assignment changes.";
  }

  /** Sets the tolerance (finite, at least 0). */
  public void setTolerance(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "The tolerance must be a finite number >= 0, got " + value + ".");
    }
    tolerance = value;
  }

  /** The tolerance. */
  public double getTolerance() {
    return tolerance;
  }

  /** Tip text for the normalization. */
  public String normalizationTipText() {
    return "How numeric attributes are scaled: range to [0,1] (as SimpleKMeans), standardize"
        + " (z-score) or none.";
  }

  /** Sets the normalization; the tag must come from the normalization list. */
  public void setNormalization(SelectedTag value) {
    normalization = Normalization.fromId(OptionTags.idOf(value, OptionTags.normalizations()));
  }

  /** The normalization. */
  public SelectedTag getNormalization() {
    return OptionTags.selected(normalization.id(), OptionTags.normalizations());
  }

  /** Tip text for the empty-cluster policy. */
  public String emptyClusterPolicyTipText() {
    return "What happens to a cluster that loses all its instances: relocate its centre to the"
        + " instance farthest from its own centre, keep the centre where it was, or fail.";
  }

  /** Sets the empty-cluster policy; the tag must come from the policy list. */
  public void setEmptyClusterPolicy(SelectedTag value) {
    emptyClusterPolicy =
        EmptyClusterPolicy.fromId(OptionTags.idOf(value, OptionTags.emptyClusterPolicies()));
  }

  /** The empty-cluster policy. */
  public SelectedTag getEmptyClusterPolicy() {
    return OptionTags.selected(emptyClusterPolicy.id(), OptionTags.emptyClusterPolicies());
  }

  /** Tip text for the number of threads. */
  public String numExecutionSlotsTipText() {
    return "The number of threads; the result does not depend on it.";
  }

  /** Sets the number of threads (at least 1). */
  public void setNumExecutionSlots(int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "The number of threads must be at least 1, got " + value + ".");
    }
    numExecutionSlots = value;
  }

  /** The number of threads. */
  public int getNumExecutionSlots() {
    return numExecutionSlots;
  }

  /** Tip text for the algorithm. */
  public String algorithmTipText() {
    return "How each instance's nearest centre is found. All give exactly the same clusters; the"
        + " bound-based ones (Hamerly, Elkan, Exponion) skip distances the triangle inequality proves"
        + " unnecessary, the k-d tree (for few attributes) whole groups of instances at once. auto"
        + " chooses by the number of clusters and attributes.";
  }

  /** Sets the assignment algorithm; the tag must come from the algorithm list. */
  public void setAlgorithm(SelectedTag value) {
    algorithm = Algorithm.fromId(OptionTags.idOf(value, OptionTags.algorithms()));
  }

  /** The assignment algorithm. */
  public SelectedTag getAlgorithm() {
    return OptionTags.selected(algorithm.id(), OptionTags.algorithms());
  }

  /** Tip text for Elkan's memory. */
  public String elkanMemoryTipText() {
    return "The memory Elkan's bounds may take, in MiB (8 bytes per instance and cluster); auto"
        + " does not choose Elkan beyond it, and an explicit choice of Elkan fails beyond it.";
  }

  /** Sets the memory allowed for Elkan's bounds, in MiB (at least 0). */
  public void setElkanMemory(int value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "The memory for Elkan's bounds must be >= 0, got " + value + ".");
    }
    elkanMemory = value;
  }

  /** The memory allowed for Elkan's bounds, in MiB. */
  public int getElkanMemory() {
    return elkanMemory;
  }

  /** Tip text for showing spreads. */
  public String displayStdDevsTipText() {
    return "Show the standard deviation of numeric attributes and the counts of nominal values in"
        + " each cluster.";
  }

  /** Sets whether spreads are shown. */
  public void setDisplayStdDevs(boolean value) {
    displayStdDevs = value;
  }

  /** Whether spreads are shown. */
  public boolean getDisplayStdDevs() {
    return displayStdDevs;
  }

  /** Tip text for measuring quality. */
  public String displayQualityTipText() {
    return "Measure the clusters' quality when building and show it: the silhouette (exact up to "
        + ClusterQuality.EXACT_SILHOUETTE_LIMIT
        + " instances, above that estimated from a random sample of that many drawn with the seed),"
        + " the Davies-Bouldin index and the Calinski-Harabasz index, in the normalised space.";
  }

  /** Sets whether quality is measured (at the next build) and shown. */
  public void setDisplayQuality(boolean value) {
    displayQuality = value;
  }

  /** Whether quality is measured and shown. */
  public boolean getDisplayQuality() {
    return displayQuality;
  }

  @Override
  public String seedTipText() {
    return "The random seed; restarts derive their seeds from it.";
  }

  @Override
  public String debugTipText() {
    return "Add the within-cluster sum of squared errors after every iteration to the output.";
  }

  /** Gives the initializer options that a clusterer saved before they existed their defaults. */
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    // 0 is never a valid value of these, so it can only mean the field was absent from the stream.
    if (initOversampling == 0) {
      initOversampling = InitializerOptions.DEFAULT_OVERSAMPLING;
    }
    if (initRounds == 0) {
      initRounds = InitializerOptions.DEFAULT_ROUNDS;
    }
    if (initChain == 0) {
      initChain = InitializerOptions.DEFAULT_CHAIN_LENGTH;
    }
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  /**
   * Runs the clusterer with {@code options} as Weka's {@code runClusterer} does; when this JVM was
   * started for the command ({@code weka.Run} or {@code main}), a failure ends it with status 1.
   */
  @Override
  public void run(Object toRun, String[] options) {
    int status = CommandLine.run((Clusterer) toRun, options, System.out, System.err);
    if (status != 0 && CommandLine.ownsTheJvm()) {
      System.exit(status);
    }
  }

  /** Runs FastKMeans from the command line; exits with status 1 on a bad option or any error. */
  public static void main(String[] args) {
    FastKMeans clusterer = new FastKMeans();
    clusterer.run(clusterer, args);
  }
}
