package io.github.fastkmeans.bench;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.EmptyClusterPolicy;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.RefinementKind;
import io.github.fastkmeans.init.InitializerKind;
import io.github.fastkmeans.weka.FitOptions;
import io.github.fastkmeans.weka.FitPipeline;
import io.github.fastkmeans.weka.OptionTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Every call of the benchmark into FastKMeans (the build's pipeline on a matrix), kept in this one
 * class, so that a change of the engine's API touches the benchmark here only.
 */
final class FastKMeansAdapter extends JavaContender {

  /**
   * The engine's algorithm ids that the benchmark times: every one the engine offers except "auto",
   * which stands for one of the others.
   */
  static final List<String> ALGORITHMS = algorithms();

  private static List<String> algorithms() {
    List<String> ids = new ArrayList<>();
    for (Algorithm a : Algorithm.values()) {
      if (a != Algorithm.AUTO) {
        ids.add(a.id());
      }
    }
    return List.copyOf(ids);
  }

  private final String algorithm;
  private final int threads;

  FastKMeansAdapter(String algorithm, int threads) {
    if (!ALGORITHMS.contains(algorithm)) {
      throw new IllegalArgumentException(
          "Unknown FastKMeans algorithm " + algorithm + "; known: " + ALGORITHMS);
    }
    this.algorithm = algorithm;
    this.threads = threads;
  }

  @Override
  public String id() {
    return "fastkmeans-" + algorithm + "-" + threads + "t";
  }

  @Override
  String system() {
    return "FastKMeans";
  }

  @Override
  public String tooSlowFor(Dataset data) {
    return algorithm.equals(Algorithm.KD_TREE.id()) && data.columns > TREE_MAX_COLUMNS
        ? "a k-d tree prunes little in "
            + data.columns
            + " dimensions; there it is about twice as slow as Lloyd"
        : null;
  }

  /** The subject of the benchmark: always every timed run asked for. */
  @Override
  boolean ignoresBudget() {
    return true;
  }

  @Override
  String algorithm() {
    return algorithm;
  }

  @Override
  String threads() {
    return Integer.toString(threads);
  }

  @Override
  Fit prepare(Dataset data) {
    return new Fit() {
      private DataMatrix matrix;
      private double[] start;
      private FitPipeline pipeline;

      @Override
      public void ready(double[] initialCentres, int iterations) {
        // The engine takes the array over without copying; the benchmark never changes it. A new
        // matrix for every run: what a matrix keeps between fits (the k-d tree) is built inside
        // the timed run, as in a user's single fit.
        matrix = DataMatrix.of(data.rows, data.columns, data.values);
        start = initialCentres.clone();
        // The build's own pipeline from the given centres, without refinement. Tolerance 0 (the
        // default): stop only when no assignment changes, or at the iteration limit. Empty
        // clusters keep their centre, as in ELKI and Smile (none occur on the benchmark's data).
        FitOptions options =
            FitOptions.defaults()
                .with(OptionTable.CLUSTERS, start.length / data.columns)
                .with(OptionTable.INITIALIZER, InitializerKind.GIVEN)
                .with(OptionTable.REFINEMENT, RefinementKind.NONE)
                .with(OptionTable.ALGORITHM, Algorithm.fromId(algorithm))
                .with(OptionTable.MAX_ITERATIONS, iterations)
                .with(OptionTable.THREADS, threads)
                .with(OptionTable.EMPTY_CLUSTERS, EmptyClusterPolicy.KEEP);
        pipeline = new FitPipeline(options, 0, false, null);
      }

      @Override
      public Outcome run() throws InterruptedException {
        return outcome(pipeline.cluster(matrix, start));
      }
    };
  }

  private static Outcome outcome(KMeansResult result) {
    String note =
        result.emptyClusters() > 0 ? result.emptyClusters() + " empty cluster(s) at the end" : null;
    return new Outcome(result.centres(), result.iterations(), result.converged(), note);
  }
}
