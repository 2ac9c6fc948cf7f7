package io.github.fastkmeans.spark;

import java.io.Serializable;

/** A block's farthest row for an empty cluster: where it is, how far, and what the sums need. */
final class RelocationCandidate implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The row's global position. */
  final long row;

  /** Its squared distance to its own centre. */
  final double distance;

  /** Its cluster before it moves. */
  final int label;

  /** Its features. */
  final double[] values;

  /** Its weight. */
  final double weight;

  RelocationCandidate(long row, double distance, int label, double[] values, double weight) {
    this.row = row;
    this.distance = distance;
    this.label = label;
    this.values = values;
    this.weight = weight;
  }

  /** Whether this row wins over {@code other}: farther, or as far and earlier. */
  boolean beats(RelocationCandidate other) {
    return other == null
        || distance > other.distance
        || (distance == other.distance && row < other.row);
  }
}
