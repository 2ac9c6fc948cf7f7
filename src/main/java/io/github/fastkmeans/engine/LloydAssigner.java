package io.github.fastkmeans.engine;

/** Plain Lloyd: every row is compared with every centre, a block of rows at a time. */
final class LloydAssigner extends Assigner {

  LloydAssigner(DataMatrix data, double[] centres, int[] labels) {
    super(data, centres, labels, true, true);
  }

  @Override
  void assignFirst(int start, int end, ClusterSums sums) {
    assignInBlocks(start, end, sums);
  }

  @Override
  void assign(int start, int end, ClusterSums sums) {
    assignInBlocks(start, end, sums);
  }
}
