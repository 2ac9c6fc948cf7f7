package io.github.fastkmeans.engine;

import io.github.fastkmeans.parallel.ChunkRunner;
import java.util.Arrays;

/**
 * The filtering algorithm: the centres are pushed down a {@link KdTree} of the rows, and at every
 * node a centre is dropped when another is nearer to every point of the node's box; a node left
 * with one centre gives it to all its rows at once, and only the rows of leaves that keep several
 * are compared with those. A node that keeps the centre it had in the previous pass is not even
 * visited row by row, so a pass costs in the order of the boundary nodes, not of the rows.
 *
 * <p>The tree pass writes each row's nearest centre into {@link #nearest}; the chunked pass then
 * records the rows whose cluster changed, in row order, as every algorithm does.
 *
 * <p>T. Kanungo, D. M. Mount, N. S. Netanyahu, C. D. Piatko, R. Silverman, A. Y. Wu, "An efficient
 * k-means clustering algorithm: analysis and implementation", IEEE TPAMI 24(7), 2002.
 */
final class KdTreeAssigner extends Assigner {

  /**
   * A centre is dropped only when its squared distance exceeds the other's by this share of both
   * squared distances to the farthest corner: far beyond the rounding of any distance, so that
   * plain Lloyd would never pick the dropped centre either.
   */
  private static final double DROP_MARGIN = 1e-10;

  /**
   * Below this, squared distances near the box are close to the subnormal range, where rounding is
   * absolute rather than relative and the margin proves nothing: no centre is dropped.
   */
  private static final double SMALLEST_TRUSTED_SCALE = 0x1p-968;

  /**
   * After this many levels down which no centre was dropped, a node left with many centres compares
   * its rows with all centres instead of filtering further: in many dimensions boxes rarely exclude
   * a centre, and filtering every node would cost more than the rows' distances.
   */
  private static final int FRUITLESS_LEVELS = 8;

  /**
   * A tree pass whose previous one, in its subtrees, computed distances and gave rows fewer than
   * this together runs on the calling thread alone: about what waking another thread costs.
   */
  private static final long LIGHT_WORK = 32 * 1024;

  /** A pass that records fewer marked rows than this runs on the calling thread alone. */
  private static final long LIGHT_ROWS = 4 * 1024;

  /** The subtrees below this depth are the units of work shared between threads. */
  private static final int SHARED_DEPTH = 6;

  private final KdTree tree;

  /**
   * One bit per row whose nearest centre changed in the last tree pass or that the driver moved:
   * after the first pass, the only rows whose cluster can change.
   */
  private final long[] changed;

  /** Each row's nearest centre, as the last tree pass found it. */
  private final int[] nearest;

  /** Per node: the only centre left there in the pass of {@link #ownedIn}, if it was the only. */
  private final int[] owner;

  /** Per node: the pass in which it last had a single centre. */
  private final int[] ownedIn;

  /** The number of the current pass, from 1. */
  private int pass;

  /** Distances and rows given in the threads' share of the last tree pass. */
  private long subtreeWork;

  /** The rows marked by the last tree pass, to be recorded. */
  private long markedRows;

  /** The subtrees of the current pass left for the threads, with what they inherit. */
  private final Subtrees subtrees;

  KdTreeAssigner(DataMatrix data, double[] centres, int[] labels) {
    // Its sweeps over all centres measure the norms of the tree's copy of the rows as they go.
    super(data, centres, labels, false);
    this.tree = data.kdTree();
    this.nearest = new int[data.rows()];
    Arrays.fill(nearest, -1);
    this.changed = new long[(data.rows() + 63) / 64];
    this.owner = new int[tree.nodes()];
    this.ownedIn = new int[tree.nodes()];
    this.subtrees = new Subtrees(k);
  }

