package io.github.fastkmeans.engine;

import java.util.function.IntFunction;

/**
 * How the assignment step finds each row's nearest centre. Every algorithm gives exactly the
 * assignments, iteration count and centres of {@link #LLOYD} from the same start; they differ in
 * how many distances they compute.
 */
public enum Algorithm implements Choice {
  /** Choose by the size of the problem (see {@link #resolve}). */
  AUTO("auto", "auto (chosen by data size)", null, (rows, columns, k) -> 0),
  /** Compare every row with every centre. */
  LLOYD("lloyd", "Lloyd (every distance)", LloydAssigner::new, (rows, columns, k) -> 0),
  /**
   * One lower bound per row on the distance to its second-nearest centre (G. Hamerly, "Making
   * k-means even faster", SDM 2010).
   */
  HAMERLY(
      "hamerly",
      "Hamerly (one bound per instance)",
      HamerlyAssigner::create,
      // A lower and an upper bound per row.
      (rows, columns, k) -> 16 * rows),
  /**
   * One lower bound per row and centre, and the distances between centres (C. Elkan, "Using the
   * triangle inequality to accelerate k-means", ICML 2003). Needs 8 * rows * k bytes of bounds.
   */
  ELKAN(
      "elkan",
      "Elkan (one bound per instance and cluster)",
      ElkanAssigner::new,
      // Lower bounds per row and centre, an upper bound per row; distances and half distances
      // between centres.
      (rows, columns, k) -> 8 * rows * k + 8 * rows + 16L * k * k),
  /**
   * Hamerly's bound, and when it fails only the centres within a ball around the row's centre,
   * scanned in order of distance (J. Newling, F. Fleuret, "Fast k-means with accurate bounds", ICML
   * 2016).
   */
  EXPONION(
      "exponion",
      "Exponion (Hamerly's bound, ball search)",
      ExponionAssigner::new,
      // As Hamerly, and every centre's nearest others in annuli by distance (bounds and indices).
      (rows, columns, k) -> 16 * rows + 12L * k * ExponionAssigner.neighboursKept(k)),
  /**
   * The centres split once into groups, and one lower bound per row and group (Y. Ding et al.,
   * "Yinyang K-Means: A Drop-In Replacement of the Classic K-Means with Consistent Speedup", ICML
   * 2015). Needs 8 * rows * groups bytes of bounds, groups = k / 10, at most 128; with the vector
   * kernel, rows * k / 8 (a byte per row and block of eight centres) and a float copy of the rows
   * ({@link TiledYinyangAssigner}).
   */
  YINYANG(
      "yinyang",
      "Yinyang (one bound per instance and group of clusters)",
      TiledYinyangAssigner::create,
      // A lower bound per row and group, an upper bound per row; shifts and groups per centre;
      // with the vector kernel, the tiled bounds where they are larger.
      (rows, columns, k) ->
          Math.max(
              8 * rows * YinyangAssigner.groupCount(k) + 8 * rows + 32L * k,
              BlockSweeps.vectorKernel() ? TiledYinyangAssigner.bytes(rows, columns, k) : 0)),
  /**
   * A k-d tree of the rows, down which the centres are filtered: a node keeps only the centres that
   * may be nearest to some point of its box (T. Kanungo et al., "An efficient k-means clustering
   * algorithm: analysis and implementation", IEEE TPAMI 2002). For few dimensions; the tree keeps a
   * copy of the rows in its order and about rows / 5 nodes with their bounding boxes.
   */
  KD_TREE(
      "kdtree",
      "k-d tree filtering (few attributes)",
      KdTreeAssigner::new,
      // The rows' values in tree order, their indices and nearest centres, and, while the tree is
      // built, two arrays of sort codes (8 * n * (columns + 3)); the nodes, 0.18-0.25 n measured,
      // a quarter allowed: bounding boxes, ranges, children, owners.
      (rows, columns, k) -> 8 * rows * (columns + 3) + (rows / 4 + 1) * (16L * columns + 20));

