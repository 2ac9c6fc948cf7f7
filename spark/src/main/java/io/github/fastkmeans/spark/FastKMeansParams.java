package io.github.fastkmeans.spark;

import org.apache.spark.ml.param.DoubleArrayArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The parameters {@link FastKMeans} and {@link FastKMeansModel} share, with their getters. Spark
 * finds parameters by their public no-argument methods, which these defaults provide to both.
 */
public interface FastKMeansParams {

  /** The declarations behind every parameter method. */
  ParamDefs defs();

  /** This object as Spark's {@link Params}. */
  private Params self() {
    return (Params) this;
  }

  /** The number of clusters. */
  default IntParam k() {
    return defs().k;
  }

  /** The most assignment passes. */
  default IntParam maxIter() {
    return defs().maxIter;
  }

  /** The tolerance on the centres' summed squared movement. */
  default DoubleParam tol() {
    return defs().tol;
  }

  /** The random seed. */
  default LongParam seed() {
    return defs().seed;
  }

  /** How the starting centres are chosen. */
  default Param<String> initMode() {
    return defs().initMode;
  }

  /** The sampling rounds of k-means||. */
  default IntParam initSteps() {
    return defs().initSteps;
  }

  /** The oversampling factor of k-means||. */
  default DoubleParam initOversampling() {
    return defs().initOversampling;
  }

  /** The starting centres of initMode given. */
  default DoubleArrayArrayParam initialCenters() {
    return defs().initialCenters;
  }

  /** The features column. */
  default Param<String> featuresCol() {
    return defs().featuresCol;
  }

  /** The weight column. */
  default Param<String> weightCol() {
    return defs().weightCol;
  }

  /** The prediction column. */
  default Param<String> predictionCol() {
    return defs().predictionCol;
  }

  /** The assignment algorithm. */
  default Param<String> algorithm() {
    return defs().algorithm;
  }

  /** The empty-cluster policy. */
  default Param<String> emptyClusterPolicy() {
    return defs().emptyClusterPolicy;
  }

  /** The normalisation of the features. */
  default Param<String> normalize() {
    return defs().normalize;
  }

  /** The number of clusters. */
  default int getK() {
    return (Integer) self().getOrDefault(k());
  }

  /** The most assignment passes. */
  default int getMaxIter() {
    return (Integer) self().getOrDefault(maxIter());
  }

  /** The tolerance. */
  default double getTol() {
    return (Double) self().getOrDefault(tol());
  }

  /** The random seed. */
  default long getSeed() {
    return (Long) self().getOrDefault(seed());
  }

  /** The initialisation mode. */
  default String getInitMode() {
    return self().getOrDefault(initMode());
  }

  /** The sampling rounds of k-means||. */
  default int getInitSteps() {
    return (Integer) self().getOrDefault(initSteps());
  }

  /** The oversampling factor of k-means||. */
  default double getInitOversampling() {
    return (Double) self().getOrDefault(initOversampling());
  }

  /** The starting centres of initMode given; null when unset. */
  default double[][] getInitialCenters() {
    return self().isDefined(initialCenters()) ? self().getOrDefault(initialCenters()) : null;
  }

  /** The features column. */
  default String getFeaturesCol() {
    return self().getOrDefault(featuresCol());
  }

  /** The weight column; null when unset or empty. */
  default String getWeightCol() {
    if (!self().isDefined(weightCol())) {
      return null;
    }
    String column = self().getOrDefault(weightCol());
    return column.isEmpty() ? null : column;
  }

  /** The prediction column. */
  default String getPredictionCol() {
    return self().getOrDefault(predictionCol());
  }

  /** The assignment algorithm's id. */
  default String getAlgorithm() {
    return self().getOrDefault(algorithm());
  }

  /** The empty-cluster policy's id. */
  default String getEmptyClusterPolicy() {
    return self().getOrDefault(emptyClusterPolicy());
  }

  /** The normalisation. */
  default String getNormalize() {
    return self().getOrDefault(normalize());
  }
}
