package io.github.fastkmeans.weka;

import io.github.fastkmeans.choosek.KCriterion;
import io.github.fastkmeans.choosek.KSearch;
import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.EmptyClusterPolicy;
import io.github.fastkmeans.engine.IntRange;
import io.github.fastkmeans.engine.KMeansSettings;
import io.github.fastkmeans.engine.RealRange;
import io.github.fastkmeans.engine.RefinementKind;
import io.github.fastkmeans.engine.Restarts;
import io.github.fastkmeans.engine.SwapRefinement;
import io.github.fastkmeans.init.InitializerKind;
import io.github.fastkmeans.init.InitializerOptions;
import io.github.fastkmeans.quality.ClusterQuality;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import weka.core.Option;
import weka.core.Utils;

/**
 * FastKMeans' options, one row each, in the order of the help and of a command line. Weka's option
 * methods ({@code listOptions}, {@code setOptions}, {@code getOptions}) and the GUI's tip texts are
 * made from these rows; a new option is one row here and its bean pair on the scheme.
 */
public final class OptionTable {

  /** -N: the number of clusters. */
  public static final OptionSpec<Integer> CLUSTERS =
      OptionSpec.of(
          "N",
          ValueTypes.integer("k", IntRange.atLeast(1)),
          2,
          "The number of clusters (k). With Weka's classes-to-clusters evaluation, 8 or more"
              + " clusters on data of many classes can keep Weka's own mapping of classes to"
              + " clusters busy for minutes or hours after the fit (README, Limits worth knowing).");

  /** -I: the iteration limit of each k-means run. */
  public static final OptionSpec<Integer> MAX_ITERATIONS =
      OptionSpec.of(
          "I",
          ValueTypes.integer("n", KMeansSettings.MAX_ITERATIONS),
          500,
          "The maximum number of iterations (assignment passes) of each k-means run: of the fit"
              + " of every restart, and of the run after every swap of the refinement. The model"
              + " reports the iterations of the kept fit, over all its runs.");

  /** -init: how the starting centres are chosen. */
  public static final OptionSpec<InitializerKind> INITIALIZER =
      OptionSpec.of(
          "init",
          ValueTypes.choice(InitializerKind.values()),
          InitializerKind.KMEANS_PLUS_PLUS,
          "How the starting centres are chosen: random draws k distinct instances; kmeans++ is"
              + " D^2 sampling, weighted by instance weight, greedy with 2 + ln k candidates per"
              + " centre; farthest-first adds the instance farthest from the centres so far;"
              + " kmeans-parallel is Bahmani et al.'s k-means|| (a few sampling passes on all"
              + " threads, then weighted k-means++ on the candidates; 'kmeans||' is accepted too);"
              + " afk-mc2 approximates k-means++ by a short Markov chain per centre; given reads the"
              + " centres from -init-file. All give the same centres for any number of threads.");

  /** -init-file: the starting centres of -init given. */
  public static final OptionSpec<File> INIT_FILE =
      OptionSpec.of(
              "init-file",
              ValueTypes.file(),
              new File(""),
              "ARFF file of starting centres for -init given: the training data's attributes, in"
                  + " original units, one instance per cluster; Weka's variables, as ${user.dir},"
                  + " and in the FastKMeansStream step the flow's own, are replaced. On the command"
                  + " line, a file without -init selects given; with another initializer the build"
                  + " is refused.")
          .omittedAtDefault();

  /** -init-oversampling: k-means||'s candidates per round, in multiples of k. */
  public static final OptionSpec<Double> INIT_OVERSAMPLING =
      OptionSpec.of(
          "init-oversampling",
          ValueTypes.real("f", InitializerOptions.OVERSAMPLING),
          InitializerOptions.DEFAULT_OVERSAMPLING,
          "-init kmeans-parallel only: each sampling round keeps about this times k candidate"
              + " instances (the paper's l = 2k is 2); more candidates give better seeds for more"
              + " work.");

  /** -init-rounds: k-means||'s sampling rounds. */
  public static final OptionSpec<Integer> INIT_ROUNDS =
      OptionSpec.of(
          "init-rounds",
          ValueTypes.integer("r", InitializerOptions.ROUNDS),
          InitializerOptions.DEFAULT_ROUNDS,
          "-init kmeans-parallel only: the number of sampling rounds (passes over the data).");

  /** -init-chain: AFK-MC²'s chain length. */
  public static final OptionSpec<Integer> INIT_CHAIN =
      OptionSpec.of(
          "init-chain",
          ValueTypes.integer("m", InitializerOptions.CHAIN_LENGTH),
          InitializerOptions.DEFAULT_CHAIN_LENGTH,
          "-init afk-mc2 only: the Markov chain length per centre; longer chains follow k-means++"
              + " more closely, for more work.");

