package io.github.fastkmeans.engine;

/**
 * Predicts, from a sample of rows, how often the vector kernel's float estimates leave a row more
 * than one centre to measure exactly. Where the nearest two centres of many rows lie closer
 * together than float's rounding of distances across the whole data (near-duplicate rows between
 * nearby centres, as in KDD Cup 1999, where more than half the rows had two candidates or more),
 * Lloyd's sweep measures those rows twice over and the bounded algorithms win; on data like the
 * benchmark's blobs almost every row has one candidate.
 *
 * <p>The prediction mirrors the kernel's bound ({@code VectorBlockSweep}): rows and centres moved
 * to the centres' mean, the bound {@code (d + 10) 2^-24 (||x - m|| + max ||c - m||)^2}. A row
 * counts when its two smallest exact distances differ by at most twice the bound. It depends on the
 * data and the centres alone, so the choice it informs is the same on any thread count; and every
 * algorithm gives the same result, so it can only change the speed.
 */
final class FloatFilterProbe {

  /** Above this share of rows with several candidates, {@link Algorithm#AUTO} keeps the bounds. */
  static final double MOST_SEVERAL = 0.2;

  /** The sample's distances: at most about this many row-centre pairs, times the columns. */
  private static final long SAMPLE_WORK = 1L << 22;

  private static final int FEWEST_SAMPLED = 64;
  private static final int MOST_SAMPLED = 2048;

  private FloatFilterProbe() {}

  /**
   * How many rows of {@code rows} the probe samples against {@code k} centres in {@code columns}
   * dimensions: about {@link #SAMPLE_WORK} values' worth of distances, within [{@link
   * #FEWEST_SAMPLED}, {@link #MOST_SAMPLED}] and at most every row.
   */
  static int sampleSize(int rows, int k, int columns) {
    long wanted = SAMPLE_WORK / ((long) k * columns);
    return (int) Math.min(rows, Math.max(FEWEST_SAMPLED, Math.min(MOST_SAMPLED, wanted)));
  }

  /**
   * The share of sampled rows of {@code data} (rows spread evenly over it) that would have several
   * candidates against {@code centres} (IN, row-major k x columns).
   */
  static double severalShare(DataMatrix data, double[] centres) {
    int columns = data.columns();
    int k = centres.length / columns;
    double[] values = data.values();
    double[] mean = FloatFrame.meanOf(centres, k, columns);
    double spread = FloatFrame.spread(mean, centres, k, columns);
    double perSquare = FloatFrame.errorPerSquare(columns);
    int sampled = sampleSize(data.rows(), k, columns);
    int several = 0;
    for (int i = 0; i < sampled; i++) {
      int offset = (int) ((long) i * data.rows() / sampled) * columns;
      double nearest = Double.POSITIVE_INFINITY;
      double second = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double d = SquaredEuclidean.distance(values, offset, centres, c * columns, columns);
        if (d < nearest) {
          second = nearest;
          nearest = d;
        } else if (d < second) {
          second = d;
        }
      }
      double span = FloatFrame.distance(mean, values, offset, columns) + spread;
      if (second - nearest <= 2 * perSquare * span * span) {
        several++;
      }
    }
    return several / (double) sampled;
  }
}
