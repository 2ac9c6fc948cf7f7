package io.github.fastkmeans.spark;

import io.github.fastkmeans.engine.ClusterSums;
import java.io.Serializable;
import java.util.List;

/**
 * What one block's pass sends to the driver: the sums of each chunk whose rows changed cluster,
 * with the chunk's global index, and the distances computed in the chunks without changes.
 */
final class PassOutcome implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The global index of each shipped chunk, increasing. */
  final List<Integer> chunks;

  /** The sums of each shipped chunk, in the order of {@link #chunks}. */
  final List<ClusterSums> sums;

  /** Distances computed outside the shipped chunks (including before the pass). */
  final long distances;

  PassOutcome(List<Integer> chunks, List<ClusterSums> sums, long distances) {
    this.chunks = chunks;
    this.sums = sums;
    this.distances = distances;
  }
}