  @Override
  long beforePass(ChunkRunner runner, ChunkRunner callerOnly) throws InterruptedException {
    pass++;
    subtrees.clear();
    Filter top = new Filter(SHARED_DEPTH);
    int[] all = top.reserve(k);
    for (int c = 0; c < k; c++) {
      all[c] = c;
    }
    top.descend(0, 0, k, -1, 0, 0);
    long[] computed = new long[subtrees.count];
    long[] work = new long[subtrees.count];
    Filter[] walks = new Filter[subtrees.count];
    // Late passes walk little of the tree: less than waking the other threads costs.
    boolean light = pass > 1 && subtreeWork < LIGHT_WORK;
    (light ? callerOnly : runner)
        .run(
            0,
            subtrees.count,
            (subtree, slot) -> {
              Filter filter = new Filter(-1);
              int count = subtrees.candidateCount[subtree];
              System.arraycopy(subtrees.candidates, subtree * k, filter.reserve(count), 0, count);
              filter.descend(
                  subtrees.node[subtree],
                  0,
                  count,
                  subtrees.inherited[subtree],
                  0,
                  subtrees.fruitless[subtree]);
              computed[subtree] = filter.computed;
              work[subtree] = filter.computed + filter.rowsGiven;
              walks[subtree] = filter;
            });
    // The walks' changed rows are marked here, on one thread: marking them during the walks would
    // make the threads share, and fight over, the words of the bit set.
    top.markMoved();
    for (Filter walk : walks) {
      walk.markMoved();
    }
    long total = top.computed;
    subtreeWork = 0;
    for (int subtree = 0; subtree < computed.length; subtree++) {
      total += computed[subtree];
      subtreeWork += work[subtree];
    }
    markedRows = 0;
    for (long word : changed) {
      markedRows += Long.bitCount(word);
    }
    return total;
  }

  @Override
  boolean passIsLight() {
    return pass > 1 && markedRows < LIGHT_ROWS;
  }

  @Override
  void rowMoved(int row) {
    markChanged(row);
  }

  @Override
  void assignFirst(int start, int end, ClusterSums sums) {
    for (int row = start; row < end; row++) {
      record(row, nearest[row], sums);
    }
  }

  /**
   * Records the marked rows of {@code [start, end)}, in row order, and clears their marks; {@code
   * start} is a multiple of 64, as every chunk's is, so no other thread shares their words.
   */
  @Override
  void assign(int start, int end, ClusterSums sums) {
    for (int word = start >>> 6; word < (end + 63) >>> 6; word++) {
      long bits = changed[word];
      changed[word] = 0;
      while (bits != 0) {
        int row = (word << 6) + Long.numberOfTrailingZeros(bits);
        record(row, nearest[row], sums);
        bits &= bits - 1;
      }
    }
  }

  /** Marks a row as changed; on the calling thread only, never while walks run. */
  private void markChanged(int row) {
    changed[row >>> 6] |= 1L << row;
  }

  /** Whether, in the previous pass, every row of {@code node} was given {@code owner[node]}. */
  private boolean ownedLastPass(int node) {
    return ownedIn[node] == pass - 1 && pass > 1;
  }

  /** One walk down the tree, on one thread, with its own stack of candidate lists. */
  private final class Filter {

    /** Candidate lists of the nodes on the current path, each after its parent's. */
    private int[] stack = new int[Math.max(16, 4 * k)];

    long computed;

    /** The rows this walk gave a centre node by node. */
    long rowsGiven;

    /** The rows whose nearest centre this walk changed, after the first pass. */
    private int[] moved = new int[16];

    private int movedCount;

    /** Scratch space of the sweep over all centres, made when first needed. */
    private CentreColumns.Scratch scratch;

    /** The depth at which nodes are left to the threads; -1 for none. */
    private final int shareAt;

    Filter(int shareAt) {
      this.shareAt = shareAt;
    }

    /** Makes room for {@code count} candidates at the bottom of the stack and returns it. */
    int[] reserve(int count) {
      if (stack.length < count) {
        stack = new int[count];
      }
      return stack;
    }

