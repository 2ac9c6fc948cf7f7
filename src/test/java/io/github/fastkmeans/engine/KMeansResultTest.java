package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link KMeansResult}: accessors hand out copies and count empty clusters, continued fits
 * add up, and the saved form is the one of model format 3.
 */
class KMeansResultTest {

  private static KMeansResult sample() {
    return new KMeansResult(
        new double[] {0, 0, 1, 1, 2, 2},
        new Partition(
            new double[] {0.5, 0.5, 1, 1, 2, 2}, new int[] {0, 0, 1}, new double[] {2, 1, 0}, 1.25),
        false,
        1,
        Algorithm.HAMERLY,
        new IterationTrace(
            new double[] {4, 2, 1.25}, new long[] {9, 4, 3}, new long[] {30, 20, 10}),
        SwapCount.NONE);
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

  @Test
  void aFitFollowedByAnotherKeepsItsStartAndAddsUpTheIterations() {
    KMeansResult first = sample().withSwaps(new SwapCount(5, 2));
    KMeansResult next =
        new KMeansResult(
            new double[] {1, 1, 1, 1, 2, 2},
            new Partition(
                new double[] {1, 1, 1, 1, 2, 2}, new int[] {1, 1, 0}, new double[] {1, 2, 0}, 0.5),
            true,
            2,
            Algorithm.HAMERLY,
            new IterationTrace(new double[] {0.75, 0.5}, new long[] {6, 2}, new long[] {7, 8}),
            SwapCount.NONE);
    KMeansResult both = first.followedBy(next);
    assertArrayEquals(first.initialCentres(), both.initialCentres(), 0);
    assertArrayEquals(next.centres(), both.centres(), 0);
    assertArrayEquals(next.labels(), both.labels());
    assertEquals(0.5, both.squaredError());
    assertTrue(both.converged());
    assertEquals(5, both.iterations());
    assertEquals(3, both.relocations());
    assertArrayEquals(new double[] {4, 2, 1.25, 0.75, 0.5}, both.squaredErrorHistory(), 0);
    assertArrayEquals(new long[] {9, 4, 3, 6, 2}, both.distanceComputations());
    assertArrayEquals(new long[] {30, 20, 10, 7, 8}, both.iterationNanos());
    assertEquals(5, both.swapTrials());
    assertEquals(2, both.swapsKept());
  }

  @Test
  void savedFormHasTheSixteenFieldsOfModelFormatThree() {
    Map<String, String> fields = new TreeMap<>();
    for (ObjectStreamField field : ObjectStreamClass.lookup(KMeansResult.class).getFields()) {
      // A primitive's type string is null; its type code is its signature.
      String type =
          field.isPrimitive() ? String.valueOf(field.getTypeCode()) : field.getTypeString();
      fields.put(field.getName(), type);
    }
    Map<String, String> expected = new TreeMap<>();
    expected.put("columns", "I");
    expected.put("initialCentres", "[D");
    expected.put("centres", "[D");
    expected.put("labels", "[I");
    expected.put("clusterWeights", "[D");
    expected.put("iterations", "I");
    expected.put("squaredError", "D");
    expected.put("squaredErrorHistory", "[D");
    expected.put("converged", "Z");
    expected.put("relocations", "I");
    expected.put("algorithm", "Lio/github/fastkmeans/engine/Algorithm;");
    expected.put("rows", "I");
    expected.put("distanceComputations", "[J");
    expected.put("iterationNanos", "[J");
    expected.put("swapTrials", "I");
    expected.put("swapsKept", "I");
    assertEquals(expected, fields);
    assertEquals(1L, ObjectStreamClass.lookup(KMeansResult.class).getSerialVersionUID());
  }

  @Test
  void savedResultReadsBackWithEveryValue() throws Exception {
    KMeansResult original = sample().withSwaps(new SwapCount(4, 1));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(original);
    }
    KMeansResult copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (KMeansResult) in.readObject();
    }
    assertEquals(original.columns(), copy.columns());
    assertEquals(original.rows(), copy.rows());
    assertArrayEquals(original.initialCentres(), copy.initialCentres(), 0);
    assertArrayEquals(original.centres(), copy.centres(), 0);
    assertArrayEquals(original.labels(), copy.labels());
    assertArrayEquals(original.clusterWeights(), copy.clusterWeights(), 0);
    assertEquals(original.iterations(), copy.iterations());
    assertEquals(original.squaredError(), copy.squaredError());
    assertArrayEquals(original.squaredErrorHistory(), copy.squaredErrorHistory(), 0);
    assertEquals(original.converged(), copy.converged());
    assertEquals(original.relocations(), copy.relocations());
    assertEquals(original.algorithm(), copy.algorithm());
    assertArrayEquals(original.distanceComputations(), copy.distanceComputations());
    assertArrayEquals(original.iterationNanos(), copy.iterationNanos());
    assertEquals(4, copy.swapTrials());
    assertEquals(1, copy.swapsKept());
  }

  @Test
  void aResultMadeElsewhereKeepsWhatItWasGiven() throws InterruptedException {
    DataMatrix data = TestData.blobs(9, 700, 3, 4, 1.0, true);
    KMeansResult fit = new KMeans(KMeansSettings.DEFAULTS).fit(data, TestData.firstRows(data, 4));
    KMeansResult copy =
        KMeansResult.of(
            fit.initialCentres(),
            fit.centres(),
            fit.labels(),
            fit.clusterWeights(),
            fit.squaredError(),
            fit.converged(),
            fit.relocations(),
            fit.algorithm(),
            fit.distanceComputations(),
            fit.iterationNanos());
    assertArrayEquals(fit.centres(), copy.centres());
    assertArrayEquals(fit.labels(), copy.labels());
    assertEquals(fit.iterations(), copy.iterations());
    assertEquals(fit.squaredError(), copy.squaredError());
    assertEquals(0, copy.swapTrials());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            KMeansResult.of(
                fit.initialCentres(),
                fit.centres(),
                fit.labels(),
                fit.clusterWeights(),
                fit.squaredError(),
                true,
                0,
                Algorithm.LLOYD,
                new long[2],
                new long[3]));
  }
}
