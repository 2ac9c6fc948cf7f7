package io.github.fastkmeans.engine;

import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.Interruption;
import io.github.fastkmeans.parallel.RowChunks;
import io.github.fastkmeans.parallel.StreamSeeds;
import java.util.Arrays;
import java.util.Random;

/**
 * Moves centres between regions of the data after k-means has converged, which Lloyd's iteration
 * cannot do: it only moves each centre within the region its rows span. A converged fit can keep
 * two centres in one true cluster while a third centre sits between two true clusters; no Lloyd
 * step separates them, but one swap does.
 *
 * <p>Each trial draws {@link #candidates} rows by D² sampling (probability proportional to weight
 * times squared distance to the nearest centre, so among the rows the centres serve worst), moves
 * each candidate to the mean of the rows that are nearer to it than to their centre, and computes,
 * for every candidate x and every centre j at once, the exact change of the squared error if centre
 * j jumped to x and every row then went to its nearest centre:
 *
 * <pre>
 *   Δ(x, j) = Σ_i w_i [min(d1_i, dx_i) − d1_i]
 *           + Σ_{i in cluster j} w_i [min(d2_i, dx_i) − min(d1_i, dx_i)]
 * </pre>
 *
 * where d1 and d2 are a row's squared distances to its nearest and second-nearest centre and dx its
 * squared distance to x. No clustering runs per candidate: a row of cluster j contributes more than
 * its fixed d2 − d1 only when x is nearer to it than its second centre, which the triangle
 * inequality rules out for every cluster whose centre is far from x, so a candidate costs the rows
 * of the clusters around it. When the best pair lowers the error, the centre jumps there and
 * k-means runs to convergence from the new centres; the new fit is kept if its error is lower (it
 * is, unless rounding intervenes), otherwise the swap is undone.
 *
 * <p>After {@link #patience} trials in a row without a kept swap, where clusters overlap so much
 * that no single jump pays before the neighbouring centres have moved, up to {@link #PROBES}
 * probing swaps make the best pair's jump anyway and give k-means {@link #PROBE_ITERATIONS}
 * iterations to bring the error below where it was (Fränti's random swap test); only then is it run
 * to convergence and kept. The refinement stops when the probes find nothing either, or after its
 * budget of trials. Every kept fit has a lower squared error than the one before, and the result is
 * a converged k-means fit like any other: one more k-means pass from its centres changes nothing.
 *
 * <p>The search is the local search of S. Lattanzi, C. Sohler, "A better k-means++ algorithm via
 * local search", ICML 2019 (D² sampled candidates, the best swap kept), with the swap evaluated
 * exactly and followed by k-means as in P. Fränti, "Efficiency of random swap clustering", Journal
 * of Big Data 5(13), 2018, and the removal cost of each centre weighed as in H. Ismkhan,
 * "I-k-means-+: An iterative clustering algorithm based on an enhanced version of the k-means",
 * Pattern Recognition 79, 2018.
 *
 * <p>All randomness comes from the seed. Every per-row value is computed on one thread and every
 * sum in a fixed order, so the result does not depend on the number of threads.
 */
public final class SwapRefinement implements Refinement {

  /** The accepted budgets of trials; 0 leaves every fit as it is. */
  public static final IntRange TRIALS = IntRange.atLeast(0);

  /** The default budget of trials; the search usually stops long before (see {@link #patience}). */
  public static final int DEFAULT_TRIALS = 100;

  /** Probing swaps tried, once exact evaluation finds nothing, before the search stops. */
  public static final int PROBES = 3;

  /** k-means iterations a probing swap gets to prove itself, as in Fränti's random swap. */
  static final int PROBE_ITERATIONS = 2;

  /**
   * Up to this many centres, rows find their two nearest centres through a k x k table of the
   * centres' neighbours (12 MiB at the limit); beyond it, by comparing every centre.
   */
  private static final int NEIGHBOUR_TABLE_LIMIT = 1024;

