package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.DataMatrix;
import weka.core.WekaException;

/**
 * Refuses data whose squared distances, or their weighted sums, would overflow double precision.
 *
 * <p>Every quantity a fit computes in the encoded space is bounded by the data's bounding box: the
 * means (centres) lie inside it, so a squared distance between a row and a centre is at most the
 * sum over columns of the squared column spans, and the squared error, the k-means++ potential and
 * the spreads are weighted sums of such distances, at most the total weight times that. The
 * weighted coordinate sums behind the means are at most the total weight times the largest
 * magnitude. Given starting centres widen the box. When these bounds stay below the largest double
 * (with a margin for rounding), nothing can overflow; otherwise the fit is refused with a message
 * naming the attribute with the widest span (or, when the data fit alone, the given centre and
 * attribute farthest outside them), rather than producing infinite errors and wrong assignments.
 *
 * <p>At the other end, data whose widest span is below {@link #TINY_SPAN} (about 3e-145) but not 0
 * are refused too: their squared distances would underflow and tie.
 *
 * <p>Under range normalisation training values lie in [0, 1], and under standardize they are a few
 * deviations from 0, so only {@code -normalize none} (or enormous weights) can trip the check.
 */
public final class MagnitudeCheck {

  /** The largest bound accepted: the largest double with a factor 16 to spare for rounding. */
  public static final double LIMIT = Double.MAX_VALUE / 16;

  /**
   * The smallest widest span accepted when it is not 0: below it squared distances sink into the
   * subnormal range or to 0, lose their precision and tie (2^-480, about 3e-145).
   */
  public static final double TINY_SPAN = 0x1p-480;

  private MagnitudeCheck() {}

  /**
   * Checks {@code data} (encoded by {@code encoder}) together with {@code extraCentres} (row-major,
   * same columns; may be null).
   *
   * @throws WekaException when a squared distance or a weighted sum could overflow
   */
  public static void check(InstanceEncoder encoder, DataMatrix data, double[] extraCentres)
      throws WekaException {
    check(encoder, data, ColumnRanges.of(data.values(), data.columns()), extraCentres);
  }

  /**
   * Checks {@code data} (encoded by {@code encoder}), whose column ranges are {@code ranges} (found
   * as the data were encoded), together with {@code extraCentres} (row-major, same columns; may be
   * null).
   *
   * @throws WekaException when a squared distance or a weighted sum could overflow
   */
  public static void check(
      InstanceEncoder encoder, DataMatrix data, ColumnRanges ranges, double[] extraCentres)
      throws WekaException {
    double weight = Math.max(1, data.totalWeight());
    Box alone = new Box(ranges);
    if (alone.widestSpan > 0 && alone.widestSpan < TINY_SPAN) {
      throw new WekaException(
          "The values are too small for double precision: the widest attribute, '"
              + attributeName(encoder, alone.widest)
              + "', spans only "
              + alone.widestSpan
              + " after -normalize "
              + encoder.normalization().id()
              + ", so squared distances would underflow and instances could not be told apart."
              + " Use -normalize range or standardize, or rescale the data.");
    }
    if (!alone.fits(weight)) {
      throw new WekaException(
          "The values are too large for double precision: attribute '"
              + attributeName(encoder, alone.widest)
              + "' spans "
              + alone.widestSpan
              + " after -normalize "
              + encoder.normalization().id()
              + ", and the instance weights add up to "
              + data.totalWeight()
              + ", so squared distances or their weighted sums would exceed the largest double ("
              + Double.MAX_VALUE
              + "). "
              + (encoder.normalization() == Normalization.NONE
                  ? "Use -normalize range or standardize, or rescale the data or the weights."
                  : "Rescale the data or the weights."));
    }
    if (extraCentres == null) {
      return;
    }
    ColumnRanges widened = ranges.copy();
    widened.widen(extraCentres, 0, extraCentres.length);
    Box withCentres = new Box(widened);
    if (!withCentres.fits(weight)) {
      throw farCentre(encoder, ranges, extraCentres);
    }
  }

  /**
   * The refusal of given centres that lie too far from the data, which fit on their own: names the
   * centre and the attribute farthest outside the data's range.
   */
  private static WekaException farCentre(
      InstanceEncoder encoder, ColumnRanges data, double[] centres) {
    int columns = data.columns();
    int farthestCentre = 0;
    int farthestColumn = 0;
    double farthest = -1;
    for (int c = 0; c < centres.length / columns; c++) {
      for (int j = 0; j < columns; j++) {
        double value = centres[c * columns + j];
        double outside = Math.max(data.min(j) - value, value - data.max(j));
        if (outside > farthest || Double.isNaN(outside)) {
          farthest = outside;
          farthestCentre = c;
          farthestColumn = j;
        }
      }
    }
    return new WekaException(
        "The initial centres lie too far from the training data for double precision: centre "
            + (farthestCentre + 1)
            + " in the file, attribute '"
            + attributeName(encoder, farthestColumn)
            + "', lies "
            + farthest
            + " outside the data's range after -normalize "
            + encoder.normalization().id()
            + ", so squared distances would exceed the largest double ("
            + Double.MAX_VALUE
            + "). Check the centres of -init-file.");
  }

  private static String attributeName(InstanceEncoder encoder, int column) {
    return encoder
        .header()
        .attribute(encoder.attributeIndex(encoder.attributeOfColumn(column)))
        .name();
  }

  /** The bounds a bounding box puts on squared distances and weighted sums. */
  private static final class Box {

    /** The sum over columns of the squared spans: the largest squared distance within the box. */
    private final double squaredSpans;

    /** The largest magnitude of a coordinate: the largest mean or coordinate sum per weight. */
    private final double largestMagnitude;

    /** The column of the widest span (a NaN span counts as widest). */
    private final int widest;

    private final double widestSpan;

    private Box(ColumnRanges box) {
      double squared = 0;
      double magnitude = 0;
      int widestColumn = 0;
      double widestOne = -1;
      for (int j = 0; j < box.columns(); j++) {
        double span = box.max(j) - box.min(j);
        squared += span * span;
        if (span > widestOne || Double.isNaN(span)) {
          widestOne = span;
          widestColumn = j;
        }
        magnitude = Math.max(magnitude, Math.max(Math.abs(box.min(j)), Math.abs(box.max(j))));
      }
      this.squaredSpans = squared;
      this.largestMagnitude = magnitude;
      this.widest = widestColumn;
      this.widestSpan = widestOne;
    }

    /** Whether squared distances and coordinate sums of instances of total {@code weight} fit. */
    private boolean fits(double weight) {
      return weight * squaredSpans <= LIMIT && weight * largestMagnitude <= LIMIT;
    }
  }
}
