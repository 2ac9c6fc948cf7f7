package io.github.fastkmeans.spark;

import io.github.fastkmeans.engine.SquaredEuclidean;
import java.util.Arrays;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted FastKMeans model: the centres, and the cluster of a row is its nearest centre (the
 * lowest index on a tie), in the space the model was fitted in (after its normalisation).
 */
public final class FastKMeansModel extends Model<FastKMeansModel>
    implements FastKMeansParams, MLWritable {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final ParamDefs defs;
  private FittedCentres fit;

  /** An empty model with the given unique id, for Spark's reader; its centres come after. */
  public FastKMeansModel(String uid) {
    this.uid = uid;
    this.defs = new ParamDefs(this);
    defs.setDefaults(this::defaultOf);
  }

  FastKMeansModel(String uid, FittedCentres fit) {
    this(uid);
    this.fit = fit;
  }

  private <T> void defaultOf(org.apache.spark.ml.param.Param<T> param, T value) {
    setDefault(param, value);
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public ParamDefs defs() {
    return defs;
  }

  /** The fitted centres and figures; for the writers. */
  FittedCentres fitted() {
    if (fit == null) {
      throw new IllegalStateException("This FastKMeans model has no centres.");
    }
    return fit;
  }

  void attach(FittedCentres loaded) {
    this.fit = loaded;
  }

  /** Sets the features column read by {@link #transform}. */
  public FastKMeansModel setFeaturesCol(String value) {
    set(defs.featuresCol, value);
    return this;
  }

  /** Sets the column {@link #transform} writes. */
  public FastKMeansModel setPredictionCol(String value) {
    set(defs.predictionCol, value);
    return this;
  }

  /** The centres, in the features' original units. */
  public Vector[] clusterCenters() {
    FittedCentres f = fitted();
    Vector[] centres = new Vector[f.k()];
    for (int c = 0; c < centres.length; c++) {
      centres[c] = Vectors.dense(f.originalCentre(c));
    }
    return centres;
  }

  /** The centres in the space of the fit (after normalisation), row-major k x features. */
  public double[] scaledCenters() {
    return fitted().centres.clone();
  }

  /** The weighted sum of squared distances of the training rows to their centres (scaled space). */
  public double trainingCost() {
    return fitted().squaredError;
  }

  /** The number of k-means iterations of the fit. */
  public int numIter() {
    return fitted().iterations;
  }

  /** The training summary: cluster sizes and weights, cost, iterations, distances computed. */
  public FastKMeansSummary summary() {
    return new FastKMeansSummary(fitted());
  }

  /** The scaling the model applies to features before measuring distances. */
  public Scaling scaling() {
    return fitted().scaling;
  }

  /** The cluster of one feature vector (original units). */
  public int predict(Vector features) {
    return nearest(fitted(), features.toArray());
  }

  private static int nearest(FittedCentres f, double[] values) {
    if (values.length != f.columns) {
      throw new IllegalArgumentException(
          "A row has " + values.length + " features but the model has " + f.columns + ".");
    }
    double[] scaled = f.scaling.apply(values.clone());
    return SquaredEuclidean.nearest(scaled, 0, f.centres, f.k(), f.columns);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), false);
    FittedCentres f = fitted();
    UserDefinedFunction predict =
        functions.udf(
            (UDF1<Vector, Integer>)
                features -> features == null ? null : nearest(f, features.toArray()),
            DataTypes.IntegerType);
    return dataset.withColumn(
        getPredictionCol(), predict.apply(DistributedData.column(getFeaturesCol())));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return withPrediction(schema, getPredictionCol());
  }

  /** {@code schema} with an integer column {@code predictionCol}, refused if it exists. */
  static StructType withPrediction(StructType schema, String predictionCol) {
    if (Arrays.asList(schema.fieldNames()).contains(predictionCol)) {
      throw new IllegalArgumentException(
          "The output column '" + predictionCol + "' exists already; set another predictionCol.");
    }
    return schema.add(
        new StructField(
            predictionCol,
            DataTypes.IntegerType,
            true,
            org.apache.spark.sql.types.Metadata.empty()));
  }

  @Override
  public FastKMeansModel copy(ParamMap extra) {
    FastKMeansModel copy = new FastKMeansModel(uid, fit);
    copyValues(copy, extra);
    return (FastKMeansModel) copy.setParent(parent());
  }

  /**
   * Writes this model as a Weka model file (Weka's {@code -d} format), for {@code weka.Run
   * FastKMeans -l file -T data.arff} and the Explorer.
   *
   * @throws java.io.IOException if the file cannot be written
   */
  public void writeWekaModel(String file) throws java.io.IOException {
    WekaModelFile.write(this, "spark-features", java.nio.file.Path.of(file));
  }

  @Override
  public MLWriter write() {
    return new FastKMeansModelIo.Writer(this);
  }

  /** Reads a model saved with {@code write().save(path)}. */
  public static MLReader<FastKMeansModel> read() {
    return new FastKMeansModelIo.Reader();
  }

  /** Loads a model saved at {@code path}. */
  public static FastKMeansModel load(String path) {
    return read().load(path);
  }
}