  /** -restarts: the number of fits from different seeds. */
  public static final OptionSpec<Integer> RESTARTS =
      OptionSpec.of(
          "restarts",
          ValueTypes.integer("R", Restarts.COUNT),
          1,
          "The number of fits from seeds derived from -S (the first uses -S itself); the fit with"
              + " the lowest within-cluster sum of squared errors is kept. From -init given, one"
              + " fit: the centres are the start.");

  /** -refine: what runs after the best restart. */
  public static final OptionSpec<RefinementKind> REFINEMENT =
      OptionSpec.of(
          "refine",
          ValueTypes.choice(RefinementKind.values()),
          RefinementKind.AUTO,
          "What runs after the best restart has converged. swap moves centres between regions,"
              + " which k-means cannot: each trial draws candidate places by D^2 sampling, computes"
              + " exactly how much the squared error would drop if any one centre jumped there,"
              + " makes the best jump and runs k-means to convergence again; the squared error"
              + " never rises and the result is a converged k-means fit. none keeps the k-means"
              + " result (then the same start gives SimpleKMeans' clusters). auto is swap after"
              + " sampled starts and none after -init given, which asks for k-means from the"
              + " centres given.");

  /** -refine-trials: the most swaps tried. */
  public static final OptionSpec<Integer> REFINE_TRIALS =
      OptionSpec.of(
          "refine-trials",
          ValueTypes.integer("n", SwapRefinement.TRIALS),
          SwapRefinement.DEFAULT_TRIALS,
          "The most swaps the swap refinement tries; it stops sooner, once several trials in a"
              + " row find nothing to gain. 0 turns the refinement off.");

  /** -tolerance: the centre movement below which iterations stop. */
  public static final OptionSpec<Double> TOLERANCE =
      OptionSpec.of(
          "tolerance",
          ValueTypes.real("t", KMeansSettings.TOLERANCE),
          0.0,
          "Stop once the centres' summed squared movement in one iteration is at most this (in"
              + " the normalised space), then assign once more so that labels match centres; 0"
              + " iterates until no assignment changes.");

  /** -normalize: the scaling of numeric attributes. */
  public static final OptionSpec<Normalization> NORMALIZATION =
      OptionSpec.of(
          "normalize",
          ValueTypes.choice(Normalization.values()),
          Normalization.RANGE,
          "How numeric attributes are scaled: range maps the training minimum and maximum to 0"
              + " and 1 (as SimpleKMeans); standardize subtracts the weighted mean and divides by"
              + " the weighted standard deviation; none uses the raw values.");

  /** -empty: what happens to a cluster that loses all its instances. */
  public static final OptionSpec<EmptyClusterPolicy> EMPTY_CLUSTERS =
      OptionSpec.of(
          "empty",
          ValueTypes.choice(EmptyClusterPolicy.values()),
          EmptyClusterPolicy.RELOCATE,
          "What happens to a cluster that loses all its instances: relocate moves its centre onto"
              + " the instance farthest from its own centre; keep leaves the centre where it was;"
              + " fail stops with an error. k is never reduced.");

  /** -num-slots: the number of threads. */
  public static final OptionSpec<Integer> THREADS =
      OptionSpec.of(
              "num-slots",
              ValueTypes.integer("n", KMeansSettings.THREADS),
              1,
              "The number of threads, at most four per processor the JVM sees; the result does"
                  + " not depend on it.")
          .withComputedDefault(() -> Processors.COUNT, "all processors")
          .omittedAtDefault();

  /** -algorithm: how each instance's nearest centre is found. */
  public static final OptionSpec<Algorithm> ALGORITHM =
      OptionSpec.of(
          "algorithm",
          ValueTypes.choice(Algorithm.values()),
          Algorithm.AUTO,
          "How each instance's nearest centre is found; all give exactly the same clusters,"
              + " centroids and iteration count. lloyd computes every distance; hamerly keeps two"
              + " bounds per instance (from 32 clusters and 4 dimensions it compares the instances"
              + " whose bounds fail with all centres in blocks, with lloyd's kernel), elkan one"
              + " per instance and cluster, exponion Hamerly's bound"
              + " plus a search of the centres near the instance's own, yinyang one bound per"
              + " instance and group of about ten clusters (for many clusters; with the vector"
              + " kernel, per instance and block of eight clusters, skipping a block for a tile of"
              + " 32 instances at once, which pays on well-separated clusters run to"
              + " convergence); kdtree filters the"
              + " centres down a k-d tree of the instances (for few attributes). auto takes lloyd"
              + " for k <= 2, kdtree up to 4 numeric dimensions, lloyd from k = 32 when the"
              + " vector kernel runs (the JVM has jdk.incubator.vector) and its float estimates"
              + " separate a sample of the instances (there the tiled yinyang for long fits from"
              + " k = 256, and hamerly from 16 dimensions and k = 512 to 2000 where those bounds"
              + " do not start), elkan from 80 dimensions"
              + " when its bounds fit -elkan-memory, yinyang from k = 5000 when its bounds fit"
              + " -elkan-memory, and exponion otherwise.");