  /** From this many columns {@link #AUTO} takes Elkan, when its bounds fit their budget. */
  static final int ELKAN_COLUMNS = 80;

  /** From this many centres {@link #AUTO} takes Lloyd when the Vector API kernel runs. */
  static final int VECTOR_LLOYD_CENTRES = 32;

  /**
   * From this many centres {@link #AUTO} takes Yinyang where it would take Exponion, when Yinyang's
   * bounds fit the bounds budget.
   */
  static final int YINYANG_CENTRES = 5000;

  /**
   * From this many centres, and {@link #TILED_YINYANG_WORK} multiply-adds per row and pass, {@link
   * #AUTO} takes Yinyang on the vector kernel's tiles for a long fit ({@link #forIterations}).
   */
  static final int TILED_YINYANG_CENTRES = 256;

  /** See {@link #TILED_YINYANG_CENTRES}: k times the columns. */
  static final long TILED_YINYANG_WORK = 16_384;

  /**
   * From this many columns, and from {@link #BLOCKED_HAMERLY_FEWEST_CENTRES} to {@link
   * #BLOCKED_HAMERLY_MOST_CENTRES} centres, {@link #AUTO} takes Hamerly on the block sweep where it
   * would take Lloyd for the vector kernel ({@link #forIterations}).
   */
  static final int BLOCKED_HAMERLY_COLUMNS = 16;

  /** See {@link #BLOCKED_HAMERLY_COLUMNS}. */
  static final int BLOCKED_HAMERLY_FEWEST_CENTRES = 512;

  /** See {@link #BLOCKED_HAMERLY_COLUMNS}. */
  static final int BLOCKED_HAMERLY_MOST_CENTRES = 2000;

  /** Up to this many columns {@link #AUTO} takes the k-d tree. */
  static final int TREE_COLUMNS = 4;

  private final ChoiceLabel label;
  private final AssignerFactory factory;
  private final BoundsMemory boundsMemory;

  Algorithm(String id, String displayName, AssignerFactory factory, BoundsMemory boundsMemory) {
    this.label = new ChoiceLabel(id, displayName);
    this.factory = factory;
    this.boundsMemory = boundsMemory;
  }

  /** Makes the assignment step of one fit. */
  @FunctionalInterface
  interface AssignerFactory {
    Assigner create(DataMatrix data, double[] centres, int[] labels);
  }

  /** The bytes an algorithm's bounds take for {@code rows} x {@code columns} data, k centres. */
  @FunctionalInterface
  interface BoundsMemory {
    long bytes(long rows, int columns, int k);
  }

  @Override
  public ChoiceLabel label() {
    return label;
  }

  /**
   * The assignment step of a fit on {@code data} from {@code centres} (IN/OUT, the running centres)
   * writing {@code labels} (OUT).
   *
   * @throws IllegalStateException for {@link #AUTO}, which must be resolved first
   */
  Assigner assigner(DataMatrix data, double[] centres, int[] labels) {
    if (factory == null) {
      throw new IllegalStateException("Unresolved algorithm " + this);
    }
    return factory.create(data, centres, labels);
  }

  /** The bytes this algorithm's bounds take; 0 for {@link #AUTO}, which must be resolved first. */
  long boundsBytes(long rows, int columns, int k) {
    return boundsMemory.bytes(rows, columns, k);
  }

  /**
   * Whether a fit by this (resolved) algorithm can start from an earlier fit ({@link
   * KMeans#fitFrom}): Lloyd, Hamerly and Exponion, which keep nothing about the rows beyond
   * Hamerly's bounds, and Yinyang, whose group bounds all start at Hamerly's lower bound. The k-d
   * tree keeps which centre owns each node of its tree, and Elkan a bound per row and centre, which
   * an earlier fit does not give; they run from the centres alone.
   */
  boolean startsFromEarlierFit() {
    return this == LLOYD || this == HAMERLY || this == EXPONION || this == YINYANG;
  }

