package io.github.fastkmeans.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fastkmeans.engine.DataMatrix;
import org.junit.jupiter.api.Test;

/**
 * The even sample on which {@code auto} probes the data is the one a fit in one JVM probes: rows
 * {@code i * rows / count}, whatever the partitions, their sizes and the rows a chunk spills into
 * the next partition.
 */
class EvenSampleTest {

  @Test
  void theSampleIsTheRowsSpreadEvenlyOverTheData() {
    // 7,000 rows: chunks of 512 straddle the partitions, some of which may be empty.
    DataMatrix data = SparkTests.blobs(21, 7000, 3, 4, false);
    for (int partitions : new int[] {1, 5}) {
      try (DistributedData distributed =
          DistributedData.of(SparkTests.frame(data, partitions, 8), "features", null, "none")) {
        for (int count : new int[] {1, 64, 2048, 6999, 7000, 9000}) {
          DataMatrix sample = distributed.evenSample(count);
          int expected = Math.min(count, data.rows());
          assertEquals(expected, sample.rows(), count + " rows");
          for (int i = 0; i < expected; i++) {
            int row = (int) ((long) i * data.rows() / expected);
            assertArrayEquals(data.row(row), sample.row(i), 0, partitions + " partitions, " + i);
          }
        }
      }
    }
  }
}
