package io.github.fastkmeans.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link AfkMc2} beyond the contract every initializer keeps ({@link
 * InitializerContractTest}): the Metropolis-Hastings steps of its chains, the chain length, and the
 * D² distribution the chains follow.
 */
class AfkMc2Test {

  // Rows 0, 1, 10, 11 (unit weights) with c1 = 0: d² = 0, 1, 100, 121, sum 222, W = 4, so
  // q = d² / 444 + 1/8 = 0.125, 0.12725.., 0.35023.., 0.39752..; running totals 0.125, 0.25225..,
  // 0.60248.., 1.
  private static final DataMatrix FOUR = InitTestSupport.data(1, 0, 1, 10, 11);

  @Test
  void movesToABetterProposalAlways() throws InterruptedException {
    // First centre: 0.1 * 4 = 0.4 -> row 0. Chain of 2: state 0.2 -> row 1 (target 1), proposal
    // 0.9 -> row 3 (target 121). 121 * q(1) = 15.4 > u * 1 * q(3) for any u < 1: moves.
    ScriptedRandom random = new ScriptedRandom().withDoubles(0.1, 0.2, 0.9, 0.999);
    assertArrayEquals(new double[] {0, 11}, new AfkMc2(2, 1).initialCentres(FOUR, 2, random), 0);
    assertTrue(random.exhausted(), "one draw for c1, one for the state, two per further step");
  }

  @Test
  void movesToAWorseProposalWithTheMetropolisHastingsProbability() throws InterruptedException {
    // State row 3 (target 121), proposal row 1 (target 1): accepted iff
    // 1 * q(3) > u * 121 * q(1), that is u < 0.39752 / 15.3977 = 0.025817..
    ScriptedRandom stays = new ScriptedRandom().withDoubles(0.1, 0.9, 0.2, 0.0259);
    assertArrayEquals(new double[] {0, 11}, new AfkMc2(2, 1).initialCentres(FOUR, 2, stays), 0);
    ScriptedRandom moves = new ScriptedRandom().withDoubles(0.1, 0.9, 0.2, 0.0258);
    assertArrayEquals(new double[] {0, 1}, new AfkMc2(2, 1).initialCentres(FOUR, 2, moves), 0);
  }

  @Test
  void aChainOfOneIsOneDrawFromTheProposal() throws InterruptedException {
    ScriptedRandom random = new ScriptedRandom().withDoubles(0.1, 0.5);
    // 0.5 falls between 0.25225 and 0.60248: row 2.
    assertArrayEquals(new double[] {0, 10}, new AfkMc2(1, 1).initialCentres(FOUR, 2, random), 0);
    assertTrue(random.exhausted());
  }

  @Test
  void leavesAStateOnACentreForAnyProposalOffThem() throws InterruptedException {
    // State row 0 (on c1, target 0), proposal row 1 (target 1): always taken, u = 0.999.
    ScriptedRandom random = new ScriptedRandom().withDoubles(0.1, 0.0, 0.2, 0.999);
    assertArrayEquals(new double[] {0, 1}, new AfkMc2(2, 1).initialCentres(FOUR, 2, random), 0);
  }

  @Test
  void shortChainsFollowD2SamplingLessClosely() throws InterruptedException {
    int groups = 6;
    DataMatrix data = SeparatedGroups.of(groups, 30, 5);
    int found = 0;
    for (long seed = 0; seed < 20; seed++) {
      double[] centres = new AfkMc2(2, 1).initialCentres(data, groups, new Random(seed));
      found += SeparatedGroups.covered(centres, groups) == groups ? 1 : 0;
    }
    // Measured: 0 of 20 with chains of 2 (98 of 1000 seeds), against 20 of 20 (1000 of 1000) with
    // the default 200; the chain length matters.
    assertTrue(found <= 5, found + " of 20 seeds found one centre per group with chains of 2");
  }

  @Test
  void theSecondCentreFollowsWeightedD2Sampling() throws InterruptedException {
    // Exact: first centre by weight, second with probability w d^2 / sum(w d^2) given the first.
    double[] x = {0, 1, 10, 11};
    double[] w = {1, 2, 1, 3};
    DataMatrix data = DataMatrix.of(4, 1, x.clone(), w.clone());
    double[] expected = new double[4];
    for (int first = 0; first < 4; first++) {
      double potential = 0;
      for (int row = 0; row < 4; row++) {
        potential += w[row] * (x[row] - x[first]) * (x[row] - x[first]);
      }
      for (int row = 0; row < 4; row++) {
        double d2 = (x[row] - x[first]) * (x[row] - x[first]);
        expected[row] += w[first] / 7 * w[row] * d2 / potential;
      }
    }
    int runs = 4000;
    double[] observed = new double[4];
    Random random = new Random(12);
    for (int i = 0; i < runs; i++) {
      double second = new AfkMc2().initialCentres(data, 2, random)[1];
      observed[second == 0 ? 0 : second == 1 ? 1 : second == 10 ? 2 : 3] += 1.0 / runs;
    }
    // Standard deviation of each share below 0.008.
    assertArrayEquals(expected, observed, 0.03);
  }

  @Test
  void invalidOptionsAreRefusedByName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new AfkMc2(0, 1));
    assertTrue(e.getMessage().contains("chain length"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new AfkMc2().initialCentres(FOUR, 0, new Random(1)));
  }

  @Test
  void theCentresAreTheSameOnAnyNumberOfThreads() throws InterruptedException {
    // 20,000 rows in 5 columns: 40 chunks, enough for every thread count below to be used.
    Random rows = new Random(5);
    double[] values = new double[20_000 * 5];
    for (int i = 0; i < values.length; i++) {
      values[i] = rows.nextGaussian() + 10 * (i / 5 % 7);
    }
    DataMatrix data = DataMatrix.of(20_000, 5, values);
    double[] one = new AfkMc2(50, 1).initialCentres(data, 30, new Random(9));
    for (int threads : new int[] {2, 3, 8}) {
      assertArrayEquals(
          one,
          new AfkMc2(50, threads).initialCentres(data, 30, new Random(9)),
          0,
          threads + " threads");
    }
    assertThrows(IllegalArgumentException.class, () -> new AfkMc2(50, 0));
  }
}