  /**
   * The algorithm with the given id (case-insensitive).
   *
   * @throws IllegalArgumentException naming the valid ids when none matches
   */
  public static Algorithm fromId(String id) {
    return Choice.byId(values(), "algorithm", id);
  }

  /**
   * The algorithm {@link #AUTO} stands for on {@code rows} x {@code columns} data with {@code k}
   * centres, given {@code elkanBudgetBytes} for Elkan's bounds (and Yinyang's); any other algorithm
   * stands for itself.
   *
   * <p>The rule comes from the benchmark (docs/benchmarks.md, 2 threads). With one or two centres a
   * bound saves at most one distance per row and costs about as much: Lloyd. Up to 4 columns the
   * k-d tree was fastest (200,000 rows, 32 centres, 50 iterations: 3 columns 0.16 s against
   * Hamerly's 0.20 s and Exponion's 0.24 s, 4 columns 0.26 s against 0.32 s and 0.32 s; A and
   * birch1, 2 columns, about half Exponion's time and less), at 5 it was not (0.39 s against 0.29 s
   * and 0.28 s). Below 80 dimensions Exponion was fastest or close to it (B, 16 dimensions: 0.39 s,
   * Hamerly 0.45 s, Elkan 0.76 s; KDD Cup, 38: 0.30 s, 0.38 s, 0.33 s), at most 17% behind Hamerly
   * where that was fastest (32 and 64 dimensions); from 96 dimensions Elkan was fastest (96: 0.36 s
   * against 0.45 s and 0.42 s; D, 128: 0.35 s against 0.56 s and 0.51 s), at 64 it was not (0.41 s
   * against 0.35 s and 0.30 s). With many centres Exponion's work between centres grows as k^2 and
   * its bounds prune little more than the group bounds of Yinyang, which has no such work (CPU
   * seconds, 2 threads, 100,000 x 32, 5 iterations): at k = 10,000 Yinyang beat Exponion in four
   * runs of four (23.6-29.9 s against 27.2-42.0 s) and drew with Hamerly (22.5-31.2 s; two runs
   * each), at k = 3,000 it did not (6.7-7.1 s against Hamerly's 5.9-6.1 s and Exponion's 6.9-7.1
   * s), nor at k = 1,000 on 200,000 rows (E: 6.2-8.1 s against Exponion's 4.5-6.1 s). Its bounds
   * must fit {@code boundsBudgetBytes}, the budget Elkan's bounds have.
   *
   * <p>Where the Vector API kernel runs (Lloyd sweeps blocks of rows with it, and Hamerly with
   * {@link HamerlyAssigner#BLOCKED_CENTRES} centres or more the rows its bounds do not keep; the
   * other bounded algorithms compare one row at a time, several times slower per distance), Lloyd
   * from {@link #VECTOR_LLOYD_CENTRES} centres and more than {@link #TREE_COLUMNS} columns: with
   * its float estimates it was fastest on every such set of the benchmark (2 threads,
   * buildClusterer: B, 200,000 x 16, k = 64, 0.47 s against Exponion's 0.57 s and Hamerly's 0.59 s;
   * C, 1,000,000 x 8, k = 32, 0.85 s against Hamerly's 1.17 s; 200,000 x 5, k = 32, 0.17 s against
   * 0.31 s; 100,000 x 32 and x 64, k = 50, 0.16 s and 0.29 s against Hamerly's 0.20 s and 0.33 s;
   * D, 50,000 x 128, k = 100, 0.35 s against Elkan's, Hamerly's and Exponion's 0.61-0.63 s; F,
   * 1,000,000 x 64, k = 256, 3.0 s against 13.9-14.6 s), and not below it (KDD Cup, 38 columns, k =
   * 23: 0.79 s against Exponion's 0.53 s). On KDD Cup the float estimates left more than half the
   * rows two centres or more to measure exactly, and Exponion was also twice as fast at k = 40 and
   * 100 (engine, 20 iterations: 0.36 s against 0.68 s, 0.54 s against 1.03 s): a fit checks a
   * sample first ({@link #lloydForTheVectorKernel}).
   */
  public Algorithm resolve(int rows, int columns, int k, long elkanBudgetBytes) {
    return resolve(rows, columns, k, elkanBudgetBytes, BlockSweeps.vectorKernel());
  }

