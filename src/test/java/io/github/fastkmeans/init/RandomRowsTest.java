package io.github.fastkmeans.init;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link RandomRows} beyond the contract all initializers share ({@link
 * InitializerContractTest}): which rows count as the same.
 */
class RandomRowsTest {

  @Test
  void signedZerosAreTheSameRowForDistinctness() {
    DataMatrix data = InitTestSupport.data(1, 0.0, -0.0, 5.0);
    for (long seed = 0; seed < 30; seed++) {
      double[] centres = new RandomRows().initialCentres(data, 2, new Random(seed));
      assertNotEquals(centres[0], centres[1], 0.0, "seed " + seed);
    }
  }
}
