package weka.clusterers;

import io.github.fastkmeans.quality.ClusterQuality;
import io.github.fastkmeans.weka.CommandLine;
import io.github.fastkmeans.weka.FitOptions;
import io.github.fastkmeans.weka.FitPipeline;
import io.github.fastkmeans.weka.FittedModel;
import io.github.fastkmeans.weka.InvalidOptionException;
import io.github.fastkmeans.weka.LegacyOptions;
import io.github.fastkmeans.weka.ModelText;
import io.github.fastkmeans.weka.OptionSpec;
import io.github.fastkmeans.weka.OptionTable;
import io.github.fastkmeans.weka.References;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
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
 * with {@code -refine none}, the same answer from the same start; by default, after sampled starts,
 * a swap refinement then moves centres between regions, which k-means cannot. See README.md for the
 * differences. The options are declared in {@link OptionTable}; a build is a {@link FitPipeline}.
 *
 * <p><b>Threads.</b> Once {@link #buildClusterer} has returned, {@link #clusterInstance}, {@link
 * #distributionForInstance} and {@link #distancesToCentroids} (and the getters of the model) may be
 * called from any number of threads at once: the model is immutable and published through a
 * volatile field. A build uses the options as they were when it started; a thread asking for
 * clusters during a rebuild gets either the "not built" error or the new model, never a part-built
 * one.
 */
public class FastKMeans extends RandomizableClusterer
    implements NumberOfClustersRequestable, WeightedInstancesHandler, TechnicalInformationHandler {

  private static final long serialVersionUID = 7361594258132870531L;

  /** Decimal places of the centroid table. */
  private static final int DECIMALS = 4;

  /** The options; replaced, never changed, so that a build can keep the ones it started with. */
  private FitOptions options = FitOptions.defaults();

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
    return References.globalInfo();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return References.technicalInformation();
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
   * Builds the model with the options as they are now. The previous model, if any, is discarded
   * first: if the build fails the clusterer answers as one never built. Data that cannot be
   * clustered are refused with a {@link WekaException} whose message names the problem.
   */
  @Override
  public void buildClusterer(Instances data) throws WekaException {
    model = null;
    Capabilities checked = getDoNotCheckCapabilities() ? null : getCapabilities();
    model = new FitPipeline(options, getSeed(), getDebug(), checked).fit(data);
  }

  private FittedModel builtModel() throws WekaException {
    FittedModel built = model;
    if (built == null) {
      throw new WekaException("FastKMeans has not been built yet; call buildClusterer first.");
    }
    return built;
  }

  @Override
  public int clusterInstance(Instance instance) throws WekaException {
    return builtModel().cluster(instance);
  }

  /** The Euclidean distance of {@code instance} to each centroid, in the normalised space. */
  public double[] distancesToCentroids(Instance instance) throws WekaException {
    return builtModel().distances(instance);
  }

  @Override
  public int numberOfClusters() throws WekaException {
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
    FittedModel built = model;
    if (built == null) {
      return "FastKMeans: no model built yet.";
    }
    return ModelText.describe(built, get(OptionTable.SHOW_SPREAD), getDebug(), DECIMALS);
  }

  // ---- options: made from OptionTable ----

  @Override
  public Enumeration<Option> listOptions() {
    return new Vector<>(OptionTable.list(super.listOptions())).elements();
  }

  @Override
  public void setOptions(String[] args) throws InvalidOptionException {
    try {
      String seed = Utils.getOption('S', args);
      FitOptions parsed = OptionTable.parse(args);
      // Last: the superclass reads the debug flags (and sets the default seed).
      super.setOptions(args);
      if (!seed.isEmpty()) {
        setSeed(OptionTable.parseSeed(seed));
      }
      Utils.checkForRemainingOptions(args);
      options = parsed;
    } catch (InvalidOptionException e) {
      throw e;
    } catch (Exception e) {
      // Weka's own parsing (unknown options, debug flags) fails with plain exceptions.
      throw new InvalidOptionException(e.getMessage(), e);
    }
  }

  @Override
  public String[] getOptions() {
    List<String> words = new ArrayList<>(OptionTable.print(options));
    Collections.addAll(words, super.getOptions());
    return words.toArray(new String[0]);
  }

  private <T> T get(OptionSpec<T> option) {
    return options.get(option);
  }

  private <T> void set(OptionSpec<T> option, T value) {
    options = options.with(option, value);
  }

  private <T> SelectedTag tag(OptionSpec<T> option) {
    return option.tag(options.get(option));
  }

  private <T> void setTag(OptionSpec<T> option, SelectedTag selection) {
    options = options.with(option, option.fromTag(selection));
  }

  // ---- the GUI's properties: each a bean pair and a tip text from its row ----

  /** Tip text of -N. */
  public String numClustersTipText() {
    return OptionTable.CLUSTERS.description();
  }

  @Override
  public void setNumClusters(int value) {
    set(OptionTable.CLUSTERS, value);
  }

  /** The number of clusters (k). */
  public int getNumClusters() {
    return get(OptionTable.CLUSTERS);
  }

  /** Tip text of -I. */
  public String maxIterationsTipText() {
    return OptionTable.MAX_ITERATIONS.description();
  }

  /** Sets the maximum number of iterations of each fit. */
  public void setMaxIterations(int value) {
    set(OptionTable.MAX_ITERATIONS, value);
  }

  /** The maximum number of iterations of each fit. */
  public int getMaxIterations() {
    return get(OptionTable.MAX_ITERATIONS);
  }

  /** Tip text of -init. */
  public String initializationMethodTipText() {
    return OptionTable.INITIALIZER.description();
  }

  /** Sets the initializer; the tag must come from the initializer list. */
  public void setInitializationMethod(SelectedTag value) {
    setTag(OptionTable.INITIALIZER, value);
  }

  /** The initializer. */
  public SelectedTag getInitializationMethod() {
    return tag(OptionTable.INITIALIZER);
  }

  /** Tip text of -init-file. */
  public String initFileTipText() {
    return OptionTable.INIT_FILE.description();
  }

  /** Sets the ARFF file of starting centres for the 'given' initializer; null clears it. */
  public void setInitFile(File value) {
    set(OptionTable.INIT_FILE, value == null ? new File("") : value);
  }

  /** The ARFF file of starting centres. */
  public File getInitFile() {
    return get(OptionTable.INIT_FILE);
  }

  /** Tip text of -init-oversampling. */
  public String initOversamplingTipText() {
    return OptionTable.INIT_OVERSAMPLING.description();
  }

  /** Sets k-means||'s oversampling factor. */
  public void setInitOversampling(double value) {
    set(OptionTable.INIT_OVERSAMPLING, value);
  }

  /** k-means||'s oversampling factor. */
  public double getInitOversampling() {
    return get(OptionTable.INIT_OVERSAMPLING);
  }

  /** Tip text of -init-rounds. */
  public String initRoundsTipText() {
    return OptionTable.INIT_ROUNDS.description();
  }

  /** Sets k-means||'s number of rounds. */
  public void setInitRounds(int value) {
    set(OptionTable.INIT_ROUNDS, value);
  }

  /** k-means||'s number of rounds. */
  public int getInitRounds() {
    return get(OptionTable.INIT_ROUNDS);
  }

  /** Tip text of -init-chain. */
  public String initChainTipText() {
    return OptionTable.INIT_CHAIN.description();
  }

  /** Sets AFK-MC2's chain length. */
  public void setInitChain(int value) {
    set(OptionTable.INIT_CHAIN, value);
  }

  /** AFK-MC2's chain length. */
  public int getInitChain() {
    return get(OptionTable.INIT_CHAIN);
  }

  /** Tip text of -restarts. */
  public String restartsTipText() {
    return OptionTable.RESTARTS.description();
  }

  /** Sets the number of restarts. */
  public void setRestarts(int value) {
    set(OptionTable.RESTARTS, value);
  }

  /** The number of restarts. */
  public int getRestarts() {
    return get(OptionTable.RESTARTS);
  }

  /** Tip text of -refine. */
  public String refinementTipText() {
    return OptionTable.REFINEMENT.description();
  }

  /** Sets the refinement; the tag must come from the refinement list. */
  public void setRefinement(SelectedTag value) {
    setTag(OptionTable.REFINEMENT, value);
  }

  /** The refinement. */
  public SelectedTag getRefinement() {
    return tag(OptionTable.REFINEMENT);
  }

  /** Tip text of -refine-trials. */
  public String refineTrialsTipText() {
    return OptionTable.REFINE_TRIALS.description();
  }

  /** Sets the most swaps tried. */
  public void setRefineTrials(int value) {
    set(OptionTable.REFINE_TRIALS, value);
  }

  /** The most swaps tried. */
  public int getRefineTrials() {
    return get(OptionTable.REFINE_TRIALS);
  }

  /** Tip text of -tolerance. */
  public String toleranceTipText() {
    return OptionTable.TOLERANCE.description();
  }

  /** Sets the tolerance. */
  public void setTolerance(double value) {
    set(OptionTable.TOLERANCE, value);
  }

  /** The tolerance. */
  public double getTolerance() {
    return get(OptionTable.TOLERANCE);
  }

  /** Tip text of -normalize. */
  public String normalizationTipText() {
    return OptionTable.NORMALIZATION.description();
  }

  /** Sets the normalization; the tag must come from the normalization list. */
  public void setNormalization(SelectedTag value) {
    setTag(OptionTable.NORMALIZATION, value);
  }

  /** The normalization. */
  public SelectedTag getNormalization() {
    return tag(OptionTable.NORMALIZATION);
  }

  /** Tip text of -empty. */
  public String emptyClusterPolicyTipText() {
    return OptionTable.EMPTY_CLUSTERS.description();
  }

  /** Sets the empty-cluster policy; the tag must come from the policy list. */
  public void setEmptyClusterPolicy(SelectedTag value) {
    setTag(OptionTable.EMPTY_CLUSTERS, value);
  }

  /** The empty-cluster policy. */
  public SelectedTag getEmptyClusterPolicy() {
    return tag(OptionTable.EMPTY_CLUSTERS);
  }

  /** Tip text of -num-slots. */
  public String numExecutionSlotsTipText() {
    return OptionTable.THREADS.description();
  }

  /** Sets the number of threads. */
  public void setNumExecutionSlots(int value) {
    set(OptionTable.THREADS, value);
  }

  /** The number of threads. */
  public int getNumExecutionSlots() {
    return get(OptionTable.THREADS);
  }

  /** Tip text of -algorithm. */
  public String algorithmTipText() {
    return OptionTable.ALGORITHM.description();
  }

  /** Sets the assignment algorithm; the tag must come from the algorithm list. */
  public void setAlgorithm(SelectedTag value) {
    setTag(OptionTable.ALGORITHM, value);
  }

  /** The assignment algorithm. */
  public SelectedTag getAlgorithm() {
    return tag(OptionTable.ALGORITHM);
  }

  /** Tip text of -elkan-memory. */
  public String elkanMemoryTipText() {
    return OptionTable.ELKAN_MEMORY.description();
  }

  /** Sets the memory allowed for Elkan's bounds, in MiB. */
  public void setElkanMemory(int value) {
    set(OptionTable.ELKAN_MEMORY, value);
  }

  /** The memory allowed for Elkan's bounds, in MiB. */
  public int getElkanMemory() {
    return get(OptionTable.ELKAN_MEMORY);
  }

  /** Tip text of -V. */
  public String displayStdDevsTipText() {
    return OptionTable.SHOW_SPREAD.description();
  }

  /** Sets whether spreads are shown. */
  public void setDisplayStdDevs(boolean value) {
    set(OptionTable.SHOW_SPREAD, value);
  }

  /** Whether spreads are shown. */
  public boolean getDisplayStdDevs() {
    return get(OptionTable.SHOW_SPREAD);
  }

  /** Tip text of -quality. */
  public String displayQualityTipText() {
    return OptionTable.QUALITY.description();
  }

  /** Sets whether quality is measured (at the next build) and shown. */
  public void setDisplayQuality(boolean value) {
    set(OptionTable.QUALITY, value);
  }

  /** Whether quality is measured and shown. */
  public boolean getDisplayQuality() {
    return get(OptionTable.QUALITY);
  }

  @Override
  public String seedTipText() {
    return "The random seed; restarts derive their seeds from it.";
  }

  @Override
  public String debugTipText() {
    return OptionTable.DEBUG_DESCRIPTION;
  }

  /** Reads the options and the model, also from a clusterer saved with one field per option. */
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    ObjectInputStream.GetField fields = in.readFields();
    options = LegacyOptions.optionsOf(fields);
    model = (FittedModel) fields.get("model", null);
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 2 $");
  }

  /**
   * Runs the clusterer with {@code options} as Weka's {@code runClusterer} does; when this JVM was
   * started for the command ({@code weka.Run} or {@code main}), a failure ends it with status 1.
   */
  @Override
  public void run(Object toRun, String[] args) {
    int status = CommandLine.run((Clusterer) toRun, args, System.out, System.err);
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