  /**
   * Cluster members per part of a candidate's placing and evaluation: a split of the rows, listed
   * cluster after cluster, that does not depend on the threads, so that every thread count adds the
   * same parts in the same order. Parts, not candidates, are shared among the threads: a candidate
   * among large clusters takes many times another's time.
   */
  private static final int MEMBERS_PER_PART = 4096;

  /** Chunks of rows per thread below which the refinement uses fewer threads. */
  private static final int CHUNKS_PER_THREAD = 16;

  /** A swap must lower the error by more than this share of it; smaller gains are rounding. */
  private static final double MIN_RELATIVE_GAIN = 1e-9;

  /** Relative slack on the triangle-inequality tests, far above the rounding of a square root. */
  private static final double SLACK = 1e-9;

  private final KMeans kmeans;
  private final int trials;

  /**
   * A refinement that runs {@code kmeans} after each swap and tries at most {@code trials} swaps; 0
   * trials leave every fit as it is.
   *
   * @throws IllegalArgumentException if {@code trials} is negative
   */
  public SwapRefinement(KMeans kmeans, int trials) {
    this.kmeans = kmeans;
    this.trials = TRIALS.check("The number of swap trials", trials);
  }

  /** The most swaps tried. */
  public int trials() {
    return trials;
  }

  /**
   * The number of candidate rows drawn per trial for {@code k} centres: 2 + floor(ln k), as greedy
   * k-means++ draws per centre.
   */
  public static int candidates(int k) {
    return 2 + (int) Math.floor(Math.log(k));
  }

  /**
   * Trials in a row whose best swap does not lower the error, after which exact search gives way to
   * probes: k / {@link #candidates}, rounded up, and at least 3, so that about k candidates, as
   * many as k-means++ draws, find nothing first.
   */
  public static int patience(int k) {
    return Math.max(3, (k + candidates(k) - 1) / candidates(k));
  }

  /**
   * Refines {@code start}, a fit of {@code data} by this refinement's k-means, with randomness from
   * {@code seed}. Returns {@code start} itself when there is nothing to do (no trials, one centre);
   * otherwise a fit whose error is at most that of {@code start}, whose initial centres are those
   * of {@code start}, whose iteration history runs through {@code start} and every fit kept after
   * it (not through the short fits of probes), and which counts the trials and the swaps kept. Each
   * fit after a swap has the settings of this refinement's k-means, its iteration limit included.
   *
   * @throws InterruptedException if the calling thread is interrupted; the refinement is abandoned
   */
  public KMeansResult refine(DataMatrix data, KMeansResult start, long seed)
      throws InterruptedException {
    if (trials == 0 || start.k() < 2 || data.rows() < 2) {
      return start;
    }
    // Threads pay for themselves only with enough chunks to share; the result is the same anyway.
    int threads =
        new RowChunks(data.rows()).threadsFor(kmeans.settings().threads(), CHUNKS_PER_THREAD);
    try (ChunkRunner runner = new ChunkRunner(threads)) {
      // Stream 1 of the seed: apart from the initializer's numbers, drawn with the seed itself.
      return new Search(data, start, runner, new Random(StreamSeeds.of(seed, 1))).run();
    }
  }

  /**
   * What a trial finds for {@code candidates} (IN, row-major, {@link #candidates}{@code (k)} rows)
   * against {@code fit}, a fit of {@code data}, on {@code threads} threads: the candidates as
   * placed, each one's gain and the loss of removing each centre. For tests.
   */
  Evaluation evaluate(DataMatrix data, KMeansResult fit, double[] candidates, int threads)
      throws InterruptedException {
    try (ChunkRunner runner = new ChunkRunner(threads)) {
      Search search = new Search(data, fit, runner, new Random(0));
      search.measure();
      System.arraycopy(candidates, 0, search.positions, 0, search.positions.length);
      search.placeAndEvaluate();
      return new Evaluation(search.positions.clone(), search.gain.clone(), search.loss.clone());
    }
  }

