package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tests of {@link EmptyClusterPolicy}: ids and parsing. */
class EmptyClusterPolicyTest {

  @Test
  void idsAreTheDocumentedStrings() {
    assertEquals("relocate", EmptyClusterPolicy.RELOCATE.id());
    assertEquals("keep", EmptyClusterPolicy.KEEP.id());
    assertEquals("fail", EmptyClusterPolicy.FAIL.id());
    assertEquals("keep", EmptyClusterPolicy.KEEP.toString());
  }

  @Test
  void fromIdRoundTripsEveryPolicy() {
    for (EmptyClusterPolicy policy : EmptyClusterPolicy.values()) {
      assertEquals(policy, EmptyClusterPolicy.fromId(policy.id()));
    }
  }

  @Test
  void fromIdIgnoresCaseAndSurroundingSpace() {
    assertEquals(EmptyClusterPolicy.RELOCATE, EmptyClusterPolicy.fromId(" ReLoCaTe "));
    assertEquals(EmptyClusterPolicy.FAIL, EmptyClusterPolicy.fromId("FAIL"));
  }

  @Test
  void fromIdRejectsUnknownIdNamingValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EmptyClusterPolicy.fromId("drop"));
    assertTrue(e.getMessage().contains("drop"), e.getMessage());
    for (EmptyClusterPolicy policy : EmptyClusterPolicy.values()) {
      assertTrue(e.getMessage().contains(policy.id()), e.getMessage());
    }
  }
}
