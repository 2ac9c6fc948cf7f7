package io.github.fastkmeans.engine;

import io.github.fastkmeans.parallel.ChunkRunner;

/**
 * Hamerly's algorithm ({@link HamerlyAssigner}) with the block sweep: the rows whose bounds fail
 * are gathered, a block at a time, and compared with every centre by the block kernel ({@link
 * CentreColumns#nearestOfRows}), several rows against several centres per step, where Hamerly's own
 * scan compares one row at a time, several times slower per distance. With many centres a pass that
 * kept a third of the rows that way still took longer than Lloyd's sweep of them all.
 *
 * <p>A swept row's bounds come from the estimates: the upper its smallest estimate plus the
 * estimates' proven error (the exact distance where several centres were within reach), the lower
 * the second smallest less that error, which bounds every centre but one, whichever the exact
 * distances chose. Both then move with the centres as in Hamerly's algorithm. Half the distance
 * from each centre to its nearest other, Hamerly's second test, is bounded below by the same
 * kernel, the centres swept as rows before each pass: on the benchmark's E, 1,000 rows more to the
 * pass's 200,000.
 *
 * <p>Rows whose centre is proved keep it without being recorded, as in Lloyd's pass where the
 * nearest centre does not change, and the gathered rows are recorded in row order: the pass's sums
 * have the bits of every other algorithm.
 */
final class BlockedHamerlyAssigner extends HamerlyAssigner {

  /**
   * Hamerly's algorithm for a fit on {@code data} from {@code centres} (IN/OUT, the running
   * centres) writing {@code labels} (OUT); the rows must have {@link
   * CentreColumns#DOT_PRODUCT_COLUMNS} columns or more, for the block sweep.
   *
   * @throws IllegalArgumentException if the rows have too few columns for the block sweep
   */
  BlockedHamerlyAssigner(DataMatrix data, double[] centres, int[] labels) {
    super(data, centres, labels, 0, true);
    if (!centreColumns.sweepsBlocks()) {
      throw new IllegalArgumentException(
          "The block sweep needs " + CentreColumns.DOT_PRODUCT_COLUMNS + " columns or more.");
    }
  }

  @Override
  void measureCentres(ChunkRunner runner, ChunkRunner callerOnly) throws InterruptedException {
    // A block of centres per task, each centre's bound written by one task alone: the same bounds
    // for any number of threads.
    int blockRows = centreColumns.blockRows();
    int tasks = (k + blockRows - 1) / blockRows;
    ChunkRunner chosen = tasks > 1 ? runner : callerOnly;
    chosen.run(0, tasks, (task, slot) -> measureHalfNearest(task * blockRows, blockRows));
  }

  /**
   * Sets {@link CentreGeometry#halfNearest} of up to {@code count} centres from centre {@code
   * first}: the centres are rows of the block sweep, each one's nearest is itself, and the bound on
   * the others is a bound on the distance to its nearest other ({@link
   * CentreColumns#nearestOfRows}; where two centres coincide, the bound is 0 whichever of them the
   * sweep chose).
   */
  private void measureHalfNearest(int first, int count) {
    CentreColumns.BlockScratch scratch = blockScratch.take();
    try {
      int[] gathered = scratch.gathered;
      int rows = Math.min(count, k - first);
      for (int r = 0; r < rows; r++) {
        gathered[r] = first + r;
      }
      // The centres as rows: their squared norms are the table's, updated with them.
      centreColumns.nearestOfRows(centres, gathered, rows, centreColumns.squaredNorms(), scratch);
      for (int r = 0; r < rows; r++) {
        geometry.halfNearest[first + r] = Math.sqrt(scratch.othersSquared[r]) / 2;
      }
    } finally {
      blockScratch.give(scratch);
    }
  }

  @Override
  void assignFirst(int start, int end, ClusterSums sums) {
    CentreColumns.BlockScratch scratch = blockScratch.take();
    try {
      int[] gathered = scratch.gathered;
      for (int first = start; first < end; first += gathered.length) {
        int count = Math.min(gathered.length, end - first);
        for (int r = 0; r < count; r++) {
          gathered[r] = first + r;
        }
        sweep(count, scratch, sums);
      }
    } finally {
      blockScratch.give(scratch);
    }
    sums.countDistances((long) (end - start) * k);
  }

  @Override
  void assign(int start, int end, ClusterSums sums) {
    CentreColumns.BlockScratch scratch = blockScratch.take();
    long computed = 0;
    try {
      int[] gathered = scratch.gathered;
      int count = 0;
      for (int row = start; row < end; row++) {
        if (boundsKeepCentre(row)) {
          continue;
        }
        computed++;
        if (distanceKeepsCentre(row, squaredDistance(row, labels[row]))) {
          continue;
        }
        gathered[count++] = row;
        if (count == gathered.length) {
          sweep(count, scratch, sums);
          computed += (long) count * k;
          count = 0;
        }
      }
      if (count > 0) {
        sweep(count, scratch, sums);
        computed += (long) count * k;
      }
    } finally {
      blockScratch.give(scratch);
    }
    sums.countDistances(computed);
  }

  /**
   * Compares the {@code count} rows gathered in {@code scratch} with every centre, records their
   * nearest and renews their bounds.
   */
  private void sweep(int count, CentreColumns.BlockScratch scratch, ClusterSums sums) {
    int[] gathered = scratch.gathered;
    centreColumns.nearestOfRows(values, gathered, count, rowSquaredNorms, scratch);
    for (int r = 0; r < count; r++) {
      int row = gathered[r];
      upper[row] = Math.sqrt(scratch.nearestSquared[r]);
      lower[row] = Math.sqrt(scratch.othersSquared[r]);
      record(row, scratch.nearest[r], sums);
    }
  }
}