  /** A trial's evaluation of its candidates ({@link #evaluate}). */
  static final class Evaluation {
    /** The candidates as placed, row-major. */
    final double[] positions;

    /** Per candidate, the change of error from adding it while every centre stays. */
    final double[] gain;

    /** Per candidate and centre (candidates x k), the further change from removing the centre. */
    final double[] loss;

    Evaluation(double[] positions, double[] gain, double[] loss) {
      this.positions = positions;
      this.gain = gain;
      this.loss = loss;
    }
  }

  /** The mutable state of one refinement. */
  private final class Search {
    private final DataMatrix data;
    private final double[] values;
    private final int columns;
    private final int rows;
    private final int k;
    private final ChunkRunner runner;
    private final Random random;
    private final RowChunks chunks;
    private KMeansResult current;

    /** The centres of {@link #current}, row-major k x columns. */
    private double[] centres;

    /**
     * The distances between centres: k x k, row c ordered by {@link #neighbours}; null, as the
     * neighbours, beyond {@link #NEIGHBOUR_TABLE_LIMIT} centres.
     */
    private final double[] separation;

    /** For each centre, all centres (itself first) by increasing distance from it; k x k. */
    private final int[] neighbours;

    /** The nearest centre of every row. */
    private final int[] nearest;

    /** The squared distance of every row to its nearest centre. */
    private final double[] firstDistance;

    /** The squared distance of every row to its second-nearest centre. */
    private final double[] secondDistance;

    /**
     * Per row, a point this far from the row's centre or farther is no nearer to the row than its
     * second centre: the row's own {@link #reach}, which spares the distance to a candidate.
     */
    private final double[] rowReach;

    /** Per row, a point this far from the row's centre or farther is no nearer than the centre. */
    private final double[] rowCaptureReach;

    /** The rows of each cluster, by each row's nearest centre. */
    private final ClusterMembers members;

    /**
     * A point this far from a centre or farther is no nearer to its rows than their second centre.
     */
    private final double[] reach;

    /** A point this far from a centre or farther is no nearer to its rows than their own centre. */
    private final double[] captureReach;

    /** The cost of removing each centre when no candidate comes near its rows: Σ w (d2 − d1). */
    private final double[] baseLoss;

    /** Running totals of weight times {@link #firstDistance}, in row order, for D² sampling. */
    private final double[] cumulative;

    private final int candidateCount;

    /** Where the candidates stand, row-major candidateCount x columns. */
    private final double[] positions;

    /** The parts of the cluster members ({@link #MEMBERS_PER_PART}). */
    private final int parts;

    /** Per part, the first cluster with members in it. */
    private final int[] partFirstCluster;

    /**
     * Per cluster, where its parts' shares of a candidate's removal loss start among a candidate's
     * {@link #overlaps}: one per part holding members of the cluster, in part order.
     */
    private final int[] clusterOverlap;

    /** The parts and clusters that share members, counted over every cluster: at most k + parts. */
    private int overlaps;

    /**
     * Per candidate and part, the part's sums of the rows the candidate takes: columns sums then
     * the weight.
     */
    private final double[] capturedParts;

    /** Per candidate and part, the part's share of the candidate's gain. */
    private final double[] gainParts;

    /**
     * Per candidate and overlap of a part and a cluster, the part's share of the cluster's loss.
     */
    private final double[] lossParts;

    /** Per candidate, the squared distance from it to every centre. */
    private final double[] toCentres;

    /** Per candidate, the change of error from adding it while every centre stays. */
    private final double[] gain;

    /**
     * Per candidate and centre, the further change from removing the centre; candidateCount x k.
     */
    private final double[] loss;

