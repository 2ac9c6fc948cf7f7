package io.github.fastkmeans.parallel;

import java.util.Arrays;

/**
 * Sums per-row contributions into a fixed number of groups of equal width (one group per cluster,
 * say) over {@link RowChunks}, in parallel: each chunk adds its rows in row order into its own
 * partial sums, and partial sums are added to the total in chunk order, so the result has the same
 * bits for any number of threads. With many groups, only the groups a chunk's rows touch are
 * cleared and merged: a chunk of 512 rows among thousands of groups would otherwise clear and merge
 * far more sums than its rows add.
 */
public final class GroupedSums {

  /** What a range of rows contributes. */
  @FunctionalInterface
  public interface RowRange {
    /** Adds the contributions of rows {@code [start, end)} to {@code partial}. */
    void addTo(int start, int end, Partial partial);
  }

  /** One chunk's partial sums: every group zero until its rows add to it. */
  public static final class Partial {
    private final int width;
    private final double[] sums;
    private final boolean[] touched;
    private final int[] touchedGroups;
    private int touchedCount;

    Partial(int groups, int width) {
      this.width = width;
      this.sums = new double[groups * width];
      // With few groups, clearing and merging them all costs less than noting each row's.
      boolean tracking = groups >= FEWEST_TRACKED_GROUPS;
      this.touched = tracking ? new boolean[groups] : null;
      this.touchedGroups = tracking ? new int[groups] : null;
    }

    /**
     * The sums, to add group {@code group}'s contributions at {@link #offset}{@code (group)} and
     * the {@code width} entries after it.
     */
    public double[] sums() {
      return sums;
    }

    /** Where group {@code group}'s sums start in {@link #sums}; marks the group as added to. */
    public int offset(int group) {
      if (touched != null && !touched[group]) {
        touched[group] = true;
        touchedGroups[touchedCount++] = group;
      }
      return group * width;
    }

    /** Adds the touched groups' sums to {@code total} and clears them. */
    void mergeInto(double[] total) {
      if (touched == null) {
        for (int i = 0; i < sums.length; i++) {
          total[i] += sums[i];
        }
        Arrays.fill(sums, 0);
        return;
      }
      for (int t = 0; t < touchedCount; t++) {
        int group = touchedGroups[t];
        int from = group * width;
        for (int i = from; i < from + width; i++) {
          total[i] += sums[i];
        }
        Arrays.fill(sums, from, from + width, 0);
        touched[group] = false;
      }
      touchedCount = 0;
    }

    /**
     * Adds slice {@code slice} of {@code slices} of this partial's sums to {@code total} and clears
     * it: with groups tracked, the touched groups among the slice's groups, else the slice's
     * entries. The slices of all partials may be merged on different threads at once, each slice's
     * partials in chunk order; {@link #endSlicedMerge} then ends the merge.
     */
    void mergeSliceInto(double[] total, int slice, int slices) {
      if (touched == null) {
        int from = (int) ((long) sums.length * slice / slices);
        int to = (int) ((long) sums.length * (slice + 1) / slices);
        for (int i = from; i < to; i++) {
          total[i] += sums[i];
          sums[i] = 0;
        }
        return;
      }
      int groups = touched.length;
      int toGroup = (int) ((long) groups * (slice + 1) / slices);
      for (int group = (int) ((long) groups * slice / slices); group < toGroup; group++) {
        if (touched[group]) {
          int from = group * width;
          for (int i = from; i < from + width; i++) {
            total[i] += sums[i];
            sums[i] = 0;
          }
          touched[group] = false;
        }
      }
    }

    /** Ends a merge by slices: every touched group has been merged and cleared. */
    void endSlicedMerge() {
      touchedCount = 0;
    }
  }

  /**
   * The partial sums held at once take at most about this many doubles (4 MiB), or one group set
   * per thread. Partials are reused from batch to batch, since only the touched groups need
   * clearing; a larger budget would only allocate and zero more of them.
   */
  private static final long PARTIALS_BUDGET = 1L << 19;

  /**
   * Sums merged after a batch of chunks (partials times their length) from which the threads share
   * the merge, each adding a slice of every partial: merging that many on one thread takes about
   * 0.1 ms, more than waking the other threads. At 1,000 clusters of 32 columns the model's spread
   * merged 520,000 sums a batch on one thread, a third of its time on two.
   */
  static final long SHARED_MERGE_SUMS = 1L << 17;

  /**
   * Groups from which a partial notes the groups its rows touch: a chunk of 512 rows then leaves
   * most of them untouched, or many of them at the least.
   */
  static final int FEWEST_TRACKED_GROUPS = 64;

  private GroupedSums() {}

  /**
   * The sums over all {@code rows} rows of what {@code range} adds, {@code groups} groups of {@code
   * width} each, group after group.
   *
   * @throws InterruptedException if the calling thread is interrupted between batches of chunks
   */
  public static double[] sum(ChunkRunner runner, int rows, int groups, int width, RowRange range)
      throws InterruptedException {
    return sum(runner, new RowChunks(rows), groups, width, range);
  }

  /**
   * As {@link #sum(ChunkRunner, int, int, int, RowRange)}, over the given {@code chunks} of the
   * rows.
   *
   * @throws InterruptedException if the calling thread is interrupted between batches of chunks
   */
  public static double[] sum(
      ChunkRunner runner, RowChunks chunks, int groups, int width, RowRange range)
      throws InterruptedException {
    int chunkCount = chunks.count();
    int batch = chunks.batch(runner.threads(), (long) groups * width, PARTIALS_BUDGET);
    Partial[] partials = new Partial[batch];
    for (int slot = 0; slot < batch; slot++) {
      partials[slot] = new Partial(groups, width);
    }
    double[] total = new double[groups * width];
    for (int first = 0; first < chunkCount; first += batch) {
      Interruption.check("Measuring the clusters");
      int end = Math.min(chunkCount, first + batch);
      runner.run(
          first,
          end,
          (chunk, slot) -> range.addTo(chunks.start(chunk), chunks.end(chunk), partials[slot]));
      int merged = end - first;
      if (runner.threads() > 1 && (long) merged * groups * width >= SHARED_MERGE_SUMS) {
        int slices = runner.threads();
        // Each sum still adds the partials in chunk order, so its bits are the serial merge's.
        runner.run(
            0,
            slices,
            (slice, unused) -> {
              for (int slot = 0; slot < merged; slot++) {
                partials[slot].mergeSliceInto(total, slice, slices);
              }
            });
        for (int slot = 0; slot < merged; slot++) {
          partials[slot].endSlicedMerge();
        }
      } else {
        for (int slot = 0; slot < merged; slot++) {
          partials[slot].mergeInto(total);
        }
      }
    }
    return total;
  }
}
