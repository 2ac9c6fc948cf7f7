package io.github.fastkmeans.weka;

/**
 * How the value of one option is read from a command line, written back, and checked: the one place
 * where an option's accepted values are stated.
 *
 * @param <T> the type of the value
 */
interface ValueType<T> {

  /**
   * The value {@code text} stands for, given for option {@code -flag}.
   *
   * @throws InvalidOptionException naming the option and the values it accepts
   */
  T parse(String flag, String text) throws InvalidOptionException;

  /** {@code value} as written on a command line. */
  String print(T value);

  /**
   * {@code value}, if option {@code -flag} accepts it.
   *
   * @throws IllegalArgumentException naming the option and the values it accepts
   */
  T check(String flag, T value);

  /** The placeholder of the argument in the option's synopsis, as in {@code <k>}. */
  String placeholder();
}
