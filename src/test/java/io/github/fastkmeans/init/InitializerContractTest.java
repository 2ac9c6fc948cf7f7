package io.github.fastkmeans.init;

import static io.github.fastkmeans.init.InitTestSupport.assertCentresAreWeightedRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.TestData;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every initializer offered by id keeps, each checked once for every id. A few
 * contracts depend on how an initializer samples (by weight or uniformly, by D² or by distance
 * alone); those run for every id with that id's expectation, or only for the ids that sample that
 * way. What only one initializer does is tested in its own test class.
 */
class InitializerContractTest {

  /** The tuning every initializer is built with: the defaults, as FastKMeans starts from. */
  private static final InitializerOptions OPTIONS = InitializerOptions.DEFAULTS;

  /** Ten unit-weight 2-d rows, four distinct: (1,1) 4 times, (2,2) twice, (3,3) once, (4,4) 3. */
  private static final DataMatrix DUPLICATES =
      InitTestSupport.data(2, 1, 1, 2, 2, 1, 1, 4, 4, 1, 1, 3, 3, 4, 4, 1, 1, 2, 2, 4, 4);

  /** The initializer with id {@code id}: the one place that knows how the registry is called. */
  private static Initializer initializer(String id) {
    return InitializerKind.fromId(id).create(OPTIONS);
  }

  /** Every initializer id. */
  static Stream<String> ids() {
    return Stream.of("random", "kmeans++", "farthest-first", "kmeans||", "afk-mc2");
  }