    Search(DataMatrix data, KMeansResult start, ChunkRunner runner, Random random) {
      this.data = data;
      this.values = data.values();
      this.columns = data.columns();
      this.rows = data.rows();
      this.k = start.k();
      this.runner = runner;
      this.random = random;
      this.chunks = new RowChunks(rows);
      this.current = start;
      boolean table = k <= NEIGHBOUR_TABLE_LIMIT;
      this.separation = table ? new double[k * k] : null;
      this.neighbours = table ? new int[k * k] : null;
      this.nearest = new int[rows];
      this.firstDistance = new double[rows];
      this.secondDistance = new double[rows];
      this.rowReach = new double[rows];
      this.rowCaptureReach = new double[rows];
      this.members = new ClusterMembers(rows, k);
      this.reach = new double[k];
      this.captureReach = new double[k];
      this.baseLoss = new double[k];
      this.cumulative = new double[rows];
      this.candidateCount = candidates(k);
      this.positions = new double[candidateCount * columns];
      this.parts = (rows + MEMBERS_PER_PART - 1) / MEMBERS_PER_PART;
      this.partFirstCluster = new int[parts];
      this.clusterOverlap = new int[k];
      this.capturedParts = new double[candidateCount * parts * (columns + 1)];
      this.gainParts = new double[candidateCount * parts];
      this.lossParts = new double[candidateCount * (k + parts)];
      this.toCentres = new double[candidateCount * k];
      this.gain = new double[candidateCount];
      this.loss = new double[candidateCount * k];
    }

    KMeansResult run() throws InterruptedException {
      KMeansResult path = current;
      int tried = 0;
      int kept = 0;
      int fruitless = 0;
      measure();
      int failedProbes = 0;
      int patience = patience(k);
      while (tried < trials && (fruitless < patience || failedProbes < PROBES)) {
        tried++;
        if (!drawCandidates()) {
          break;
        }
        placeAndEvaluate();
        boolean probe = fruitless >= patience;
        KMeansResult swapped = bestSwap(probe);
        if (swapped == null) {
          if (probe) {
            failedProbes++;
          } else {
            fruitless++;
          }
          continue;
        }
        fruitless = 0;
        kept++;
        current = swapped;
        path = path.followedBy(swapped);
        measure();
      }
      // The last measurement is of the kept fit: its exact second distances are the tightest
      // lower bounds a fit started from it can have.
      double[] lowerBounds = new double[rows];
      for (int row = 0; row < rows; row++) {
        lowerBounds[row] = Math.sqrt(secondDistance[row]);
      }
      return path.withSwaps(new SwapCount(tried, kept)).withLowerBounds(lowerBounds);
    }

    /** Everything a trial needs to know about the current fit. */
    private void measure() throws InterruptedException {
      centres = current.centres();
      if (neighbours != null) {
        orderCentres();
      }
      int[] labels = current.labels();
      runner.run(0, chunks.count(), (chunk, slot) -> nearestTwo(chunk, labels));
      groupByCluster();
    }

    /** Distances between centres, and each centre's neighbours by increasing distance. */
    private void orderCentres() {
      Integer[] order = new Integer[k];
      for (int c = 0; c < k; c++) {
        double[] row = new double[k];
        for (int other = 0; other < k; other++) {
          row[other] =
              Math.sqrt(
                  SquaredEuclidean.distance(
                      centres, c * columns, centres, other * columns, columns));
          order[other] = other;
        }
        // Itself first (distance 0, even against a twin at distance 0), then by distance and index.
        final int self = c;
        Arrays.sort(
            order,
            (boxedA, boxedB) -> {
              int a = boxedA;
              int b = boxedB;
              if (a == b) {
                return 0;
              }
              if (a == self || b == self) {
                return a == self ? -1 : 1;
              }
              int byDistance = Double.compare(row[a], row[b]);
              return byDistance != 0 ? byDistance : Integer.compare(a, b);
            });
        for (int i = 0; i < k; i++) {
          neighbours[c * k + i] = order[i];
          separation[c * k + i] = row[order[i]];
        }
      }
    }

