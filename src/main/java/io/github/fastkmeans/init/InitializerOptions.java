package io.github.fastkmeans.init;

/**
 * Immutable tuning of the initializers that take parameters ({@link KMeansParallel}, {@link
 * AfkMc2}); every {@code with} method returns a validated copy. The other initializers ignore it.
 */
public final class InitializerOptions {

  /** Default oversampling factor of k-means||: {@code l = 2k} candidates expected per round. */
  public static final double DEFAULT_OVERSAMPLING = 2.0;

  /** Default number of sampling rounds of k-means||. */
  public static final int DEFAULT_ROUNDS = 5;

  /** Default Markov chain length of AFK-MC². */
  public static final int DEFAULT_CHAIN_LENGTH = 200;

  /** The defaults: oversampling 2, 5 rounds, chains of 200, one thread. */
  public static final InitializerOptions DEFAULTS =
      new InitializerOptions(DEFAULT_OVERSAMPLING, DEFAULT_ROUNDS, DEFAULT_CHAIN_LENGTH, 1);

  private final double oversampling;
  private final int rounds;
  private final int chainLength;
  private final int threads;

  private InitializerOptions(double oversampling, int rounds, int chainLength, int threads) {
    this.oversampling = checkOversampling(oversampling);
    this.rounds = checkRounds(rounds);
    this.chainLength = checkChainLength(chainLength);
    this.threads = checkThreads(threads);
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

  /** A copy with another oversampling factor (finite, above 0). */
  public InitializerOptions withOversampling(double value) {
    return new InitializerOptions(value, rounds, chainLength, threads);
  }

  /** A copy with another number of rounds (at least 1). */
  public InitializerOptions withRounds(int value) {
    return new InitializerOptions(oversampling, value, chainLength, threads);
  }

  /** A copy with another chain length (at least 1). */
  public InitializerOptions withChainLength(int value) {
    return new InitializerOptions(oversampling, rounds, value, threads);
  }

  /** A copy with another number of threads (at least 1). */
  public InitializerOptions withThreads(int value) {
    return new InitializerOptions(oversampling, rounds, chainLength, value);
  }

  /** {@code value} if it is a valid oversampling factor. */
  static double checkOversampling(double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "The oversampling factor of kmeans|| must be a finite number > 0, got " + value + ".");
    }
    return value;
  }

  /** {@code value} if it is a valid number of rounds. */
  static int checkRounds(int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "The number of rounds of kmeans|| must be at least 1, got " + value + ".");
    }
    return value;
  }

  /** {@code value} if it is a valid chain length. */
  static int checkChainLength(int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "The chain length of afk-mc2 must be at least 1, got " + value + ".");
    }
    return value;
  }

  /** {@code value} if it is a valid number of threads. */
  static int checkThreads(int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "The number of threads must be at least 1, got " + value + ".");
    }
    return value;
  }
}