  /** -elkan-memory: the memory Elkan's bounds may take. */
  public static final OptionSpec<Integer> ELKAN_MEMORY =
      OptionSpec.of(
          "elkan-memory",
          ValueTypes.integer("MiB", IntRange.atLeast(0)),
          (int) (KMeansSettings.DEFAULT_ELKAN_BUDGET_BYTES >> 20),
          "The memory Elkan's bounds may take, in MiB (8 bytes per instance and cluster); auto"
              + " does not choose elkan or yinyang (8 bytes per instance and group; with the vector"
              + " kernel 1 per instance and block of eight clusters) beyond it, and"
              + " -algorithm elkan is refused beyond it.");

  /** -stream-budget: the memory a stream's kept rows may take before it is summarised. */
  public static final OptionSpec<Double> STREAM_BUDGET =
      OptionSpec.of(
              "stream-budget",
              ValueTypes.real("MiB", RealRange.finiteAtLeast(0)),
              0.0,
              "Streams only (updateClusterer, as Weka's command line trains): the memory, in MiB,"
                  + " the kept instances may take (8 bytes per clustered value and instance); 0 is"
                  + " a fifth of the maximum heap. Within it the model is exact, the same as a"
                  + " batch build's; beyond it the stream is summarised by a weighted coreset of"
                  + " bounded size, and the model says so.")
          .omittedAtDefault();

  /** -min-clusters: the smallest k a search tries. */
  public static final OptionSpec<Integer> MIN_CLUSTERS =
      OptionSpec.of(
              "min-clusters",
              ValueTypes.integer("k", KSearch.MIN_CLUSTERS),
              2,
              "With -max-clusters: the smallest number of clusters tried.")
          .omittedAtDefault();

  /** -max-clusters: the largest k a search tries; 0 for no search. */
  public static final OptionSpec<Integer> MAX_CLUSTERS =
      OptionSpec.of(
              "max-clusters",
              ValueTypes.integer("K", IntRange.atLeast(0)),
              0,
              "Choose the number of clusters: fit every k from -min-clusters up to this one (each k"
                  + " grown from the fit before it by the best of a few D^2 sampled centres, then"
                  + " a few k-means iterations and a swap trial where the new centre looks wasted),"
                  + " stop once -k-criterion has fallen at 4 k in a row, refine the best k and the"
                  + " one below it fully and keep the best; a k leaving a cluster of one row is not"
                  + " chosen. The model shows the table of every k tried. 0 uses -N as it is.")
          .omittedAtDefault();

  /** -k-criterion: how a search recognises the best k. */
  public static final OptionSpec<KCriterion> K_CRITERION =
      OptionSpec.of(
              "k-criterion",
              ValueTypes.choice(KCriterion.values()),
              // The most often right on the choose-k benchmark (docs/choosing-k.md).
              KCriterion.BIC,
              "With -max-clusters: how the best k is recognised. bic takes the highest BIC of"
                  + " spherical Gaussian clusters, as X-means; calinski-harabasz and silhouette the"
                  + " highest index (the silhouette sampled as -quality samples it); gmeans the"
                  + " smallest k at which every cluster passes G-means' Anderson-Darling test of"
                  + " normality.")
          .omittedAtDefault();

  /** -V: show the spread of every cluster. */
  public static final OptionSpec<Boolean> SHOW_SPREAD =
      OptionSpec.of(
          "V",
          ValueTypes.onOff(),
          false,
          "Show the standard deviation of numeric attributes and the weighted counts of nominal"
              + " values in each cluster.");

  /** -quality: measure and show cluster quality. */
  public static final OptionSpec<Boolean> QUALITY =
      OptionSpec.of(
          "quality",
          ValueTypes.onOff(),
          false,
          "Measure the clusters' quality when building and show it: the silhouette (exact up to "
              + ClusterQuality.EXACT_SILHOUETTE_LIMIT
              + " instances, above that estimated from a random sample of that many drawn with"
              + " -S), the Davies-Bouldin index and the Calinski-Harabasz index, in the normalised"
              + " space.");

  /** Every option, in the order of the help and of a command line. */
  public static final List<OptionSpec<?>> ALL =
      List.of(
          CLUSTERS,
          MAX_ITERATIONS,
          INITIALIZER,
          INIT_FILE,
          INIT_OVERSAMPLING,
          INIT_ROUNDS,
          INIT_CHAIN,
          RESTARTS,
          REFINEMENT,
          REFINE_TRIALS,
          TOLERANCE,
          NORMALIZATION,
          EMPTY_CLUSTERS,
          THREADS,
          ALGORITHM,
          ELKAN_MEMORY,
          STREAM_BUDGET,
          MIN_CLUSTERS,
          MAX_CLUSTERS,
          K_CRITERION,
          SHOW_SPREAD,
          QUALITY);

