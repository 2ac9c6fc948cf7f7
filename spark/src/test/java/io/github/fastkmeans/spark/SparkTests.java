package io.github.fastkmeans.spark;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One Spark session for all tests (master from spark.master, local[2] by default) and data. */
final class SparkTests {

  private static SparkSession session;

  private SparkTests() {}

  /** The shared session. */
  static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master(System.getProperty("spark.master", "local[2]"))
              .appName("FastKMeans tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "4")
              .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }

  /** Blobs: {@code rows} x {@code columns} around {@code groups} centres, weights optional. */
  static DataMatrix blobs(long seed, int rows, int columns, int groups, boolean weighted) {
    Random random = new Random(seed);
    double[] means = new double[groups * columns];
    for (int i = 0; i < means.length; i++) {
      means[i] = -10 + 20 * random.nextDouble();
    }
    double[] values = new double[rows * columns];
    double[] weights = weighted ? new double[rows] : null;
    for (int row = 0; row < rows; row++) {
      int group = random.nextInt(groups);
      for (int j = 0; j < columns; j++) {
        values[row * columns + j] = means[group * columns + j] + 1.5 * random.nextGaussian();
      }
      if (weighted) {
        weights[row] = 0.5 + 2 * random.nextDouble();
      }
    }
    return DataMatrix.of(rows, columns, values, weights);
  }

  /**
   * The rows of {@code data} in order as a DataFrame (features, weight) of {@code partitions}
   * partitions of uneven sizes drawn with {@code layoutSeed}, some possibly empty.
   */
  static Dataset<Row> frame(DataMatrix data, int partitions, long layoutSeed) {
    List<List<Row>> groups = new ArrayList<>();
    Random random = new Random(layoutSeed);
    int[] cuts = new int[partitions + 1];
    cuts[partitions] = data.rows();
    for (int p = 1; p < partitions; p++) {
      cuts[p] = random.nextInt(data.rows() + 1);
    }
    java.util.Arrays.sort(cuts, 1, partitions);
    for (int p = 0; p < partitions; p++) {
      List<Row> group = new ArrayList<>();
      for (int row = cuts[p]; row < cuts[p + 1]; row++) {
        group.add(RowFactory.create(Vectors.dense(data.row(row)), data.weight(row)));
      }
      groups.add(group);
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(session().sparkContext());
    JavaRDD<Row> rows = context.parallelize(groups, partitions).flatMap(List::iterator);
    StructType schema =
        new StructType()
            .add("features", SQLDataTypes.VectorType(), false)
            .add("weight", DataTypes.DoubleType, false);
    return session().createDataFrame(rows, schema);
  }

  /** Row-major centres as Spark's initialCenters. */
  static double[][] asArrays(double[] centres, int columns) {
    double[][] out = new double[centres.length / columns][];
    for (int c = 0; c < out.length; c++) {
      out[c] = java.util.Arrays.copyOfRange(centres, c * columns, (c + 1) * columns);
    }
    return out;
  }
}
