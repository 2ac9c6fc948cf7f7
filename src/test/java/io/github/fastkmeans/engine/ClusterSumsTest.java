package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tests of {@link ClusterSums}: weighted sums, removal, merging and means. */
class ClusterSumsTest {

  private static final double[] POINTS = {1, 2, 3, 4, 5, 6, -1, 0};

  @Test
  void weightedMeansOfAddedPoints() {
    ClusterSums sums = new ClusterSums(2, 2);
    sums.add(0, POINTS, 0, 1); // (1, 2)
    sums.add(0, POINTS, 2, 3); // (3, 4) x 3
    sums.add(1, POINTS, 4, 2); // (5, 6) x 2
    assertEquals(4, sums.weight(0));
    assertEquals(2, sums.weight(1));
    double[] centres = new double[4];
    sums.writeMeans(centres);
    // (1*1 + 3*3) / 4 = 2.5, (1*2 + 3*4) / 4 = 3.5
    assertArrayEquals(new double[] {2.5, 3.5, 5, 6}, centres, 0);
  }

  @Test
  void writeMeansLeavesCentresWithoutWeightUnchanged() {
    ClusterSums sums = new ClusterSums(3, 2);
    sums.add(1, POINTS, 6, 1);
    sums.add(2, POINTS, 0, 0); // a zero-weight point does not make the cluster non-empty
    double[] centres = {7, 8, 9, 10, 11, 12};
    sums.writeMeans(centres);
    assertArrayEquals(new double[] {7, 8, -1, 0, 11, 12}, centres, 0);
    assertEquals(0, sums.weight(2));
  }

  @Test
  void removeUndoesAdd() {
    ClusterSums sums = new ClusterSums(1, 2);
    sums.add(0, POINTS, 0, 2);
    sums.add(0, POINTS, 4, 2);
    sums.remove(0, POINTS, 4, 2);
    assertEquals(2, sums.weight(0));
    double[] centre = new double[2];
    sums.writeMeans(centre);
    assertArrayEquals(new double[] {1, 2}, centre, 0);
  }

  @Test
  void mergeAddsEverything() {
    ClusterSums a = new ClusterSums(2, 2);
    a.add(0, POINTS, 0, 1);
    a.addSquaredError(1.5);
    a.countChange();
    ClusterSums b = new ClusterSums(2, 2);
    b.add(0, POINTS, 2, 1);
    b.add(1, POINTS, 4, 4);
    b.addSquaredError(2.25);
    b.countChange();
    b.countChange();
    a.merge(b);
    assertEquals(2, a.weight(0));
    assertEquals(4, a.weight(1));
    assertEquals(3.75, a.squaredError());
    assertEquals(3, a.changed());
    double[] centres = new double[4];
    a.writeMeans(centres);
    assertArrayEquals(new double[] {2, 3, 5, 6}, centres, 0);
    // the merged-in sums are untouched
    assertEquals(1, b.weight(0));
    assertEquals(2, b.changed());
  }

  @Test
  void clearResetsEverySum() {
    ClusterSums sums = new ClusterSums(2, 2);
    sums.add(1, POINTS, 0, 5);
    sums.addSquaredError(9);
    sums.countChange();
    sums.clear();
    assertEquals(0, sums.weight(1));
    assertEquals(0, sums.squaredError());
    assertEquals(0, sums.changed());
    sums.add(1, POINTS, 2, 1);
    double[] centres = new double[4];
    sums.writeMeans(centres);
    assertArrayEquals(new double[] {0, 0, 3, 4}, centres, 0);
  }

  @Test
  void copyWeightsCopiesEveryClusterWeight() {
    ClusterSums sums = new ClusterSums(3, 1);
    sums.add(0, POINTS, 0, 0.5);
    sums.add(2, POINTS, 1, 2);
    sums.add(2, POINTS, 2, 3);
    double[] out = new double[3];
    sums.copyWeights(out);
    assertArrayEquals(new double[] {0.5, 0, 5}, out, 0);
  }
}
