package io.github.fastkmeans.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark ML persistence of {@link FastKMeansModel}: the parameters as Spark's default metadata
 * ({@code path/metadata}), the centres and the fit's figures as one Parquet row ({@code
 * path/data}).
 */
final class FastKMeansModelIo {

  private static final StructType DATA =
      new StructType()
          .add("centres", doubles(), false)
          .add("featureNames", DataTypes.createArrayType(DataTypes.StringType, false), false)
          .add("scaling", DataTypes.StringType, false)
          .add("offsets", doubles(), false)
          .add("scales", doubles(), false)
          .add("flats", DataTypes.createArrayType(DataTypes.BooleanType, false), false)
          .add("clusterWeights", doubles(), false)
          .add("clusterSizes", longs(), false)
          .add("squaredError", DataTypes.DoubleType, false)
          .add("iterations", DataTypes.IntegerType, false)
          .add("converged", DataTypes.BooleanType, false)
          .add("relocations", DataTypes.IntegerType, false)
          .add("initialCentres", doubles(), false)
          .add("distances", longs(), false)
          .add("nanos", longs(), false)
          .add("algorithm", DataTypes.StringType, false)
          .add("labels", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
          .add("clusterMeans", doubles(), false)
          .add("clusterDeviations", doubles(), false)
          .add("overallMean", doubles(), false)
          .add("overallDeviation", doubles(), false)
          .add("partitions", DataTypes.IntegerType, false);

  private static DataType doubles() {
    return DataTypes.createArrayType(DataTypes.DoubleType, false);
  }

  private static DataType longs() {
    return DataTypes.createArrayType(DataTypes.LongType, false);
  }

  private FastKMeansModelIo() {}

  /** Writes a model. */
  static final class Writer extends MLWriter {
    private final FastKMeansModel model;

    Writer(FastKMeansModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      try {
        new DefaultParamsWriter(model).session(sparkSession()).save(path);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not write the model's parameters to " + path, e);
      }
      FittedCentres f = model.fitted();
      Scaling scale = f.scaling;
      Row row =
          RowFactory.create(
              f.centres,
              f.featureNames,
              scale.kind(),
              scale.offsets(),
              scale.scales(),
              scale.flats(),
              f.clusterWeights,
              f.clusterSizes,
              f.squaredError,
              f.iterations,
              f.converged,
              f.relocations,
              f.initialCentres,
              f.distances,
              f.nanos,
              f.algorithm,
              f.labels,
              f.spread.clusterMeans,
              f.spread.clusterDeviations,
              f.spread.overallMean,
              f.spread.overallDeviation,
              f.partitions);
      sparkSession()
          .createDataFrame(Collections.singletonList(row), DATA)
          .repartition(1)
          .write()
          .parquet(path + "/data");
    }
  }

  /** Reads a model. */
  static final class Reader extends MLReader<FastKMeansModel> {
    @Override
    public FastKMeansModel load(String path) {
      FastKMeansModel model =
          new DefaultParamsReader<FastKMeansModel>().session(sparkSession()).load(path);
      List<Row> rows = sparkSession().read().parquet(path + "/data").collectAsList();
      if (rows.size() != 1) {
        throw new IllegalArgumentException(
            path + "/data holds " + rows.size() + " rows; a FastKMeans model has one.");
      }
      Row r = rows.get(0);
      Scaling scaling =
          new Scaling(
              r.getString(r.fieldIndex("scaling")),
              doubles(r, "offsets"),
              doubles(r, "scales"),
              booleans(r, "flats"));
      Spread spread =
          new Spread(
              doubles(r, "clusterMeans"),
              doubles(r, "clusterDeviations"),
              doubles(r, "overallMean"),
              doubles(r, "overallDeviation"));
      model.attach(
          new FittedCentres(
              doubles(r, "centres"),
              r.<String>getList(r.fieldIndex("featureNames")).toArray(new String[0]),
              scaling,
              doubles(r, "clusterWeights"),
              longs(r, "clusterSizes"),
              r.getDouble(r.fieldIndex("squaredError")),
              r.getInt(r.fieldIndex("iterations")),
              r.getBoolean(r.fieldIndex("converged")),
              r.getInt(r.fieldIndex("relocations")),
              doubles(r, "initialCentres"),
              longs(r, "distances"),
              longs(r, "nanos"),
              r.getString(r.fieldIndex("algorithm")),
              r.<Integer>getList(r.fieldIndex("labels")).stream()
                  .mapToInt(Integer::intValue)
                  .toArray(),
              spread,
              r.getInt(r.fieldIndex("partitions"))));
      return model;
    }

    private static double[] doubles(Row row, String field) {
      return row.<Double>getList(row.fieldIndex(field)).stream()
          .mapToDouble(Double::doubleValue)
          .toArray();
    }

    private static long[] longs(Row row, String field) {
      return row.<Long>getList(row.fieldIndex(field)).stream().mapToLong(Long::longValue).toArray();
    }

    private static boolean[] booleans(Row row, String field) {
      List<Boolean> list = row.getList(row.fieldIndex(field));
      boolean[] out = new boolean[list.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = list.get(i);
      }
      return out;
    }
  }
}
