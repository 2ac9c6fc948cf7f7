package io.github.fastkmeans.coreset;

import java.util.Arrays;

/**
 * A k-d tree that centres join one at a time, each with a bound (a squared radius), for the
 * question "which centres c may satisfy |p - c|² &lt; margin x bound(c)?": a subtree is skipped
 * when the point's squared distance to its splitting plane is at least the margin times the largest
 * bound in it. A centre joins the leaf its coordinates lead to; a leaf of more than {@link
 * #LEAF_SIZE} centres splits at the median of the coordinate along which they spread most. Centres
 * drawn from the data, in the order drawn, give a tree about as balanced as one built at once, at a
 * fraction of the cost of rebuilding. Bounds may only shrink after a centre joins: the nodes keep
 * the largest bound they have seen, which stays an upper bound.
 *
 * <p>J. L. Bentley, "Multidimensional binary search trees used for associative searching",
 * Communications of the ACM 18(9), 1975.
 */
final class GrowingCentreTree {

  /** Centres per leaf before it splits. */
  private static final int LEAF_SIZE = 16;

  private final double[] centres;
  private final int columns;
  private int nodes;

  /** Per node: the splitting coordinate, or -1 for a leaf. */
  private int[] splitColumn;

  /** Per node: the splitting value; lower holds centres at or below it, upper at or above. */
  private double[] splitValue;

  /** Per inner node: its children. */
  private int[] lower;

  private int[] upper;

  /** Per node: the largest bound of a centre that joined it. */
  private double[] bound;

  /** Per leaf: its centres. */
  private int[][] members;

  /** Per leaf: the number of its centres. */
  private int[] memberCount;

  /** An empty tree over centres whose coordinates are read from {@code centres} (row-major). */
  GrowingCentreTree(double[] centres, int columns) {
    this.centres = centres;
    this.columns = columns;
    int capacity = 16;
    splitColumn = new int[capacity];
    splitValue = new double[capacity];
    lower = new int[capacity];
    upper = new int[capacity];
    bound = new double[capacity];
    members = new int[capacity][];
    memberCount = new int[capacity];
    newLeaf();
  }

  private int newLeaf() {
    if (nodes == splitColumn.length) {
      int capacity = 2 * nodes;
      splitColumn = Arrays.copyOf(splitColumn, capacity);
      splitValue = Arrays.copyOf(splitValue, capacity);
      lower = Arrays.copyOf(lower, capacity);
      upper = Arrays.copyOf(upper, capacity);
      bound = Arrays.copyOf(bound, capacity);
      members = Arrays.copyOf(members, capacity);
      memberCount = Arrays.copyOf(memberCount, capacity);
    }
    int node = nodes++;
    splitColumn[node] = -1;
    bound[node] = 0;
    members[node] = new int[LEAF_SIZE + 1];
    memberCount[node] = 0;
    return node;
  }

  /**
   * Adds centre {@code centre} (its coordinates at {@code centres[centre * columns ..]}) with
   * squared radius {@code radius}; {@code radii} (IN, per centre) gives the current bounds of the
   * centres already in the tree, read when a leaf splits.
   */
  void add(int centre, double radius, double[] radii) {
    int node = 0;
    while (splitColumn[node] >= 0) {
      bound[node] = Math.max(bound[node], radius);
      node =
          centres[centre * columns + splitColumn[node]] < splitValue[node]
              ? lower[node]
              : upper[node];
    }
    bound[node] = Math.max(bound[node], radius);
    members[node][memberCount[node]++] = centre;
    if (memberCount[node] > LEAF_SIZE) {
      split(node, radii);
    }
  }

  /** Splits leaf {@code node} at the median of its widest coordinate, if its centres differ. */
  private void split(int node, double[] radii) {
    int count = memberCount[node];
    int[] items = members[node];
    int widest = CentreTree.widestColumn(centres, columns, items, 0, count);
    if (widest < 0) {
      // Every centre of the leaf in one place: let it grow instead.
      members[node] = Arrays.copyOf(items, 2 * items.length);
      return;
    }
    int column = widest;
    Integer[] sorted = new Integer[count];
    for (int i = 0; i < count; i++) {
      sorted[i] = items[i];
    }
    Arrays.sort(
        sorted,
        (a, b) -> {
          int byValue =
              Double.compare(centres[a * columns + column], centres[b * columns + column]);
          return byValue != 0 ? byValue : Integer.compare(a, b);
        });
    int middle = count / 2;
    int low = newLeaf();
    int high = newLeaf();
    for (int i = 0; i < count; i++) {
      int child = i < middle ? low : high;
      int centre = sorted[i];
      members[child][memberCount[child]++] = centre;
      bound[child] = Math.max(bound[child], radii[centre]);
    }
    splitColumn[node] = column;
    splitValue[node] = centres[sorted[middle] * columns + column];
    lower[node] = low;
    upper[node] = high;
    members[node] = null;
    memberCount[node] = 0;
  }

  /**
   * Recomputes every node's bound from {@code radii} (IN, the current bound of every centre in the
   * tree): the bounds only shrink, and a node that kept the large bound of an early centre would
   * never be skipped again.
   */
  void refreshBounds(double[] radii) {
    refresh(0, radii);
  }

  private double refresh(int node, double[] radii) {
    double largest = 0;
    if (splitColumn[node] < 0) {
      for (int i = 0; i < memberCount[node]; i++) {
        largest = Math.max(largest, radii[members[node][i]]);
      }
    } else {
      largest = Math.max(refresh(lower[node], radii), refresh(upper[node], radii));
    }
    bound[node] = largest;
    return largest;
  }

  /**
   * Calls {@code visitor} with every centre c that may satisfy |point - c|² &lt; margin x bound(c)
   * for the point at {@code values[offset ..]}, and some that do not.
   */
  void near(double[] values, int offset, double margin, CentreTree.CentreVisitor visitor) {
    near(0, values, offset, margin, visitor);
  }

  private void near(
      int node, double[] values, int offset, double margin, CentreTree.CentreVisitor visitor) {
    if (!(bound[node] > 0)) {
      return;
    }
    int column = splitColumn[node];
    if (column < 0) {
      for (int i = 0; i < memberCount[node]; i++) {
        visitor.visit(members[node][i]);
      }
      return;
    }
    double gap = values[offset + column] - splitValue[node];
    int far = gap < 0 ? upper[node] : lower[node];
    near(gap < 0 ? lower[node] : upper[node], values, offset, margin, visitor);
    if (gap * gap < margin * bound[far]) {
      near(far, values, offset, margin, visitor);
    }
  }
}
