package io.github.fastkmeans.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.DataMatrix;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeding on the cluster is deterministic for a seed and does not depend on the partitions; a block
 * that lost its state is refused rather than used.
 */
class SeedingTest {

  @ParameterizedTest
  @ValueSource(strings = {"k-means||", "random"})
  void theSameSeedGivesTheSameStartOnAnyPartitioning(String mode) {
    DataMatrix data = SparkTests.blobs(41, 3000, 4, 8, false);
    double[] reference = null;
    for (int partitions : new int[] {1, 2, 7}) {
      FastKMeansModel model =
          new FastKMeans()
              .setK(8)
              .setInitMode(mode)
              .setSeed(17)
              .fit(SparkTests.frame(data, partitions, partitions));
      double[] start = model.summary().initialCenters();
      if (reference == null) {
        reference = start;
      } else {
        assertArrayEquals(reference, start, partitions + " partitions");
      }
    }
    FastKMeansModel other =
        new FastKMeans().setK(8).setInitMode(mode).setSeed(18).fit(SparkTests.frame(data, 2, 1));
    assertFalse(Arrays.equals(reference, other.summary().initialCenters()));
  }

  @Test
  void kMeansParallelFindsWellSeparatedGroups() {
    DataMatrix data = SparkTests.blobs(42, 4000, 3, 6, false);
    FastKMeansModel model = new FastKMeans().setK(6).fit(SparkTests.frame(data, 2, 5));
    for (long size : model.summary().clusterSizes()) {
      assertTrue(size > 0);
    }
    assertEquals(6, model.clusterCenters().length);
  }

  @Test
  void aBlockThatMissedAPassIsRefused() throws InterruptedException {
    DataMatrix data = SparkTests.blobs(43, 600, 2, 2, false);
    RowBlock block = new RowBlock(3, 0, data);
    double[] centres = Arrays.copyOf(data.values(), 4);
    block.pass(0, Algorithm.LLOYD, centres, new long[0], new int[0]);
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> block.pass(2, Algorithm.LLOYD, centres, new long[0], new int[0]));
    assertTrue(refused.getMessage().contains("partition 3"), refused.getMessage());
  }
}
