package io.github.fastkmeans.spark;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.EmptyClusterPolicy;
import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * Exact k-means on Spark: FastKMeans' engine run over the partitions, with the same assignments,
 * iteration count and centres, bit for bit, as the in-process engine from the same start, for any
 * partitioning of the rows. Each partition keeps its rows as one flat array and its per-row bounds
 * between iterations; the driver merges the sums of the engine's fixed chunks of rows in chunk
 * order.
 */
public final class FastKMeans extends Estimator<FastKMeansModel>
    implements FastKMeansParams, DefaultParamsWritable {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final ParamDefs defs;
  private transient Consumer<IterationProgress> progress = iteration -> {};

  /** An estimator with a new unique id and the default parameters. */
  public FastKMeans() {
    this(Identifiable$.MODULE$.randomUID("fastKMeans"));
  }

  /** An estimator with the given unique id and the default parameters. */
  public FastKMeans(String uid) {
    this.uid = uid;
    this.defs = new ParamDefs(this);
    defs.setDefaults(this::defaultOf);
  }

  private <T> void defaultOf(Param<T> param, T value) {
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

  /** Sets the number of clusters. */
  public FastKMeans setK(int value) {
    set(defs.k, value);
    return this;
  }

  /** Sets the most assignment passes. */
  public FastKMeans setMaxIter(int value) {
    set(defs.maxIter, value);
    return this;
  }

  /** Sets the tolerance on the centres' summed squared movement (0: until nothing changes). */
  public FastKMeans setTol(double value) {
    set(defs.tol, value);
    return this;
  }

  /** Sets the random seed. */
  public FastKMeans setSeed(long value) {
    set(defs.seed, value);
    return this;
  }

  /** Sets the initialisation: k-means||, random or given. */
  public FastKMeans setInitMode(String value) {
    set(defs.initMode, value);
    return this;
  }

  /** Sets the number of k-means|| rounds. */
  public FastKMeans setInitSteps(int value) {
    set(defs.initSteps, value);
    return this;
  }

  /** Sets k-means||' oversampling factor. */
  public FastKMeans setInitOversampling(double value) {
    set(defs.initOversampling, value);
    return this;
  }

  /** Sets the starting centres (original units) and selects initMode given. */
  public FastKMeans setInitialCenters(double[][] value) {
    set(defs.initialCenters, value);
    set(defs.initMode, "given");
    return this;
  }

  /** Sets the features column. */
  public FastKMeans setFeaturesCol(String value) {
    set(defs.featuresCol, value);
    return this;
  }

  /** Sets the weight column. */
  public FastKMeans setWeightCol(String value) {
    set(defs.weightCol, value);
    return this;
  }

  /** Sets the prediction column. */
  public FastKMeans setPredictionCol(String value) {
    set(defs.predictionCol, value);
    return this;
  }

  /** Sets the assignment algorithm (auto, lloyd, hamerly, elkan, exponion, yinyang, kdtree). */
  public FastKMeans setAlgorithm(String value) {
    set(defs.algorithm, value);
    return this;
  }

  /** Sets the empty-cluster policy (relocate, keep, fail). */
  public FastKMeans setEmptyClusterPolicy(String value) {
    set(defs.emptyClusterPolicy, value);
    return this;
  }

  /** Sets the normalisation (none, range, standardize). */
  public FastKMeans setNormalize(String value) {
    set(defs.normalize, value);
    return this;
  }

  /** Sets what is told of every iteration, on the driver (not saved). */
  public FastKMeans setProgress(Consumer<IterationProgress> listener) {
    this.progress = listener == null ? iteration -> {} : listener;
    return this;
  }

  @Override
  public FastKMeansModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema(), false);
    int k = getK();
    try (DistributedData data =
        DistributedData.of(dataset, getFeaturesCol(), getWeightCol(), getNormalize())) {
      if (data.rows < k) {
        throw new IllegalArgumentException(
            "Cannot form " + k + " clusters from " + data.rows + " rows; lower k.");
      }
      double[] start = new Seeding(this, data).initialCentres();
      FittedCentres fitted =
          new DistributedFit(
                  getMaxIter(),
                  getTol(),
                  EmptyClusterPolicy.fromId(getEmptyClusterPolicy()),
                  Algorithm.fromId(getAlgorithm()),
                  progress)
              .run(data, start);
      if (Arrays.stream(fitted.clusterSizes).sum() == 0) {
        // Every centre then stands on rows that count for nothing: no model to give.
        throw new IllegalArgumentException(
            "No row has a positive weight in column '" + getWeightCol() + "'; k-means needs one.");
      }
      FastKMeansModel model = new FastKMeansModel(uid, fitted);
      copyValues(model, extractParamMap());
      return (FastKMeansModel) model.setParent(this);
    }
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return FastKMeansModel.withPrediction(schema, getPredictionCol());
  }

  @Override
  public FastKMeans copy(ParamMap extra) {
    return (FastKMeans) defaultCopy(extra);
  }

  /** Reads an estimator saved with {@code write().save(path)}. */
  public static MLReader<FastKMeans> read() {
    return new DefaultParamsReader<>();
  }

  /** Loads an estimator saved at {@code path}. */
  public static FastKMeans load(String path) {
    return read().load(path);
  }
}