  /**
   * What this algorithm stands for in a fit of {@code rows} x {@code columns} data from {@code
   * initialCentres} (IN, row-major k x columns), given {@code elkanBudgetBytes} for Elkan's bounds:
   * {@link #resolve(int, int, int, long)}, and where {@link #AUTO} takes Lloyd for the vector
   * kernel alone, a check on rows of the data that the kernel's float estimates separate them
   * ({@link FloatFilterProbe}); where they do not, the rules without the vector kernel decide. Only
   * then is {@code sample} asked, with a number of rows n, for the data's rows {@code i * rows /
   * n}, i from 0 to n - 1, or for all the data's rows, of which the check takes those.
   */
  public Algorithm resolve(
      int rows,
      int columns,
      double[] initialCentres,
      long elkanBudgetBytes,
      IntFunction<DataMatrix> sample) {
    return resolve(
        rows, columns, initialCentres, elkanBudgetBytes, sample, BlockSweeps.vectorKernel());
  }

  /**
   * As {@link #resolve(int, int, double[], long, IntFunction)}, where {@code vectorKernel} says
   * whether Lloyd's block sweeps run on the Vector API kernel.
   */
  Algorithm resolve(
      int rows,
      int columns,
      double[] initialCentres,
      long elkanBudgetBytes,
      IntFunction<DataMatrix> sample,
      boolean vectorKernel) {
    int k = initialCentres.length / columns;
    Algorithm resolved = resolve(rows, columns, k, elkanBudgetBytes, vectorKernel);
    if (lloydForTheVectorKernel(resolved, k)) {
      DataMatrix sampled = sample.apply(FloatFilterProbe.sampleSize(rows, k, columns));
      if (FloatFilterProbe.severalShare(sampled, initialCentres) > FloatFilterProbe.MOST_SEVERAL) {
        // The vector kernel's float estimates cannot tell these rows' nearest centres apart.
        return withoutVectorKernel(rows, columns, k, elkanBudgetBytes);
      }
    }
    return resolved;
  }

  /**
   * Whether {@code resolved}, what this algorithm resolved to for {@code k} centres, is Lloyd taken
   * for the vector kernel alone: {@link #AUTO} then checks that the kernel's float estimates
   * separate the data's rows ({@link FloatFilterProbe}), and otherwise takes {@link
   * #withoutVectorKernel}.
   */
  boolean lloydForTheVectorKernel(Algorithm resolved, int k) {
    return this == AUTO && resolved == LLOYD && k >= VECTOR_LLOYD_CENTRES;
  }

