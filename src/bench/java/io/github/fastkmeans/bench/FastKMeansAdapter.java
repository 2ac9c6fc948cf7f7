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
 * FastKMeans' engine alone: the build's pipeline on a matrix, without Weka's instances, checks and
 * model (what {@link FastKMeansBuild} adds to it is the difference of the two rows). Every call of
 * the benchmark into the engine is kept in this one class, so that a change of the engine's API
 * touches the benchmark here only. Lloyd's rows also measure the brute-force sweep's GFLOP/s from
 * the distances the engine counted.
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
  private final boolean onlyRowOfItsKind;

  /**
   * @param onlyRowOfItsKind false for a 1-thread row beside a row with more threads
   */
  FastKMeansAdapter(String algorithm, int threads, boolean onlyRowOfItsKind) {
    if (!ALGORITHMS.contains(algorithm)) {
      throw new IllegalArgumentException(
          "Unknown FastKMeans algorithm " + algorithm + "; known: " + ALGORITHMS);
    }
    this.algorithm = algorithm;
    this.threads = threads;
    this.onlyRowOfItsKind = onlyRowOfItsKind;
  }

  @Override
  public String id() {
    return "fastkmeans-engine-" + algorithm + "-" + threads + "t";
  }

  @Override
  String system() {
    return "FastKMeans engine";
  }

  @Override
  public String tooSlowFor(Dataset data) {
    if (data.large && !(algorithm.equals(Algorithm.LLOYD.id()) && onlyRowOfItsKind)) {
      return "a large set: of the engine alone, only Lloyd with all threads is timed there (for"
          + " the sweep's GFLOP/s)";
    }
    String elkan = FastKMeansBuild.elkanRefused(algorithm, data);
    if (elkan != null) {
      return elkan;
    }
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
        return outcome(pipeline.cluster(matrix, start), data.columns);
      }
    };
  }

  private Outcome outcome(KMeansResult result, int columns) {
    String note =
        result.emptyClusters() > 0 ? result.emptyClusters() + " empty cluster(s) at the end" : null;
    double gflops =
        algorithm.equals(Algorithm.LLOYD.id())
            ? sweepGflops(result.distanceComputations(), result.iterationNanos(), columns)
            : Double.NaN;
    return new Outcome(result.centres(), result.iterations(), result.converged(), note, gflops);
  }

  /**
   * 2 d flops (a multiply and an add per coordinate, as matrix-product figures count) per distance
   * counted, over the iterations' own time (each an assignment pass and a move of the centres); NaN
   * when nothing was timed.
   */
  static double sweepGflops(long[] distances, long[] nanos, int columns) {
    long counted = 0;
    long time = 0;
    for (int i = 0; i < Math.min(distances.length, nanos.length); i++) {
      counted += distances[i];
      time += nanos[i];
    }
    return time > 0 ? 2.0 * columns * counted / time : Double.NaN;
  }
}
