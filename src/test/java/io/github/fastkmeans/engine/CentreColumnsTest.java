package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests of {@link CentreColumns}: every distance has the bits of {@link SquaredEuclidean}. */
class CentreColumnsTest {

  @ParameterizedTest(name = "{0} columns, {1} centres")
  @CsvSource({"1, 1", "2, 10", "3, 7", "4, 4", "5, 33", "8, 32", "16, 64", "37, 50", "128, 100"})
  void everyDistanceHasTheBitsOfTheOneAtATimeDistance(int columns, int k) {
    Random random = new Random(31L * columns + k);
    int rows = 200;
    double[] values = new double[rows * columns];
    for (int i = 0; i < values.length; i++) {
      // Magnitudes over many orders, so that a different order of additions shows in the bits.
      values[i] = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3);
    }
    double[] centres = new double[k * columns];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3);
    }
    CentreColumns table = new CentreColumns(k, columns);
    table.update(centres);
    CentreColumns.Scratch scratch = table.newScratch();
    for (int row = 0; row < rows; row++) {
      table.squaredDistances(values, row * columns, scratch);
      for (int c = 0; c < k; c++) {
        double expected =
            SquaredEuclidean.distance(values, row * columns, centres, c * columns, columns);
        assertEquals(
            Double.doubleToLongBits(expected),
            Double.doubleToLongBits(scratch.distances[c]),
            "row " + row + ", centre " + c);
      }
    }
  }

  @ParameterizedTest(name = "{0} columns")
  @CsvSource({"2", "9"})
  void anUpdateReplacesEveryCentre(int columns) {
    double[] first = new double[3 * columns];
    double[] second = new double[3 * columns];
    for (int i = 0; i < second.length; i++) {
      second[i] = i;
    }
    CentreColumns table = new CentreColumns(3, columns);
    table.update(first);
    table.update(second);
    CentreColumns.Scratch scratch = table.newScratch();
    double[] origin = new double[columns];
    table.squaredDistances(origin, 0, scratch);
    for (int c = 0; c < 3; c++) {
      assertEquals(
          SquaredEuclidean.distance(origin, 0, second, c * columns, columns),
          scratch.distances[c],
          0);
    }
  }

  @ParameterizedTest(name = "{0} columns, {1} centres, offset {2}")
  @CsvSource({
    "2, 10, 0",
    "3, 7, 1e6",
    "4, 4, 0",
    "8, 32, 0",
    "16, 64, 1e3",
    "16, 64, 1e8",
    "37, 50, 0",
    "128, 100, 0",
    "128, 100, 1e5"
  })
  void theNearestCentreIsTheExactOneAndTheOtherDistancesAreLowerBounds(
      int columns, int k, double offset) {
    Random random = new Random(7L * columns + k);
    int rows = 300;
    // Centres on an integer grid far from the origin and rows between them: many exact ties, and
    // dot products whose rounding error dwarfs the differences between distances.
    double[] centres = new double[k * columns];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = offset + random.nextInt(4);
    }
    double[] values = new double[rows * columns];
    for (int i = 0; i < values.length; i++) {
      values[i] =
          random.nextBoolean()
              ? offset + random.nextInt(4) + 0.5 * random.nextInt(2)
              : offset + 3 * random.nextDouble();
    }
    CentreColumns table = new CentreColumns(k, columns);
    table.update(centres);
    CentreColumns.Scratch scratch = table.newScratch();
    for (int row = 0; row < rows; row++) {
      int offsetOfRow = row * columns;
      double norm = CentreColumns.squaredNorm(values, offsetOfRow, columns);
      int nearest = table.nearest(values, offsetOfRow, norm, scratch);
      int expected = SquaredEuclidean.nearest(values, offsetOfRow, centres, k, columns);
      assertEquals(expected, nearest, "row " + row);
      for (int c = 0; c < k; c++) {
        double exact =
            SquaredEuclidean.distance(values, offsetOfRow, centres, c * columns, columns);
        if (c == nearest) {
          assertEquals(exact, scratch.distances[c], 0, "row " + row);
        } else {
          assertTrue(scratch.distances[c] <= exact, "row " + row + ", centre " + c);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} columns")
  @CsvSource({"4", "16"})
  void valuesTooLargeForDotProductsAreComparedExactly(int columns) {
    double[] centres = new double[2 * columns];
    // Squared norms overflow; the differences, and so the exact distances, do not.
    java.util.Arrays.fill(centres, 0, columns, 1e160);
    java.util.Arrays.fill(centres, columns, 2 * columns, 1e160 + 2e150);
    double[] row = new double[columns];
    java.util.Arrays.fill(row, 1e160 + 1.5e150);
    CentreColumns table = new CentreColumns(2, columns);
    table.update(centres);
    CentreColumns.Scratch scratch = table.newScratch();
    assertEquals(1, table.nearest(row, 0, CentreColumns.squaredNorm(row, 0, columns), scratch));
  }

  /** The least of the values but one, wherever the one lies, as a scan that skips it finds it. */
  @ParameterizedTest(name = "{0} values")
  @CsvSource({"1", "2", "7", "1000"})
  void leastExceptSkipsOnlyTheExceptedValue(int k) {
    Random random = new Random(k);
    double[] values = new double[k];
    for (int c = 0; c < k; c++) {
      values[c] = random.nextInt(5) == 0 ? 0.5 : random.nextDouble();
    }
    // The smallest value once, at a place that moves with the excepted one.
    for (int except = 0; except < k; except++) {
      double[] shifted = values.clone();
      shifted[except] = -1;
      double expected = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != except) {
          expected = Math.min(expected, shifted[c]);
        }
      }
      assertEquals(expected, CentreColumns.leastExcept(shifted, k, except), 0, "except " + except);
    }
  }
}
