package io.github.fastkmeans.weka;

import weka.core.Attribute;
import weka.core.WekaException;

/**
 * The check every nominal value read from an instance passes, and the errors that refuse values.
 */
final class AttributeValues {

  private AttributeValues() {}

  /** Whether {@code value} is the index of one of the values of nominal {@code attribute}. */
  static boolean isValueIndex(Attribute attribute, double value) {
    return value >= 0 && value < attribute.numValues() && value == Math.rint(value);
  }

  /** The error for a nominal {@code value} that is not the index of one of the attribute's. */
  static WekaException notAValueIndex(Attribute attribute, int row, double value) {
    return refusal(
        attribute,
        row,
        value,
        ", which is not the index of one of its " + attribute.numValues() + " values.");
  }

  /**
   * The error for {@code value} of {@code attribute}: "Attribute 'name' of instance n holds value"
   * followed by {@code problem}; {@code row} is the instance's index (from 0) in its data set, or
   * -1 to leave the instance unnamed.
   */
  static WekaException refusal(Attribute attribute, int row, double value, String problem) {
    return new WekaException(
        "Attribute '"
            + attribute.name()
            + "'"
            + (row < 0 ? "" : " of instance " + (row + 1))
            + " holds "
            + value
            + problem);
  }
}
