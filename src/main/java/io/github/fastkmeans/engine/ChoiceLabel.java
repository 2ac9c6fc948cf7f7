package io.github.fastkmeans.engine;

import java.util.List;

/** What names a {@link Choice}: its id, its readable name and the former ids still accepted. */
public final class ChoiceLabel {

  private final String id;
  private final String displayName;
  private final List<String> aliases;

  /** A label with {@code id}, {@code displayName} and any {@code aliases}. */
  public ChoiceLabel(String id, String displayName, String... aliases) {
    if (id.contains("|")) {
      throw new IllegalArgumentException("An id must not contain '|': " + id);
    }
    this.id = id;
    this.displayName = displayName;
    this.aliases = List.of(aliases);
  }

  /** The id on the command line. */
  public String id() {
    return id;
  }

  /** The readable name. */
  public String displayName() {
    return displayName;
  }

  /** The former ids, accepted when reading. */
  public List<String> aliases() {
    return aliases;
  }
}
