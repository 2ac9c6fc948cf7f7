package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.Random;

/** Starts from centres the user supplies, already in the coordinates of the data. */
public final class GivenCentres implements Initializer {

  /** Id under which the front ends offer this initializer. */
  public static final String ID = "given";

  private final double[] centres;
  private final int columns;

  /**
   * Centres given row-major in {@code centres} (copied), {@code columns} values each.
   *
   * @throws IllegalArgumentException if the length is not a positive multiple of {@code columns}
   */
  public GivenCentres(double[] centres, int columns) {
    if (columns < 1 || centres.length == 0 || centres.length % columns != 0) {
      throw new IllegalArgumentException(
          centres.length + " values do not make whole centres of " + columns + " columns.");
    }
    this.centres = centres.clone();
    this.columns = columns;
  }

  /** The number of centres given. */
  public int count() {
    return centres.length / columns;
  }

  @Override
  public double[] initialCentres(DataMatrix data, int k, Random random) {
    if (data.columns() != columns) {
      throw new IllegalArgumentException(
          "The given centres have "
              + columns
              + " columns but the data have "
              + data.columns()
              + ".");
    }
    if (count() != k) {
      throw new IllegalArgumentException(
          count() + " centres were given but " + k + " clusters were requested.");
    }
    return centres.clone();
  }
}
