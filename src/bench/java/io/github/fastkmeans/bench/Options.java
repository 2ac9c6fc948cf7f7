package io.github.fastkmeans.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's command line. */
final class Options {

  static final List<String> ALL_SETS =
      List.of("A", "B", "C", "D", "E", "F", "G", "birch1", "kddcup99");

  /**
   * Sets run only when named: blobs of 3, 4 and 5 columns, between which {@code -algorithm auto}
   * switches from the k-d tree to Exponion, and of 32, 64 and 96, between which it switches from
   * Exponion to Elkan; and E50, E's rows and start with up to 50 iterations, which FastKMeans and
   * scikit-learn end at convergence, where {@code auto}'s bounds start.
   */
  static final List<String> NAMED_ONLY_SETS = List.of("L3", "L4", "L5", "W32", "W64", "W96", "E50");

  static final String USAGE =
      String.join(
          "\n",
          "FastKMeans benchmark: times FastKMeans and its peers from the same starting centres for the same",
          "number of iterations, checks that they reach the same SSE, and prints a table of medians and ratios.",
          "",
          "  mvn -q -Pbench test [-Dbench.args=\"OPTIONS\"]",
          "",
          "Options:",
          "  --quick            a try-out: about 1/10 of the rows (and of G's k), at most 10 iterations, 1 timed run",
          "  --runs N           timed runs per system and data set, the median is reported (default 3)",
          "  --rounds N         the systems take turns N times on each data set, each turn its warm-ups and",
          "                     --runs timed runs, each round starting with the next system; the median is",
          "                     of all N x --runs (default 1). With one round, the first system of a set",
          "                     lags by 10-15% on the machines measured",
          "  --warmups N        untimed fits before them, for the JIT (default 1)",
          "  --warmup-iterations N   iterations of a warm-up fit, at most the data set's (default 10; at most 2",
          "                     on the large sets E, F, G)",
          "  --budget S         a peer stops before a timed run that would take its timed fits past S seconds",
          "                     (at least 1 run; FastKMeans always does --runs; default 25)",
          "  --skm-runs N       at most N timed runs of Weka SimpleKMeans (default: as --runs)",
          "  --sets LIST        data sets, comma-separated (default A,B,C,D,E,F,G,birch1,kddcup99); blobs of",
          "                     other widths run only when named: L3, L4, L5 (200,000 rows, k = 32) and W32,",
          "                     W64, W96; and E50 (E with up to 50 iterations: to convergence) only when named",
          "  --systems LIST     only systems whose id contains one of these words. Ids: fastkmeans-ALGO-Nt",
          "                     (buildClusterer; ALGO: auto, lloyd, hamerly, elkan, exponion, yinyang, kdtree; N:",
          "                     --threads) and fastkmeans-auto-1t; fastkmeans-engine-ALGO-Nt and",
          "                     fastkmeans-engine-ALGO-1t (the engine alone); weka-simplekmeans, elki-lloyd,",
          "                     elki-hamerly, elki-elkan, elki-exponion, elki-shallot, elki-kdfiltering,",
          "                     smile-bbd, sklearn-lloyd, sklearn-elkan, faiss, debian-sklearn-lloyd,",
          "                     debian-sklearn-elkan, and elki-kdpruning, which runs only when named here.",
          "                     The k-d and BBD tree systems run on more than 64 columns, and SimpleKMeans,",
          "                     ELKI, Smile, the trees and FastKMeans' 1-thread rows on the large sets (E,",
          "                     F, G), only when named here",
          "  --skip LIST        leave out systems whose id contains one of these words",
          "  --threads N        threads of FastKMeans and the Python peers (default: all processors); FastKMeans",
          "                     also has 1-thread rows",
          "  --data DIR         the shared data folder holding uef/birch1 and real/kddcup99 (default ../shared/data)",
          "  --venv DIR         the Python environment of scikit-learn and faiss-cpu, made there by",
          "                     python3 -m venv and pip on first use (default target/bench-venv)",
          "  --python PATH      a Python with scikit-learn, faiss-cpu and threadpoolctl to use instead",
          "  --kernels LIST     the OpenBLAS kernel settings each Python peer runs under: own (OpenBLAS picks",
          "                     it), forced (the environment's OPENBLAS_CORETYPE, when set); default own,forced",
          "  --seed N           seed of SimpleKMeans' random initialisation that picks the start (default 1)",
          "  --out FILE         also write the report to FILE",
          "  --help             this text");

  boolean quick;
  int runs = 3;
  int rounds = 1;
  int warmups = 1;
  int warmupIterations = 10;
  double budget = 25;
  int skmRuns = -1;
  List<String> sets = ALL_SETS;
  List<String> systems = List.of();
  List<String> skip = List.of();
  int threads = Runtime.getRuntime().availableProcessors();
  Path data = Path.of("..", "shared", "data");
  Path venv = PythonEnvironment.DEFAULT_FOLDER;

