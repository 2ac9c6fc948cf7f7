package io.github.fastkmeans.parallel;

/**
 * Seeds of independent random streams derived from one seed, so that each chunk or stage of a run
 * draws its own numbers, whichever thread runs it and in whatever order.
 */
public final class StreamSeeds {

  private StreamSeeds() {}

  /**
   * The seed of stream {@code stream} under {@code seed}: distinct for distinct streams under one
   * seed, since both steps (adding an odd multiple of the stream number, then SplitMix64's
   * finaliser) are bijections of 64-bit values, and far apart for nearby seeds or streams.
   */
  public static long of(long seed, long stream) {
    long z = seed + 0x9E3779B97F4A7C15L * stream;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
