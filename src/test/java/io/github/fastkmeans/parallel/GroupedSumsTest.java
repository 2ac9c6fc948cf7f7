package io.github.fastkmeans.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GroupedSumsTest {

  /**
   * Rows of many groups, each chunk touching a few of them: the sums are those of adding every
   * chunk's row-order sums in chunk order, bit for bit, on any number of threads, and a partial
   * reused from chunk to chunk carries nothing over.
   */
  @Test
  void theSumsAreThoseOfChunkOrderOnAnyNumberOfThreads() throws InterruptedException {
    for (int groups : new int[] {GroupedSums.FEWEST_TRACKED_GROUPS - 1, 300}) {
      checkAgainstChunkOrder(groups, 3);
    }
  }

  /**
   * Batches whose merge the threads share, a slice of every partial each: by entries where groups
   * are not tracked (one wide group, as {@link ChunkedSums}' partials), by groups where they are;
   * the partials are large enough to take several batches, so each is reused after such a merge.
   */
  @Test
  void mergesSharedByTheThreadsKeepTheChunkOrderSums() throws InterruptedException {
    int[][] shapes = {{1, 40_000}, {GroupedSums.FEWEST_TRACKED_GROUPS - 1, 700}, {1_000, 20}};
    for (int[] shape : shapes) {
      RowChunks chunks = new RowChunks(ROWS);
      long length = (long) shape[0] * shape[1];
      int batch = chunks.batch(2, length, 1L << 19);
      assertTrue(batch * length >= GroupedSums.SHARED_MERGE_SUMS, "a shared merge");
      assertTrue(batch < chunks.count(), "several batches");
      checkAgainstChunkOrder(shape[0], shape[1]);
    }
  }

  private static final int ROWS = 20_000;

  /** Entries of its group each row adds to, from a place that moves from row to row. */
  private static final int ROW_SPAN = 8;

  private static void checkAgainstChunkOrder(int groups, int width) throws InterruptedException {
    Random random = new Random(groups);
    int rows = ROWS;
    int span = Math.min(width, ROW_SPAN);
    int[] group = new int[rows];
    int[] first = new int[rows];
    double[] values = new double[rows * span];
    for (int row = 0; row < rows; row++) {
      // Runs of rows share a group, so that chunks touch only some groups; every chunk touches
      // group 0, so that sums a reused partial kept would show.
      group[row] = row % 50 == 0 ? 0 : (row / 97 * 31 + random.nextInt(3)) % groups;
      first[row] = random.nextInt(width - span + 1);
      for (int j = 0; j < span; j++) {
        values[row * span + j] = Math.scalb(random.nextGaussian(), random.nextInt(40) - 20);
      }
    }
    double[] expected = new double[groups * width];
    for (int start = 0; start < rows; start += RowChunks.CHUNK_ROWS) {
      double[] partial = new double[groups * width];
      for (int row = start; row < Math.min(rows, start + RowChunks.CHUNK_ROWS); row++) {
        for (int j = 0; j < span; j++) {
          partial[group[row] * width + first[row] + j] += values[row * span + j];
        }
      }
      for (int i = 0; i < expected.length; i++) {
        expected[i] += partial[i];
      }
    }
    for (int threads : new int[] {1, 2, 3}) {
      try (ChunkRunner runner = new ChunkRunner(threads)) {
        double[] sums =
            GroupedSums.sum(
                runner,
                rows,
                groups,
                width,
                (start, end, partial) -> {
                  double[] sum = partial.sums();
                  for (int row = start; row < end; row++) {
                    int at = partial.offset(group[row]) + first[row];
                    for (int j = 0; j < span; j++) {
                      sum[at + j] += values[row * span + j];
                    }
                  }
                });
        assertEquals(expected.length, sums.length);
        assertArrayEquals(
            expected, sums, 0, groups + " groups of " + width + ", " + threads + " threads");
      }
    }
  }
}