    /**
     * The nearest and second-nearest centre of the rows of {@code chunk}, starting from each row's
     * label and visiting the other centres by distance from it, until the triangle inequality
     * proves the rest farther than the second nearest found.
     */
    private void nearestTwo(int chunk, int[] labels) {
      for (int row = chunks.start(chunk); row < chunks.end(chunk); row++) {
        int offset = row * columns;
        int label = labels[row];
        double toLabel =
            SquaredEuclidean.distance(values, offset, centres, label * columns, columns);
        double rootToLabel = Math.sqrt(toLabel);
        int best = label;
        double first = toLabel;
        double second = Double.POSITIVE_INFINITY;
        for (int i = 1; i < k; i++) {
          int c = i;
          if (neighbours != null) {
            double bound = separation[label * k + i] - rootToLabel;
            if (bound > 0 && bound * bound * (1 - SLACK) > second) {
              break;
            }
            c = neighbours[label * k + i];
          } else if (c <= label) {
            // Without the table: every centre but the label, in index order.
            c = i - 1;
          }
          double distance =
              SquaredEuclidean.distance(values, offset, centres, c * columns, columns);
          if (distance < first || (distance == first && c < best)) {
            second = first;
            first = distance;
            best = c;
          } else if (distance < second) {
            second = distance;
          }
        }
        nearest[row] = best;
        firstDistance[row] = first;
        secondDistance[row] = second;
        rowReach[row] = (Math.sqrt(first) + Math.sqrt(second)) * (1 + SLACK);
        rowCaptureReach[row] = 2 * Math.sqrt(first) * (1 + SLACK);
      }
    }

    /**
     * Lists the rows of each cluster, where the parts cut the lists, and each cluster's reaches and
     * removal cost; sums the distances for D² sampling, which stay until the fit changes.
     */
    private void groupByCluster() {
      WeightedDraw.runningTotals(data, firstDistance, cumulative);
      members.fill(nearest);
      int cluster = 0;
      for (int p = 0; p < parts; p++) {
        while (cluster < k && members.end(cluster) <= p * MEMBERS_PER_PART) {
          cluster++;
        }
        partFirstCluster[p] = cluster;
      }
      overlaps = 0;
      for (int c = 0; c < k; c++) {
        clusterOverlap[c] = overlaps;
        if (members.end(c) > members.start(c)) {
          overlaps +=
              (members.end(c) - 1) / MEMBERS_PER_PART - members.start(c) / MEMBERS_PER_PART + 1;
        }
      }
      for (int c = 0; c < k; c++) {
        double farthest = 0;
        double farthestSecond = 0;
        double removal = 0;
        for (int m = members.start(c); m < members.end(c); m++) {
          int row = members.row(m);
          double weight = data.weight(row);
          if (weight > 0) {
            farthest = Math.max(farthest, firstDistance[row]);
            farthestSecond = Math.max(farthestSecond, secondDistance[row]);
            removal += weight * (secondDistance[row] - firstDistance[row]);
          }
        }
        reach[c] = (Math.sqrt(farthest) + Math.sqrt(farthestSecond)) * (1 + SLACK);
        captureReach[c] = 2 * Math.sqrt(farthest) * (1 + SLACK);
        baseLoss[c] = removal;
      }
    }

    /**
     * Draws the trial's candidates by D² sampling; false when no row is away from its centre (or
     * the distances overflowed), so that there is nothing to draw.
     */
    private boolean drawCandidates() throws InterruptedException {
      Interruption.check("The swap refinement");
      double total = cumulative[rows - 1];
      if (!(total > 0) || Double.isInfinite(total)) {
        return false;
      }
      for (int t = 0; t < candidateCount; t++) {
        System.arraycopy(
            values,
            WeightedDraw.index(cumulative, random) * columns,
            positions,
            t * columns,
            columns);
      }
      return true;
    }

