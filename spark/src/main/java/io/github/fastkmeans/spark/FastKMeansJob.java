package io.github.fastkmeans.spark;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.converters.ArffLoader;

/**
 * FastKMeans on Spark from the command line, for users without Scala: reads a CSV (with a header
 * row), Parquet or ARFF file, clusters its numeric columns, prints a line per iteration, and writes
 * a Weka model file and, if asked, the rows with their clusters. The Spark master comes from
 * Spark's configuration (spark-submit's {@code --master}, or {@code -Dspark.master=...}).
 */
public final class FastKMeansJob {

  private static final String FEATURES = "fastkmeans_features";

  private final PrintStream out;

  private FastKMeansJob(PrintStream out) {
    this.out = out;
  }

  /** Runs the job; exits with status 1 after printing an error. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    SparkSession.getActiveSession()
        .foreach(
            session -> {
              session.stop();
              return null;
            });
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the job with {@code args}, printing progress to {@code out} and errors to {@code err};
   * returns the exit status (0, or 1 after an error). Uses the active Spark session, if any.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || Arrays.asList(args).contains("--help")) {
      out.print(JobOptions.usage());
      return args.length == 0 ? 1 : 0;
    }
    try {
      new FastKMeansJob(out).run(new JobOptions(args));
      return 0;
    } catch (IllegalArgumentException | IOException e) {
      err.println("FastKMeansJob: " + e.getMessage());
      return 1;
    } catch (UncheckedIOException e) {
      // Spark's model writer may not throw IOException: the cause says what failed.
      err.println("FastKMeansJob: " + e.getMessage() + ": " + rootMessage(e));
      return 1;
    } catch (SparkException e) {
      // A row refused on an executor arrives wrapped in Spark's task failure.
      err.println("FastKMeansJob: " + rootMessage(e));
      return 1;
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }

  private void run(JobOptions options) throws IOException, SparkException {
    int k = requiredK(options);
    // Checked before Spark starts and reads the input, not after.
    Integer partitions = options.integer("partitions");
    if (partitions != null && partitions < 1) {
      throw new IllegalArgumentException(
          "Option --partitions needs a positive number of partitions, got " + partitions + ".");
    }
    Long seed = options.longInteger("seed");
    if (seed != null && options.get("model") != null && seed != seed.intValue()) {
      throw new IllegalArgumentException(
          "Option --seed got "
              + seed
              + ", but a Weka model (--model) keeps its seed as an integer from "
              + Integer.MIN_VALUE
              + " to "
              + Integer.MAX_VALUE
              + ".");
    }
    SparkSession spark = session();
    Dataset<Row> data = read(spark, options);
    if (partitions != null) {
      // coalesce keeps the rows' order, and so the fit's result.
      data = partitions < data.rdd().getNumPartitions() ? data.coalesce(partitions) : data;
    }
    String[] features = features(data.schema(), options.get("features"), options.get("weight"));
    Dataset<Row> assembled =
        new VectorAssembler().setInputCols(features).setOutputCol(FEATURES).transform(data);
    FastKMeans kmeans = estimator(options, k).setPredictionCol(outputColumn(data.schema()));
    long started = System.nanoTime();
    FastKMeansModel model = kmeans.fit(assembled);
    long elapsed = System.nanoTime() - started;
    out.printf(
        Locale.ROOT,
        "FastKMeans: k = %d, %d iterations (%s), squared error %.6g, %.3f s%n",
        k,
        model.numIter(),
        model.summary().converged() ? "converged" : "iteration limit",
        model.trainingCost(),
        elapsed / 1e9);
    out.println("Cluster sizes: " + Arrays.toString(model.summary().clusterSizes()));
    String modelFile = options.get("model");
    if (modelFile != null) {
      WekaModelFile.write(model, relationName(options.required("input")), Path.of(modelFile));
      out.println("Weka model written to " + modelFile);
    }
    String sparkModel = options.get("spark-model");
    if (sparkModel != null) {
      model.write().overwrite().save(sparkModel);
      out.println("Spark model saved in " + sparkModel);
    }
    String assignments = options.get("assignments");
    if (assignments != null) {
      model.transform(assembled).drop(FEATURES).write().mode("overwrite").parquet(assignments);
      out.println("Assignments written to " + assignments);
    }
  }

  /** The assignments' column: "cluster", or "cluster_2", ... when the input has one already. */
  private static String outputColumn(StructType schema) {
    List<String> names = Arrays.asList(schema.fieldNames());
    String name = "cluster";
    for (int suffix = 2; names.contains(name); suffix++) {
      name = "cluster_" + suffix;
    }
    return name;
  }

  private static int requiredK(JobOptions options) {
    Integer k = options.integer("k");
    if (k == null) {
      options.required("k");
    }
    if (k < 1) {
      throw new IllegalArgumentException("Option --k must be at least 1, got " + k + ".");
    }
    return k;
  }

  private static SparkSession session() {
    if (SparkSession.getActiveSession().isEmpty() && !new SparkConf().contains("spark.master")) {
      throw new IllegalArgumentException(
          "No Spark master is set: run with spark-submit, or with java -Dspark.master=local[2].");
    }
    return SparkSession.builder().appName("FastKMeans").getOrCreate();
  }

