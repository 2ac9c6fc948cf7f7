package io.github.fastkmeans.spark;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NumericAttribute;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
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

  /** The metadata key that marks the column of an ARFF file's instance weights. */
  private static final String ARFF_WEIGHTS = "fastkmeans_arff_weights";

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
    } catch (RuntimeException e) {
      // Spark's analysis errors (Scala declares none) and the engine's refusals, as -empty fail's:
      // one line, with the class where the message alone may not say what failed.
      err.println("FastKMeansJob: " + e.getClass().getSimpleName() + ": " + rootMessage(e));
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
    refuseOutputsOverTheInput(options);
    refuseUnwritableModelFile(options.get("model"));
    SparkSession spark = session();
    Dataset<Row> data = read(spark, options);
    if (partitions != null) {
      // coalesce keeps the rows' order, and so the fit's result.
      data = partitions < data.rdd().getNumPartitions() ? data.coalesce(partitions) : data;
    }
    String weight = weightColumn(data.schema(), options);
    String[] features = features(data.schema(), options.get("features"), weight);
    if (options.get("features") == null) {
      noteColumnsLeftOut(data.schema(), features, weight);
    }
    Dataset<Row> assembled = assemble(data, features);
    FastKMeans kmeans = estimator(options, k).setPredictionCol(outputColumn(data.schema()));
    if (weight != null) {
      kmeans.setWeightCol(weight);
    }
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
    long[] sizes = model.summary().clusterSizes();
    out.println("Cluster sizes: " + Arrays.toString(sizes));
    long empty = Arrays.stream(sizes).filter(size -> size == 0).count();
    if (empty > 0) {
      out.println(
          "Warning: "
              + empty
              + " of the "
              + k
              + " clusters hold no row of positive weight (fewer distinct rows than k, or --empty"
              + " keep).");
    }
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

  /**
   * The feature columns of {@code data} as one vector column, {@value #FEATURES}. Each column is
   * copied under a plain name first: VectorAssembler takes a dot in a name ("Sepal.Length") for a
   * field of a struct. A missing value becomes NaN, which the fit refuses naming its row and
   * feature (VectorAssembler's own refusal names neither).
   */
  private static Dataset<Row> assemble(Dataset<Row> data, String[] features) {
    Dataset<Row> copied = data;
    String[] plain = new String[features.length];
    for (int i = 0; i < features.length; i++) {
      plain[i] = FEATURES + "_" + i;
      copied = copied.withColumn(plain[i], DistributedData.column(features[i]));
    }
    Dataset<Row> assembled =
        new VectorAssembler()
            .setInputCols(plain)
            .setOutputCol(FEATURES)
            .setHandleInvalid("keep")
            .transform(copied)
            .drop(plain);
    // The vector's attributes take the columns' own names back: the Weka model's attributes.
    org.apache.spark.ml.attribute.Attribute[] named =
        new org.apache.spark.ml.attribute.Attribute[features.length];
    for (int i = 0; i < features.length; i++) {
      named[i] = NumericAttribute.defaultAttr().withName(features[i]);
    }
    Metadata metadata = new AttributeGroup(FEATURES, named).toMetadata();
    return assembled.withColumn(FEATURES, DistributedData.column(FEATURES).as(FEATURES, metadata));
  }

  /** Tells on standard output which columns take no part, not being numeric. */
  private void noteColumnsLeftOut(StructType schema, String[] features, String weight) {
    List<String> used = new ArrayList<>(Arrays.asList(features));
    List<String> left = new ArrayList<>();
    for (StructField field : schema.fields()) {
      if (!used.contains(field.name())
          && !field.name().equals(weight)
          && !field.metadata().contains(ARFF_WEIGHTS)) {
        left.add(field.name() + " (" + field.dataType().simpleString() + ")");
      }
    }
    if (!left.isEmpty()) {
      out.println(
          "Not clustered, not numeric: "
              + String.join(", ", left)
              + " (a number column read as text has a cell that is not a number; --features"
              + " names the columns to cluster)");
    }
  }

  /**
   * Refuses outputs that would overwrite the input, or a folder holding it: Spark's overwrite
   * deletes a folder before the rows it is written from have been read.
   */
  private static void refuseOutputsOverTheInput(JobOptions options) {
    String input = options.required("input");
    for (String option : new String[] {"model", "spark-model", "assignments"}) {
      String output = options.get(option);
      if (output != null && overlaps(input, output)) {
        throw new IllegalArgumentException(
            "Option --"
                + option
                + " names "
                + output
                + ", which would overwrite the input "
                + input
                + "; write elsewhere.");
      }
    }
  }

  /**
   * Refuses a Weka model file that cannot be written, before Spark starts: a folder, or a file in a
   * folder that does not exist or cannot be written (found only after the fit otherwise).
   */
  private static void refuseUnwritableModelFile(String model) {
    if (model == null) {
      return;
    }
    Path file = Path.of(model).toAbsolutePath();
    Path folder = file.getParent();
    String problem =
        Files.isDirectory(file)
            ? "is a folder; give a file name"
            : folder == null || !Files.isDirectory(folder)
                ? "is in a folder that does not exist"
                : !Files.isWritable(folder) ? "is in a folder that cannot be written" : null;
    if (problem != null) {
      throw new IllegalArgumentException(
          "Option --model names " + model + ", which " + problem + ".");
    }
  }

  /** Whether one of two paths is the other or lies inside it (local files compared resolved). */
  static boolean overlaps(String first, String second) {
    String a = comparable(first);
    String b = comparable(second);
    return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/");
  }

  private static String comparable(String path) {
    String local = path.startsWith("file:") ? path.substring("file:".length()) : path;
    if (local.contains("://")) {
      return local.replaceAll("/+$", "");
    }
    return Path.of(local).toAbsolutePath().normalize().toString();
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
    set(options, "max-iter", () -> kmeans.setMaxIter(options.integer("max-iter")));
    set(options, "tol", () -> kmeans.setTol(options.real("tol")));
    set(options, "seed", () -> kmeans.setSeed(options.longInteger("seed")));
    set(options, "init", () -> kmeans.setInitMode(options.get("init")));
    set(options, "init-steps", () -> kmeans.setInitSteps(options.integer("init-steps")));
    set(
        options,
        "init-oversampling",
        () -> kmeans.setInitOversampling(options.real("init-oversampling")));
    set(options, "algorithm", () -> kmeans.setAlgorithm(options.get("algorithm")));
    set(options, "empty", () -> kmeans.setEmptyClusterPolicy(options.get("empty")));
    set(options, "normalize", () -> kmeans.setNormalize(options.get("normalize")));
    return kmeans;
  }

  /**
   * Sets the estimator's parameter from {@code option}, when given: a value the parameter refuses
   * is reported by the option's name and meaning (Spark's own message names the estimator's uid).
   */
  private static void set(JobOptions options, String option, Runnable setter) {
    if (options.get(option) == null) {
      return;
    }
    try {
      setter.run();
    } catch (IllegalArgumentException refused) {
      throw new IllegalArgumentException(
          "Option --"
              + option
              + " does not accept '"
              + options.get(option)
              + "': "
              + JobOptions.meaning(option)
              + ".",
          refused);
    }
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

  /**
   * The weight column: the one --weight names, else that of an ARFF file's instance weights (when
   * some is not 1), else none.
   */
  private static String weightColumn(StructType schema, JobOptions options) {
    if (options.get("weight") != null) {
      return options.get("weight");
    }
    for (StructField field : schema.fields()) {
      if (field.metadata().contains(ARFF_WEIGHTS)) {
        return field.name();
      }
    }
    return null;
  }

  /**
   * An ARFF file, read on the driver by Weka's loader: numeric attributes as double columns, and
   * the instances' weights, when some is not 1, as one more, marked {@value #ARFF_WEIGHTS}.
   */
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
    boolean weighted = false;
    for (int i = 0; i < data.numInstances(); i++) {
      weighted |= data.instance(i).weight() != 1;
    }
    if (weighted) {
      String name = "weight";
      for (int suffix = 2; Arrays.asList(schema.fieldNames()).contains(name); suffix++) {
        name = "weight_" + suffix;
      }
      Metadata marked = new MetadataBuilder().putBoolean(ARFF_WEIGHTS, true).build();
      schema = schema.add(name, DataTypes.DoubleType, false, marked);
    }
    List<Row> rows = new ArrayList<>(data.numInstances());
    for (int i = 0; i < data.numInstances(); i++) {
      Object[] values = new Object[data.numAttributes() + (weighted ? 1 : 0)];
      if (weighted) {
        values[data.numAttributes()] = data.instance(i).weight();
      }
      for (int a = 0; a < data.numAttributes(); a++) {
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
        if (field.dataType() instanceof NumericType
            && !field.name().equals(weight)
            && !field.metadata().contains(ARFF_WEIGHTS)) {
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
