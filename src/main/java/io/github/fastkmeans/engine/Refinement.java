package io.github.fastkmeans.engine;

/** What runs after the best restart to improve a converged k-means fit. */
@FunctionalInterface
public interface Refinement {

  /** The refinement that keeps the k-means result as it is. */
  Refinement NONE = (data, fit, seed) -> fit;

  /**
   * A fit of {@code data} at least as good as {@code fit}; all randomness comes from {@code seed}.
   *
   * @throws InterruptedException if the calling thread is interrupted; the refinement is abandoned
   */
  KMeansResult refine(DataMatrix data, KMeansResult fit, long seed) throws InterruptedException;
}
