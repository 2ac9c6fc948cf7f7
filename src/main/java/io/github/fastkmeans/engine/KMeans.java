package io.github.fastkmeans.engine;

import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.ChunkedSums;
import io.github.fastkmeans.parallel.Interruption;
import io.github.fastkmeans.parallel.RowChunks;
import java.util.Arrays;

/**
 * The k-means iteration: alternately assign every row to its nearest centre (E-step) and move every
 * centre to the weighted mean of its rows (M-step), until no assignment changes, the centres move
 * less than the tolerance, or the iteration limit is reached.
 *
 * <p>The E-step is one of several {@link Algorithm}s, which differ only in the distances they prove
 * unnecessary: each finds the same nearest centre as plain Lloyd, and every variant then records
 * every row in the same order, so the M-step, the squared error and the iteration count are
 * bit-for-bit those of plain Lloyd. Each pass is split into {@link RowChunks}; a chunk's sums are
 * computed on one thread in row order and merged into the totals in chunk order, so the result is
 * also the same for any number of threads.
 *
 * <p>S. P. Lloyd, "Least squares quantization in PCM", IEEE Transactions on Information Theory
 * 28(2), 1982.
 */
public final class KMeans {

  /** Distances below this share of the coordinates' magnitude are rounding noise, not distance. */
  private static final double ROUNDING_LEVEL = 1e-10;

  private final KMeansSettings settings;

  /** A k-means iteration with the given settings. */
  public KMeans(KMeansSettings settings) {
    this.settings = settings;
  }

  /** The settings of this iteration. */
  public KMeansSettings settings() {
    return settings;
  }

  /**
   * Runs k-means on {@code data} from {@code initialCentres} (IN, row-major k x columns, not
   * modified).
   *
   * @throws IllegalArgumentException if the centres do not fit the data or the data carry no weight
   * @throws BoundsBudgetException if Elkan's bounds were asked for but exceed their memory budget
   * @throws EmptyClusterException if a cluster empties under {@link EmptyClusterPolicy#FAIL}
   * @throws InterruptedException if the calling thread is interrupted; the fit is abandoned
   */
  public KMeansResult fit(DataMatrix data, double[] initialCentres) throws InterruptedException {
    Algorithm algorithm = validate(data, initialCentres);
    try (ChunkRunner runner = new ChunkRunner(settings.threads())) {
      return new Run(data, initialCentres, algorithm, runner, null).iterate();
    }
  }

  /**
   * As {@link #fit(DataMatrix, double[])}, on the threads of {@code runner}, which stays open: for
   * callers that fit many times in a row.
   */
  KMeansResult fit(DataMatrix data, double[] initialCentres, ChunkRunner runner)
      throws InterruptedException {
    return new Run(data, initialCentres, validate(data, initialCentres), runner, null).iterate();
  }

  /**
   * Runs k-means on {@code data} from {@code initialCentres} (IN, row-major, not modified), which
   * are the final centres of {@code earlier}, a fit of the same data, but for centre {@code
   * changed}: a centre moved, or one added at the end when {@code changed} is {@code earlier}'s k;
   * -1 when none changed. Gives the labels, centres, squared error and iterations that {@link
   * #fit(DataMatrix, double[])} gives from the same centres, at a fraction of the cost: the first
   * pass compares each row with its old centre and the changed one instead of every centre, and
   * sets Hamerly's bounds of every row from {@code earlier}'s, so that later passes compute
   * distances mostly for the rows near the centres that moved. Algorithms that keep more about the
   * rows than these bounds ({@link Algorithm#startsFromEarlierFit}) run from the centres alone, as
   * {@link #fit(DataMatrix, double[])} does; the k-d tree, which the settings' {@code auto} takes
   * up to 4 columns, was faster that way on the choose-k benchmark than Exponion started from the
   * earlier fit. Runs on the threads of {@code runner}, which stays open.
   *
   * @throws IllegalArgumentException if the arguments do not fit each other, as for {@link
   *     #fit(DataMatrix, double[])}, or the centres differ from {@code earlier}'s elsewhere
   * @throws EmptyClusterException if a cluster empties under {@link EmptyClusterPolicy#FAIL}
   * @throws InterruptedException if the calling thread is interrupted; the fit is abandoned
   */
  public KMeansResult fitFrom(
      DataMatrix data,
      KMeansResult earlier,
      double[] initialCentres,
      int changed,
      ChunkRunner runner)
      throws InterruptedException {
    Algorithm algorithm = validate(data, initialCentres);
    checkEarlier(data, earlier, initialCentres, changed);
    EarlierFit start = algorithm.startsFromEarlierFit() ? new EarlierFit(earlier, changed) : null;
    return new Run(data, initialCentres, algorithm, runner, start).iterate();
  }

