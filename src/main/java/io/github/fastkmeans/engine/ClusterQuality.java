package io.github.fastkmeans.engine;

import java.io.Serializable;

/**
 * Quality measures as models of format 3 saved them, when the measures were this class: only ever
 * read, and replaced on reading by the {@link io.github.fastkmeans.quality.ClusterQuality} they
 * stand for. Its name, serialVersionUID and fields must never change, or those models no longer
 * load.
 */
final class ClusterQuality implements Serializable {

  private static final long serialVersionUID = 1L;

  // Set by deserialisation alone.
  private int rows;
  private int positiveRows;
  private int nonEmptyClusters;
  private double withinSumOfSquares;
  private double silhouette;
  private int silhouetteRows;
  private long seed;
  private double daviesBouldin;
  private double calinskiHarabasz;

  private ClusterQuality() {}

  private Object readResolve() {
    return new io.github.fastkmeans.quality.ClusterQuality(
        rows,
        positiveRows,
        nonEmptyClusters,
        withinSumOfSquares,
        silhouette,
        silhouetteRows,
        seed,
        daviesBouldin,
        calinskiHarabasz);
  }
}
