package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.Random;

/** Starts from centres the user supplies, already in the coordinates of the data. */
public final class GivenCentres implements Initializer {

  private final double[] centres;

  /**
   * Centres given row-major in {@code centres} (copied), as many values each as the data have
   * columns.
   *
   * @throws IllegalArgumentException if {@code centres} is null or empty
   */
  public GivenCentres(double[] centres) {
    if (centres == null || centres.length == 0) {
      throw new IllegalArgumentException("The initializer 'given' needs centres; none were given.");
    }
    this.centres = centres.clone();
  }

  @Override
  public double[] initialCentres(DataMatrix data, int k, Random random) {
    if (centres.length != (long) k * data.columns()) {
      throw new IllegalArgumentException(
          centres.length
              + " values were given, which are not "
              + k
              + " centres of the data's "
              + data.columns()
              + " columns.");
    }
    return centres.clone();
  }
}