  /** Checks that {@code centres} are those of {@code earlier} but for centre {@code changed}. */
  private static void checkEarlier(
      DataMatrix data, KMeansResult earlier, double[] centres, int changed) {
    int columns = data.columns();
    int k = centres.length / columns;
    if (earlier.rows() != data.rows() || earlier.columns() != columns) {
      throw new IllegalArgumentException(
          "The earlier fit has "
              + earlier.rows()
              + " rows of "
              + earlier.columns()
              + " columns, the data "
              + data.rows()
              + " of "
              + columns
              + ".");
    }
    boolean added = changed == earlier.k() && k == earlier.k() + 1;
    if (!added && (k != earlier.k() || changed < -1 || changed >= k)) {
      throw new IllegalArgumentException(
          "Centre "
              + changed
              + " of "
              + k
              + " cannot be the one change from a fit with "
              + earlier.k()
              + " centres.");
    }
    double[] before = earlier.centres();
    for (int c = 0; c < earlier.k(); c++) {
      if (c == changed) {
        continue;
      }
      for (int j = 0; j < columns; j++) {
        if (Double.compare(before[c * columns + j], centres[c * columns + j]) != 0) {
          throw new IllegalArgumentException(
              "Centre " + c + " differs from the earlier fit's, though only " + changed + " may.");
        }
      }
    }
  }

