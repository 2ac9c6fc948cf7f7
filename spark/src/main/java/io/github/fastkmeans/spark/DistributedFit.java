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
  FitOutcome run(DistributedData data, double[] initialCentres) {
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
      this.resolved =
          algorithm.resolve(
              (int) Math.min(Integer.MAX_VALUE, data.rows),
              columns,
              k,
              KMeansSettings.DEFAULT_ELKAN_BUDGET_BYTES);
    }

    FitOutcome iterate() {
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
        handleEmptyClusters(iteration);
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
      double squaredError = squaredError();
      return new FitOutcome(
          initialCentres,
          centres.clone(),
          weights,
          members,
          squaredError,
          distancesPerIteration.size(),
          converged,
          relocations,
          resolved,
          distancesPerIteration.stream().mapToLong(Long::longValue).toArray(),
          nanosPerIteration.stream().mapToLong(Long::longValue).toArray(),
          labels(),
          spread());
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

    private void handleEmptyClusters(int iteration) {
      boolean[] refilled = null;
      for (int c = 0; c < k; c++) {
        if (!totals.isEmpty(c)) {
          continue;
        }
        switch (policy) {
          case FAIL:
            throw new EmptyClusterException(c, iteration);
          case KEEP:
            break;
          case RELOCATE:
            if (refilled == null) {
              refilled = new boolean[k];
            }
            relocate(c, refilled);
            break;
          default:
            throw new IllegalStateException("Unhandled policy " + policy);
        }
      }
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

    /** The cluster of every row, in row order. */
    private int[] labels() {
      int pass = passes;
      List<int[]> perBlock = data.blocks.map(block -> block.labels(pass)).collect();
      int[] labels = new int[(int) data.rows];
      int at = 0;
      for (int[] part : perBlock) {
        System.arraycopy(part, 0, labels, at, part.length);
        at += part.length;
      }
      return labels;
    }

    /** Weighted means and sample deviations per cluster and overall, in the scaled space. */
    private Spread spread() {
      int pass = passes;
      int clusters = k;
      int groups = k + 1;
      double[] sums = new double[groups * (columns + 1)];
      for (double[] part : data.blocks.map(block -> block.groupSums(pass, clusters)).collect()) {
        for (int i = 0; i < sums.length; i++) {
          sums[i] += part[i];
        }
      }
      double[] means = new double[groups * columns];
      double[] weights = new double[groups];
      for (int g = 0; g < groups; g++) {
        weights[g] = sums[g * (columns + 1)];
        for (int j = 0; j < columns; j++) {
          means[g * columns + j] =
              weights[g] > 0 ? sums[g * (columns + 1) + 1 + j] / weights[g] : 0;
        }
      }
      double[] squares = new double[groups * columns];
      for (double[] part : data.blocks.map(block -> block.groupSquares(pass, means)).collect()) {
        for (int i = 0; i < squares.length; i++) {
          squares[i] += part[i];
        }
      }
      double[] deviations = new double[groups * columns];
      for (int g = 0; g < groups; g++) {
        for (int j = 0; j < columns; j++) {
          int i = g * columns + j;
          deviations[i] = weights[g] > 1 ? Math.sqrt(squares[i] / (weights[g] - 1)) : 0;
        }
      }
      int cut = k * columns;
      return new Spread(
          Arrays.copyOf(means, cut),
          Arrays.copyOf(deviations, cut),
          Arrays.copyOfRange(means, cut, means.length),
          Arrays.copyOfRange(deviations, cut, deviations.length));
    }

    /** The squared error, summed per chunk on the executors and over chunks here in order. */
    private double squaredError() {
      int pass = passes;
      double[] passCentres = centres.clone();
      List<double[]> perBlock =
          data.blocks.map(block -> block.chunkErrors(pass, passCentres)).collect();
      List<Integer> firstChunks = data.blocks.map(RowBlock::firstChunk).collect();
      Integer[] order = new Integer[perBlock.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(firstChunks.get(a), firstChunks.get(b)));
      double total = 0;
      for (int i : order) {
        for (double partial : perBlock.get(i)) {
          total += partial;
        }
      }
      return total;
    }
  }
}
