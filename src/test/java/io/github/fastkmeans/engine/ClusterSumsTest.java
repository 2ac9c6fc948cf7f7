package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;
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
    a.countChange();
    a.countDistances(7);
    ClusterSums b = new ClusterSums(2, 2);
    b.add(0, POINTS, 2, 1);
    b.add(1, POINTS, 4, 4);
    b.countChange();
    b.countChange();
    a.merge(b);
    assertEquals(2, a.weight(0));
    assertEquals(4, a.weight(1));
    assertEquals(3, a.changed());
    assertEquals(7, a.distanceComputations());
    double[] centres = new double[4];
    a.writeMeans(centres);
    assertArrayEquals(new double[] {2, 3, 5, 6}, centres, 0);
    // the merged-in sums are untouched
    assertEquals(1, b.weight(0));
    assertEquals(2, b.changed());
  }

  @Test
  void aClusterWhoseLastPointLeavesHasExactlyZeroSums() {
    ClusterSums totals = new ClusterSums(2, 2);
    ClusterSums joined = new ClusterSums(2, 2);
    joined.add(0, new double[] {0.1, 0.7}, 0, 0.1);
    joined.add(0, new double[] {0.2, 0.3}, 0, 0.7);
    totals.merge(joined);
    assertEquals(2, totals.members(0));
    ClusterSums left = new ClusterSums(2, 2);
    left.remove(0, new double[] {0.2, 0.3}, 0, 0.7);
    left.remove(0, new double[] {0.1, 0.7}, 0, 0.1);
    totals.merge(left);
    // 0.1 * 0.1 + 0.7 * 0.2 - 0.7 * 0.2 - 0.1 * 0.1 need not round to 0; an empty cluster must.
    assertTrue(totals.isEmpty(0));
    assertEquals(0, totals.weight(0), 0);
    double[] centres = {9, 9, 9, 9};
    totals.writeMeans(centres);
    assertArrayEquals(new double[] {9, 9, 9, 9}, centres, 0);
    ClusterSums rejoined = new ClusterSums(2, 2);
    rejoined.add(0, new double[] {0.3, 0.6}, 0, 1);
    totals.merge(rejoined);
    totals.writeMeans(centres);
    assertArrayEquals(new double[] {0.3, 0.6, 9, 9}, centres, 0);
  }

  @Test
  void pointsWithoutWeightAreNotMembers() {
    ClusterSums sums = new ClusterSums(1, 2);
    sums.add(0, POINTS, 0, 0);
    assertTrue(sums.isEmpty(0));
    sums.add(0, POINTS, 2, 1);
    sums.add(0, POINTS, 4, 0);
    assertEquals(1, sums.members(0));
    sums.remove(0, POINTS, 4, 0);
    assertEquals(1, sums.members(0));
  }

  @Test
  void clearResetsEverySum() {
    ClusterSums sums = new ClusterSums(2, 2);
    sums.add(1, POINTS, 0, 5);
    sums.countChange();
    sums.countDistances(3);
    sums.clear();
    assertEquals(0, sums.weight(1));
    assertTrue(sums.isEmpty(1));
    assertEquals(0, sums.changed());
    assertEquals(0, sums.distanceComputations());
    sums.add(1, POINTS, 2, 1);
    double[] centres = new double[4];
    sums.writeMeans(centres);
    assertArrayEquals(new double[] {0, 0, 3, 4}, centres, 0);
  }

  @Test
  void sumsClearedAndReusedMergeAsFreshOnesDo() {
    // One set of sums reused chunk after chunk, as a fit's threads reuse theirs, each chunk
    // touching a few of many centres: the totals must have the bits of fresh sums per chunk.
    int k = 300;
    int columns = 3;
    Random random = new Random(11);
    double[] values = new double[columns];
    ClusterSums reused = new ClusterSums(k, columns);
    ClusterSums totals = new ClusterSums(k, columns);
    ClusterSums reference = new ClusterSums(k, columns);
    for (int chunk = 0; chunk < 40; chunk++) {
      reused.clear();
      ClusterSums fresh = new ClusterSums(k, columns);
      for (int point = 0; point < 6; point++) {
        for (int j = 0; j < columns; j++) {
          values[j] = random.nextGaussian();
        }
        int c = random.nextInt(k);
        double weight = 0.5 + random.nextDouble();
        boolean leaves = chunk > 0 && random.nextBoolean();
        if (leaves) {
          reused.remove(c, values, 0, weight);
          fresh.remove(c, values, 0, weight);
        } else {
          reused.add(c, values, 0, weight);
          fresh.add(c, values, 0, weight);
        }
      }
      totals.merge(reused);
      reference.merge(fresh);
    }
    for (int c = 0; c < k; c++) {
      assertEquals(reference.members(c), totals.members(c), "members of " + c);
      assertEquals(
          Double.doubleToRawLongBits(reference.weight(c)),
          Double.doubleToRawLongBits(totals.weight(c)),
          "weight of " + c);
    }
    double[] expected = new double[k * columns];
    double[] actual = new double[k * columns];
    reference.writeMeans(expected);
    totals.writeMeans(actual);
    assertArrayEquals(expected, actual);
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

  @Test
  void serialisedSumsComeBackBitForBit() throws Exception {
    ClusterSums sums = new ClusterSums(5, 2);
    double[] values = {1.5, -0.0, 3.25, 7.0};
    sums.add(1, values, 0, 2.0);
    sums.add(3, values, 2, 0.5);
    sums.remove(3, values, 2, 0.5);
    sums.countChange();
    sums.countDistances(12);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(sums);
    }
    ClusterSums copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ClusterSums) in.readObject();
    }
    double[] centres = new double[10];
    double[] copied = new double[10];
    sums.writeMeans(centres);
    copy.writeMeans(copied);
    assertArrayEquals(centres, copied);
    assertEquals(sums.changed(), copy.changed());
    assertEquals(sums.distanceComputations(), copy.distanceComputations());
    for (int c = 0; c < 5; c++) {
      assertEquals(sums.members(c), copy.members(c));
      assertEquals(
          Double.doubleToRawLongBits(sums.weight(c)), Double.doubleToRawLongBits(copy.weight(c)));
    }
    // Merged into the same totals, the copy changes them exactly as the original does.
    ClusterSums a = new ClusterSums(5, 2);
    ClusterSums b = new ClusterSums(5, 2);
    a.add(1, values, 2, 1.0);
    b.add(1, values, 2, 1.0);
    a.merge(sums);
    b.merge(copy);
    a.writeMeans(centres);
    b.writeMeans(copied);
    assertArrayEquals(centres, copied);
  }
}
