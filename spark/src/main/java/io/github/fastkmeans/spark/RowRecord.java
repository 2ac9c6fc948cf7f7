package io.github.fastkmeans.spark;

import java.io.Serializable;

/** One row on its way into a block: its position in the data set, features and weight. */
final class RowRecord implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The row's position in the data set, from 0. */
  final long id;

  /** The row's features (after normalisation). */
  final double[] values;

  /** The row's weight. */
  final double weight;

  RowRecord(long id, double[] values, double weight) {
    this.id = id;
    this.values = values;
    this.weight = weight;
  }
}
