package io.github.fastkmeans.engine;

import java.util.Locale;

/** What the M-step does with a centre that no point is assigned to. */
public enum EmptyClusterPolicy implements Choice {
  /** Move the empty centre to the point farthest from its own centre (then the next farthest). */
  RELOCATE("relocate", "relocate to the farthest instance"),
  /** Leave the empty centre where it was. */
  KEEP("keep", "keep the previous centre"),
  /** Stop the fit with an {@link EmptyClusterException}. */
  FAIL("fail", "fail with an error");

  private final ChoiceLabel label;

  EmptyClusterPolicy(String id, String displayName) {
    this.label = new ChoiceLabel(id, displayName);
  }

  @Override
  public ChoiceLabel label() {
    return label;
  }

  /**
   * The policy with the given id (case-insensitive).
   *
   * @throws IllegalArgumentException naming the valid ids when none matches
   */
  public static EmptyClusterPolicy fromId(String id) {
    return Choice.byId(values(), "empty-cluster policy", id);
  }

  @Override
  public String toString() {
    return id().toLowerCase(Locale.ROOT);
  }
}