  private FastKMeans estimator(JobOptions options, int k) {
    FastKMeans kmeans =
        new FastKMeans()
            .setK(k)
            .setFeaturesCol(FEATURES)
            .setProgress(progress -> out.println(progress));
    if (options.get("weight") != null) {
      kmeans.setWeightCol(options.get("weight"));
    }
    if (options.integer("max-iter") != null) {
      kmeans.setMaxIter(options.integer("max-iter"));
    }
    if (options.real("tol") != null) {
      kmeans.setTol(options.real("tol"));
    }
    Long seed = options.longInteger("seed");
    if (seed != null) {
      kmeans.setSeed(seed);
    }
    if (options.get("init") != null) {
      kmeans.setInitMode(options.get("init"));
    }
    if (options.integer("init-steps") != null) {
      kmeans.setInitSteps(options.integer("init-steps"));
    }
    if (options.real("init-oversampling") != null) {
      kmeans.setInitOversampling(options.real("init-oversampling"));
    }
    if (options.get("algorithm") != null) {
      kmeans.setAlgorithm(options.get("algorithm"));
    }
    if (options.get("empty") != null) {
      kmeans.setEmptyClusterPolicy(options.get("empty"));
    }
    if (options.get("normalize") != null) {
      kmeans.setNormalize(options.get("normalize"));
    }
    return kmeans;
  }

  private static Dataset<Row> read(SparkSession spark, JobOptions options) throws IOException {
    String input = options.required("input");
    String format = options.get("format");
    if (format == null) {
      String lower = input.toLowerCase(Locale.ROOT);
      format = lower.endsWith(".parquet") ? "parquet" : lower.endsWith(".arff") ? "arff" : "csv";
    }
    try {
      switch (format) {
        case "csv":
          return spark.read().option("header", "true").option("inferSchema", "true").csv(input);
        case "parquet":
          return spark.read().parquet(input);
        case "arff":
          return arff(spark, input);
        default:
          throw new IllegalArgumentException(
              "Unknown --format " + format + "; use csv, parquet or arff.");
      }
    } catch (Exception e) {
      if (e instanceof IllegalArgumentException && !(e.getCause() instanceof AnalysisException)) {
        throw (IllegalArgumentException) e;
      }
      throw new IOException(
          "Cannot read " + format + " input '" + input + "': " + e.getMessage(), e);
    }
  }

  /** An ARFF file, read on the driver by Weka's loader: numeric attributes as double columns. */
  private static Dataset<Row> arff(SparkSession spark, String input) throws IOException {
    ArffLoader loader = new ArffLoader();
    loader.setFile(new File(input));
    Instances data = loader.getDataSet();
    StructType schema = new StructType();
    for (int a = 0; a < data.numAttributes(); a++) {
      Attribute attribute = data.attribute(a);
      schema =
          schema.add(
              attribute.name(),
              attribute.isNumeric() ? DataTypes.DoubleType : DataTypes.StringType,
              true);
    }
    List<Row> rows = new ArrayList<>(data.numInstances());
    for (int i = 0; i < data.numInstances(); i++) {
      Object[] values = new Object[data.numAttributes()];
      for (int a = 0; a < values.length; a++) {
        if (!data.instance(i).isMissing(a)) {
          values[a] =
              data.attribute(a).isNumeric()
                  ? (Object) data.instance(i).value(a)
                  : data.instance(i).stringValue(a);
        }
      }
      rows.add(RowFactory.create(values));
    }
    return spark.createDataFrame(rows, schema);
  }

  /** The feature columns: those named, each checked, or every numeric column but the weight. */
  static String[] features(StructType schema, String named, String weight) {
    if (named == null) {
      List<String> numeric = new ArrayList<>();
      for (StructField field : schema.fields()) {
        if (field.dataType() instanceof NumericType && !field.name().equals(weight)) {
          numeric.add(field.name());
        }
      }
      if (numeric.isEmpty()) {
        throw new IllegalArgumentException(
            "The input has no numeric column to cluster; its columns are "
                + describe(schema)
                + ".");
      }
      return numeric.toArray(new String[0]);
    }
    String[] columns = named.split(",");
    for (String column : columns) {
      StructField field = find(schema, column.trim());
      if (!(field.dataType() instanceof NumericType)) {
        throw new IllegalArgumentException(
            "Feature column '"
                + field.name()
                + "' holds "
                + field.dataType().simpleString()
                + " values, not numbers.");
      }
    }
    return Arrays.stream(columns).map(String::trim).toArray(String[]::new);
  }

  private static StructField find(StructType schema, String column) {
    for (StructField field : schema.fields()) {
      if (field.name().equals(column)) {
        return field;
      }
    }
    throw new IllegalArgumentException(
        "There is no column '" + column + "'; the columns are " + describe(schema) + ".");
  }

  private static String describe(StructType schema) {
    List<String> parts = new ArrayList<>();
    for (StructField field : schema.fields()) {
      parts.add(field.name() + " (" + field.dataType().simpleString() + ")");
    }
    return String.join(", ", parts);
  }

  private static String relationName(String input) {
    String name = new File(input).getName();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
