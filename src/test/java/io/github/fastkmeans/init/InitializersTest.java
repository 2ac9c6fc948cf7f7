package io.github.fastkmeans.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link InitializerKind}: the ids and the initializer each names. What every initializer
 * must do is in {@link InitializerContractTest}.
 */
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
  void eachKindMakesItsInitializer() {
    assertInstanceOf(RandomRows.class, InitializerKind.RANDOM.create());
    assertInstanceOf(KMeansPlusPlus.class, InitializerKind.KMEANS_PLUS_PLUS.create());
    assertInstanceOf(FarthestFirst.class, InitializerKind.FARTHEST_FIRST.create());
    assertInstanceOf(KMeansParallel.class, InitializerKind.KMEANS_PARALLEL.create());
    assertInstanceOf(AfkMc2.class, InitializerKind.AFK_MC2.create());
    assertTrue(InitializerKind.GIVEN.startsGiven());
    assertFalse(InitializerKind.KMEANS_PLUS_PLUS.startsGiven());
  }

  @Test
  void eachKindIsTunedByTheOptions() {
    InitializerOptions options = InitializerOptions.DEFAULTS.withThreads(2).withChainLength(3);
    assertInstanceOf(KMeansParallel.class, InitializerKind.KMEANS_PARALLEL.create(options));
    assertInstanceOf(AfkMc2.class, InitializerKind.AFK_MC2.create(options));
    assertInstanceOf(RandomRows.class, InitializerKind.RANDOM.create(options));
  }

  @Test
  void anUnknownIdIsRefusedNamingTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InitializerKind.fromId("nope"));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
    for (InitializerKind kind : InitializerKind.values()) {
      assertTrue(e.getMessage().contains(kind.id()), e.getMessage());
    }
  }
}
