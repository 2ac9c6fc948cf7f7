package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Tests of {@link KMeansSettings}: defaults, copies and validation. */
class KMeansSettingsTest {

  @Test
  void defaultsAreAsDocumented() {
    KMeansSettings d = KMeansSettings.DEFAULTS;
    assertEquals(500, d.maxIterations());
    assertEquals(0.0, d.tolerance());
    assertEquals(EmptyClusterPolicy.RELOCATE, d.emptyClusterPolicy());
    assertEquals(1, d.threads());
  }

  @Test
  void withMethodsChangeOneFieldAndLeaveTheOriginal() {
    KMeansSettings s =
        KMeansSettings.DEFAULTS
            .withMaxIterations(7)
            .withTolerance(0.25)
            .withEmptyClusterPolicy(EmptyClusterPolicy.FAIL)
            .withThreads(3);
    assertEquals(7, s.maxIterations());
    assertEquals(0.25, s.tolerance());
    assertEquals(EmptyClusterPolicy.FAIL, s.emptyClusterPolicy());
    assertEquals(3, s.threads());
    assertNotSame(KMeansSettings.DEFAULTS, s);
    assertEquals(500, KMeansSettings.DEFAULTS.maxIterations());
    assertEquals(1, KMeansSettings.DEFAULTS.threads());
    assertEquals(0.0, KMeansSettings.DEFAULTS.tolerance());
  }

  @Test
  void rejectsMaxIterationsBelowOne() {
    assertThrows(
        IllegalArgumentException.class, () -> KMeansSettings.DEFAULTS.withMaxIterations(0));
    assertThrows(
        IllegalArgumentException.class, () -> KMeansSettings.DEFAULTS.withMaxIterations(-5));
    assertEquals(1, KMeansSettings.DEFAULTS.withMaxIterations(1).maxIterations());
  }

  @Test
  void rejectsNegativeNanOrInfiniteTolerance() {
    assertThrows(
        IllegalArgumentException.class, () -> KMeansSettings.DEFAULTS.withTolerance(-1e-9));
    assertThrows(
        IllegalArgumentException.class, () -> KMeansSettings.DEFAULTS.withTolerance(Double.NaN));
    assertThrows(
        IllegalArgumentException.class,
        () -> KMeansSettings.DEFAULTS.withTolerance(Double.POSITIVE_INFINITY));
  }

  @Test
  void rejectsThreadsBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> KMeansSettings.DEFAULTS.withThreads(0));
    assertThrows(IllegalArgumentException.class, () -> KMeansSettings.DEFAULTS.withThreads(-1));
  }

  @Test
  void rejectsNullPolicy() {
    assertThrows(
        IllegalArgumentException.class, () -> KMeansSettings.DEFAULTS.withEmptyClusterPolicy(null));
  }
}
