package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.AssignmentKernel;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.clusterers.RandomizableClusterer;
import weka.core.Option;
import weka.core.SelectedTag;
import weka.core.Utils;

/**
 * A Weka clusterer configured by {@link OptionTable}: its command-line options and its GUI
 * properties, each property a bean pair and a tip text delegating to its row. The options are an
 * immutable {@link FitOptions}, replaced on every change, so that a build can keep the ones it
 * started with.
 */
public abstract class ConfigurableClusterer extends RandomizableClusterer {

  private static final long serialVersionUID = 1L;

  /** The options; replaced, never changed. */
  private FitOptions options = FitOptions.defaults();

  /**
   * A clusterer with the default options. Weka makes a scheme before it reads the training data, so
   * the assignment kernel is compiled in the background meanwhile ({@link
   * AssignmentKernel#prepare}).
   */
  protected ConfigurableClusterer() {
    AssignmentKernel.prepare();
  }

  /** The options as they are now. */
  protected FitOptions options() {
    return options;
  }

  /** Replaces every option at once, as when a saved clusterer is read. */
  protected void restoreOptions(FitOptions restored) {
    options = restored;
  }

  /** A clusterer saved before this class existed has its options restored by the subclass. */
  private void readObjectNoData() {
    options = FitOptions.defaults();
  }

  @Override
  public Enumeration<Option> listOptions() {
    return new Vector<>(OptionTable.list(super.listOptions())).elements();
  }

  @Override
  public void setOptions(String[] args) throws InvalidOptionException {
    try {
      // Everything of ours is read before anything is set, so that a bad value changes nothing;
      // first, before any reading blanks what it reads, options left without their value.
      OptionTable.refuseFlagsTakenAsValues(args, Collections.list(listOptions()));
      String seedText = Utils.getOption('S', args);
      Integer seed = seedText.isEmpty() ? null : OptionTable.parseSeed(seedText);
      FitOptions parsed = OptionTable.parse(args);
      // Last: the superclass reads the debug flags (and sets the default seed).
      super.setOptions(args);
      if (seed != null) {
        setSeed(seed);
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

  /** Sets the number of clusters (k). */
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

  /** Tip text of -stream-budget. */
  public String streamBudgetTipText() {
    return OptionTable.STREAM_BUDGET.description();
  }

  /** Sets the memory, in MiB, a stream's kept instances may take before it is summarised. */
  public void setStreamBudget(double value) {
    set(OptionTable.STREAM_BUDGET, value);
  }

  /** The memory, in MiB, a stream's kept instances may take before it is summarised. */
  public double getStreamBudget() {
    return get(OptionTable.STREAM_BUDGET);
  }

  /** Tip text of -min-clusters. */
  public String minClustersTipText() {
    return OptionTable.MIN_CLUSTERS.description();
  }

  /** Sets the smallest number of clusters a search tries. */
  public void setMinClusters(int value) {
    set(OptionTable.MIN_CLUSTERS, value);
  }

  /** The smallest number of clusters a search tries. */
  public int getMinClusters() {
    return get(OptionTable.MIN_CLUSTERS);
  }

  /** Tip text of -max-clusters. */
  public String maxClustersTipText() {
    return OptionTable.MAX_CLUSTERS.description();
  }

  /** Sets the largest number of clusters a search tries; 0 turns the search off. */
  public void setMaxClusters(int value) {
    set(OptionTable.MAX_CLUSTERS, value);
  }

  /** The largest number of clusters a search tries; 0 when there is no search. */
  public int getMaxClusters() {
    return get(OptionTable.MAX_CLUSTERS);
  }

  /** Tip text of -k-criterion. */
  public String numClustersCriterionTipText() {
    return OptionTable.K_CRITERION.description();
  }

  /** Sets the criterion of a search; the tag must come from the criterion list. */
  public void setNumClustersCriterion(SelectedTag value) {
    setTag(OptionTable.K_CRITERION, value);
  }

  /** The criterion of a search. */
  public SelectedTag getNumClustersCriterion() {
    return tag(OptionTable.K_CRITERION);
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
}
