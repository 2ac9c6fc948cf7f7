package io.github.fastkmeans.engine;

/** Thrown under {@link EmptyClusterPolicy#FAIL} when a cluster loses all its points. */
public final class EmptyClusterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The zero-based index of the first cluster found empty. */
  private final int cluster;

  /** The iteration (counted from 1) whose assignment left the cluster empty. */
  private final int iteration;

  /** Creates the exception for {@code cluster} emptied in {@code iteration}. */
  public EmptyClusterException(int cluster, int iteration) {
    super(
        "Cluster "
            + cluster
            + " has no instances after iteration "
            + iteration
            + " and the empty-cluster policy is 'fail'; choose 'relocate' or 'keep', a smaller"
            + " number of clusters, or another initialisation.");
    this.cluster = cluster;
    this.iteration = iteration;
  }

  /** The zero-based index of the first cluster found empty. */
  public int cluster() {
    return cluster;
  }

  /** The iteration (counted from 1) whose assignment left the cluster empty. */
  public int iteration() {
    return iteration;
  }
}
