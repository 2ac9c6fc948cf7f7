package io.github.fastkmeans.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tests of {@link RowChunks}: the chunks tile the rows exactly. */
class RowChunksTest {

  @Test
  void countRoundsUp() {
    int size = RowChunks.CHUNK_ROWS;
    assertEquals(0, new RowChunks(0).count());
    assertEquals(1, new RowChunks(1).count());
    assertEquals(1, new RowChunks(size).count());
    assertEquals(2, new RowChunks(size + 1).count());
    assertEquals(3, new RowChunks(3 * size).count());
  }

  @Test
  void chunksAreConsecutiveNonEmptyAndCoverEveryRowOnce() {
    int size = RowChunks.CHUNK_ROWS;
    for (int rows : new int[] {1, 7, size - 1, size, size + 1, 5 * size + 3, 20_000}) {
      RowChunks chunks = new RowChunks(rows);
      int expectedStart = 0;
      for (int c = 0; c < chunks.count(); c++) {
        assertEquals(expectedStart, chunks.start(c), "rows " + rows + " chunk " + c);
        assertTrue(chunks.end(c) > chunks.start(c));
        assertTrue(chunks.end(c) - chunks.start(c) <= size);
        expectedStart = chunks.end(c);
      }
      assertEquals(rows, expectedStart, "the last chunk ends at the last row");
    }
  }

  @Test
  void chunksStartOnWholeWordsOfRowMarks() {
    // The k-d tree marks changed rows 64 to a long; a chunk's thread clears its own words only.
    assertEquals(0, RowChunks.CHUNK_ROWS % 64);
  }

  @Test
  void aBatchTakesEveryChunkWhosePartialsFitTheBudgetAndOnePerThreadAtLeast() {
    RowChunks chunks = new RowChunks(100 * RowChunks.CHUNK_ROWS);
    assertEquals(100, chunks.batch(2, 1));
    assertEquals(100, chunks.batch(2, RowChunks.PARTIALS_BUDGET / 100));
    assertEquals(10, chunks.batch(2, RowChunks.PARTIALS_BUDGET / 10));
    assertEquals(4, chunks.batch(4, RowChunks.PARTIALS_BUDGET));
    assertEquals(100, chunks.batch(500, RowChunks.PARTIALS_BUDGET));
    assertEquals(1, new RowChunks(0).batch(2, 1));
    // A budget of its own: 1,000 doubles hold ten partials of 100.
    assertEquals(10, chunks.batch(2, 100, 1_000));
    assertEquals(3, chunks.batch(3, 1_000, 1_000));
  }

  @Test
  void everyChunkButTheLastIsFull() {
    RowChunks chunks = new RowChunks(2 * RowChunks.CHUNK_ROWS + 10);
    assertEquals(RowChunks.CHUNK_ROWS, chunks.end(0) - chunks.start(0));
    assertEquals(RowChunks.CHUNK_ROWS, chunks.end(1) - chunks.start(1));
    assertEquals(10, chunks.end(2) - chunks.start(2));
  }
}
