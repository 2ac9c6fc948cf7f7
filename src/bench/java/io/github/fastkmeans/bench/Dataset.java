package io.github.fastkmeans.bench;

/**
 * One benchmark problem: n rows of d values (row-major, never modified once built), the number of
 * clusters and the number of iterations every system runs.
 */
final class Dataset {

  final String name;
  final String description;
  final int rows;
  final int columns;
  final int k;
  final int iterations;

  /** Row-major rows x columns; shared read-only by every system. */
  final double[] values;

  /**
   * Whether this is one of the large sets (E, F, G: a billion or more flops per Lloyd pass), on
   * which the slow systems run only when --systems names them.
   */
  final boolean large;

  Dataset(
      String name,
      String description,
      int rows,
      int columns,
      int k,
      int iterations,
      double[] values) {
    this(name, description, rows, columns, k, iterations, values, false);
  }

  private Dataset(
      String name,
      String description,
      int rows,
      int columns,
      int k,
      int iterations,
      double[] values,
      boolean large) {
    if (values.length != (long) rows * columns) {
      throw new IllegalArgumentException(
          name + ": " + values.length + " values for " + rows + " x " + columns);
    }
    this.name = name;
    this.description = description;
    this.rows = rows;
    this.columns = columns;
    this.k = k;
    this.iterations = iterations;
    this.values = values;
    this.large = large;
  }

  /** The same set (sharing its values) marked as one of the large sets. */
  Dataset asLarge() {
    return new Dataset(name, description, rows, columns, k, iterations, values, true);
  }

  /** The flops of one brute-force pass: 2 d per row and centre (a multiply and an add). */
  double flopsPerPass() {
    return 2.0 * rows * k * columns;
  }

  /** The rows as separate arrays (a copy), for libraries that want {@code double[][]}. */
  double[][] toRows() {
    double[][] out = new double[rows][];
    for (int i = 0; i < rows; i++) {
      out[i] = new double[columns];
      System.arraycopy(values, i * columns, out[i], 0, columns);
    }
    return out;
  }

  /** "n x d, k = .., .. iterations". */
  String shape() {
    return String.format("%,d x %d, k = %d, %d iterations", rows, columns, k, iterations);
  }
}
