package io.github.fastkmeans.engine;

/** Plain Lloyd: every row is compared with every centre. */
final class LloydAssigner extends Assigner {

  LloydAssigner(DataMatrix data, double[] centres, int[] labels) {
    super(data, centres, labels);
  }

  @Override
  void assignFirst(int start, int end, ClusterSums sums) {
    assign(start, end, sums);
  }

  @Override
  void assign(int start, int end, ClusterSums sums) {
    for (int row = start; row < end; row++) {
      int best = 0;
      double bestSquared = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double squared = squaredDistance(row, c);
        if (squared < bestSquared) {
          bestSquared = squared;
          best = c;
        }
      }
      record(row, best, bestSquared, sums);
    }
    sums.countDistances((long) (end - start) * k);
  }
}
