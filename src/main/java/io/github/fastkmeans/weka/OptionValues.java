package io.github.fastkmeans.weka;

/** Parses option values on the command line into numbers, naming the option when one is wrong. */
public final class OptionValues {

  private OptionValues() {}

  /**
   * The integer {@code text} given for option {@code -option}.
   *
   * @throws InvalidOptionException if {@code text} is not an integer
   */
  public static int parseInt(String option, String text) throws InvalidOptionException {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new InvalidOptionException(
          "Option -" + option + " needs an integer, got '" + text + "'.", e);
    }
  }

  /**
   * The number {@code text} given for option {@code -option}.
   *
   * @throws InvalidOptionException if {@code text} is not a number
   */
  public static double parseDouble(String option, String text) throws InvalidOptionException {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new InvalidOptionException(
          "Option -" + option + " needs a number, got '" + text + "'.", e);
    }
  }
}
