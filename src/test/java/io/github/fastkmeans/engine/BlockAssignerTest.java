package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fastkmeans.parallel.RowChunks;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A driver that holds the rows in blocks of whole chunks, one {@link BlockAssigner} each, and
 * merges the chunks' sums in chunk order gets the labels, iteration count and centres of {@link
 * KMeans}, bit for bit.
 */
class BlockAssignerTest {

  @ParameterizedTest
  @EnumSource(
      value = Algorithm.class,
      names = {"LLOYD", "HAMERLY", "EXPONION", "ELKAN", "YINYANG", "KD_TREE"})
  void blocksOfWholeChunksGiveTheInProcessFit(Algorithm algorithm) throws InterruptedException {
    DataMatrix data = TestData.blobs(7, 2900, algorithm == Algorithm.KD_TREE ? 3 : 6, 9, 1.5, true);
    double[] start = TestData.firstRows(data, 9);
    KMeansResult expected =
        new KMeans(KMeansSettings.DEFAULTS.withAlgorithm(Algorithm.LLOYD)).fit(data, start);

    // Blocks of 2, 1 and 3 chunks: the last block ends with a short chunk.
    int[] blockChunks = {0, 2, 3, 6};
    int columns = data.columns();
    int k = start.length / columns;
    BlockAssigner[] blocks = new BlockAssigner[blockChunks.length - 1];
    int[] firstRow = new int[blocks.length];
    for (int b = 0; b < blocks.length; b++) {
      firstRow[b] = blockChunks[b] * RowChunks.CHUNK_ROWS;
      int end = Math.min(data.rows(), blockChunks[b + 1] * RowChunks.CHUNK_ROWS);
      double[] values = Arrays.copyOfRange(data.values(), firstRow[b] * columns, end * columns);
      double[] weights = new double[end - firstRow[b]];
      for (int row = 0; row < weights.length; row++) {
        weights[row] = data.weight(firstRow[b] + row);
      }
      blocks[b] =
          new BlockAssigner(
              algorithm, DataMatrix.of(weights.length, columns, values, weights), start);
    }
    ClusterSums totals = new ClusterSums(k, columns);
    double[] centres = start.clone();
    int iterations = 0;
    while (true) {
      totals.clearCounts();
      for (int b = 0; b < blocks.length; b++) {
        totals.countDistances(blocks[b].beginPass());
        int blockRows = blockRows(data, blockChunks, b);
        for (int chunkStart = 0; chunkStart < blockRows; chunkStart += RowChunks.CHUNK_ROWS) {
          ClusterSums chunk = new ClusterSums(k, columns);
          blocks[b].assign(
              chunkStart, Math.min(blockRows, chunkStart + RowChunks.CHUNK_ROWS), chunk);
          totals.merge(chunk);
        }
        blocks[b].endPass();
      }
      iterations++;
      if (totals.changed() == 0) {
        break;
      }
      totals.writeMeans(centres);
      for (BlockAssigner block : blocks) {
        block.moveCentres(centres);
      }
    }

    assertEquals(expected.iterations(), iterations);
    assertArrayEquals(expected.centres(), centres);
    int[] labels = new int[data.rows()];
    for (int b = 0; b < blocks.length; b++) {
      for (int row = 0; row < blockRows(data, blockChunks, b); row++) {
        labels[firstRow[b] + row] = blocks[b].label(row);
      }
    }
    assertArrayEquals(expected.labels(), labels);
  }

  private static int blockRows(DataMatrix data, int[] blockChunks, int b) {
    int end = Math.min(data.rows(), blockChunks[b + 1] * RowChunks.CHUNK_ROWS);
    return end - blockChunks[b] * RowChunks.CHUNK_ROWS;
  }

  @Test
  void refusesAnUnresolvedAlgorithm() {
    DataMatrix data = DataMatrix.of(2, 1, new double[] {0, 1});
    assertThrows(
        IllegalArgumentException.class,
        () -> new BlockAssigner(Algorithm.AUTO, data, new double[] {0}));
  }

  @Test
  void aMovedRowTakesItsNewCluster() throws InterruptedException {
    DataMatrix data = DataMatrix.of(3, 1, new double[] {0, 1, 10});
    BlockAssigner block = new BlockAssigner(Algorithm.HAMERLY, data, new double[] {0, 10});
    block.beginPass();
    ClusterSums sums = new ClusterSums(2, 1);
    block.assign(0, 3, sums);
    block.endPass();
    assertEquals(0, block.label(1));
    block.moveRow(1, 1);
    assertEquals(1, block.label(1));
    assertEquals(3, sums.changed());
  }
}
