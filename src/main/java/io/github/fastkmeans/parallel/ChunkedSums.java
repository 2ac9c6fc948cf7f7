package io.github.fastkmeans.parallel;

import java.util.Arrays;

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
    RowChunks chunks = new RowChunks(rows);
    int chunkCount = chunks.count();
    int batch = chunks.batch(runner.threads(), length);
    double[][] partials = new double[batch][length];
    double[] total = new double[length];
    for (int first = 0; first < chunkCount; first += batch) {
      Interruption.check("Measuring the clusters");
      int end = Math.min(chunkCount, first + batch);
      runner.run(
          first,
          end,
          (chunk, slot) -> {
            double[] partial = partials[slot];
            Arrays.fill(partial, 0);
            range.addTo(chunks.start(chunk), chunks.end(chunk), partial);
          });
      for (int slot = 0; slot < end - first; slot++) {
        double[] partial = partials[slot];
        for (int i = 0; i < length; i++) {
          total[i] += partial[i];
        }
      }
    }
    return total;
  }
}
