package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.parallel.RowChunks;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The potential of a set of per-row distances (weight times distance, summed) held as one sum per
 * {@link RowChunks} chunk, each in row order, and the rows drawn from it in proportion to their
 * share. The potential is the chunks' sums added in chunk order, so every chunk can be summed on
 * its own thread and the result is the same for any number of threads.
 */
final class ChunkPotential {

  private final RowChunks chunks;
  private final double[] chunkSums;

  /** A potential over the chunks of {@code chunks}, every chunk's sum zero until set. */
  ChunkPotential(RowChunks chunks) {
    this.chunks = chunks;
    this.chunkSums = new double[chunks.count()];
  }

  /** Sets a chunk's sum: weight times {@code distances} over its rows, in row order. */
  void sumChunk(DataMatrix data, double[] distances, int chunk) {
    double sum = 0;
    for (int row = chunks.start(chunk); row < chunks.end(chunk); row++) {
      sum += data.weight(row) * distances[row];
    }
    chunkSums[chunk] = sum;
  }

  /** Sets a chunk's sum, computed by the caller in row order. */
  void setChunk(int chunk, double sum) {
    chunkSums[chunk] = sum;
  }

  /** The potential: the chunks' sums added in chunk order. */
  double total() {
    double total = 0;
    for (double sum : chunkSums) {
      total += sum;
    }
    return total;
  }

  /**
   * A row drawn with probability proportional to weight times {@code distances[row]}, the distances
   * this potential was summed from; the potential must be positive. The draw finds its chunk from
   * the chunks' sums, then its row from that chunk's shares; a row with no share is never drawn.
   * {@code beforeReading} is given the chunk before its distances are read, so that a caller that
   * brings distances up to date chunk by chunk can do so for that chunk.
   */
  int draw(DataMatrix data, double[] distances, Random random, IntConsumer beforeReading) {
    double target = random.nextDouble() * total();
    double before = 0;
    for (int chunk = 0; chunk < chunkSums.length; chunk++) {
      if (before + chunkSums[chunk] > target) {
        beforeReading.accept(chunk);
        return rowWithin(data, distances, chunk, before, target);
      }
      before += chunkSums[chunk];
    }
    // Rounding (or an overflowed potential) carried the target past every chunk: the last row
    // with a share.
    int chunk = chunkSums.length - 1;
    while (!(chunkSums[chunk] > 0)) {
      chunk--;
    }
    beforeReading.accept(chunk);
    return rowWithin(data, distances, chunk, before, Double.POSITIVE_INFINITY);
  }

  /**
   * The first row of {@code chunk} at which the running total, from {@code before}, exceeds {@code
   * target}; the chunk's last row with a share if rounding keeps it from doing so.
   */
  private int rowWithin(
      DataMatrix data, double[] distances, int chunk, double before, double target) {
    double running = before;
    int lastShared = -1;
    for (int row = chunks.start(chunk); row < chunks.end(chunk); row++) {
      double share = data.weight(row) * distances[row];
      if (share > 0) {
        running += share;
        lastShared = row;
        if (running > target) {
          return row;
        }
      }
    }
    return lastShared;
  }
}
