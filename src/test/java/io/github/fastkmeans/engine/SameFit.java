package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

/** The check that two fits are the same fit, bit for bit: what every algorithm owes Lloyd's. */
final class SameFit {

  private SameFit() {}

  /** Asserts the same iterations, labels, centres, error history and relocations. */
  static void assertSameFit(KMeansResult expected, KMeansResult actual, String what) {
    assertEquals(expected.iterations(), actual.iterations(), what);
    assertArrayEquals(expected.labels(), actual.labels(), what);
    assertTrue(Arrays.equals(expected.centres(), actual.centres()), what + ": centres");
    assertTrue(
        Arrays.equals(expected.squaredErrorHistory(), actual.squaredErrorHistory()),
        what + ": history");
    assertEquals(expected.relocations(), actual.relocations(), what);
  }
}
