package io.github.fastkmeans.engine;

import java.util.Locale;

/** What the M-step does with a centre that no point is assigned to. */
public enum EmptyClusterPolicy {
  /** Move the empty centre to the point farthest from its own centre (then the next farthest). */
  RELOCATE("relocate"),
  /** Leave the empty centre where it was. */
  KEEP("keep"),
  /** Stop the fit with an {@link EmptyClusterException}. */
  FAIL("fail");

  private final String id;

  EmptyClusterPolicy(String id) {
    this.id = id;
  }

  /** The string id used on the command line. */
  public String id() {
    return id;
  }

  /**
   * The policy with the given id (case-insensitive).
   *
   * @throws IllegalArgumentException naming the valid ids when none matches
   */
  public static EmptyClusterPolicy fromId(String id) {
    for (EmptyClusterPolicy policy : values()) {
      if (policy.id.equalsIgnoreCase(id.trim())) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "Unknown empty-cluster policy '" + id + "'; use relocate, keep or fail.");
  }

  @Override
  public String toString() {
    return id.toLowerCase(Locale.ROOT);
  }
}
