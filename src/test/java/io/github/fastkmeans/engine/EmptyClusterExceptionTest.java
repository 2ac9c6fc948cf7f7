package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tests of {@link EmptyClusterException}: its fields and message. */
class EmptyClusterExceptionTest {

  @Test
  void carriesClusterAndIteration() {
    EmptyClusterException e = new EmptyClusterException(3, 7);
    assertEquals(3, e.cluster());
    assertEquals(7, e.iteration());
  }

  @Test
  void messageNamesClusterIterationAndEmptiness() {
    String message = new EmptyClusterException(3, 7).getMessage();
    assertTrue(message.contains("Cluster 3"), message);
    assertTrue(message.contains("iteration 7"), message);
    assertTrue(message.contains("empty"), message);
  }
}
