package io.github.fastkmeans.engine;

/** The refinements a front end offers, by id. */
public enum RefinementKind implements Choice {
  /**
   * {@link #SWAP} after sampled starts, {@link #NONE} after given centres: a user who gives the
   * centres wants k-means from them, as in scikit-learn and ELKI.
   */
  AUTO("auto", "auto (swap after sampled starts, none after given centres)", null),
  /** The k-means result as it is. */
  NONE("none", "none (k-means only)", (kmeans, trials) -> Refinement.NONE),
  /** {@link SwapRefinement}. */
  SWAP("swap", "swap (D^2 sampled centre swaps, each followed by k-means)", SwapRefinement::new);

  private final ChoiceLabel label;
  private final Factory factory;

  RefinementKind(String id, String displayName, Factory factory) {
    this.label = new ChoiceLabel(id, displayName);
    this.factory = factory;
  }

  /** Makes a refinement that runs {@code kmeans} and tries at most {@code trials} changes. */
  @FunctionalInterface
  interface Factory {
    Refinement create(KMeans kmeans, int trials);
  }

  @Override
  public ChoiceLabel label() {
    return label;
  }

  /**
   * What {@link #AUTO} stands for with given or sampled starts; the others stand for themselves.
   */
  public RefinementKind resolve(boolean startsGiven) {
    if (this != AUTO) {
      return this;
    }
    return startsGiven ? NONE : SWAP;
  }

  /**
   * The refinement of this kind, running {@code kmeans} and trying at most {@code trials} swaps.
   *
   * @throws IllegalStateException for {@link #AUTO}, which must be resolved first
   */
  public Refinement create(KMeans kmeans, int trials) {
    if (factory == null) {
      throw new IllegalStateException("Unresolved refinement " + this);
    }
    return factory.create(kmeans, trials);
  }
}
