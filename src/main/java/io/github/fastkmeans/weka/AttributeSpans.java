package io.github.fastkmeans.weka;

import java.util.Arrays;

/**
 * The clustered attributes as spans of consecutive header indices whose raw values go to
 * consecutive matrix columns, so that a row's values are copied a span at a time ({@link
 * TrainingRows#copyValues}): numeric attributes side by side make one span; a nominal attribute's
 * one-hot columns, or an attribute left out, end one.
 */
final class AttributeSpans {

  /** Per span, the index (into the clustered attributes) of its first attribute. */
  private final int[] first;

  /** Per span, its number of attributes. */
  private final int[] length;

  /**
   * The spans of the clustered attributes {@code used} (header indices, in column order), attribute
   * a's raw value going to column {@code firstColumn[a]}.
   */
  AttributeSpans(int[] used, int[] firstColumn) {
    int[] starts = new int[used.length];
    int[] lengths = new int[used.length];
    int spans = 0;
    for (int a = 0; a < used.length; a++) {
      boolean continues =
          a > 0 && used[a] == used[a - 1] + 1 && firstColumn[a] == firstColumn[a - 1] + 1;
      if (continues) {
        lengths[spans - 1]++;
      } else {
        starts[spans] = a;
        lengths[spans] = 1;
        spans++;
      }
    }
    this.first = Arrays.copyOf(starts, spans);
    this.length = Arrays.copyOf(lengths, spans);
  }

  /**
   * Copies the raw values of row {@code row} of {@code rows} into {@code values}, the row's first
   * column at {@code base}.
   */
  void copyRow(
      TrainingRows rows, int row, int[] used, int[] firstColumn, double[] values, int base) {
    for (int s = 0; s < first.length; s++) {
      int a = first[s];
      rows.copyValues(row, used[a], length[s], values, base + firstColumn[a]);
    }
  }
}