  @ParameterizedTest
  @MethodSource("ids")
  void returnsKCentresThatAreRowsOfPositiveWeight(String id) throws InterruptedException {
    DataMatrix data = TestData.blobs(3, 500, 4, 6, 1.0, true);
    Initializer init = initializer(id);
    for (int k : new int[] {1, 2, 6, 17}) {
      for (long seed = 0; seed < 5; seed++) {
        assertCentresAreWeightedRows(data, k, init.initialCentres(data, k, new Random(seed)));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("ids")
  void neverChoosesARowOfZeroWeight(String id) throws InterruptedException {
    // 40 weighted rows near the origin and 10 weightless outliers far away, which D² sampling and
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
    Initializer init = initializer(id);
    for (long seed = 0; seed < 40; seed++) {
      for (int k : new int[] {1, 3, 8}) {
        assertCentresAreWeightedRows(data, k, init.initialCentres(data, k, new Random(seed)));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("ids")
  void rejectsDataWithoutAnyWeightedRow(String id) {
    DataMatrix data = DataMatrix.of(3, 1, new double[] {1, 2, 3}, new double[] {0, 0, 0});
    for (int k : new int[] {1, 2}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> initializer(id).initialCentres(data, k, new Random(1)));
      assertTrue(e.getMessage().contains("positive weight"), e.getMessage());
    }
  }

  @ParameterizedTest
  @MethodSource("ids")
  void theSameSeedGivesTheSameCentres(String id) throws InterruptedException {
    DataMatrix data = TestData.blobs(4, 300, 3, 5, 2.0, true);
    Initializer init = initializer(id);
    for (long seed : new long[] {0, 1, 12345}) {
      assertArrayEquals(
          init.initialCentres(data, 5, new Random(seed)),
          init.initialCentres(data, 5, new Random(seed)),
          0);
    }
  }

  @ParameterizedTest
  @MethodSource("ids")
  void differentSeedsUsuallyGiveDifferentCentres(String id) throws InterruptedException {
    DataMatrix data = TestData.blobs(4, 300, 3, 5, 2.0, true);
    Initializer init = initializer(id);
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
  @MethodSource("ids")
  void neitherChangesTheDataNorReturnsAViewOfIt(String id) throws InterruptedException {
    DataMatrix data = TestData.blobs(6, 200, 2, 3, 1.0, true);
    double[] before = data.values().clone();
    double[] centres = initializer(id).initialCentres(data, 4, new Random(2));
    centres[0] = 1e9;
    assertArrayEquals(before, data.values(), 0, "the centres are a new array, not a view");
  }

  @ParameterizedTest
  @MethodSource("ids")
  void usesEveryDistinctRowBeforeRepeatingOne(String id) throws InterruptedException {
    Initializer init = initializer(id);
    for (long seed = 0; seed < 20; seed++) {
      for (int k = 1; k <= 7; k++) {
        double[] centres = init.initialCentres(DUPLICATES, k, new Random(seed));
        assertCentresAreWeightedRows(DUPLICATES, k, centres);
        assertEquals(
            Math.min(k, 4), distinctCentres(centres, 2).size(), "seed " + seed + ", k " + k);
      }
    }
    DataMatrix twoRows = InitTestSupport.data(1, 5, 6);
    double[] moreThanRows = init.initialCentres(twoRows, 5, new Random(4));
    assertCentresAreWeightedRows(twoRows, 5, moreThanRows);
    assertEquals(2, distinctCentres(moreThanRows, 1).size(), "k above the number of rows");

    DataMatrix threePoints = InitTestSupport.data(1, 0, 0, 0, 7, 7, 30);
    for (long seed = 0; seed < 30; seed++) {
      double[] three = init.initialCentres(threePoints, 3, new Random(seed));
      Arrays.sort(three);
      assertArrayEquals(new double[] {0, 7, 30}, three, 0, "seed " + seed);
      double[] five = init.initialCentres(threePoints, 5, new Random(seed));
      assertEquals(Set.of(List.of(0.0), List.of(7.0), List.of(30.0)), distinctCentres(five, 1));
    }

    // The four weighted rows, each once, whatever the weights of the others.
    DataMatrix weighted =
        DataMatrix.of(6, 1, new double[] {10, 20, 30, 40, 50, 60}, new double[] {1, 0, 2, 1, 0, 3});
    for (long seed = 0; seed < 10; seed++) {
      double[] centres = init.initialCentres(weighted, 4, new Random(seed));
      assertEquals(
          Set.of(List.of(10.0), List.of(30.0), List.of(40.0), List.of(60.0)),
          distinctCentres(centres, 1),
          "seed " + seed);
    }
  }

  @ParameterizedTest
  @MethodSource("ids")
  void repeatsTheOnlyWeightedValueWhenEveryRowSitsOnIt(String id) throws InterruptedException {
    Initializer init = initializer(id);
    DataMatrix twoEqualRows = DataMatrix.of(3, 1, new double[] {4, 4, 9}, new double[] {1, 1, 0});
    assertArrayEquals(new double[] {4, 4, 4}, init.initialCentres(twoEqualRows, 3, new Random(3)));
    DataMatrix oneRow = DataMatrix.of(3, 1, new double[] {4, 5, 9}, new double[] {0, 2, 0});
    assertArrayEquals(new double[] {5, 5, 5}, init.initialCentres(oneRow, 3, new Random(3)));
  }

  @ParameterizedTest
  @MethodSource("ids")
  void copesWithSquaredDistancesThatOverflow(String id) throws InterruptedException {
    Initializer init = initializer(id);
    DataMatrix spread = InitTestSupport.data(1, -1e200, 0, 1e200);
    DataMatrix repeated = InitTestSupport.data(1, -1e200, 0, 1e200, 1e200);
    for (long seed = 0; seed < 10; seed++) {
      assertCentresAreWeightedRows(spread, 2, init.initialCentres(spread, 2, new Random(seed)));
      assertCentresAreWeightedRows(repeated, 2, init.initialCentres(repeated, 2, new Random(seed)));
    }
  }

  /**
   * Each id and whether it draws its first centre in proportion to weight (true) or uniformly among
   * the rows of positive weight (false). k-means|| is left out: it draws the first centre from its
   * candidates, weighted by the rows nearest to each, which is in proportion to weight only when
   * every row has become a candidate.
   */
  static Stream<Arguments> firstCentreByWeight() {
    return Stream.of(
        Arguments.of("random", false),
        Arguments.of("kmeans++", true),
        Arguments.of("farthest-first", false),
        Arguments.of("afk-mc2", true));
  }

  @ParameterizedTest
  @MethodSource("firstCentreByWeight")
  void theFirstCentreIsDrawnByWeightOrUniformly(String id, boolean byWeight)
      throws InterruptedException {
    double[] weights = {1, 0, 3, 2};
    DataMatrix data = DataMatrix.of(4, 1, new double[] {0, 1, 2, 3}, weights.clone());
    int draws = 6000;
    int[] counts = new int[4];
    Random random = new Random(9);
    Initializer init = initializer(id);
    for (int i = 0; i < draws; i++) {
      counts[(int) init.initialCentres(data, 1, random)[0]]++;
    }
    assertEquals(0, counts[1], "the row of zero weight");
    for (int row : new int[] {0, 2, 3}) {
      // By weight 1000, 3000 and 2000; uniformly 2000 each. The standard deviation is below 40.
      double expected = byWeight ? draws * weights[row] / 6 : draws / 3.0;
      assertEquals(expected, counts[row], 200, "row " + row + " drawn " + counts[row] + " times");
    }
  }

  /**
   * The ids that sample by D², with how often in 200 seeds the light far row of {@link
   * #heavyAndLightOutliers} may be a centre: greedy k-means++ (and k-means||, which ends with it)
   * all but never takes it; AFK-MC² follows plain D² sampling, which takes it as the second centre
   * with probability about 0.95 * 400 / 5400 = 7% (after the heavy row: 400 against about 5000 for
   * the 50 rows near the origin), so about 14 of 200 (measured: 14).
   */
  static Stream<Arguments> lightRowLimitOfD2Samplers() {
    return Stream.of(
        Arguments.of("kmeans++", 5), Arguments.of("kmeans||", 5), Arguments.of("afk-mc2", 30));
  }

  @ParameterizedTest
  @MethodSource("lightRowLimitOfD2Samplers")
  void aFarRowOfHugeWeightIsPickedForEverySeed(String id, int lightLimit)
      throws InterruptedException {
    // Both far rows are equally far from the others: only the weight tells them apart.
    DataMatrix data = heavyAndLightOutliers();
    Initializer init = initializer(id);
    int heavy = 0;
    int light = 0;
    int seeds = 200;
    for (long seed = 0; seed < seeds; seed++) {
      double[] centres = init.initialCentres(data, 2, new Random(seed));
      for (int c = 0; c < 2; c++) {
        heavy += centres[2 * c] == 10 ? 1 : 0;
        light += centres[2 * c] == -10 ? 1 : 0;
      }
    }
    assertEquals(seeds, heavy, "the heavy far row is a centre for every seed");
    assertTrue(light <= lightLimit, "the light far row was picked " + light + " times");
  }

  /**
   * The ids that spread their centres by distance, with how many of 20 seeds must put one centre in
   * each of six well-separated groups. Farthest-first and greedy k-means++ always do; k-means|| and
   * AFK-MC² did for 20 of 20 seeds (k-means||: each round keeps l = 12 rows expected, so the
   * candidates cover every group after the first round; AFK-MC²: an uncovered group has q >= 1/12
   * from the uniform half alone, so a chain of 200 misses all of them with probability below
   * (11/12)^200, about 3e-8), and may miss one. Uniform random rows are not expected to.
   */
  static Stream<Arguments> coveringSeedsOfDistanceSamplers() {
    return Stream.of(
        Arguments.of("kmeans++", 20),
        Arguments.of("farthest-first", 20),
        Arguments.of("kmeans||", 19),
        Arguments.of("afk-mc2", 19));
  }

  @ParameterizedTest
  @MethodSource("coveringSeedsOfDistanceSamplers")
  void putsOneCentreInEachWellSeparatedGroup(String id, int minimumSeeds)
      throws InterruptedException {
    int groups = 6;
    DataMatrix data = SeparatedGroups.of(groups, 30, 5);
    Initializer init = initializer(id);
    int found = 0;
    for (long seed = 0; seed < 20; seed++) {
      double[] centres = init.initialCentres(data, groups, new Random(seed));
      assertCentresAreWeightedRows(data, groups, centres);
      found += SeparatedGroups.covered(centres, groups) == groups ? 1 : 0;
    }
    assertTrue(found >= minimumSeeds, found + " of 20 seeds found one centre per group");
  }

  /** 50 unit rows near the origin, a weight-1000 row at (10, 0) and a weight-1 row at (-10, 0). */
  private static DataMatrix heavyAndLightOutliers() {
    Random random = new Random(2);
    int rows = 52;
    double[] values = new double[rows * 2];
    double[] weights = new double[rows];
    for (int row = 0; row < 50; row++) {
      values[2 * row] = 0.3 * random.nextGaussian();
      values[2 * row + 1] = 0.3 * random.nextGaussian();
      weights[row] = 1;
    }
    values[100] = 10;
    weights[50] = 1000;
    values[102] = -10;
    weights[51] = 1;
    return DataMatrix.of(rows, 2, values, weights);
  }

  /** The distinct centres of row-major {@code centres}, each as a list of its values. */
  private static Set<List<Double>> distinctCentres(double[] centres, int columns) {
    Set<List<Double>> distinct = new HashSet<>();
    for (int c = 0; c < centres.length / columns; c++) {
      Double[] centre = new Double[columns];
      for (int j = 0; j < columns; j++) {
        centre[j] = centres[c * columns + j];
      }
      distinct.add(List.of(centre));
    }
    return distinct;
  }
}
