package io.github.fastkmeans.spark;

import io.github.fastkmeans.engine.AssignmentKernel;
import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.parallel.RowChunks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The rows of a data set laid out for an exact distributed fit: numbered in the data set's order,
 * cut into the engine's global chunks, and held as one cached {@link RowBlock} per partition, each
 * holding the whole chunks that start in that partition. The few rows of a chunk that spills into
 * the next partitions are collected and handed to the chunk's block, so no full shuffle is needed.
 */
final class DistributedData implements AutoCloseable {

  /** One block per partition that owns a chunk. */
  final JavaRDD<RowBlock> blocks;

  /** The number of rows. */
  final long rows;

  /** The number of features. */
  final int columns;

  /** The scaling applied to the features. */
  final Scaling scaling;

  /** The features' names, from the column's ML attributes or x0, x1, ... */
  final String[] featureNames;

  private final Broadcast<List<RowRecord>> spilled;

  private DistributedData(
      JavaRDD<RowBlock> blocks,
      long rows,
      int columns,
      Scaling scaling,
      String[] featureNames,
      Broadcast<List<RowRecord>> spilled) {
    this.blocks = blocks;
    this.rows = rows;
    this.columns = columns;
    this.scaling = scaling;
    this.featureNames = featureNames;
    this.spilled = spilled;
  }

  /**
   * Lays out the rows of {@code dataset}: features from the Vector column {@code featuresCol},
   * weights from the numeric column {@code weightCol} (null: every weight 1), scaled as {@code
   * normalize} says.
   *
   * @throws IllegalArgumentException naming a missing or mistyped column, an empty data set, or a
   *     row that cannot be clustered
   */
  static DistributedData of(
      Dataset<?> dataset, String featuresCol, String weightCol, String normalize) {
    checkColumns(dataset.schema(), featuresCol, weightCol);
    List<Column> selected = new ArrayList<>();
    selected.add(column(featuresCol));
    if (weightCol != null) {
      selected.add(column(weightCol).cast("double"));
    }
    JavaRDD<Row> input = dataset.select(selected.toArray(new Column[0])).toJavaRDD();
    List<Long> counts =
        input
            .mapPartitions(
                rows -> {
                  long count = 0;
                  for (; rows.hasNext(); rows.next()) {
                    count++;
                  }
                  return Collections.singletonList(count).iterator();
                })
            .collect();
    long[] offsets = new long[counts.size() + 1];
    for (int p = 0; p < counts.size(); p++) {
      offsets[p + 1] = offsets[p] + counts.get(p);
    }
    long total = offsets[counts.size()];
    if (total == 0) {
      throw new IllegalArgumentException("The data set has no rows.");
    }
    Row first = dataset.select(column(featuresCol)).first();
    if (first.isNullAt(0)) {
      throw new IllegalArgumentException("Row 0 has no value in the features column.");
    }
    int columns = ((org.apache.spark.ml.linalg.Vector) first.get(0)).size();
    if (columns == 0) {
      throw new IllegalArgumentException("The features column '" + featuresCol + "' is empty.");
    }
    boolean weighted = weightCol != null;
    RowReader raw = new RowReader(columns, weighted, featuresCol, Scaling.none(columns));
    Scaling scaling =
        "none".equals(normalize)
            ? Scaling.none(columns)
            : Scaling.of(normalize, statistics(input, raw, offsets, columns));
    RowReader reader = new RowReader(columns, weighted, featuresCol, scaling);

    // Rows before the first chunk start of their partition belong to a block further left.
    List<RowRecord> spills =
        input
            .mapPartitionsWithIndex(
                (partition, rows) -> {
                  long id = offsets[partition];
                  long owned = Math.min(offsets[partition + 1], chunkStartAtOrAfter(id));
                  List<RowRecord> out = new ArrayList<>();
                  for (; id < owned && rows.hasNext(); id++) {
                    out.add(reader.read(rows.next(), id));
                  }
                  return out.iterator();
                },
                true)
            .collect();
    JavaSparkContext context =
        JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
    Broadcast<List<RowRecord>> spilled = context.broadcast(spills);
    JavaRDD<RowBlock> blocks =
        input
            .mapPartitionsWithIndex(
                (partition, rows) -> block(partition, rows, offsets, total, reader, spilled), true)
            .persist(StorageLevel.MEMORY_ONLY());
    blocks.count();
    return new DistributedData(
        blocks,
        total,
        columns,
        scaling,
        featureNames(dataset.schema().apply(featuresCol), columns),
        spilled);
  }