  /** What Weka's -output-debug-info does here; its tip text and help. */
  public static final String DEBUG_DESCRIPTION =
      "Add a table of every iteration to the output: squared error, distances computed and their"
          + " share of instances x clusters, milliseconds. The squared error of every iteration"
          + " costs one more pass over the data per iteration, so it is measured only then.";

  /** The seed (-S), which Weka's randomizable schemes read; parsed here for a clear error. */
  private static final ValueType<Integer> SEED =
      ValueTypes.integer("seed", IntRange.atLeast(Integer.MIN_VALUE));

  private OptionTable() {}

  /**
   * The seed {@code text} given for -S.
   *
   * @throws InvalidOptionException if it is not an integer
   */
  public static int parseSeed(String text) throws InvalidOptionException {
    return SEED.parse("S", text);
  }

  /**
   * Every option as Weka lists it in the help, followed by the {@code inherited} ones of Weka's
   * clusterers, with the debug option described as it works here.
   */
  public static List<Option> list(Enumeration<Option> inherited) {
    List<Option> options = new ArrayList<>();
    for (OptionSpec<?> spec : ALL) {
      options.add(spec.toWekaOption());
    }
    for (Option option : Collections.list(inherited)) {
      options.add(
          "output-debug-info".equals(option.name())
              ? new Option(
                  "\t" + String.join("\n\t", OptionSpec.wrap(DEBUG_DESCRIPTION)),
                  option.name(),
                  0,
                  option.synopsis())
              : option);
    }
    return options;
  }

  /**
   * The options named in {@code args}, every other at its default; the options read are blanked in
   * {@code args}, as Weka's {@link Utils#getOption} does.
   *
   * @throws InvalidOptionException naming the first option whose value is refused
   */
  public static FitOptions parse(String[] args) throws InvalidOptionException {
    FitOptions options = FitOptions.defaults();
    // Looked up before parsing, which blanks what it reads.
    boolean initializerNamed = Utils.getOptionPos(INITIALIZER.flag(), args) >= 0;
    for (OptionSpec<?> spec : ALL) {
      options = parseInto(options, spec, args);
    }
    // A file of centres only makes sense for 'given': on a command line it selects it.
    if (!initializerNamed && !options.get(INIT_FILE).getPath().isEmpty()) {
      options = options.with(INITIALIZER, InitializerKind.GIVEN);
    }
    return options;
  }

  /**
   * Refuses an option whose value is missing, where the next word is another of {@code options}
   * (the scheme's, Weka's general ones among them): Weka's reading would take that option as the
   * value, or, once that option was read first, find none ("-init-file -N 3" would drop the file
   * without a word). Called before any option is read.
   *
   * @throws InvalidOptionException naming the option without its value
   */
  static void refuseFlagsTakenAsValues(String[] args, List<Option> options)
      throws InvalidOptionException {
    Set<String> flags = new HashSet<>();
    for (Option option : options) {
      flags.add("-" + option.name());
    }
    for (Option option : options) {
      if (option.numArguments() == 0) {
        continue;
      }
      int at = Utils.getOptionPos(option.name(), args);
      if (at >= 0 && at + 1 < args.length && flags.contains(args[at + 1])) {
        throw new InvalidOptionException(
            "Option -" + option.name() + " needs a value, but " + args[at + 1] + " follows it.");
      }
    }
  }

  private static <T> FitOptions parseInto(FitOptions options, OptionSpec<T> spec, String[] args)
      throws InvalidOptionException {
    try {
      if (spec.isSwitch()) {
        @SuppressWarnings("unchecked")
        OptionSpec<Boolean> flag = (OptionSpec<Boolean>) spec;
        return options.with(flag, Utils.getFlag(spec.flag(), args));
      }
      String text = Utils.getOption(spec.flag(), args);
      return text.isEmpty() ? options : options.with(spec, spec.parse(text));
    } catch (InvalidOptionException e) {
      throw e;
    } catch (Exception e) {
      // Weka's own reading fails with plain exceptions (as for a flag without its value).
      throw new InvalidOptionException(e.getMessage(), e);
    }
  }

  /** {@code options} as a command line, in table order. */
  public static List<String> print(FitOptions options) {
    List<String> words = new ArrayList<>();
    for (OptionSpec<?> spec : ALL) {
      words.addAll(printed(options, spec));
    }
    return words;
  }

  private static <T> List<String> printed(FitOptions options, OptionSpec<T> spec) {
    return spec.commandLine(options.get(spec), options.isSet(spec));
  }
}