    /**
     * Filters the candidates {@code stack[from, from + count)} (in increasing index order) for
     * {@code node}; {@code known} is the centre every row of the node had after the previous pass,
     * or -1; {@code fruitless} counts the levels above it that dropped no centre. Nodes at depth
     * {@link #shareAt} are left to the threads.
     */
    void descend(int node, int from, int count, int known, int depth, int fruitless) {
      if (depth == shareAt) {
        // The thread that takes the subtree filters its root.
        subtrees.add(node, stack, from, count, known, fruitless);
        return;
      }
      if (known < 0 && ownedLastPass(node)) {
        known = owner[node];
      }
      int before = count;
      if (count > 1) {
        count = dropFarther(node, from, count);
      }
      fruitless = count < before ? 0 : fruitless + 1;
      if (count == 1) {
        give(node, stack[from], known);
        return;
      }
      if (tree.isLeaf(node) || (fruitless >= FRUITLESS_LEVELS && sweepsAll(count))) {
        compareRows(node, from, count);
        return;
      }
      int child = tree.firstChild(node);
      int next = from + count;
      ensure(next + count);
      System.arraycopy(stack, from, stack, next, count);
      descend(child, next, count, known, depth + 1, fruitless);
      // The first child's walk may have grown the stack but left this list where it was.
      System.arraycopy(stack, from, stack, next, count);
      descend(child + 1, next, count, known, depth + 1, fruitless);
    }

    /**
     * Sets a row's nearest centre and, after the first pass, notes the row if it changed, for
     * {@link #markMoved}.
     */
    private void setNearest(int row, int c) {
      if (nearest[row] != c) {
        nearest[row] = c;
        if (pass > 1) {
          if (movedCount == moved.length) {
            moved = Arrays.copyOf(moved, 2 * movedCount);
          }
          moved[movedCount++] = row;
        }
      }
    }

    /** Marks the rows this walk changed; on the calling thread, once the walks are done. */
    void markMoved() {
      for (int i = 0; i < movedCount; i++) {
        markChanged(moved[i]);
      }
      movedCount = 0;
    }

    private void ensure(int size) {
      if (stack.length < size) {
        stack = Arrays.copyOf(stack, Math.max(size, 2 * stack.length));
      }
    }

    /**
     * Gives centre {@code c} to every row of {@code node}; {@code known} is the centre all its rows
     * had after the previous pass, or -1.
     */
    private void give(int node, int c, int known) {
      if (known < 0) {
        giveWhereUnknown(node, c);
      } else if (known != c) {
        giveAll(node, c);
      }
      owner[node] = c;
      ownedIn[node] = pass;
    }

    /**
     * Gives centre {@code c} to the rows of {@code node}, which the previous pass did not give one
     * centre: its subtrees that it did give one are skipped when that was {@code c}, so only the
     * previous pass's boundary is walked.
     */
    private void giveWhereUnknown(int node, int c) {
      if (tree.isLeaf(node)) {
        giveAll(node, c);
        return;
      }
      for (int child = tree.firstChild(node); child <= tree.firstChild(node) + 1; child++) {
        if (!ownedLastPass(child)) {
          giveWhereUnknown(child, c);
        } else if (owner[child] != c) {
          giveAll(child, c);
        }
      }
    }

    private void giveAll(int node, int c) {
      rowsGiven += tree.end(node) - tree.start(node);
      int[] rowAt = tree.rowAt;
      for (int p = tree.start(node); p < tree.end(node); p++) {
        setNearest(rowAt[p], c);
      }
    }

