package io.github.fastkmeans.init;

import static io.github.fastkmeans.init.InitTestSupport.assertCentresAreWeightedRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.TestData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests of {@link InitializerKind} and of the contract every initializer it offers shares. */
class InitializersTest {

  @Test
  void idsAreTheSixDocumentedOnesAndKmeansParallelKeepsItsPapersName() {
    List<String> ids = new ArrayList<>();
    for (InitializerKind kind : InitializerKind.values()) {
      ids.add(kind.id());
      assertFalse(kind.id().contains("|"), kind.id());
    }
    assertEquals(
        List.of("random", "kmeans++", "farthest-first", "kmeans-parallel", "afk-mc2", "given"),
        ids);
    assertEquals(InitializerKind.KMEANS_PARALLEL, InitializerKind.fromId("kmeans||"));
    assertEquals(InitializerKind.KMEANS_PARALLEL, InitializerKind.fromId(" KMeans-Parallel "));
  }

  @Test
  void forIdReturnsTheMatchingInitializer() {
    assertInstanceOf(RandomRows.class, InitializerKind.RANDOM.create());
    assertInstanceOf(KMeansPlusPlus.class, InitializerKind.KMEANS_PLUS_PLUS.create());
    assertInstanceOf(FarthestFirst.class, InitializerKind.FARTHEST_FIRST.create());
    assertInstanceOf(KMeansParallel.class, InitializerKind.KMEANS_PARALLEL.create());
    assertInstanceOf(AfkMc2.class, InitializerKind.AFK_MC2.create());
  }

  @Test
  void forIdPassesTheOptionsOn() {
    InitializerOptions options = InitializerOptions.DEFAULTS.withThreads(2).withChainLength(3);
    assertInstanceOf(KMeansParallel.class, InitializerKind.KMEANS_PARALLEL.create(options));
    assertInstanceOf(AfkMc2.class, InitializerKind.AFK_MC2.create(options));
    assertInstanceOf(RandomRows.class, InitializerKind.RANDOM.create(options));
  }

  @Test
  void forIdRejectsAnUnknownIdNamingTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InitializerKind.fromId("nope"));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
    for (InitializerKind kind : InitializerKind.values()) {
      assertTrue(e.getMessage().contains(kind.id()), e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "kmeans++", "farthest-first", "kmeans||", "afk-mc2"})
  void returnsKTimesColumnsValuesThatAreRowsOfTheData(String id) throws InterruptedException {
    DataMatrix data = TestData.blobs(3, 500, 4, 6, 1.0, true);
    Initializer init = InitializerKind.fromId(id).create();
    for (int k : new int[] {1, 2, 6, 17}) {
      for (long seed = 0; seed < 5; seed++) {
        assertCentresAreWeightedRows(data, k, init.initialCentres(data, k, new Random(seed)));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "kmeans++", "farthest-first", "kmeans||", "afk-mc2"})
  void neverChoosesARowOfZeroWeight(String id) throws InterruptedException {
    // 40 weighted rows near the origin and 10 weightless outliers far away, which D^2 sampling and
    // farthest-first traversal would love to pick.
    Random random = new Random(8);
    int rows = 50;
    double[] values = new double[rows * 2];
    double[] weights = new double[rows];
    for (int row = 0; row < rows; row++) {
      boolean outlier = row % 5 == 2;
      double scale = outlier ? 1000 : 1;
      values[2 * row] = scale * (1 + random.nextDouble());
      values[2 * row + 1] = scale * random.nextGaussian();
      weights[row] = outlier ? 0 : 0.5 + random.nextDouble();
    }
    DataMatrix data = DataMatrix.of(rows, 2, values, weights);
    Initializer init = InitializerKind.fromId(id).create();
    for (long seed = 0; seed < 40; seed++) {
      for (int k : new int[] {1, 3, 8}) {
        assertCentresAreWeightedRows(data, k, init.initialCentres(data, k, new Random(seed)));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "kmeans++", "farthest-first", "kmeans||", "afk-mc2"})
  void theSameSeedGivesTheSameCentres(String id) throws InterruptedException {
    DataMatrix data = TestData.blobs(4, 300, 3, 5, 2.0, true);
    Initializer init = InitializerKind.fromId(id).create();
    for (long seed : new long[] {0, 1, 12345}) {
      assertArrayEquals(
          init.initialCentres(data, 5, new Random(seed)),
          init.initialCentres(data, 5, new Random(seed)),
          0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "kmeans++", "farthest-first", "kmeans||", "afk-mc2"})
  void differentSeedsUsuallyGiveDifferentCentres(String id) throws InterruptedException {
    DataMatrix data = TestData.blobs(4, 300, 3, 5, 2.0, true);
    Initializer init = InitializerKind.fromId(id).create();
    int differing = 0;
    double[] previous = init.initialCentres(data, 5, new Random(0));
    for (long seed = 1; seed <= 20; seed++) {
      double[] current = init.initialCentres(data, 5, new Random(seed));
      if (!Arrays.equals(previous, current)) {
        differing++;
      }
      previous = current;
    }
    assertTrue(differing >= 18, differing + " of 20 consecutive seeds gave other centres");
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "kmeans++", "farthest-first", "kmeans||", "afk-mc2"})
  void worksWhenKExceedsTheDistinctRows(String id) throws InterruptedException {
    DataMatrix data = InitTestSupport.data(2, 1, 1, 2, 2, 1, 1);
    double[] centres = InitializerKind.fromId(id).create().initialCentres(data, 5, new Random(1));
    assertCentresAreWeightedRows(data, 5, centres);
    boolean sawFirst = false;
    boolean sawSecond = false;
    for (int c = 0; c < 5; c++) {
      sawFirst |= centres[2 * c] == 1;
      sawSecond |= centres[2 * c] == 2;
    }
    assertTrue(sawFirst && sawSecond, "both distinct rows are used: " + Arrays.toString(centres));
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "kmeans++", "farthest-first", "kmeans||", "afk-mc2"})
  void neitherChangesTheDataNorReturnsAViewOfIt(String id) throws InterruptedException {
    DataMatrix data = TestData.blobs(6, 200, 2, 3, 1.0, true);
    double[] before = data.values().clone();
    double[] centres = InitializerKind.fromId(id).create().initialCentres(data, 4, new Random(2));
    centres[0] = 1e9;
    assertArrayEquals(before, data.values(), 0, "the centres are a new array, not a view");
  }
}
