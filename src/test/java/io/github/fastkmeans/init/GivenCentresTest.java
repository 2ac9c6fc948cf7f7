package io.github.fastkmeans.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tests of {@link GivenCentres}: user centres returned as given, shapes checked. */
class GivenCentresTest {

  private static final DataMatrix DATA = InitTestSupport.data(2, 0, 0, 1, 1, 2, 2);

  @Test
  void returnsTheGivenCentres() {
    GivenCentres given = new GivenCentres(new double[] {0.5, 0.5, 9, -9, 3, 3});
    assertArrayEquals(
        new double[] {0.5, 0.5, 9, -9, 3, 3}, given.initialCentres(DATA, 3, new Random(1)), 0);
  }

  @Test
  void copiesOnTheWayInAndOut() {
    double[] centres = {1, 2, 3, 4};
    GivenCentres given = new GivenCentres(centres);
    centres[0] = 100;
    double[] first = given.initialCentres(DATA, 2, null);
    first[1] = 100;
    assertArrayEquals(new double[] {1, 2, 3, 4}, given.initialCentres(DATA, 2, null), 0);
  }

  @Test
  void rejectsAWrongNumberOfCentres() {
    GivenCentres given = new GivenCentres(new double[] {1, 2, 3, 4});
    assertThrows(IllegalArgumentException.class, () -> given.initialCentres(DATA, 3, new Random()));
    assertThrows(IllegalArgumentException.class, () -> given.initialCentres(DATA, 1, new Random()));
  }

  @Test
  void rejectsCentresWithAnotherColumnCountThanTheData() {
    GivenCentres given = new GivenCentres(new double[] {1, 2, 3, 4, 5, 6});
    assertThrows(IllegalArgumentException.class, () -> given.initialCentres(DATA, 2, new Random()));
  }

  @Test
  void rejectsValuesThatDoNotMakeWholeCentres() {
    GivenCentres given = new GivenCentres(new double[] {1, 2, 3});
    assertThrows(IllegalArgumentException.class, () -> given.initialCentres(DATA, 1, new Random()));
    assertThrows(IllegalArgumentException.class, () -> given.initialCentres(DATA, 2, new Random()));
    assertThrows(IllegalArgumentException.class, () -> new GivenCentres(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> new GivenCentres(null));
  }

  @Test
  void isTheKindGivenStartingFromTheOptionsCentres() throws InterruptedException {
    assertEquals("given", InitializerKind.GIVEN.id());
    Initializer given =
        InitializerKind.GIVEN.create(
            InitializerOptions.DEFAULTS.withGivenCentres(new double[] {1, 2, 3, 4}));
    assertArrayEquals(new double[] {1, 2, 3, 4}, given.initialCentres(DATA, 2, null), 0);
    assertThrows(IllegalArgumentException.class, () -> InitializerKind.GIVEN.create());
  }
}
