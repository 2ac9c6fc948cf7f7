package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.Random;

/** Chooses the centres a k-means fit starts from. */
@FunctionalInterface
public interface Initializer {

  /**
   * Returns {@code k} starting centres for {@code data} as a new row-major k x columns array; all
   * randomness comes from {@code random}.
   *
   * @throws InterruptedException if the calling thread is interrupted; the seeding is abandoned
   */
  double[] initialCentres(DataMatrix data, int k, Random random) throws InterruptedException;
}