  private static Iterator<RowBlock> block(
      int partition,
      Iterator<Row> rows,
      long[] offsets,
      long total,
      RowReader reader,
      Broadcast<List<RowRecord>> spilled) {
    // The executor's JIT compiles the vector kernel while its partition is read, not during the
    // fit's first passes (once per executor JVM; nothing without the vector module).
    AssignmentKernel.prepare();
    long start = offsets[partition];
    long end = offsets[partition + 1];
    long ownedStart = chunkStartAtOrAfter(start);
    if (ownedStart >= end) {
      return Collections.emptyIterator();
    }
    long ownedEnd = Math.min(total, chunkStartAtOrAfter(end));
    long size = ownedEnd - ownedStart;
    if (size * reader.columns() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "Partition "
              + partition
              + " holds "
              + size
              + " rows, too many for one array; use more partitions.");
    }
    int columns = reader.columns();
    double[] values = new double[(int) size * columns];
    double[] weights = reader.weighted() ? new double[(int) size] : null;
    // Spark's row iterators need hasNext before every next.
    for (long id = start; id < end && rows.hasNext(); id++) {
      Row row = rows.next();
      if (id >= ownedStart) {
        put(reader.read(row, id), ownedStart, values, weights);
      }
    }
    for (RowRecord record : spilled.value()) {
      if (record.id >= end && record.id < ownedEnd) {
        put(record, ownedStart, values, weights);
      }
    }
    DataMatrix data = DataMatrix.of((int) size, columns, values, weights);
    return Collections.singletonList(new RowBlock(partition, ownedStart, data)).iterator();
  }

  private static void put(RowRecord record, long ownedStart, double[] values, double[] weights) {
    int local = (int) (record.id - ownedStart);
    System.arraycopy(record.values, 0, values, local * record.values.length, record.values.length);
    if (weights != null) {
      weights[local] = record.weight;
    }
  }

  private static long chunkStartAtOrAfter(long row) {
    long size = RowChunks.CHUNK_ROWS;
    return (row + size - 1) / size * size;
  }

  private static FeatureStatistics statistics(
      JavaRDD<Row> input, RowReader raw, long[] offsets, int columns) {
    FeatureStatistics.Moments moments =
        input
            .mapPartitionsWithIndex(
                (partition, rows) -> {
                  FeatureStatistics.Moments partial = new FeatureStatistics.Moments(columns);
                  for (long id = offsets[partition]; rows.hasNext(); id++) {
                    RowRecord record = raw.read(rows.next(), id);
                    partial.add(record.values, record.weight);
                  }
                  return Collections.singletonList(partial).iterator();
                },
                true)
            .collect()
            .stream()
            .reduce(new FeatureStatistics.Moments(columns), FeatureStatistics.Moments::merge);
    double[] mean = new double[columns];
    for (int j = 0; j < columns; j++) {
      mean[j] = moments.weight > 0 ? moments.weightedSum[j] / moments.weight : 0;
    }
    double[] squares =
        input
            .mapPartitionsWithIndex(
                (partition, rows) -> {
                  double[] partial = new double[columns];
                  for (long id = offsets[partition]; rows.hasNext(); id++) {
                    RowRecord record = raw.read(rows.next(), id);
                    for (int j = 0; j < columns; j++) {
                      double deviation = record.values[j] - mean[j];
                      partial[j] += record.weight * deviation * deviation;
                    }
                  }
                  return Collections.singletonList(partial).iterator();
                },
                true)
            .collect()
            .stream()
            .reduce(
                new double[columns],
                (a, b) -> {
                  for (int j = 0; j < columns; j++) {
                    a[j] += b[j];
                  }
                  return a;
                });
    return FeatureStatistics.of(moments, squares);
  }

  /** The names of the features: the ML attributes' names where all are given, else x0, x1, ... */
  private static String[] featureNames(StructField field, int columns) {
    String[] names = new String[columns];
    for (int j = 0; j < columns; j++) {
      names[j] = "x" + j;
    }
    AttributeGroup group = AttributeGroup.fromStructField(field);
    if (group.attributes().isDefined() && group.attributes().get().length == columns) {
      Attribute[] attributes = group.attributes().get();
      for (int j = 0; j < columns; j++) {
        if (attributes[j].name().isDefined()) {
          names[j] = attributes[j].name().get();
        }
      }
    }
    return names;
  }

  private static void checkColumns(StructType schema, String featuresCol, String weightCol) {
    DataType features = typeOf(schema, featuresCol, "features");
    if (!features.equals(SQLDataTypes.VectorType())) {
      throw new IllegalArgumentException(
          "The features column '"
              + featuresCol
              + "' holds "
              + features.simpleString()
              + ", not vectors; assemble the numeric columns with VectorAssembler first.");
    }
    if (weightCol != null) {
      DataType weight = typeOf(schema, weightCol, "weight");
      if (!(weight instanceof NumericType)) {
        throw new IllegalArgumentException(
            "The weight column '"
                + weightCol
                + "' holds "
                + weight.simpleString()
                + ", not numbers.");
      }
    }
  }

  private static DataType typeOf(StructType schema, String column, String role) {
    for (StructField field : schema.fields()) {
      if (field.name().equals(column)) {
        return field.dataType();
      }
    }
    throw new IllegalArgumentException(
        "There is no "
            + role
            + " column '"
            + column
            + "'; the columns are "
            + String.join(", ", schema.fieldNames())
            + ".");
  }

  /**
   * The rows {@code i * rows / count} of the data, i from 0 to count - 1 (every row when count is
   * at least their number), row-major in row order, gathered in one job over the blocks: a sample
   * spread evenly over the data.
   */
  DataMatrix evenSample(int count) {
    long total = rows;
    int sampled = (int) Math.min(count, total);
    List<double[]> parts = blocks.map(block -> block.evenSample(sampled, total)).collect();
    double[] values = new double[Math.multiplyExact(sampled, columns)];
    int at = 0;
    for (double[] part : parts) {
      System.arraycopy(part, 0, values, at, part.length);
      at += part.length;
    }
    return DataMatrix.of(sampled, columns, values);
  }

  /** Drops the cached blocks and the broadcast rows. */
  @Override
  public void close() {
    blocks.unpersist(false);
    spilled.destroy();
  }

  /**
   * The column named {@code name}, quoted: a dot in a name ("Sepal.Length") is part of it, not a
   * struct's field.
   */
  static Column column(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }
}
