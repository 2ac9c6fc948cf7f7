package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import weka.core.Option;
import weka.core.SelectedTag;
import weka.core.Tag;

/**
 * One option of FastKMeans, declared once: its flag, its value type, its default and its
 * description. The command-line help, parsing and printing, the GUI's tip text and the defaults
 * shown are all derived from it.
 *
 * @param <T> the type of the value
 */
public final class OptionSpec<T> {

  /** Help lines are wrapped at this many characters (after Weka's tab). */
  private static final int HELP_WIDTH = 72;

  private final String flag;
  private final ValueType<T> type;
  private final Supplier<T> defaultValue;
  private final String defaultText;
  private final boolean omittedAtDefault;
  private final String description;

  private OptionSpec(
      String flag,
      ValueType<T> type,
      Supplier<T> defaultValue,
      String defaultText,
      boolean omittedAtDefault,
      String description) {
    this.flag = flag;
    this.type = type;
    this.defaultValue = defaultValue;
    this.defaultText = defaultText;
    this.omittedAtDefault = omittedAtDefault;
    this.description = description;
  }

  /** An option {@code -flag} of {@code type} whose default is {@code defaultValue}. */
  static <T> OptionSpec<T> of(String flag, ValueType<T> type, T defaultValue, String description) {
    type.check(flag, defaultValue);
    return new OptionSpec<>(flag, type, () -> defaultValue, null, false, description);
  }

  /**
   * A copy whose default is computed when asked for (as the number of processors) and stated in the
   * help as {@code text}.
   */
  OptionSpec<T> withComputedDefault(Supplier<T> value, String text) {
    return new OptionSpec<>(flag, type, value, text, omittedAtDefault, description);
  }

  /**
   * A copy that is left out of a command line while it has its default, so that the command line
   * keeps meaning "the default" on another machine (or, for a file, "none").
   */
  OptionSpec<T> omittedAtDefault() {
    return new OptionSpec<>(flag, type, defaultValue, defaultText, true, description);
  }

  /** The flag without its dash, as {@code N} or {@code init}. */
  public String flag() {
    return flag;
  }

  /** The one description of the option: the GUI's tip text and the command-line help. */
  public String description() {
    return description;
  }

  /** The default value (computed now where it depends on the machine). */
  public T defaultValue() {
    return defaultValue.get();
  }

  /**
   * Whether the default is computed where the option is used (as the number of processors), so that
   * an option left at it means "the default" on any machine: the options given one by {@link
   * #withComputedDefault}, the only ones with a default text of their own.
   */
  public boolean defaultIsComputed() {
    return defaultText != null;
  }

  /** Whether the option is a switch, present or absent, rather than one with an argument. */
  public boolean isSwitch() {
    return type.placeholder().isEmpty();
  }

  /** The default as the help states it, as {@code 2} or {@code kmeans++}. */
  public String defaultText() {
    if (defaultText != null) {
      return defaultText;
    }
    T value = defaultValue();
    if (value instanceof Double && (Double) value == Math.rint((Double) value)) {
      // A whole number as written by hand: 2, not 2.0.
      return Long.toString(((Double) value).longValue());
    }
    String text = type.print(value);
    return text.isEmpty() ? "none" : text;
  }

  /**
   * The value {@code text} stands for.
   *
   * @throws InvalidOptionException naming the flag and the values it accepts
   */
  public T parse(String text) throws InvalidOptionException {
    return type.parse(flag, text);
  }

  /**
   * {@code value}, if the option accepts it.
   *
   * @throws IllegalArgumentException naming the flag and the values it accepts
   */
  public T check(T value) {
    return type.check(flag, value);
  }

  /** {@code value} as written on a command line; for a switch, its presence. */
  public String print(T value) {
    return type.print(value);
  }

  /**
   * The option's words on a command line for {@code value}: none, the flag, or flag and value.
   * {@code set} says whether the value was set rather than left at a computed default: a set value
   * is written even where it equals this machine's default.
   */
  List<String> commandLine(T value, boolean set) {
    List<String> words = new ArrayList<>(2);
    boolean atDefault = defaultIsComputed() ? !set : value.equals(defaultValue());
    if (isSwitch()) {
      if (Boolean.TRUE.equals(value)) {
        words.add("-" + flag);
      }
    } else if (!(omittedAtDefault && atDefault)) {
      words.add("-" + flag);
      words.add(type.print(value));
    }
    return words;
  }

  /** The option as Weka lists it in the help: description wrapped, then the default. */
  Option toWekaOption() {
    StringBuilder text = new StringBuilder();
    for (String line : wrap(description)) {
      text.append('\t').append(line).append('\n');
    }
    if (isSwitch()) {
      text.setLength(text.length() - 1);
    } else {
      text.append("\t(default ").append(defaultText()).append(").");
    }
    String synopsis = isSwitch() ? "-" + flag : "-" + flag + " " + type.placeholder();
    return new Option(text.toString(), flag, isSwitch() ? 0 : 1, synopsis);
  }

  /** The GUI's selection of {@code value} among the option's choices. */
  public SelectedTag tag(T value) {
    Choice[] values = choiceType().values();
    Tag[] tags = new Tag[values.length];
    int selected = -1;
    for (int i = 0; i < values.length; i++) {
      // Ids keep their case; Weka upper-cases them unless told not to.
      tags[i] = new Tag(i, values[i].id(), values[i].displayName(), false);
      if (values[i] == value) {
        selected = i;
      }
    }
    return new SelectedTag(selected, tags);
  }

  /**
   * The choice the GUI selected in {@code selection}. Tags are matched by id, not by identity: a
   * copy made by serialisation holds copies of the tags.
   *
   * @throws IllegalArgumentException if nothing is selected or the selected id is not one of the
   *     option's choices
   */
  @SuppressWarnings("unchecked")
  public T fromTag(SelectedTag selection) {
    if (selection == null || selection.getSelectedTag() == null) {
      throw new IllegalArgumentException(
          "Option -" + flag + " needs one of its values (" + type.placeholder() + "); none given.");
    }
    String id = selection.getSelectedTag().getIDStr();
    for (Choice value : choiceType().values()) {
      if (value.id().equals(id)) {
        return (T) value;
      }
    }
    throw new IllegalArgumentException(
        "Option -" + flag + " has no value '" + id + "'; valid values: " + type.placeholder());
  }

  private ValueTypes.ChoiceType<?> choiceType() {
    if (!(type instanceof ValueTypes.ChoiceType)) {
      throw new IllegalStateException("Option -" + flag + " is not a choice.");
    }
    return (ValueTypes.ChoiceType<?>) type;
  }

  /** {@code text} in lines of at most {@link #HELP_WIDTH} characters, broken at spaces. */
  static List<String> wrap(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > HELP_WIDTH) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
