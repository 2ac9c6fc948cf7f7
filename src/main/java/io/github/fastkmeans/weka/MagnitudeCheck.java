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
 * naming the attribute with the widest span, rather than producing infinite errors and wrong
 * assignments.
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
    int columns = data.columns();
    ColumnRanges box = ranges;
    if (extraCentres != null) {
      box = ranges.copy();
      box.widen(extraCentres, 0, extraCentres.length);
    }
    double weight = Math.max(1, data.totalWeight());
    double squaredSpans = 0;
    int widest = 0;
    double widestSpan = -1;
    double largestMagnitude = 0;
    for (int j = 0; j < columns; j++) {
      double span = box.max(j) - box.min(j);
      squaredSpans += span * span;
      if (span > widestSpan || Double.isNaN(span)) {
        widestSpan = span;
        widest = j;
      }
      largestMagnitude =
          Math.max(largestMagnitude, Math.max(Math.abs(box.min(j)), Math.abs(box.max(j))));
    }
    double distanceBound = weight * squaredSpans;
    double sumBound = weight * largestMagnitude;
    String name =
        encoder
            .header()
            .attribute(encoder.attributeIndex(encoder.attributeOfColumn(widest)))
            .name();
    if (widestSpan > 0 && widestSpan < TINY_SPAN) {
      throw new WekaException(
          "The values are too small for double precision: the widest attribute, '"
              + name
              + "', spans only "
              + widestSpan
              + " after -normalize "
              + encoder.normalization().id()
              + ", so squared distances would underflow and instances could not be told apart."
              + " Use -normalize range or standardize, or rescale the data.");
    }
    if (distanceBound <= LIMIT && sumBound <= LIMIT) {
      return;
    }
    throw new WekaException(
        "The values are too large for double precision: attribute '"
            + name
            + "' spans "
            + widestSpan
            + (extraCentres == null ? "" : " (with the given centres)")
            + " after -normalize "
            + encoder.normalization().id()
            + ", and the instance weights add up to "
            + data.totalWeight()
            + ", so squared distances or their weighted sums would exceed the largest double ("
            + Double.MAX_VALUE
            + "). Use -normalize range or standardize, or rescale the data or the weights.");
  }
}
