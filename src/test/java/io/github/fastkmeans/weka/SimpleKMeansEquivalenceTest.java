package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weka.clusterers.FastKMeans;
import weka.clusterers.SimpleKMeans;
import weka.core.EuclideanDistance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Started from SimpleKMeans' own initial starting points, FastKMeans ends with SimpleKMeans'
 * centroids, assignments, squared error and iteration count, with normalisation on and off.
 */
class SimpleKMeansEquivalenceTest {

  @TempDir Path temp;

  @ParameterizedTest(name = "{0} k={1} seed={2} normalized={3}")
  @CsvSource({
    "iris, 3, 10, true",
    "iris, 3, 10, false",
    "iris, 5, 3, true",
    "s1, 15, 1, true",
    "seeds, 3, 10, true",
    "seeds, 3, 10, false",
    "seeds, 7, 4, true",
  })
  void sameResultFromTheSameStart(String name, int k, int seed, boolean normalized)
      throws Exception {
    Instances data = TestData.loadUnlabelled(name);
    InspectableSimpleKMeans simple = simpleKMeans(data, k, seed, normalized);
    // Empty clusters make SimpleKMeans drop them; the comparison is only meaningful without.
    assertEquals(k, simple.numberOfClusters(), "SimpleKMeans kept every cluster");

    FastKMeans fast = fastFrom(simple, data, normalized);

    assertEquals(simple.iterations(), fast.getNumIterations(), "iterations");
    assertArrayEquals(simple.getAssignments(), fast.getAssignments(), "assignments");
    assertEquals(simple.getSquaredError(), fast.getSquaredError(), 1e-9 * simple.getSquaredError());
    assertCentroidsEqual(simple.getClusterCentroids(), fast.getClusterCentroids());
    assertArrayEquals(simple.getClusterSizes(), fast.getClusterSizes(), 1e-9);
  }

  /**
   * Without normalisation s1's squared distances exceed 2^31, beyond SimpleKMeans 3.8.6's initial
   * Integer.MAX_VALUE cut-off, so it leaves instances in clusters that are not their nearest. From
   * the same start FastKMeans ends with every instance at its nearest centroid and a lower error.
   */
  @Test
  void rightWhereSimpleKMeansCutsDistancesOffOnRawS1() throws Exception {
    Instances data = TestData.loadUnlabelled("s1");
    InspectableSimpleKMeans simple = simpleKMeans(data, 15, 1, false);
    FastKMeans fast = fastFrom(simple, data, false);

    int simpleMisplaced = misplaced(simple.getClusterCentroids(), simple.getAssignments(), data);
    int fastMisplaced = misplaced(fast.getClusterCentroids(), fast.getAssignments(), data);
    assertTrue(simpleMisplaced > 1000, "SimpleKMeans misplaces " + simpleMisplaced);
    assertEquals(0, fastMisplaced, "FastKMeans misplaces none");
    double simpleError =
        rawSquaredError(simple.getClusterCentroids(), simple.getAssignments(), data);
    assertTrue(
        fast.getSquaredError() < simpleError / 2, fast.getSquaredError() + " vs " + simpleError);
    assertTrue(fast.getNumIterations() > 1);
  }

  private static InspectableSimpleKMeans simpleKMeans(
      Instances data, int k, int seed, boolean normalized) throws Exception {
    InspectableSimpleKMeans simple = new InspectableSimpleKMeans();
    simple.setNumClusters(k);
    simple.setSeed(seed);
    simple.setPreserveInstancesOrder(true);
    simple.setMaxIterations(500);
    EuclideanDistance distance = new EuclideanDistance();
    distance.setDontNormalize(!normalized);
    simple.setDistanceFunction(distance);
    simple.buildClusterer(new Instances(data));
    return simple;
  }

  private FastKMeans fastFrom(InspectableSimpleKMeans simple, Instances data, boolean normalized)
      throws Exception {
    Path start = temp.resolve("start.arff");
    Files.write(start, simple.initialStartPoints().toString().getBytes(StandardCharsets.UTF_8));
    FastKMeans fast = new FastKMeans();
    fast.setOptions(
        Utils.splitOptions(
            "-N "
                + simple.getNumClusters()
                + " -refine none -init given -init-file "
                + start
                + " -normalize "
                + (normalized ? "range" : "none")));
    fast.buildClusterer(data);
    return fast;
  }

  private static void assertCentroidsEqual(Instances expected, Instances actual) {
    assertEquals(expected.numInstances(), actual.numInstances());
    for (int c = 0; c < expected.numInstances(); c++) {
      for (int a = 0; a < expected.numAttributes(); a++) {
        double want = expected.instance(c).value(a);
        double got = actual.instance(c).value(a);
        assertEquals(want, got, 1e-9 * Math.max(1, Math.abs(want)), "centroid " + c + " att " + a);
      }
    }
  }

  private static double squared(Instance a, Instance b) {
    double sum = 0;
    for (int i = 0; i < a.numAttributes(); i++) {
      double diff = a.value(i) - b.value(i);
      sum += diff * diff;
    }
    return sum;
  }

  private static int misplaced(Instances centroids, int[] assignments, Instances data) {
    int misplaced = 0;
    for (int i = 0; i < data.numInstances(); i++) {
      double own = squared(data.instance(i), centroids.instance(assignments[i]));
      for (int c = 0; c < centroids.numInstances(); c++) {
        if (squared(data.instance(i), centroids.instance(c)) < own) {
          misplaced++;
          break;
        }
      }
    }
    return misplaced;
  }

  private static double rawSquaredError(Instances centroids, int[] assignments, Instances data) {
    double sum = 0;
    for (int i = 0; i < data.numInstances(); i++) {
      sum += squared(data.instance(i), centroids.instance(assignments[i]));
    }
    return sum;
  }

  /** SimpleKMeans with its iteration count and starting points made readable. */
  private static final class InspectableSimpleKMeans extends SimpleKMeans {
    private static final long serialVersionUID = 1L;

    /** The number of iterations, counted as SimpleKMeans counts them. */
    int iterations() {
      return m_Iterations;
    }

    /** The starting points SimpleKMeans chose. */
    Instances initialStartPoints() {
      return m_initialStartPoints;
    }
  }
}
