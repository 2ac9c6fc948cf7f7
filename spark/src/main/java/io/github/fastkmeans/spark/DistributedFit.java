package io.github.fastkmeans.spark;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.ClusterSums;
import io.github.fastkmeans.engine.EmptyClusterException;
import io.github.fastkmeans.engine.EmptyClusterPolicy;
import io.github.fastkmeans.engine.KMeansSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The k-means iteration of the in-process engine ({@code io.github.fastkmeans.engine.KMeans}),
 * driven from the Spark driver over cached {@link RowBlock}s: each pass runs on the executors, and
 * the driver merges the sums of every global chunk in chunk order, applies the empty-cluster policy
 * and moves the centres. From the same start it gives the engine's assignments, iteration count and
 * centres, bit for bit, whatever the partitions.
 */
final class DistributedFit {

  private final int maxIterations;

  private final double tolerance;
  private final EmptyClusterPolicy policy;
  private final Algorithm algorithm;
  private final Consumer<IterationProgress> progress;

  DistributedFit(
      int maxIterations,
      double tolerance,
      EmptyClusterPolicy policy,
      Algorithm algorithm,
      Consumer<IterationProgress> progress) {
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.policy = policy;
    this.algorithm = algorithm;
    this.progress = progress;
  }

  /**
   * Runs k-means on {@code data} from {@code initialCentres} (row-major k x columns, in the scaled
   * space; not modified).
   *
   * @throws EmptyClusterException if a cluster empties under the policy {@code fail}
   */
  FittedCentres run(DistributedData data, double[] initialCentres) {
    return new Run(data, initialCentres).iterate();
  }

  /** The state of one fit on the driver. */
  private final class Run {
    private final DistributedData data;
    private final int columns;
    private final int k;
    private final double[] initialCentres;
    private final double[] centres;
    private final double[] previousCentres;
    private final ClusterSums totals;
    private final Algorithm resolved;
    private int passes;
    private int relocations;
    private long[] movedRows = new long[0];
    private int[] movedTo = new int[0];
    private final List<Long> distancesPerIteration = new ArrayList<>();
    private final List<Long> nanosPerIteration = new ArrayList<>();

    Run(DistributedData data, double[] initialCentres) {
      this.data = data;
      this.columns = data.columns;
      this.k = initialCentres.length / columns;
      this.initialCentres = initialCentres.clone();
      this.centres = initialCentres.clone();
      this.previousCentres = new double[centres.length];
      this.totals = new ClusterSums(k, columns);
      // As a fit in one JVM resolves it, probing an even sample of the rows where needed.
      this.resolved =
          algorithm.resolve(
              (int) Math.min(Integer.MAX_VALUE, data.rows),
              columns,
              initialCentres,
              KMeansSettings.DEFAULT_ELKAN_BUDGET_BYTES,
              data::evenSample);
    }

    FittedCentres iterate() {
      boolean converged;
      while (true) {
        long started = System.nanoTime();
        assignAll();
        int iteration = passes;
        long distances = totals.distanceComputations();
        distancesPerIteration.add(distances);
        if (totals.changed() == 0) {
          report(iteration, started);
          converged = true;
          break;
        }
        System.arraycopy(centres, 0, previousCentres, 0, centres.length);
        policy.apply(totals, k, iteration, this::relocate);
        totals.writeMeans(centres);
        report(iteration, started);
        boolean shiftedLittle = tolerance > 0 && centreShift() <= tolerance;
        if (shiftedLittle || iteration >= maxIterations) {
          converged = shiftedLittle;
          assignAll();
          break;
        }
      }
      double[] weights = new double[k];
      totals.copyWeights(weights);
      long[] members = new long[k];
      for (int c = 0; c < k; c++) {
        members[c] = totals.members(c);
      }
      FinalMeasures measures = new FinalMeasures(data, passes, centres);
      double squaredError = measures.squaredError();
      return new FittedCentres(
          centres.clone(),
          data.featureNames,
          data.scaling,
          weights,
          members,
          squaredError,
          distancesPerIteration.size(),
          converged,
          relocations,
          initialCentres,
          distancesPerIteration.stream().mapToLong(Long::longValue).toArray(),
          nanosPerIteration.stream().mapToLong(Long::longValue).toArray(),
          resolved.id(),
          measures.labels(),
          measures.spread(),
          data.blocks.getNumPartitions());
    }

    private void report(int iteration, long started) {
      nanosPerIteration.add(System.nanoTime() - started);
      progress.accept(
          new IterationProgress(
              iteration,
              System.nanoTime() - started,
              totals.distanceComputations(),
              totals.changed()));
    }

    /** One pass on the executors; the chunks' sums are merged here in global chunk order. */
    private void assignAll() {
      int pass = passes;
      double[] passCentres = centres.clone();
      long[] rows = movedRows;
      int[] to = movedTo;
      Algorithm chosen = resolved;
      List<PassOutcome> outcomes =
          data.blocks.map(block -> block.pass(pass, chosen, passCentres, rows, to)).collect();
      totals.clearCounts();
      List<Integer> order = new ArrayList<>();
      List<ClusterSums> sums = new ArrayList<>();
      for (PassOutcome outcome : outcomes) {
        totals.countDistances(outcome.distances);
        order.addAll(outcome.chunks);
        sums.addAll(outcome.sums);
      }
      Integer[] byChunk = new Integer[order.size()];
      for (int i = 0; i < byChunk.length; i++) {
        byChunk[i] = i;
      }
      Arrays.sort(byChunk, (a, b) -> Integer.compare(order.get(a), order.get(b)));
      for (int i : byChunk) {
        totals.merge(sums.get(i));
      }
      passes++;
      movedRows = new long[0];
      movedTo = new int[0];
    }

    /** The engine's relocation: the empty centre takes the farthest qualifying row. */
    private void relocate(int target, boolean[] refilled) {
      long[] members = new long[k];
      for (int c = 0; c < k; c++) {
        members[c] = totals.members(c);
      }
      int pass = passes;
      double[] passCentres = centres.clone();
      boolean[] done = refilled.clone();
      long[] rows = movedRows;
      int[] to = movedTo;
      List<RelocationCandidate> candidates =
          data.blocks
              .map(block -> block.farthest(pass, passCentres, done, members, rows, to))
              .filter(candidate -> candidate != null)
              .collect();
      RelocationCandidate best = null;
      for (RelocationCandidate candidate : candidates) {
        if (candidate.beats(best)) {
          best = candidate;
        }
      }
      if (best == null) {
        return;
      }
      totals.remove(best.label, best.values, 0, best.weight);
      totals.add(target, best.values, 0, best.weight);
      movedRows = Arrays.copyOf(movedRows, movedRows.length + 1);
      movedTo = Arrays.copyOf(movedTo, movedTo.length + 1);
      movedRows[movedRows.length - 1] = best.row;
      movedTo[movedTo.length - 1] = target;
      refilled[target] = true;
      relocations++;
    }

    private double centreShift() {
      double shift = 0;
      for (int i = 0; i < centres.length; i++) {
        double diff = centres[i] - previousCentres[i];
        shift += diff * diff;
      }
      return shift;
    }
  }
}
