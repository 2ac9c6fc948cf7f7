package io.github.fastkmeans.engine;

import io.github.fastkmeans.parallel.ChunkRunner;
import java.util.Arrays;

/**
 * The assignment step of one algorithm over a block of rows held apart from the others, for a fit
 * whose driver loop runs elsewhere (a distributed fit): the block keeps its rows' clusters and the
 * algorithm's bounds between passes, and each call assigns a range of its rows into the given sums
 * exactly as {@link KMeans} assigns that range. A driver that merges the sums of every fixed chunk
 * of rows in chunk order, as {@link KMeans} does, gets the bits of an in-process fit.
 */
public final class BlockAssigner {

  private final Assigner assigner;
  private final int[] labels;

  /** The running centres, which the assigner reads; replaced in place between passes. */
  private final double[] centres;

  private final double[] previous;
  private final ChunkRunner callerOnly = new ChunkRunner(1);
  private boolean firstPass = true;

  /**
   * The assignment step of {@code algorithm} (resolved, not {@link Algorithm#AUTO}) over {@code
   * block}, from {@code initialCentres} (IN, row-major k x columns, copied).
   *
   * @throws IllegalArgumentException if the algorithm is AUTO or the centres do not fit the block
   */
  public BlockAssigner(Algorithm algorithm, DataMatrix block, double[] initialCentres) {
    if (algorithm == Algorithm.AUTO) {
      throw new IllegalArgumentException("Resolve the algorithm before assigning a block.");
    }
    if (block.columns() == 0 || initialCentres.length % block.columns() != 0) {
      throw new IllegalArgumentException(
          initialCentres.length + " centre values do not fit " + block.columns() + " columns.");
    }
    this.centres = initialCentres.clone();
    this.previous = new double[centres.length];
    this.labels = new int[block.rows()];
    Arrays.fill(labels, -1);
    this.assigner = algorithm.assigner(block, centres, labels);
  }

  /**
   * Prepares a pass over the block, as the driver does before a pass; returns the distances this
   * took.
   *
   * @throws InterruptedException if the calling thread is interrupted
   */
  public long beginPass() throws InterruptedException {
    return assigner.beforePass(callerOnly, callerOnly);
  }

  /**
   * Assigns the block's rows {@code [start, end)}, recording into {@code sums} (IN/OUT, cleared by
   * the caller) the rows that changed cluster and the distances computed.
   */
  public void assign(int start, int end, ClusterSums sums) {
    if (firstPass) {
      assigner.firstPass(start, end, sums);
    } else {
      assigner.assign(start, end, sums);
    }
  }

  /** Ends a pass: every row of the block must have been assigned once since {@link #beginPass}. */
  public void endPass() {
    firstPass = false;
  }

  /** Moves the centres to {@code next} (IN, row-major k x columns) between two passes. */
  public void moveCentres(double[] next) {
    System.arraycopy(centres, 0, previous, 0, centres.length);
    System.arraycopy(next, 0, centres, 0, centres.length);
    assigner.centresUpdated(previous);
  }

  /** Puts block row {@code row} into cluster {@code cluster} behind the algorithm's back. */
  public void moveRow(int row, int cluster) {
    labels[row] = cluster;
    assigner.rowMoved(row);
  }

  /** The cluster of block row {@code row}; -1 before the first pass. */
  public int label(int row) {
    return labels[row];
  }
}
