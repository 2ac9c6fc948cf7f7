package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.Choice;
import io.github.fastkmeans.engine.IntRange;
import io.github.fastkmeans.engine.RealRange;
import java.io.File;

/** The kinds of option value: integers and numbers in a range, choices, files and switches. */
final class ValueTypes {

  private ValueTypes() {}

  /** Integers in {@code range}, shown as {@code <placeholder>}. */
  static ValueType<Integer> integer(String placeholder, IntRange range) {
    return new ValueType<>() {
      @Override
      public Integer parse(String flag, String text) throws InvalidOptionException {
        int value;
        try {
          value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
          if (text.trim().matches("[-+]?\\d+")) {
            boolean negative = text.trim().startsWith("-");
            throw new InvalidOptionException(
                "Option -"
                    + flag
                    + " got "
                    + text.trim()
                    + (negative
                        ? ", below the smallest integer ("
                        : ", above the largest integer (")
                    + (negative ? Integer.MIN_VALUE : Integer.MAX_VALUE)
                    + ").",
                e);
          }
          throw new InvalidOptionException(
              "Option -" + flag + " needs an integer, got '" + text + "'.", e);
        }
        try {
          return check(flag, value);
        } catch (IllegalArgumentException e) {
          throw new InvalidOptionException(e.getMessage(), e);
        }
      }

      @Override
      public String print(Integer value) {
        return Integer.toString(value);
      }

      @Override
      public Integer check(String flag, Integer value) {
        return range.check("Option -" + flag, value);
      }

      @Override
      public String placeholder() {
        return "<" + placeholder + ">";
      }
    };
  }

  /** Numbers in {@code range}, shown as {@code <placeholder>}. */
  static ValueType<Double> real(String placeholder, RealRange range) {
    return new ValueType<>() {
      @Override
      public Double parse(String flag, String text) throws InvalidOptionException {
        double value;
        try {
          value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
          throw new InvalidOptionException(refusal(flag, "'" + text + "'"), e);
        }
        if (!range.contains(value)) {
          throw new InvalidOptionException(refusal(flag, Double.toString(value)));
        }
        return value;
      }

      @Override
      public String print(Double value) {
        return Double.toString(value);
      }

      @Override
      public Double check(String flag, Double value) {
        if (!range.contains(value)) {
          throw new IllegalArgumentException(refusal(flag, Double.toString(value)));
        }
        return value;
      }

      private String refusal(String flag, String given) {
        return "Option -" + flag + " needs " + range.describe() + ", got " + given + ".";
      }

      @Override
      public String placeholder() {
        return "<" + placeholder + ">";
      }
    };
  }

  /** One of {@code values}, by id (or alias, or display name), shown as {@code <a|b|c>}. */
  static <C extends Choice> ValueType<C> choice(C[] values) {
    return new ChoiceType<>(values);
  }

  /** A file; the empty path stands for none. */
  static ValueType<File> file() {
    return new ValueType<>() {
      @Override
      public File parse(String flag, String text) {
        return new File(text);
      }

      @Override
      public String print(File value) {
        return value.getPath();
      }

      @Override
      public File check(String flag, File value) {
        if (value == null) {
          throw new IllegalArgumentException("Option -" + flag + " needs a file, got none.");
        }
        return value;
      }

      @Override
      public String placeholder() {
        return "<file>";
      }
    };
  }

  /** A switch: present or not; it takes no argument. */
  static ValueType<Boolean> onOff() {
    return new ValueType<>() {
      @Override
      public Boolean parse(String flag, String text) {
        return Boolean.valueOf(text.trim());
      }

      @Override
      public String print(Boolean value) {
        return value.toString();
      }

      @Override
      public Boolean check(String flag, Boolean value) {
        if (value == null) {
          throw new IllegalArgumentException("Option -" + flag + " needs true or false, got none.");
        }
        return value;
      }

      @Override
      public String placeholder() {
        return "";
      }
    };
  }

  /** One of an enumeration of choices. */
  static final class ChoiceType<C extends Choice> implements ValueType<C> {
    private final C[] values;

    private ChoiceType(C[] values) {
      this.values = values.clone();
    }

    /** The choices, in menu order. */
    C[] values() {
      return values.clone();
    }

    @Override
    public C parse(String flag, String text) throws InvalidOptionException {
      for (C value : values) {
        if (value.isNamedBy(text)) {
          return value;
        }
      }
      throw new InvalidOptionException(
          "Option -"
              + flag
              + " does not accept '"
              + text
              + "'; valid values: "
              + Choice.ids(values, "|")
              + ".");
    }

    @Override
    public String print(C value) {
      return value.id();
    }

    @Override
    public C check(String flag, C value) {
      for (C known : values) {
        if (known == value) {
          return value;
        }
      }
      throw new IllegalArgumentException(
          "Option -" + flag + " needs one of " + Choice.ids(values, "|") + ", got " + value + ".");
    }

    @Override
    public String placeholder() {
      return "<" + Choice.ids(values, "|") + ">";
    }
  }
}
