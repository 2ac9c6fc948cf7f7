package io.github.fastkmeans.engine;

/**
 * The integers a setting accepts, declared once where the setting is used: the engine checks values
 * against it and front ends quote it in their help and errors.
 */
public final class IntRange {

  private final int minimum;

  private IntRange(int minimum) {
    this.minimum = minimum;
  }

  /** Every integer from {@code minimum} up. */
  public static IntRange atLeast(int minimum) {
    return new IntRange(minimum);
  }

  /** Whether {@code value} is accepted. */
  public boolean contains(int value) {
    return value >= minimum;
  }

  /** The range in words, as in "at least 1". */
  public String describe() {
    return "at least " + minimum;
  }

  /**
   * {@code value}, if accepted.
   *
   * @throws IllegalArgumentException "{@code subject} must be at least ..., got ..." otherwise
   */
  public int check(String subject, int value) {
    if (!contains(value)) {
      throw new IllegalArgumentException(
          subject + " must be " + describe() + ", got " + value + ".");
    }
    return value;
  }
}
