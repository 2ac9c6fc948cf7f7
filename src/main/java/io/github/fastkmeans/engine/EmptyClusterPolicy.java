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

  /**
   * Applies this policy, in cluster order, to every cluster of {@code totals} (k clusters) that the
   * pass of iteration {@code iteration} left without a member: each fit's rule, whether its rows
   * are in one process or spread over many.
   *
   * @throws EmptyClusterException under {@link #FAIL}, naming the first empty cluster
   */
  public void apply(ClusterSums totals, int k, int iteration, Relocation relocation) {
    boolean[] refilled = null;
    for (int c = 0; c < k; c++) {
      if (!totals.isEmpty(c)) {
        continue;
      }
      switch (this) {
        case FAIL:
          throw new EmptyClusterException(c, iteration);
        case KEEP:
          break;
        case RELOCATE:
          if (refilled == null) {
            refilled = new boolean[k];
          }
          relocation.relocate(c, refilled);
          break;
        default:
          throw new IllegalStateException("Unhandled policy " + this);
      }
    }
  }

  /** How a fit moves an empty centre onto a row, under {@link #RELOCATE}. */
  @FunctionalInterface
  public interface Relocation {
    /**
     * Moves empty centre {@code target} onto a row of a cluster not in {@code refilled} (IN/OUT:
     * the centres refilled in this update, where the target is marked once refilled).
     */
    void relocate(int target, boolean[] refilled);
  }

  @Override
  public String toString() {
    return id().toLowerCase(Locale.ROOT);
  }
}