  /** A Python to use instead of the environment in {@link #venv}; null: that environment. */
  String python;

  /** The OpenBLAS kernel settings each Python peer runs under. */
  List<PythonPeer.KernelSetting> kernels =
      List.of(PythonPeer.KernelSetting.OWN, PythonPeer.KernelSetting.FORCED);

  int seed = 1;
  Path out;
  boolean help;

  static Options parse(String[] args) {
    Options o = new Options();
    boolean runsGiven = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.isBlank()) {
        continue;
      }
      switch (a) {
        case "--quick":
          o.quick = true;
          break;
        case "--runs":
          o.runs = positive(a, value(args, ++i, a));
          runsGiven = true;
          break;
        case "--rounds":
          o.rounds = positive(a, value(args, ++i, a));
          break;
        case "--warmups":
          o.warmups = Integer.parseInt(value(args, ++i, a));
          if (o.warmups < 0) {
            throw new IllegalArgumentException("--warmups must be at least 0");
          }
          break;
        case "--warmup-iterations":
          o.warmupIterations = positive(a, value(args, ++i, a));
          break;
        case "--budget":
          o.budget = Double.parseDouble(value(args, ++i, a));
          if (!(o.budget > 0)) {
            throw new IllegalArgumentException("--budget must be > 0");
          }
          break;
        case "--skm-runs":
          o.skmRuns = positive(a, value(args, ++i, a));
          break;
        case "--sets":
          o.sets = sets(value(args, ++i, a));
          break;
        case "--systems":
          o.systems = words(value(args, ++i, a));
          break;
        case "--skip":
          o.skip = words(value(args, ++i, a));
          break;
        case "--threads":
          o.threads = positive(a, value(args, ++i, a));
          break;
        case "--data":
          o.data = Path.of(value(args, ++i, a));
          break;
        case "--venv":
          o.venv = Path.of(value(args, ++i, a));
          break;
        case "--kernels":
          List<PythonPeer.KernelSetting> kernels = new ArrayList<>();
          for (String w : words(value(args, ++i, a))) {
            kernels.add(PythonPeer.KernelSetting.of(w));
          }
          o.kernels = List.copyOf(kernels);
          break;
        case "--python":
          o.python = value(args, ++i, a);
          break;
        case "--seed":
          o.seed = Integer.parseInt(value(args, ++i, a));
          break;
        case "--out":
          o.out = Path.of(value(args, ++i, a));
          break;
        case "--help":
        case "-h":
          o.help = true;
          break;
        default:
          throw new IllegalArgumentException("Unknown option " + a);
      }
    }
    if (o.quick && !runsGiven) {
      o.runs = 1;
    }
    if (o.skmRuns < 0) {
      o.skmRuns = o.runs;
    }
    return o;
  }

  /**
   * Whether a system is selected: named in --systems (or, without --systems, one that runs by
   * default) and not left out by --skip.
   */
  boolean selected(String id, boolean byDefault) {
    boolean in = systems.isEmpty() ? byDefault : systems.stream().anyMatch(id::contains);
    return in && skip.stream().noneMatch(id::contains);
  }

  /** Whether --systems names the system with this id. */
  boolean named(String id) {
    return systems.stream().anyMatch(id::contains);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int positive(String option, String value) {
    int v = Integer.parseInt(value);
    if (v < 1) {
      throw new IllegalArgumentException(option + " must be at least 1, got " + v);
    }
    return v;
  }

  private static List<String> words(String value) {
    List<String> out = new ArrayList<>();
    for (String w : value.split(",")) {
      if (!w.isBlank()) {
        out.add(w.trim().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static List<String> sets(String value) {
    List<String> out = new ArrayList<>();
    for (String w : value.split(",")) {
      String name = w.trim();
      String match =
          java.util.stream.Stream.concat(ALL_SETS.stream(), NAMED_ONLY_SETS.stream())
              .filter(s -> s.equalsIgnoreCase(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Unknown data set " + name + "; known: " + ALL_SETS + NAMED_ONLY_SETS));
      out.add(match);
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format(
        "runs %d in each of %d round(s) (SimpleKMeans at most %d; peers within %.0f s), %d warm-up(s) of at most %d iterations,"
            + " threads %d, peer kernels %s, seed %d%s, sets %s%s%s",
        runs,
        rounds,
        skmRuns,
        budget,
        warmups,
        warmupIterations,
        threads,
        kernels,
        seed,
        quick ? ", QUICK MODE" : "",
        sets,
        systems.isEmpty() ? "" : ", systems " + systems,
        skip.isEmpty() ? "" : ", skip " + skip);
  }
}