  /**
   * What this algorithm, resolved to {@code resolved} on {@code rows} x {@code columns} data with
   * {@code k} centres, stands for in a fit of at most {@code maxIterations} iterations: for {@link
   * #AUTO}, Yinyang on the vector kernel's tiles ({@link TiledYinyangAssigner}) in place of Lloyd
   * where the fit may run long enough for the bounds to start, with at least {@link
   * #TILED_YINYANG_CENTRES} centres and {@link #TILED_YINYANG_WORK} multiply-adds per row, and
   * where the bounds fit {@code elkanBudgetBytes} and the heap, and {@code tilesRun} (the kernel's
   * tiles run in this JVM now); {@code resolved} otherwise.
   *
   * <p>Until the rows settle its passes are Lloyd's sweep, as fast (2 threads, engine fits from the
   * first k rows of the benchmark's sets, docs/benchmarks.md "Tiled Yinyang: bounds once the rows
   * settle"): to convergence it took 0.97-1.08 s against Lloyd's 1.74-1.80 s on E (200,000 x 32, k
   * = 1,000, 37 iterations) and 0.96-1.14 s against 1.24-1.58 s on F's first 200,000 rows (64
   * columns, k = 256, 46 iterations); it drew with Lloyd on D (50,000 x 128, k = 100, 28
   * iterations) and lost on B (200,000 x 16, k = 64: 0.42-0.53 s against 0.21-0.26 s, 50
   * iterations) and C (1,000,000 x 8, k = 32), where a row's work between bounds costs as much as
   * its few distances.
   *
   * <p>Where the tiles do not start, {@link #AUTO} takes Hamerly in place of Lloyd's sweep with at
   * least {@link #BLOCKED_HAMERLY_COLUMNS} columns and {@link #BLOCKED_HAMERLY_FEWEST_CENTRES} to
   * {@link #BLOCKED_HAMERLY_MOST_CENTRES} centres: its rows whose bounds fail are swept in blocks
   * by the same kernel ({@link BlockedHamerlyAssigner}), and a row its bounds keep costs a few of
   * its distances. Benchmark builds from the same starts, 2 threads (docs/benchmarks.md, "Hamerly
   * on the block sweep"): E (k = 1,000) 0.630 s against Lloyd's 0.721 in run 17, 0.635 against
   * 0.686 in run 16, 0.92 against 0.99 in five rounds in turns; B (k = 64) 0.228 against 0.231, D
   * (k = 100, 128 columns) 0.286 against 0.266, F (k = 256, overlapping blobs, where the bounds
   * keep 8% of the rows) 2.35 against 1.88 in run 17 (engine alone 1.89 against 1.94). With few
   * columns (C, 8: 0.88 s against 0.74 in the engine) and at k = 10,000 (G: 1.64 against
   * 1.42-1.57), where the bounds keep 2% of the rows, Lloyd's sweep was faster.
   */
  Algorithm forIterations(
      Algorithm resolved,
      int rows,
      int columns,
      int k,
      int maxIterations,
      long elkanBudgetBytes,
      boolean tilesRun) {
    boolean tiles =
        this == AUTO
            && resolved == LLOYD
            && tilesRun
            && k >= TILED_YINYANG_CENTRES
            && (long) k * columns >= TILED_YINYANG_WORK
            && TiledYinyangAssigner.boundsCanStart(maxIterations + 1)
            && YINYANG.boundsBytes(rows, columns, k) <= elkanBudgetBytes
            && TiledYinyangAssigner.fitsTheHeap(rows, columns, k);
    if (tiles) {
      return YINYANG;
    }
    boolean blockedHamerly =
        this == AUTO
            && lloydForTheVectorKernel(resolved, k)
            && columns >= BLOCKED_HAMERLY_COLUMNS
            && k >= BLOCKED_HAMERLY_FEWEST_CENTRES
            && k <= BLOCKED_HAMERLY_MOST_CENTRES;
    return blockedHamerly ? HAMERLY : resolved;
  }

  /** What {@link #AUTO} takes by the rules that hold without the vector kernel. */
  static Algorithm withoutVectorKernel(int rows, int columns, int k, long elkanBudgetBytes) {
    return AUTO.resolve(rows, columns, k, elkanBudgetBytes, false);
  }

  /**
   * As {@link #resolve(int, int, int, long)}, where {@code vectorKernel} says whether Lloyd's block
   * sweeps run on the Vector API kernel.
   */
  Algorithm resolve(int rows, int columns, int k, long elkanBudgetBytes, boolean vectorKernel) {
    if (this != AUTO) {
      return this;
    }
    if (k <= 2) {
      return LLOYD;
    }
    if (columns <= TREE_COLUMNS) {
      return KD_TREE;
    }
    if (vectorKernel && k >= VECTOR_LLOYD_CENTRES) {
      return LLOYD;
    }
    if (columns >= ELKAN_COLUMNS && 8L * rows * k <= elkanBudgetBytes) {
      return ELKAN;
    }
    if (k >= YINYANG_CENTRES && YINYANG.boundsBytes(rows, columns, k) <= elkanBudgetBytes) {
      return YINYANG;
    }
    return EXPONION;
  }
}
