package io.github.fastkmeans.parallel;

/**
 * The fixed split of the rows into consecutive chunks. Partial results are computed per chunk and
 * merged in chunk order, so the chunk size, never the thread count, decides the order of every
 * floating-point sum.
 */
public final class RowChunks {

  /** Rows per chunk: small enough for a chunk's rows to stay in cache, large enough to amortise. */
  public static final int CHUNK_ROWS = 512;

  /**
   * Partial results of the chunks held at once are capped at about this many doubles (4 MiB). Each
   * fit makes its own, and fresh memory is slow to touch first: on the benchmark's E (k = 1,000, 32
   * columns) the 123 partials of a 32 MiB cap took about 50 ms of the first pass to make, against 6
   * ms for 15 with this one, and later passes took as long (each hand-off of a batch wakes the
   * threads: 26 a pass instead of 4).
   */
  public static final long PARTIALS_BUDGET = 1L << 19;

  private final int rows;

  private final int chunkRows;

  /** The chunks of {@link #CHUNK_ROWS} rows of a matrix with {@code rows} rows. */
  public RowChunks(int rows) {
    this(rows, CHUNK_ROWS);
  }

  /**
   * The chunks of {@code chunkRows} rows of a matrix with {@code rows} rows, for partial results
   * large enough that merging them per {@link #CHUNK_ROWS} rows would cost more than the rows.
   */
  public RowChunks(int rows, int chunkRows) {
    this.rows = rows;
    this.chunkRows = chunkRows;
  }

  /** The number of chunks. */
  public int count() {
    return (int) (((long) rows + chunkRows - 1) / chunkRows);
  }

  /** The first row of a chunk. */
  public int start(int chunk) {
    return chunk * chunkRows;
  }

  /** One past the last row of a chunk. */
  public int end(int chunk) {
    return (int) Math.min(rows, (chunk + 1L) * chunkRows);
  }

  /**
   * The threads worth using for passes over these chunks, out of {@code threads}: one per {@code
   * chunksPerThread} chunks, since a thread pays for itself only with enough chunks to share, and
   * at least one.
   */
  public int threadsFor(int threads, int chunksPerThread) {
    return Math.min(threads, Math.max(1, count() / chunksPerThread));
  }

  /**
   * How many chunks one hand-off to {@code threads} threads takes when each chunk's partial result
   * holds {@code partialLength} doubles: all of them when their partials fit {@link
   * #PARTIALS_BUDGET}, since every hand-off wakes the other threads, whose wake-up costs as much as
   * thousands of rows; at least one per thread, and at least one.
   */
  public int batch(int threads, long partialLength) {
    return batch(threads, partialLength, PARTIALS_BUDGET);
  }

  /**
   * As {@link #batch(int, long)}, with the partials held at once capped at {@code budget} doubles.
   */
  public int batch(int threads, long partialLength, long budget) {
    long affordable = budget / Math.max(1, partialLength);
    return (int) Math.max(1, Math.min(count(), Math.max(threads, affordable)));
  }
}
