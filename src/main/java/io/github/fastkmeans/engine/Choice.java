package io.github.fastkmeans.engine;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * One value of an enumerated setting: an id for command lines and saved options, and a readable
 * name for menus. Every registry of variants (algorithms, initializers, refinements, policies) is
 * an enum of choices, so that front ends list, parse and show them by one rule.
 */
public interface Choice {

  /** The id, readable name and former ids of this choice. */
  ChoiceLabel label();

  /** The id on the command line; never contains a '|', so that a list of ids stays readable. */
  default String id() {
    return label().id();
  }

  /** A short readable name for menus and the model output. */
  default String displayName() {
    return label().displayName();
  }

  /** Further ids accepted when reading, never written (former names). */
  default List<String> aliases() {
    return label().aliases();
  }

  /** Whether {@code text} names this choice: its id, an alias or its display name, in any case. */
  default boolean isNamedBy(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    if (id().toLowerCase(Locale.ROOT).equals(wanted)
        || displayName().toLowerCase(Locale.ROOT).equals(wanted)) {
      return true;
    }
    for (String alias : aliases()) {
      if (alias.toLowerCase(Locale.ROOT).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The choice of {@code values} named by {@code text} (see {@link #isNamedBy}).
   *
   * @throws IllegalArgumentException naming {@code what} and the valid ids when none matches
   */
  static <C extends Choice> C byId(C[] values, String what, String text) {
    for (C value : values) {
      if (value.isNamedBy(text)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "Unknown " + what + " '" + text + "'; use " + ids(values, ", ") + ".");
  }

  /** The ids of {@code values}, in order, joined by {@code separator}. */
  static String ids(Choice[] values, String separator) {
    StringJoiner ids = new StringJoiner(separator);
    for (Choice value : values) {
      ids.add(value.id());
    }
    return ids.toString();
  }
}
