package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.IntRange;
import io.github.fastkmeans.engine.KMeansSettings;
import io.github.fastkmeans.engine.RealRange;

/**
 * Immutable tuning of the initializers that take parameters ({@link KMeansParallel}, {@link
 * AfkMc2}); every {@code with} method returns a validated copy. The other initializers ignore it.
 */
public final class InitializerOptions {

  /** The accepted oversampling factors of k-means||. */
  public static final RealRange OVERSAMPLING = RealRange.finiteAbove(0);

  /** The accepted numbers of rounds of k-means||. */
  public static final IntRange ROUNDS = IntRange.atLeast(1);

  /** The accepted Markov chain lengths of AFK-MC². */
  public static final IntRange CHAIN_LENGTH = IntRange.atLeast(1);

  /** Default oversampling factor of k-means||: {@code l = 2k} candidates expected per round. */
  public static final double DEFAULT_OVERSAMPLING = 2.0;

  /** Default number of sampling rounds of k-means||. */
  public static final int DEFAULT_ROUNDS = 5;

  /** Default Markov chain length of AFK-MC². */
  public static final int DEFAULT_CHAIN_LENGTH = 200;

  /** The defaults: oversampling 2, 5 rounds, chains of 200, one thread, no given centres. */
  public static final InitializerOptions DEFAULTS =
      new InitializerOptions(DEFAULT_OVERSAMPLING, DEFAULT_ROUNDS, DEFAULT_CHAIN_LENGTH, 1, null);

  private final double oversampling;
  private final int rounds;
  private final int chainLength;
  private final int threads;

  /** Row-major starting centres for {@link InitializerKind#GIVEN}, or null. */
  private final double[] givenCentres;

  private InitializerOptions(
      double oversampling, int rounds, int chainLength, int threads, double[] givenCentres) {
    this.oversampling = checkOversampling(oversampling);
    this.rounds = checkRounds(rounds);
    this.chainLength = checkChainLength(chainLength);
    this.threads = checkThreads(threads);
    this.givenCentres = givenCentres;
  }

  /** k-means||'s oversampling factor: each round samples about this times k candidates. */
  public double oversampling() {
    return oversampling;
  }

  /** k-means||'s number of sampling rounds. */
  public int rounds() {
    return rounds;
  }

  /** AFK-MC²'s Markov chain length per centre. */
  public int chainLength() {
    return chainLength;
  }

  /** The threads the passes over the data may use. */
  public int threads() {
    return threads;
  }

  /** The row-major centres the initializer 'given' starts from (a copy), or null when none. */
  public double[] givenCentres() {
    return givenCentres == null ? null : givenCentres.clone();
  }

  /** A copy holding {@code centres} (copied), row-major, for the initializer 'given'. */
  public InitializerOptions withGivenCentres(double[] centres) {
    return new InitializerOptions(
        oversampling, rounds, chainLength, threads, centres == null ? null : centres.clone());
  }

  /** A copy with another oversampling factor (finite, above 0). */
  public InitializerOptions withOversampling(double value) {
    return new InitializerOptions(value, rounds, chainLength, threads, givenCentres);
  }

  /** A copy with another number of rounds (at least 1). */
  public InitializerOptions withRounds(int value) {
    return new InitializerOptions(oversampling, value, chainLength, threads, givenCentres);
  }

  /** A copy with another chain length (at least 1). */
  public InitializerOptions withChainLength(int value) {
    return new InitializerOptions(oversampling, rounds, value, threads, givenCentres);
  }

  /** A copy with another number of threads (at least 1). */
  public InitializerOptions withThreads(int value) {
    return new InitializerOptions(oversampling, rounds, chainLength, value, givenCentres);
  }

  /** {@code value} if it is a valid oversampling factor. */
  static double checkOversampling(double value) {
    return OVERSAMPLING.check("The oversampling factor of kmeans-parallel", value);
  }

  /** {@code value} if it is a valid number of rounds. */
  static int checkRounds(int value) {
    return ROUNDS.check("The number of rounds of kmeans-parallel", value);
  }

  /** {@code value} if it is a valid chain length. */
  static int checkChainLength(int value) {
    return CHAIN_LENGTH.check("The chain length of afk-mc2", value);
  }

  /** {@code value} if it is a valid number of threads. */
  static int checkThreads(int value) {
    return KMeansSettings.THREADS.check("The number of threads", value);
  }
}
