package io.github.fastkmeans.engine;

/** How many swaps a {@link SwapRefinement} tried on a fit and how many it kept. */
final class SwapCount {

  /** The count of a fit no refinement ran on. */
  static final SwapCount NONE = new SwapCount(0, 0);

  /** The swaps tried. */
  final int trials;

  /** The swaps kept, each of which lowered the squared error. */
  final int kept;

  SwapCount(int trials, int kept) {
    this.trials = trials;
    this.kept = kept;
  }
}
