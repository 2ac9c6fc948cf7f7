package io.github.fastkmeans.weka;

import java.io.Serializable;
import java.util.HashMap;

/**
 * The values of FastKMeans' options ({@link OptionTable}), immutable: a build takes the values as
 * they are when it starts, and options changed during the build do not affect it.
 */
public final class FitOptions implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Every option's value by its flag; an option absent (saved before it existed, or left at a
   * default computed where it is used) has its default.
   */
  private final HashMap<String, Object> values;

  private FitOptions(HashMap<String, Object> values) {
    this.values = values;
  }

  /**
   * Every option at its default. A default computed where it is used (the number of processors) is
   * left unset, so that it is computed again on the machine that uses these options, saved models
   * among them.
   */
  public static FitOptions defaults() {
    HashMap<String, Object> values = new HashMap<>();
    for (OptionSpec<?> spec : OptionTable.ALL) {
      if (!spec.defaultIsComputed()) {
        values.put(spec.flag(), spec.defaultValue());
      }
    }
    return new FitOptions(values);
  }

  /**
   * Whether {@code option} holds a value: always for a fixed default, which {@link #defaults()}
   * holds; for a computed one only once a value was given.
   */
  public boolean isSet(OptionSpec<?> option) {
    return values.get(option.flag()) != null;
  }

  /** The value of {@code option}. */
  @SuppressWarnings("unchecked")
  public <T> T get(OptionSpec<T> option) {
    Object value = values.get(option.flag());
    return value == null ? option.defaultValue() : (T) value;
  }

  /**
   * A copy in which {@code option} has {@code value}.
   *
   * @throws IllegalArgumentException naming the option and the values it accepts
   */
  public <T> FitOptions with(OptionSpec<T> option, T value) {
    HashMap<String, Object> copy = new HashMap<>(values);
    copy.put(option.flag(), option.check(value));
    return new FitOptions(copy);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FitOptions && values.equals(((FitOptions) other).values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return String.join(" ", OptionTable.print(this));
  }
}
