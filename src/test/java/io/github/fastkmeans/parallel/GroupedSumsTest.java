package io.github.fastkmeans.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
      checkAgainstChunkOrder(groups);
    }
  }

  private static void checkAgainstChunkOrder(int groups) throws InterruptedException {
    Random random = new Random(groups);
    int rows = 20_000;
    int width = 3;
    int[] group = new int[rows];
    double[] values = new double[rows * width];
    for (int row = 0; row < rows; row++) {
      // Runs of rows share a group, so that chunks touch only some groups.
      group[row] = (row / 97 * 31 + random.nextInt(3)) % groups;
      for (int j = 0; j < width; j++) {
        values[row * width + j] = Math.scalb(random.nextGaussian(), random.nextInt(40) - 20);
      }
    }
    double[] expected = new double[groups * width];
    for (int start = 0; start < rows; start += RowChunks.CHUNK_ROWS) {
      double[] partial = new double[groups * width];
      for (int row = start; row < Math.min(rows, start + RowChunks.CHUNK_ROWS); row++) {
        for (int j = 0; j < width; j++) {
          partial[group[row] * width + j] += values[row * width + j];
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
                    int at = partial.offset(group[row]);
                    for (int j = 0; j < width; j++) {
                      sum[at + j] += values[row * width + j];
                    }
                  }
                });
        assertEquals(expected.length, sums.length);
        assertArrayEquals(expected, sums, 0, groups + " groups, " + threads + " threads");
      }
    }
  }
}
