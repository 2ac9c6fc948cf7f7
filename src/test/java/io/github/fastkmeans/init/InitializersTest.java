package io.github.fastkmeans.init;

import static io.github.fastkmeans.init.InitTestSupport.assertCentresAreWeightedRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.TestData;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests of {@link Initializers} and of the contract every initializer it offers shares. */
class InitializersTest {

  @Test
  void idsAreTheFiveDocumentedOnes() {
    assertEquals(
        List.of("random", "kmeans++", "farthest-first", "kmeans||", "afk-mc2"), Initializers.IDS);
    assertThrows(UnsupportedOperationException.class, () -> Initializers.IDS.add("x"));
  }

  @Test
  void forIdReturnsTheMatchingInitializer() {
    assertInstanceOf(RandomRows.class, Initializers.forId(Initializers.RANDOM));
    assertInstanceOf(KMeansPlusPlus.class, Initializers.forId(Initializers.KMEANS_PLUS_PLUS));
    assertInstanceOf(FarthestFirst.class, Initializers.forId(Initializers.FARTHEST_FIRST));
    assertInstanceOf(KMeansParallel.class, Initializers.forId(Initializers.KMEANS_PARALLEL));
    assertInstanceOf(AfkMc2.class, Initializers.forId(Initializers.AFK_MC2));
  }

  @Test
  void forIdPassesTheOptionsOn() {
    InitializerOptions options = InitializerOptions.DEFAULTS.withThreads(2).withChainLength(3);
    assertInstanceOf(
        KMeansParallel.class, Initializers.forId(Initializers.KMEANS_PARALLEL, options));
    assertInstanceOf(AfkMc2.class, Initializers.forId(Initializers.AFK_MC2, options));
    assertInstanceOf(RandomRows.class, Initializers.forId(Initializers.RANDOM, options));
  }

  @Test
  void forIdRejectsAnUnknownIdNamingTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Initializers.forId("nope"));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
    for (String id : Initializers.IDS) {
      assertTrue(e.getMessage().contains(id), e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "kmeans++", "farthest-first", "kmeans||", "afk-mc2"})
  void returnsKTimesColumnsValuesThatAreRowsOfTheData(String id) {
    DataMatrix data = TestData.blobs(3, 500, 4, 6, 1.0, true);
    Initializer init = Initializers.forId(id);
    for (int k : new int[] {1, 2, 6, 17}) {
      for (long seed = 0; seed < 5; seed++) {
        assertCentresAreWeightedRows(data, k, init.initialCentres(data, k, new Random(seed)));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "kmeans++", "farthest-first", "kmeans||", "afk-mc2"})
  void neverChoosesARowOfZeroWeight(String id) {
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
    Initializer init = Initializers.forId(id);
    for (long seed = 0; seed < 40; seed++) {
      for (int k : new int[] {1, 3, 8}) {
        assertCentresAreWeightedRows(data, k, init.initialCentres(data, k, new Random(seed)));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "kmeans++", "farthest-first", "kmeans||", "afk-mc2"})
  void theSameSeedGivesTheSameCentres(String id) {
    DataMatrix data = TestData.blobs(4, 300, 3, 5, 2.0, true);
    Initializer init = Initializers.forId(id);
    for (long seed : new long[] {0, 1, 12345}) {
      assertArrayEquals(
          init.initialCentres(data, 5, new Random(seed)),
          init.initialCentres(data, 5, new Random(seed)),
          0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "kmeans++", "farthest-first", "kmeans||", "afk-mc2"})
  void differentSeedsUsuallyGiveDifferentCentres(String id) {
    DataMatrix data = TestData.blobs(4, 300, 3, 5, 2.0, true);
    Initializer init = Initializers.forId(id);
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
  void worksWhenKExceedsTheDistinctRows(String id) {
    DataMatrix data = InitTestSupport.data(2, 1, 1, 2, 2, 1, 1);
    double[] centres = Initializers.forId(id).initialCentres(data, 5, new Random(1));
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
  void neitherChangesTheDataNorReturnsAViewOfIt(String id) {
    DataMatrix data = TestData.blobs(6, 200, 2, 3, 1.0, true);
    double[] before = data.values().clone();
    double[] centres = Initializers.forId(id).initialCentres(data, 4, new Random(2));
    centres[0] = 1e9;
    assertArrayEquals(before, data.values(), 0, "the centres are a new array, not a view");
  }
}