    /**
     * Places every candidate, then computes its gain and the loss of removing each centre: each
     * step part by part on all threads, the parts' shares added in part order.
     */
    private void placeAndEvaluate() throws InterruptedException {
      int units = candidateCount * parts;
      runner.run(0, candidateCount, (t, slot) -> measureToCentres(t));
      runner.run(0, units, (unit, slot) -> capturePart(unit / parts, unit % parts));
      for (int t = 0; t < candidateCount; t++) {
        moveToCaptured(t);
      }
      runner.run(0, candidateCount, (t, slot) -> measureToCentres(t));
      runner.run(0, units, (unit, slot) -> evaluatePart(unit / parts, unit % parts));
      for (int t = 0; t < candidateCount; t++) {
        addEvaluation(t);
      }
    }

    private void measureToCentres(int t) {
      for (int c = 0; c < k; c++) {
        toCentres[t * k + c] =
            SquaredEuclidean.distance(positions, t * columns, centres, c * columns, columns);
      }
    }

    /**
     * Sums, over the members in part {@code p}, the rows nearer to candidate {@code t} than to
     * their centre.
     */
    private void capturePart(int t, int p) {
      int from = p * MEMBERS_PER_PART;
      int to = Math.min(rows, from + MEMBERS_PER_PART);
      int sums = (t * parts + p) * (columns + 1);
      Arrays.fill(capturedParts, sums, sums + columns + 1, 0);
      for (int c = partFirstCluster[p]; c < k && members.start(c) < to; c++) {
        double toCentre = Math.sqrt(toCentres[t * k + c]);
        if (toCentre >= captureReach[c]) {
          continue;
        }
        for (int m = Math.max(from, members.start(c)); m < Math.min(to, members.end(c)); m++) {
          int row = members.row(m);
          double weight = data.weight(row);
          int offset = row * columns;
          if (weight > 0
              && toCentre < rowCaptureReach[row]
              && SquaredEuclidean.distance(values, offset, positions, t * columns, columns)
                  < firstDistance[row]) {
            for (int j = 0; j < columns; j++) {
              capturedParts[sums + j] += weight * values[offset + j];
            }
            capturedParts[sums + columns] += weight;
          }
        }
      }
    }

    /** Moves candidate {@code t} to the weighted mean of the rows its parts took, if any. */
    private void moveToCaptured(int t) {
      double[] sums = new double[columns + 1];
      for (int p = 0; p < parts; p++) {
        int part = (t * parts + p) * (columns + 1);
        for (int j = 0; j <= columns; j++) {
          sums[j] += capturedParts[part + j];
        }
      }
      double weight = sums[columns];
      if (weight > 0) {
        for (int j = 0; j < columns; j++) {
          positions[t * columns + j] = sums[j] / weight;
        }
      }
    }

    /**
     * The shares of the members in part {@code p} in candidate {@code t}'s gain and in the loss of
     * removing each of their centres.
     */
    private void evaluatePart(int t, int p) {
      int from = p * MEMBERS_PER_PART;
      int to = Math.min(rows, from + MEMBERS_PER_PART);
      double total = 0;
      for (int c = partFirstCluster[p]; c < k && members.start(c) < to; c++) {
        int first = Math.max(from, members.start(c));
        int end = Math.min(to, members.end(c));
        if (first >= end || beyondReach(t, c)) {
          // No members here, or none nearer to the candidate than to its second centre: the
          // cluster's loss is its base loss (addEvaluation).
          continue;
        }
        double toCentre = Math.sqrt(toCentres[t * k + c]);
        double removal = 0;
        for (int m = first; m < end; m++) {
          int row = members.row(m);
          double weight = data.weight(row);
          if (weight == 0) {
            continue;
          }
          if (toCentre >= rowReach[row]) {
            // The candidate is no nearer to this row than its second centre: the row adds what
            // the lines below would, without the distance.
            removal += weight * (secondDistance[row] - firstDistance[row]);
            continue;
          }
          double toCandidate =
              SquaredEuclidean.distance(values, row * columns, positions, t * columns, columns);
          double nearestSoFar = firstDistance[row];
          double kept = Math.min(nearestSoFar, toCandidate);
          total += weight * (kept - nearestSoFar);
          removal += weight * (Math.min(secondDistance[row], toCandidate) - kept);
        }
        int overlap = clusterOverlap[c] + p - members.start(c) / MEMBERS_PER_PART;
        lossParts[t * (k + parts) + overlap] = removal;
      }
      gainParts[t * parts + p] = total;
    }