  /** Checks the arguments of a fit and returns the algorithm it runs. */
  private Algorithm validate(DataMatrix data, double[] initialCentres) {
    int columns = data.columns();
    if (data.rows() == 0 || columns == 0) {
      throw new IllegalArgumentException(
          "Cannot cluster " + data.rows() + " rows with " + columns + " columns.");
    }
    if (initialCentres.length == 0 || initialCentres.length % columns != 0) {
      throw new IllegalArgumentException(
          "Initial centres hold "
              + initialCentres.length
              + " values, which is not a positive multiple of the "
              + columns
              + " columns.");
    }
    if (!(data.totalWeight() > 0)) {
      throw new IllegalArgumentException(
          "The instance weights add up to " + data.totalWeight() + "; at least one must be > 0.");
    }
    for (double v : initialCentres) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("Initial centres must be finite, found " + v + ".");
      }
    }
    int k = initialCentres.length / columns;
    Algorithm algorithm =
        settings
            .algorithm()
            .resolve(data.rows(), columns, initialCentres, settings.elkanBudgetBytes(), n -> data);
    // Only where the tiles run now: while the JIT compiles the vector kernel, Yinyang would bound
    // rows one by one, several times slower than Lloyd's sweep.
    algorithm =
        settings
            .algorithm()
            .forIterations(
                algorithm,
                data.rows(),
                columns,
                k,
                settings.maxIterations(),
                settings.elkanBudgetBytes(),
                BlockSweeps.tilesRun());
    if (algorithm == Algorithm.ELKAN && 8L * data.rows() * k > settings.elkanBudgetBytes()) {
      throw new BoundsBudgetException(
          data.rows(), k, 8L * data.rows() * k, settings.elkanBudgetBytes());
    }
    return algorithm;
  }

  /**
   * The mutable state of one fit, iterated once; buffers are allocated once here and reused by
   * every pass.
   */
  private final class Run {
    private final DataMatrix data;
    private final double[] values;
    private final int columns;
    private final int k;
    private final Algorithm algorithm;
    private final double[] initialCentres;
    private final double[] centres;
    private final double[] previousCentres;

    /** The cluster of every row; -1 before the first pass. */
    private final int[] labels;

    private final Assigner assigner;
    private final RowChunks chunks;
    private final ChunkRunner runner;

    /** Runs work on the calling thread alone: for passes too light to share. */
    private final ChunkRunner callerOnly = new ChunkRunner(1);

    /** Sums of the chunks of one batch; a batch is as many chunks as the slots. */
    private final ClusterSums[] slots;

    private final ClusterSums totals;
    private boolean firstPass = true;
    private int relocations;

    /** The earlier fit the first pass starts from; null: the first pass compares every centre. */
    private final EarlierFit earlier;

    Run(
        DataMatrix data,
        double[] initialCentres,
        Algorithm algorithm,
        ChunkRunner runner,
        EarlierFit earlier) {
      this.data = data;
      this.earlier = earlier;
      this.values = data.values();
      this.columns = data.columns();
      this.k = initialCentres.length / columns;
      this.algorithm = algorithm;
      this.initialCentres = initialCentres.clone();
      this.centres = initialCentres.clone();
      this.previousCentres = new double[centres.length];
      this.labels = new int[data.rows()];
      Arrays.fill(labels, -1);
      this.assigner = algorithm.assigner(data, centres, labels);
      // The iterations, and the pass that matches the labels to the last centres.
      assigner.limitPasses(settings.maxIterations() + 1);
      if (earlier != null && !algorithm.startsFromEarlierFit()) {
        throw new IllegalStateException(algorithm + " cannot start from an earlier fit.");
      }
      this.chunks = new RowChunks(data.rows());
      this.runner = runner;
      // Sums, weights and member counts of every centre.
      int slotCount = chunks.batch(runner.threads(), (long) k * (columns + 2) + 1);
      // Each slot is made by the thread that first fills it: the first pass then shares their
      // zeroing (up to 4 MiB) among the threads, where one thread made them all before it began.
      this.slots = new ClusterSums[slotCount];
      this.totals = new ClusterSums(k, columns);
    }

    KMeansResult iterate() throws InterruptedException {
      IterationLog log = new IterationLog(Math.min(settings.maxIterations(), 1024));
      boolean trace = settings.traceErrors();
      boolean converged;
      while (true) {
        long started = System.nanoTime();
        assignAll();
        int iteration = log.size() + 1;
        // The error of this assignment is measured against the centres it was made with.
        double error = trace ? squaredError() : Double.NaN;
        if (totals.changed() == 0) {
          log.add(error, totals.distanceComputations(), System.nanoTime() - started);
          converged = true;
          break;
        }
        System.arraycopy(centres, 0, previousCentres, 0, centres.length);
        // The empty-cluster policy applies to the merged sums, before the means are taken.
        settings.emptyClusterPolicy().apply(totals, k, iteration, this::relocate);
        totals.writeMeans(centres);
        assigner.centresUpdated(previousCentres);
        log.add(error, totals.distanceComputations(), System.nanoTime() - started);
        boolean shiftedLittle = settings.tolerance() > 0 && centreShift() <= settings.tolerance();
        if (shiftedLittle || iteration >= settings.maxIterations()) {
          converged = shiftedLittle;
          // The centres moved after the last assignment: assign once more so labels match centres.
          assignAll();
          break;
        }
      }
      double[] clusterWeights = new double[k];
      totals.copyWeights(clusterWeights);
      // The last pass left the bounds valid for the final centres. A run iterates once, so its
      // arrays go to the result uncopied: copies are fresh memory, slow to touch on some machines
      // (E's fit allocated 13.1 MiB on the building thread with them, 10.8 MiB without).
      return new KMeansResult(
          initialCentres,
          new Partition(centres, labels, clusterWeights, squaredError()),
          converged,
          relocations,
          algorithm,
          log.toTrace(trace),
          SwapCount.NONE,
          assigner.lowerBounds(),
          assigner.kernel());
    }

    /**
     * One E-step over all rows: merges what it changed into {@code totals}, whose counts then tell
     * how many rows changed cluster and how many distances were computed.
     */
    private void assignAll() throws InterruptedException {
      Interruption.check("k-means");
      totals.clearCounts();
      totals.countDistances(assigner.beforePass(runner, callerOnly));
      // Chunks are merged in the same order whichever thread ran them.
      ChunkRunner passRunner = assigner.passIsLight() ? callerOnly : runner;
      int chunkCount = chunks.count();
      for (int first = 0; first < chunkCount; first += slots.length) {
        int end = Math.min(chunkCount, first + slots.length);
        passRunner.run(first, end, this::assignChunk);
        for (int slot = 0; slot < end - first; slot++) {
          totals.merge(slots[slot]);
        }
      }
      firstPass = false;
    }

    private void assignChunk(int chunk, int slot) {
      ClusterSums sums = slots[slot];
      if (sums == null) {
        sums = new ClusterSums(k, columns);
        slots[slot] = sums;
      }
      sums.clear();
      if (firstPass && earlier != null) {
        assigner.firstPassFrom(chunks.start(chunk), chunks.end(chunk), sums, earlier);
      } else if (firstPass) {
        assigner.firstPass(chunks.start(chunk), chunks.end(chunk), sums);
      } else {
        assigner.assign(chunks.start(chunk), chunks.end(chunk), sums);
      }
    }

    /**
     * The weighted squared distance of every row to the centre it is labelled with, summed in row
     * order within chunks and over chunks in chunk order: the same bits for any number of threads.
     */
    private double squaredError() throws InterruptedException {
      return ChunkedSums.sum(
          runner,
          data.rows(),
          1,
          (start, end, partial) -> {
            for (int row = start; row < end; row++) {
              partial[0] +=
                  data.weight(row)
                      * SquaredEuclidean.distance(
                          values, row * columns, centres, labels[row] * columns, columns);
            }
          })[0];
    }

    /**
     * Moves the empty centre {@code target} onto the row farthest from its own centre (the lowest
     * row on a tie), taking the row out of a cluster that keeps some weight without it and that was
     * not itself refilled in this update. Nothing moves when every such row sits on its centre:
     * there is then no second place for a centre to go. Distances are measured to the centres the
     * last pass assigned against, which have not moved yet.
     */
    private void relocate(int target, boolean[] refilled) {
      int farthest = -1;
      double farthestDistance = 0;
      for (int row = 0; row < labels.length; row++) {
        int label = labels[row];
        double weight = data.weight(row);
        if (weight > 0 && !refilled[label] && totals.members(label) > 1) {
          double distance =
              SquaredEuclidean.distance(values, row * columns, centres, label * columns, columns);
          if (distance > farthestDistance && !onItsCentre(row, label, distance)) {
            farthest = row;
            farthestDistance = distance;
          }
        }
      }
      if (farthest < 0) {
        return;
      }
      int offset = farthest * columns;
      double weight = data.weight(farthest);
      totals.remove(labels[farthest], values, offset, weight);
      totals.add(target, values, offset, weight);
      labels[farthest] = target;
      refilled[target] = true;
      assigner.rowMoved(farthest);
      relocations++;
    }

    /**
     * Whether {@code row} is at its centre up to rounding: a mean of equal values can differ from
     * them in the last bit, and a centre moved onto such a row would take the whole group from its
     * twin at the next pass, and back again, forever.
     */
    private boolean onItsCentre(int row, int label, double squaredDistance) {
      double scale = 0;
      for (int j = 0; j < columns; j++) {
        double value = values[row * columns + j];
        double centre = centres[label * columns + j];
        scale += value * value + centre * centre;
      }
      return squaredDistance <= ROUNDING_LEVEL * ROUNDING_LEVEL * scale;
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
