package io.github.fastkmeans.parallel;

/**
 * Sums per-row contributions into one fixed-length array over {@link RowChunks}, in parallel: each
 * chunk adds its rows in row order into its own partial array, and partial arrays are added to the
 * total in chunk order, so the result has the same bits for any number of threads.
 */
public final class ChunkedSums {

  /** What a range of rows contributes. */
  @FunctionalInterface
  public interface RowRange {
    /** Adds the contributions of rows {@code [start, end)} to {@code partial} (IN/OUT, zeroed). */
    void addTo(int start, int end, double[] partial);
  }

  private ChunkedSums() {}

  /**
   * The sum over all {@code rows} rows of what {@code range} adds, as an array of {@code length}.
   *
   * @throws InterruptedException if the calling thread is interrupted between batches of chunks
   */
  public static double[] sum(ChunkRunner runner, int rows, int length, RowRange range)
      throws InterruptedException {
    // One group as wide as the sums: every chunk's partial is merged whole.
    return GroupedSums.sum(
        runner, rows, 1, length, (start, end, partial) -> range.addTo(start, end, partial.sums()));
  }
}
