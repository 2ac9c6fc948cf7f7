package io.github.fastkmeans.engine;

/** Plain Lloyd: every row is compared with every centre. */
final class LloydAssigner extends Assigner {

  LloydAssigner(DataMatrix data, double[] centres, int[] labels) {
    super(data, centres, labels);
  }

  @Override
  void assign(int start, int end, ClusterSums sums) {
    // The first pass's loop with its comparison written out, since every pass runs it.
    CentreColumns.Scratch scratch = centreColumns.newScratch();
    for (int row = start; row < end; row++) {
      record(row, nearestOfAll(row, scratch), sums);
    }
    sums.countDistances((long) (end - start) * k);
  }
}
