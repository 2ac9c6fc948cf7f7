package io.github.fastkmeans.weka;

import java.util.Arrays;

/**
 * The clustered attributes as spans of consecutive header indices whose raw values go to
 * consecutive matrix columns, so that a row's values are copied a span at a time ({@link
 * TrainingRows#copyValues}): numeric attributes side by side make one span; a nominal attribute's
 * one-hot columns, or an attribute left out, end one.
 */
final class AttributeSpans {

  /** Per span, the header index of its first attribute. */
  private final int[] firstAttribute;

  /** Per span, the matrix column of its first attribute's raw value. */
  private final int[] firstColumn;

  /** Per span, its number of attributes. */
  private final int[] length;

  /**
   * The spans of the clustered attributes {@code used} (header indices, in column order), attribute
   * a's raw value going to column {@code columnOf[a]}.
   */
  AttributeSpans(int[] used, int[] columnOf) {
    int[] attributes = new int[used.length];
    int[] columns = new int[used.length];
    int[] lengths = new int[used.length];
    int spans = 0;
    for (int a = 0; a < used.length; a++) {
      if (a > 0 && used[a] == used[a - 1] + 1 && columnOf[a] == columnOf[a - 1] + 1) {
        lengths[spans - 1]++;
      } else {
        attributes[spans] = used[a];
        columns[spans] = columnOf[a];
        lengths[spans] = 1;
        spans++;
      }
    }
    this.firstAttribute = Arrays.copyOf(attributes, spans);
    this.firstColumn = Arrays.copyOf(columns, spans);
    this.length = Arrays.copyOf(lengths, spans);
  }

  /**
   * Copies the raw values of row {@code row} of {@code rows} into {@code values}, the row's first
   * column at {@code base}.
   */
  void copyRow(TrainingRows rows, int row, double[] values, int base) {
    for (int s = 0; s < length.length; s++) {
      rows.copyValues(row, firstAttribute[s], length[s], values, base + firstColumn[s]);
    }
  }
}