    /**
     * Whether candidate {@code t} is too far from centre {@code c} to come nearer to any of its
     * rows than their second centre: the cluster's loss is then its base loss, and no part measures
     * it.
     */
    private boolean beyondReach(int t, int c) {
      return Math.sqrt(toCentres[t * k + c]) >= reach[c];
    }

    /** Adds up candidate {@code t}'s gain and losses from its parts' shares, in part order. */
    private void addEvaluation(int t) {
      double total = 0;
      for (int p = 0; p < parts; p++) {
        total += gainParts[t * parts + p];
      }
      gain[t] = total;
      for (int c = 0; c < k; c++) {
        if (beyondReach(t, c)) {
          loss[t * k + c] = baseLoss[c];
          continue;
        }
        double removal = 0;
        int first = clusterOverlap[c];
        int end = c + 1 < k ? clusterOverlap[c + 1] : overlaps;
        for (int overlap = first; overlap < end; overlap++) {
          removal += lossParts[t * (k + parts) + overlap];
        }
        loss[t * k + c] = removal;
      }
    }

    /**
     * Makes the best swap and runs k-means from it; the converged fit, or null when the fit is not
     * better. Unless {@code probe}, only a swap that itself lowers the error is made. A probe makes
     * the best swap even when it raises the error, as random swap does: k-means may more than make
     * up for it once the centres around have moved. It gets {@link #PROBE_ITERATIONS} iterations to
     * do so, and is only run to convergence if the error has dropped by then.
     */
    private KMeansResult bestSwap(boolean probe) throws InterruptedException {
      int bestCandidate = -1;
      int bestCentre = -1;
      double threshold = -MIN_RELATIVE_GAIN * current.squaredError();
      double bestChange = probe ? Double.POSITIVE_INFINITY : threshold;
      for (int t = 0; t < candidateCount; t++) {
        for (int c = 0; c < k; c++) {
          double change = gain[t] + loss[t * k + c];
          if (change < bestChange) {
            bestChange = change;
            bestCandidate = t;
            bestCentre = c;
          }
        }
      }
      if (bestCandidate < 0) {
        return null;
      }
      double[] swapped = centres.clone();
      System.arraycopy(positions, bestCandidate * columns, swapped, bestCentre * columns, columns);
      KMeansResult fit;
      try {
        if (bestChange >= threshold) {
          KMeansResult probed =
              fitSwapped(
                  new KMeans(
                      kmeans
                          .settings()
                          .withMaxIterations(
                              Math.min(PROBE_ITERATIONS, kmeans.settings().maxIterations()))),
                  current,
                  swapped,
                  bestCentre);
          if (!(probed.squaredError() < current.squaredError())) {
            return null;
          }
          fit = fitSwapped(kmeans, probed, probed.centres(), -1);
        } else {
          fit = fitSwapped(kmeans, current, swapped, bestCentre);
        }
      } catch (EmptyClusterException e) {
        // Only under the fail policy; the swap is undone rather than the whole fit failed.
        return null;
      }
      return fit.squaredError() < current.squaredError() ? fit : null;
    }

    /**
     * Runs {@code fitter} from {@code centres}, those of {@code from} but for centre {@code
     * changed} (-1: none), starting from {@code from} where the algorithm can ({@link
     * KMeans#fitFrom}): the same fit for less.
     */
    private KMeansResult fitSwapped(KMeans fitter, KMeansResult from, double[] centres, int changed)
        throws InterruptedException {
      return fitter.fitFrom(data, from, centres, changed, runner);
    }
  }
}
