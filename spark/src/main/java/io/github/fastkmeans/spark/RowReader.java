package io.github.fastkmeans.spark;

import io.github.fastkmeans.engine.DataMatrix;
import java.io.Serializable;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * Reads the features and weight of one row of the selected columns (features first, then the weight
 * when there is one), refusing what k-means cannot use with a message naming the row.
 */
final class RowReader implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int columns;
  private final boolean weighted;
  private final String featuresCol;
  private final Scaling scaling;

  RowReader(int columns, boolean weighted, String featuresCol, Scaling scaling) {
    this.columns = columns;
    this.weighted = weighted;
    this.featuresCol = featuresCol;
    this.scaling = scaling;
  }

  /** The number of features. */
  int columns() {
    return columns;
  }

  /** Whether rows carry a weight column. */
  boolean weighted() {
    return weighted;
  }

  /** The features of {@code row}, the row at position {@code id}, scaled. */
  RowRecord read(Row row, long id) {
    if (row.isNullAt(0)) {
      throw new IllegalArgumentException(
          "Row " + id + " has no value in the features column '" + featuresCol + "'.");
    }
    double[] values = ((Vector) row.get(0)).toArray();
    if (values.length != columns) {
      throw new IllegalArgumentException(
          "Row "
              + id
              + " has "
              + values.length
              + " features but the first row has "
              + columns
              + "; every row needs the same number.");
    }
    for (int j = 0; j < columns; j++) {
      if (!Double.isFinite(values[j])) {
        throw new IllegalArgumentException(
            "Feature "
                + j
                + " of row "
                + id
                + " is "
                + values[j]
                + "; k-means needs finite numbers (drop or fill the row first).");
      }
    }
    double weight = 1;
    if (weighted) {
      if (row.isNullAt(1)) {
        throw new IllegalArgumentException("Row " + id + " has no weight.");
      }
      weight = ((Number) row.get(1)).doubleValue();
      if (!DataMatrix.isUsableWeight(weight)) {
        throw new IllegalArgumentException(
            "Row " + id + " has weight " + weight + "; k-means needs " + DataMatrix.USABLE_WEIGHTS);
      }
    }
    return new RowRecord(id, scaling.apply(values), weight);
  }
}
