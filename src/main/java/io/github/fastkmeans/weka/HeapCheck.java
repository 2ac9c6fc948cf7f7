package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.MemoryEstimate;
import java.util.Locale;
import weka.core.WekaException;

/** Refuses a fit whose estimated allocations do not fit the heap that is left. */
public final class HeapCheck {

  /**
   * The share of the free heap a fit may plan to use: the data copy is one large array, which the
   * collector must place in one piece, so a heap that is nominally free enough can still fail it.
   */
  static final double USABLE_SHARE = 0.8;

  private HeapCheck() {}

  /**
   * Throws unless the heap can take {@code estimate} on top of what is in use.
   *
   * @throws WekaException stating the bytes needed and the heap available
   */
  public static void ensureRoomFor(MemoryEstimate estimate) throws WekaException {
    if (estimate.totalBytes() <= USABLE_SHARE * MemoryEstimate.freeHeap()) {
      return;
    }
    // Part of what is in use may be garbage; count only what survives a collection.
    System.gc();
    long available = MemoryEstimate.freeHeap();
    if (estimate.totalBytes() <= USABLE_SHARE * available) {
      return;
    }
    throw new WekaException(
        String.format(
            Locale.ROOT,
            "FastKMeans needs about %s of memory for this data (data copy %s, bounds %s, working"
                + " space %s) but only %s of Java heap is free (maximum heap %s), of which it plans to"
                + " use at most 80%%. Start Weka with a"
                + " larger heap (e.g. java -Xmx4g), use fewer instances or clusters, or choose"
                + " -algorithm hamerly, whose bounds take 16 bytes per instance.",
            megabytes(estimate.totalBytes()),
            megabytes(estimate.dataBytes()),
            megabytes(estimate.boundsBytes()),
            megabytes(estimate.workingBytes()),
            megabytes(available),
            megabytes(Runtime.getRuntime().maxMemory())));
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB (%d bytes)", bytes / 1e6, bytes);
  }
}
