package io.github.fastkmeans.engine;

/**
 * The finite numbers a setting accepts, above or from a bound; declared once where the setting is
 * used, so that the engine's checks and the front ends' help and errors say the same.
 */
public final class RealRange {

  private final double bound;
  private final boolean inclusive;

  private RealRange(double bound, boolean inclusive) {
    this.bound = bound;
    this.inclusive = inclusive;
  }

  /** Finite numbers greater than {@code bound}. */
  public static RealRange finiteAbove(double bound) {
    return new RealRange(bound, false);
  }

  /** Finite numbers greater than or equal to {@code bound}. */
  public static RealRange finiteAtLeast(double bound) {
    return new RealRange(bound, true);
  }

  /** Whether {@code value} is accepted; NaN and infinities never are. */
  public boolean contains(double value) {
    return Double.isFinite(value) && (inclusive ? value >= bound : value > bound);
  }

  /** The range in words, as in "a finite number >= 0". */
  public String describe() {
    return "a finite number " + (inclusive ? ">= " : "> ") + format(bound);
  }

  /**
   * {@code value}, if accepted.
   *
   * @throws IllegalArgumentException "{@code subject} must be a finite number ..., got ..."
   *     otherwise
   */
  public double check(String subject, double value) {
    if (!contains(value)) {
      throw new IllegalArgumentException(
          subject + " must be " + describe() + ", got " + value + ".");
    }
    return value;
  }

  /** A bound as written by hand: 0 rather than 0.0. */
  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