    /**
     * Keeps, in order, the candidates that some point of the node's box may be nearer to than the
     * candidate nearest the box's middle; returns how many.
     */
    private int dropFarther(int node, int from, int count) {
      double[] low = tree.low();
      double[] high = tree.high();
      int base = node * columns;
      int closest = -1;
      double closestSquared = Double.POSITIVE_INFINITY;
      for (int i = from; i < from + count; i++) {
        int c = stack[i];
        double squared = 0;
        for (int j = 0; j < columns; j++) {
          double middle = low[base + j] + (high[base + j] - low[base + j]) / 2;
          double diff = middle - centres[c * columns + j];
          squared += diff * diff;
        }
        if (squared < closestSquared || closest < 0) {
          closestSquared = squared;
          closest = c;
        }
      }
      computed += count;
      int kept = 0;
      for (int i = from; i < from + count; i++) {
        int c = stack[i];
        if (c == closest || !fartherEverywhere(c, closest, base, low, high)) {
          stack[from + kept++] = c;
        }
      }
      return kept;
    }

    /**
     * Whether centre {@code c} is farther than centre {@code closer} from every point of the box:
     * the difference of the squared distances is linear over the box, smallest at the corner
     * furthest towards {@code c}. The margin covers the rounding of every distance involved.
     */
    private boolean fartherEverywhere(int c, int closer, int base, double[] low, double[] high) {
      double toC = 0;
      double toCloser = 0;
      double scale = 0;
      for (int j = 0; j < columns; j++) {
        double a = centres[c * columns + j];
        double b = centres[closer * columns + j];
        double lo = low[base + j];
        double hi = high[base + j];
        double corner = a > b ? hi : lo;
        double diffC = corner - a;
        double diffCloser = corner - b;
        toC += diffC * diffC;
        toCloser += diffCloser * diffCloser;
        double farC = Math.max(Math.abs(hi - a), Math.abs(lo - a));
        double farCloser = Math.max(Math.abs(hi - b), Math.abs(lo - b));
        scale += farC * farC + farCloser * farCloser;
      }
      return scale >= SMALLEST_TRUSTED_SCALE && toC - toCloser > DROP_MARGIN * scale;
    }

    /**
     * Compares every row of a leaf with the candidates, the lowest index winning a tie; with many
     * candidates left (the tree prunes little in many dimensions), with all centres in one sweep,
     * which finds the same centre since every dropped one is farther.
     */
    private void compareRows(int node, int from, int count) {
      int[] rowAt = tree.rowAt;
      double[] points = tree.points;
      if (sweepsAll(count)) {
        if (scratch == null) {
          scratch = centreColumns.newScratch();
        }
        for (int p = tree.start(node); p < tree.end(node); p++) {
          int offset = p * columns;
          double squaredNorm = CentreColumns.squaredNorm(points, offset, columns);
          setNearest(rowAt[p], centreColumns.nearest(points, offset, squaredNorm, scratch));
        }
        computed += (long) k * (tree.end(node) - tree.start(node));
        return;
      }
      for (int p = tree.start(node); p < tree.end(node); p++) {
        int best = -1;
        double bestSquared = Double.POSITIVE_INFINITY;
        for (int i = from; i < from + count; i++) {
          int c = stack[i];
          double squared =
              SquaredEuclidean.distance(points, p * columns, centres, c * columns, columns);
          if (squared < bestSquared || best < 0) {
            bestSquared = squared;
            best = c;
          }
        }
        setNearest(rowAt[p], best);
      }
      computed += (long) count * (tree.end(node) - tree.start(node));
    }
  }

  /** The subtrees the top walk leaves to the threads: node, inherited centre, candidates. */
  private static final class Subtrees {
    private final int k;
    int count;
    int[] node = new int[1 << SHARED_DEPTH];
    int[] inherited = new int[1 << SHARED_DEPTH];
    int[] fruitless = new int[1 << SHARED_DEPTH];
    int[] candidateCount = new int[1 << SHARED_DEPTH];
    int[] candidates;

    Subtrees(int k) {
      this.k = k;
      this.candidates = new int[(1 << SHARED_DEPTH) * k];
    }

    void clear() {
      count = 0;
    }

    void add(int subtree, int[] stack, int from, int size, int known, int levels) {
      node[count] = subtree;
      inherited[count] = known;
      fruitless[count] = levels;
      candidateCount[count] = size;
      System.arraycopy(stack, from, candidates, count * k, size);
      count++;
    }
  }
}
