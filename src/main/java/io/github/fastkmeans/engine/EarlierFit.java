package io.github.fastkmeans.engine;

/**
 * What the first pass of a fit may take from an earlier fit of the same rows whose centres differ
 * from the new ones in at most one centre: every row's cluster there, its nearest centre with ties
 * to the lowest index (true of every fit's final labels), and, when the earlier fit kept them, a
 * lower bound on its distance to every other centre. A row then needs the distances to its old
 * centre and to the changed one to find its nearest new centre, instead of one to every centre.
 */
final class EarlierFit {

  /** The cluster of every row in the earlier fit. */
  final int[] labels;

  /** Per row, a lower bound on the distance to every earlier centre but its own; null: none. */
  final double[] lowerBounds;

  /**
   * The index of the one centre that differs: a moved centre, or the earlier k for one added at the
   * end; -1 when the centres are the same.
   */
  final int changed;

  /** The earlier fit {@code fit}, whose centre {@code changed} differs from the new ones. */
  EarlierFit(KMeansResult fit, int changed) {
    this.labels = fit.sharedLabels();
    this.lowerBounds = fit.lowerBounds();
    this.changed = changed;
  }

  /** The lower bound of {@code row} on its distance to every earlier centre but its own. */
  double lowerBound(int row) {
    return lowerBounds == null ? 0 : lowerBounds[row];
  }
}
