package io.github.fastkmeans.coreset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MergeReduceCoresetTest {

  /** Adds {@code rows} rows of three Gaussian blobs in 3 columns, weights in [0.5, 2). */
  private static double[] feed(MergeReduceCoreset coreset, int rows, long seed) throws Exception {
    Random random = new Random(seed);
    double[] sums = new double[4];
    for (int i = 0; i < rows; i++) {
      int blob = random.nextInt(3);
      double[] row = {
        10 * blob + random.nextGaussian(), random.nextGaussian(), -3 * blob + random.nextGaussian()
      };
      double weight = 0.5 + 1.5 * random.nextDouble();
      coreset.add(row, 0, weight);
      sums[0] += weight;
      for (int j = 0; j < 3; j++) {
        sums[j + 1] += weight * row[j];
      }
    }
    return sums;
  }

  @Test
  void theSummaryKeepsTheTotalWeightAndTheWeightedMean() throws Exception {
    MergeReduceCoreset coreset = new MergeReduceCoreset(3, 50, 4, 7);
    double[] sums = feed(coreset, 20_000, 1);
    WeightedPoints points = coreset.points();
    double total = 0;
    double[] moment = new double[3];
    for (int i = 0; i < points.count(); i++) {
      double weight = points.weights()[i];
      total += weight;
      for (int j = 0; j < 3; j++) {
        moment[j] += weight * points.values()[i * 3 + j];
      }
    }
    assertEquals(sums[0], total, 1e-9 * sums[0]);
    for (int j = 0; j < 3; j++) {
      assertEquals(sums[j + 1] / sums[0], moment[j] / total, 1e-9, "mean of column " + j);
    }
    assertEquals(20_000, coreset.rows());
  }

  @Test
  void memoryStaysWithinTheCapacityHoweverLongTheStream() throws Exception {
    MergeReduceCoreset coreset = new MergeReduceCoreset(3, 20, 3, 7);
    feed(coreset, 50_000, 2);
    assertTrue(
        coreset.points().count() <= coreset.capacity(),
        coreset.points().count() + " points, capacity " + coreset.capacity());
    assertEquals(80, coreset.capacity());
  }

  @Test
  void theSameSeedGivesTheSameSummary() throws Exception {
    MergeReduceCoreset first = new MergeReduceCoreset(3, 40, 5, 11);
    MergeReduceCoreset second = new MergeReduceCoreset(3, 40, 5, 11);
    feed(first, 5_000, 3);
    feed(second, 5_000, 3);
    assertArrayEquals(first.points().copyOfValues(), second.points().copyOfValues(), 0);
    assertArrayEquals(first.points().copyOfWeights(), second.points().copyOfWeights(), 0);
    MergeReduceCoreset other = new MergeReduceCoreset(3, 40, 5, 12);
    feed(other, 5_000, 3);
    assertTrue(
        !Arrays.equals(first.points().copyOfValues(), other.points().copyOfValues()),
        "another seed draws other representatives");
  }

  @Test
  void theSummaryIsTheSameOnAnyNumberOfThreads() throws Exception {
    MergeReduceCoreset one = new MergeReduceCoreset(3, 300, 4, 13, 1);
    MergeReduceCoreset three = new MergeReduceCoreset(3, 300, 4, 13, 3);
    feed(one, 8_000, 4);
    feed(three, 8_000, 4);
    assertArrayEquals(one.points().copyOfValues(), three.points().copyOfValues(), 0);
    assertArrayEquals(one.points().copyOfWeights(), three.points().copyOfWeights(), 0);
    assertThrows(IllegalArgumentException.class, () -> new MergeReduceCoreset(3, 10, 4, 1, 0));
  }

  @Test
  void aReductionGroupsPointsAroundEveryBlob() throws Exception {
    // Three far blobs of 300 points each: 30 groups cover all three, none straddles two.
    MergeReduceCoreset coreset = new MergeReduceCoreset(3, 30, 1, 5);
    Random random = new Random(9);
    for (int i = 0; i < 900; i++) {
      int blob = i % 3;
      coreset.add(
          new double[] {100 * blob + random.nextGaussian(), random.nextGaussian(), 0}, 0, 1);
    }
    WeightedPoints points = coreset.points();
    double[] weightPerBlob = new double[3];
    for (int i = 0; i < points.count(); i++) {
      double x = points.values()[i * 3];
      int blob = (int) Math.round(x / 100);
      assertTrue(Math.abs(x - 100 * blob) < 10, "a group between blobs: x = " + x);
      weightPerBlob[blob] += points.weights()[i];
    }
    assertArrayEquals(new double[] {300, 300, 300}, weightPerBlob, 1e-9);
  }

  @Test
  void equalRowsInABucketAddUpTheirWeights() throws Exception {
    // 10,000 rows on 5 places (0.0 and -0.0 being one place): the bucket never fills, nothing is
    // reduced, and the summary is the 5 places with their total weights.
    MergeReduceCoreset coreset = new MergeReduceCoreset(2, 20, 2, 3);
    double[] expected = new double[5];
    for (int i = 0; i < 10_000; i++) {
      int place = i % 5;
      double weight = 1 + (i % 7);
      double zero = i % 2 == 0 ? 0.0 : -0.0;
      coreset.add(new double[] {place, zero}, 0, weight);
      expected[place] += weight;
    }
    WeightedPoints points = coreset.points();
    assertEquals(5, points.count());
    assertEquals(10_000, coreset.rows());
    for (int i = 0; i < 5; i++) {
      assertEquals(i, points.values()[2 * i]);
      assertEquals(expected[i], points.weights()[i]);
    }
  }

  @Test
  void sizesBelowOneAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new MergeReduceCoreset(3, 0, 4, 1));
    assertThrows(IllegalArgumentException.class, () -> new MergeReduceCoreset(3, 10, 0, 1));
  }

  /** A summary of a top level of 300 points, 2 lower levels and buckets of 60. */
  private static MergeReduceCoreset shaped(long seed, int threads) {
    return new MergeReduceCoreset(3, new SummaryShape(60, 2, 300), seed, threads);
  }

  @Test
  void aShapedSummaryNeverHoldsMoreThanItsCapacity() throws Exception {
    MergeReduceCoreset coreset = shaped(21, 1);
    assertEquals(480, coreset.capacity());
    Random random = new Random(5);
    int most = 0;
    for (int i = 0; i < 30_000; i++) {
      coreset.add(new double[] {random.nextGaussian(), random.nextInt(7), 0}, 0, 1);
      if (i % 97 == 0) {
        most = Math.max(most, coreset.points().count());
      }
    }
    assertTrue(most <= coreset.capacity(), most + " points, capacity " + coreset.capacity());
    assertTrue(
        coreset.points().count() >= 300, "the top level stays full: " + coreset.points().count());
  }

  @Test
  void theFirstRowsStayExactWhileTheTopLevelHasRoom() throws Exception {
    MergeReduceCoreset coreset = shaped(22, 1);
    double[] sums = feed(coreset, 300, 6);
    WeightedPoints points = coreset.points();
    assertEquals(300, points.count());
    double total = 0;
    for (int i = 0; i < points.count(); i++) {
      total += points.weights()[i];
    }
    assertEquals(sums[0], total, 1e-12 * sums[0]);
    MergeReduceCoreset same = shaped(23, 1);
    feed(same, 300, 6);
    assertArrayEquals(points.copyOfValues(), same.points().copyOfValues(), 0, "no draw yet");
  }

  @Test
  void aShapedSummaryKeepsTheWeightAndMeanAndIsTheSameForASeedOnAnyThreads() throws Exception {
    MergeReduceCoreset one = shaped(24, 1);
    MergeReduceCoreset three = shaped(24, 3);
    double[] sums = feed(one, 12_000, 7);
    feed(three, 12_000, 7);
    assertArrayEquals(one.points().copyOfValues(), three.points().copyOfValues(), 0);
    assertArrayEquals(one.points().copyOfWeights(), three.points().copyOfWeights(), 0);
    WeightedPoints points = one.points();
    double total = 0;
    double[] moment = new double[3];
    for (int i = 0; i < points.count(); i++) {
      total += points.weights()[i];
      for (int j = 0; j < 3; j++) {
        moment[j] += points.weights()[i] * points.values()[i * 3 + j];
      }
    }
    assertEquals(sums[0], total, 1e-9 * sums[0]);
    for (int j = 0; j < 3; j++) {
      assertEquals(sums[j + 1] / sums[0], moment[j] / total, 1e-9, "mean of column " + j);
    }
    MergeReduceCoreset other = shaped(25, 1);
    feed(other, 12_000, 7);
    assertTrue(
        !Arrays.equals(points.copyOfValues(), other.points().copyOfValues()),
        "another seed draws other representatives");
  }

  @Test
  void aTopLevelSmallerThanABucketIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new MergeReduceCoreset(3, new SummaryShape(60, 2, 59), 1, 1));
  }
}
