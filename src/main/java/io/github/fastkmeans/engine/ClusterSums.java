package io.github.fastkmeans.engine;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Per-centre weighted coordinate sums and weights, and the number of rows of positive weight behind
 * each. A fit keeps one set of totals and updates it after every pass with what that pass changed:
 * each chunk of rows collects, in row order, the rows that left and joined each centre, and the
 * chunks' changes are merged into the totals in chunk order, so the totals have the same bits for
 * any number of threads and for every algorithm. Serializable, so that a distributed fit can ship
 * the sums of a chunk to the driver that merges them; the serial form holds only the centres with a
 * value other than +0.0, since a chunk late in a fit changes few of them.
 */
public final class ClusterSums implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int k;
  private final int columns;

  /** Row-major k x columns: the sum of weight * point over the points of each centre. */
  private final double[] weightedSums;

  /** The sum of weights of the points of each centre. */
  private final double[] weights;

  /** How many points of positive weight each centre has: exact where sums of weights round. */
  private final long[] members;

  private long changed;
  private long distanceComputations;

  /**
   * Whether any point was added or removed since the last clear: most chunks of a late pass are
   * not.
   */
  private boolean touched;

  /**
   * Whether each centre got a point since the last clear; the sums of the others are +0.0. With
   * many centres a chunk touches few, and clearing or merging the others' zeros would take longer
   * than the chunk's own work (at k = 1,000, 512 rows and 32 columns, several times longer).
   */
  private final boolean[] touchedCentre;

  /** The centres touched since the last clear, in the order they were first touched. */
  private final int[] touchedCentres;

  private int touchedCount;

  /** Empty sums for {@code k} centres in {@code columns} dimensions. */
  public ClusterSums(int k, int columns) {
    this.k = k;
    this.columns = columns;
    this.weightedSums = new double[k * columns];
    this.weights = new double[k];
    this.members = new long[k];
    this.touchedCentre = new boolean[k];
    this.touchedCentres = new int[k];
  }

  /** The compact serial form of these sums, which restores them bit for bit. */
  private Object writeReplace() {
    int kept = 0;
    boolean[] keep = new boolean[k];
    for (int c = 0; c < k; c++) {
      keep[c] = !isPositiveZero(c);
      kept += keep[c] ? 1 : 0;
    }
    int[] centres = new int[kept];
    double[] keptSums = new double[kept * columns];
    double[] keptWeights = new double[kept];
    long[] keptMembers = new long[kept];
    int at = 0;
    for (int c = 0; c < k; c++) {
      if (keep[c]) {
        centres[at] = c;
        System.arraycopy(weightedSums, c * columns, keptSums, at * columns, columns);
        keptWeights[at] = weights[c];
        keptMembers[at] = members[c];
        at++;
      }
    }
    return new SerialForm(
        k,
        columns,
        changed,
        distanceComputations,
        touched,
        centres,
        keptSums,
        keptWeights,
        keptMembers);
  }

  /** Whether every value of centre {@code c} is +0.0 (and it has no member). */
  private boolean isPositiveZero(int c) {
    if (members[c] != 0 || Double.doubleToRawLongBits(weights[c]) != 0) {
      return false;
    }
    for (int j = c * columns; j < (c + 1) * columns; j++) {
      if (Double.doubleToRawLongBits(weightedSums[j]) != 0) {
        return false;
      }
    }
    return true;
  }

  /** The centres of some sums with a value other than +0.0; the others are +0.0. */
  private static final class SerialForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int k;
    private final int columns;
    private final long changed;
    private final long distanceComputations;
    private final boolean touched;
    private final int[] centres;
    private final double[] weightedSums;
    private final double[] weights;
    private final long[] members;

    SerialForm(
        int k,
        int columns,
        long changed,
        long distanceComputations,
        boolean touched,
        int[] centres,
        double[] weightedSums,
        double[] weights,
        long[] members) {
      this.k = k;
      this.columns = columns;
      this.changed = changed;
      this.distanceComputations = distanceComputations;
      this.touched = touched;
      this.centres = centres;
      this.weightedSums = weightedSums;
      this.weights = weights;
      this.members = members;
    }

    private Object readResolve() {
      ClusterSums sums = new ClusterSums(k, columns);
      for (int i = 0; i < centres.length; i++) {
        int c = centres[i];
        System.arraycopy(weightedSums, i * columns, sums.weightedSums, c * columns, columns);
        sums.weights[c] = weights[i];
        sums.members[c] = members[i];
        sums.markTouched(c);
      }
      sums.changed = changed;
      sums.distanceComputations = distanceComputations;
      sums.touched = touched;
      return sums;
    }
  }

  /** Resets every sum and count to zero. */
  public void clear() {
    if (touched) {
      for (int i = 0; i < touchedCount; i++) {
        int c = touchedCentres[i];
        Arrays.fill(weightedSums, c * columns, (c + 1) * columns, 0);
        weights[c] = 0;
        members[c] = 0;
        touchedCentre[c] = false;
      }
      touchedCount = 0;
      touched = false;
    }
    changed = 0;
    distanceComputations = 0;
  }

  /** Adds one point (at {@code values[offset ..]}) of weight {@code weight} to centre {@code c}. */
  public void add(int c, double[] values, int offset, double weight) {
    if (weight > 0) {
      int base = c * columns;
      for (int j = 0; j < columns; j++) {
        weightedSums[base + j] += weight * values[offset + j];
      }
      weights[c] += weight;
      members[c]++;
      touched = true;
      markTouched(c);
    }
  }

  /** Removes one point previously added to centre {@code c}. */
  public void remove(int c, double[] values, int offset, double weight) {
    if (weight > 0) {
      int base = c * columns;
      for (int j = 0; j < columns; j++) {
        weightedSums[base + j] -= weight * values[offset + j];
      }
      weights[c] -= weight;
      members[c]--;
      touched = true;
      markTouched(c);
    }
  }

  private void markTouched(int c) {
    if (!touchedCentre[c]) {
      touchedCentre[c] = true;
      touchedCentres[touchedCount++] = c;
    }
  }

  /** Counts one point whose cluster changed. */
  public void countChange() {
    changed++;
  }

  /** Counts {@code count} point-to-centre distances computed. */
  public void countDistances(long count) {
    distanceComputations += count;
  }

  /** How many point-to-centre distances were computed. */
  public long distanceComputations() {
    return distanceComputations;
  }

  /**
   * Adds all of {@code other} to these sums. A centre left without points gets sums and weight of
   * exactly zero, whatever rounding the additions and removals left behind.
   */
  public void merge(ClusterSums other) {
    changed += other.changed;
    distanceComputations += other.distanceComputations;
    if (!other.touched) {
      return;
    }
    touched = true;
    // The other centres' sums are +0.0, and adding +0.0 changes no sum (none is -0.0: sums start
    // at +0.0, and a sum of values of opposite signs that cancel is +0.0).
    for (int i = 0; i < other.touchedCount; i++) {
      int c = other.touchedCentres[i];
      int base = c * columns;
      for (int j = base; j < base + columns; j++) {
        weightedSums[j] += other.weightedSums[j];
      }
      weights[c] += other.weights[c];
      members[c] += other.members[c];
      markTouched(c);
      // Only a centre the other sums touched can lose its last point here, and a chunk touches few
      // of many centres: no pass over all k after every chunk's merge.
      if (members[c] == 0) {
        weights[c] = 0;
        Arrays.fill(weightedSums, base, base + columns, 0);
      }
    }
  }

  /** Resets the counts of changes and distances, keeping the sums. */
  public void clearCounts() {
    changed = 0;
    distanceComputations = 0;
  }

  /** The total weight of the points assigned to centre {@code c}. */
  public double weight(int c) {
    return weights[c];
  }

  /** Whether centre {@code c} has no point of positive weight. */
  public boolean isEmpty(int c) {
    return members[c] == 0;
  }

  /** How many points of positive weight centre {@code c} has. */
  public long members(int c) {
    return members[c];
  }

  /** How many points changed cluster. */
  public long changed() {
    return changed;
  }

  /**
   * Writes the weighted mean of each centre with points into {@code centres} (OUT, row-major k x
   * columns); centres without points are left unchanged.
   */
  public void writeMeans(double[] centres) {
    for (int c = 0; c < k; c++) {
      if (members[c] > 0) {
        double w = weights[c];
        int base = c * columns;
        for (int j = 0; j < columns; j++) {
          centres[base + j] = weightedSums[base + j] / w;
        }
      }
    }
  }

  /** Copies the weights of all centres into {@code out} (length k). */
  public void copyWeights(double[] out) {
    System.arraycopy(weights, 0, out, 0, k);
  }
}
