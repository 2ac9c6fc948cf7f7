package io.github.fastkmeans.engine;

/**
 * Thrown when Elkan's bounds, asked for explicitly, need more memory than the settings allow: a
 * front end can then name its own options for the budget and the algorithm.
 */
public final class BoundsBudgetException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The bytes the bounds need. */
  private final long neededBytes;

  /** The bytes the settings allow. */
  private final long budgetBytes;

  /** Creates the exception for bounds of {@code rows} rows and {@code k} clusters. */
  BoundsBudgetException(int rows, int k, long neededBytes, long budgetBytes) {
    super(
        "Elkan's bounds need "
            + neededBytes
            + " bytes for "
            + rows
            + " rows and "
            + k
            + " clusters, more than their budget of "
            + budgetBytes
            + " bytes; raise the budget or choose another algorithm.");
    this.neededBytes = neededBytes;
    this.budgetBytes = budgetBytes;
  }

  /** The bytes the bounds need. */
  public long neededBytes() {
    return neededBytes;
  }

  /** The bytes the settings allow. */
  public long budgetBytes() {
    return budgetBytes;
  }
}
