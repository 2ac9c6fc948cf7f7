package io.github.fastkmeans.engine;

import io.github.fastkmeans.parallel.RowChunks;

/**
 * What a fit will allocate, estimated before it starts so that a fit too large for the heap can be
 * refused with a clear message instead of failing with OutOfMemoryError half way.
 */
public final class MemoryEstimate {

  private final long dataBytes;
  private final long boundsBytes;
  private final long workingBytes;

  private MemoryEstimate(long dataBytes, long boundsBytes, long workingBytes) {
    this.dataBytes = dataBytes;
    this.boundsBytes = boundsBytes;
    this.workingBytes = workingBytes;
  }

  /** The heap this JVM can still give: its maximum less what is in use now. */
  public static long freeHeap() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
  }

  /**
   * The estimate for clustering {@code rows} x {@code columns} values into {@code k} clusters with
   * {@code settings} (the algorithm resolved as the fit would resolve it).
   */
  public static MemoryEstimate of(int rows, int columns, int k, KMeansSettings settings) {
    long n = rows;
    // The matrix and its weights.
    long data = 8 * n * columns + 8 * n;
    // Where auto may take the tiled Yinyang for a long fit, the fit takes it only when half the
    // heap left then holds it (Algorithm.forIterations): auto needs no more than Lloyd.
    Algorithm algorithm =
        settings.algorithm().resolve(rows, columns, k, settings.elkanBudgetBytes());
    long bounds = algorithm.boundsBytes(n, columns, k);
    if (settings.algorithm().lloydForTheVectorKernel(algorithm, k)) {
      // The fit may keep the bounds after all, when the data call for them: the larger counts.
      bounds =
          Math.max(
              bounds,
              Algorithm.withoutVectorKernel(rows, columns, k, settings.elkanBudgetBytes())
                  .boundsBytes(n, columns, k));
    }
    // Labels of the running fit, of the best fit kept over restarts and their copies (4 x 4n),
    // k-means++'s per-row arrays (each row's nearest distance and its centre, 12n, and for each of
    // a pass's four trials and the best one the rows brought nearer with their distances, 5 x 12n:
    // 72n), the per-chunk partial sums (their values capped at 4 MiB, and per centre the flag and
    // the index that note the centres a chunk touched) and the centres.
    long chunks = (n + RowChunks.CHUNK_ROWS - 1) / RowChunks.CHUNK_ROWS;
    long partial = k * (columns + 2L) + 1;
    long slots = Math.max(1, Math.min(chunks, RowChunks.PARTIALS_BUDGET / partial));
    long sums = slots * (8 * partial + 5L * k);
    // The rows' squared norms, for the dot-product sweeps over all centres.
    long norms =
        columns >= CentreColumns.DOT_PRODUCT_COLUMNS && algorithm != Algorithm.KD_TREE ? 8 * n : 0;
    long working = 16 * n + 72 * n + norms + sums + 8L * k * (columns + 1) * 4;
    return new MemoryEstimate(data, bounds, working);
  }

  /** The bytes of the data copy the engine works on. */
  public long dataBytes() {
    return dataBytes;
  }

  /** The bytes of the algorithm's bounds. */
  public long boundsBytes() {
    return boundsBytes;
  }

  /** The bytes of labels, initializer scratch space and partial sums. */
  public long workingBytes() {
    return workingBytes;
  }

  /** All bytes together. */
  public long totalBytes() {
    return dataBytes + boundsBytes + workingBytes;
  }
}
