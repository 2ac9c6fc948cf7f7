package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
      assertEquals(SquaredEuclidean.distance(origin, 0, second, c * columns, columns), scratch.distances[c], 0);
    }
  }
}
