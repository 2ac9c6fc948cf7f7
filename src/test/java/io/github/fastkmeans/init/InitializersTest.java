package io.github.fastkmeans.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link Initializers}: the ids and the initializer each names. What every initializer
 * must do is in {@link InitializerContractTest}.
 */
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
}
