package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Tests of {@link KMeansResult}: accessors hand out copies and count empty clusters. */
class KMeansResultTest {

  private static KMeansResult sample() {
    return new KMeansResult(
        2,
        new double[] {0, 0, 1, 1, 2, 2},
        new double[] {0.5, 0.5, 1, 1, 2, 2},
        new int[] {0, 0, 1},
        new double[] {2, 1, 0},
        3,
        1.25,
        new double[] {4, 2, 1.25},
        false,
        1,
        Algorithm.HAMERLY,
        3,
        new long[] {9, 4, 3},
        new long[] {30, 20, 10});
  }

  @Test
  void accessorsReturnTheGivenValues() {
    KMeansResult r = sample();
    assertEquals(3, r.k());
    assertEquals(2, r.columns());
    assertArrayEquals(new double[] {0, 0, 1, 1, 2, 2}, r.initialCentres(), 0);
    assertArrayEquals(new double[] {0.5, 0.5, 1, 1, 2, 2}, r.centres(), 0);
    assertArrayEquals(new int[] {0, 0, 1}, r.labels());
    assertArrayEquals(new double[] {2, 1, 0}, r.clusterWeights(), 0);
    assertEquals(3, r.iterations());
    assertEquals(1.25, r.squaredError());
    assertArrayEquals(new double[] {4, 2, 1.25}, r.squaredErrorHistory(), 0);
    assertFalse(r.converged());
    assertEquals(1, r.relocations());
    assertEquals(Algorithm.HAMERLY, r.algorithm());
    assertEquals(3, r.rows());
    assertArrayEquals(new long[] {9, 4, 3}, r.distanceComputations());
    assertArrayEquals(new long[] {30, 20, 10}, r.iterationNanos());
    // 16 distances of 3 rows x 3 centres x 3 iterations.
    assertEquals(16.0 / 27, r.distanceRatio(), 1e-15);
  }

  @Test
  void emptyClustersCountsClustersWithoutWeight() {
    assertEquals(1, sample().emptyClusters());
  }

  @Test
  void arraysHandedOutAreCopies() {
    KMeansResult r = sample();
    r.initialCentres()[0] = 9;
    r.centres()[0] = 9;
    r.labels()[0] = 9;
    r.clusterWeights()[0] = 9;
    r.squaredErrorHistory()[0] = 9;
    assertEquals(0, r.initialCentres()[0]);
    assertEquals(0.5, r.centres()[0]);
    assertEquals(0, r.labels()[0]);
    assertEquals(2, r.clusterWeights()[0]);
    assertEquals(4, r.squaredErrorHistory()[0]);
  }
}
