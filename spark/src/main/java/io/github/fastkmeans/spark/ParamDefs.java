package io.github.fastkmeans.spark;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.Choice;
import io.github.fastkmeans.engine.EmptyClusterPolicy;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.ml.param.DoubleArrayArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

/**
 * Every parameter of {@link FastKMeans} and {@link FastKMeansModel}, declared once: name, meaning,
 * accepted values and default.
 */
public final class ParamDefs implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The initialisation modes: Spark's names, with FastKMeans' id of k-means|| beside them. */
  static final String[] INIT_MODES = {"k-means||", "kmeans-parallel", "random", "given"};

  /** The normalisations, as Weka's -normalize. */
  static final String[] NORMALIZATIONS = {"none", "range", "standardize"};

  final IntParam k;
  final IntParam maxIter;
  final DoubleParam tol;
  final LongParam seed;
  final Param<String> initMode;
  final IntParam initSteps;
  final DoubleParam initOversampling;
  final DoubleArrayArrayParam initialCenters;
  final Param<String> featuresCol;
  final Param<String> weightCol;
  final Param<String> predictionCol;
  final Param<String> algorithm;
  final Param<String> emptyClusterPolicy;
  final Param<String> normalize;

  ParamDefs(Params owner) {
    k = new IntParam(owner, "k", "the number of clusters (>= 1)", ParamValidators.gtEq(1));
    maxIter =
        new IntParam(
            owner,
            "maxIter",
            "the most assignment passes of the k-means iteration (>= 1)",
            ParamValidators.gtEq(1));
    tol =
        new DoubleParam(
            owner,
            "tol",
            "stop once the centres' summed squared movement in one iteration is at most this"
                + " (then assign once more); 0 iterates until no assignment changes",
            ParamValidators.gtEq(0));
    seed = new LongParam(owner, "seed", "the random seed of the initialisation");
    initMode =
        new Param<>(
            owner,
            "initMode",
            "how the starting centres are chosen: " + String.join(", ", INIT_MODES),
            ParamValidators.inArray(INIT_MODES));
    initSteps =
        new IntParam(
            owner,
            "initSteps",
            "k-means|| only: the number of sampling rounds (passes over the data)",
            ParamValidators.gtEq(1));
    initOversampling =
        new DoubleParam(
            owner,
            "initOversampling",
            "k-means|| only: each round keeps about this many times k candidates",
            ParamValidators.gt(0));
    initialCenters =
        new DoubleArrayArrayParam(
            owner, "initialCenters", "initMode given: the k starting centres, one array each");
    featuresCol = new Param<>(owner, "featuresCol", "the features column (a Vector)");
    weightCol =
        new Param<>(owner, "weightCol", "the instance weight column; unset: every weight is 1");
    predictionCol = new Param<>(owner, "predictionCol", "the output column of cluster indices");
    algorithm =
        new Param<>(
            owner,
            "algorithm",
            "how each row's nearest centre is found (all give the same result): "
                + ids(Algorithm.values()),
            ParamValidators.inArray(idArray(Algorithm.values())));
    emptyClusterPolicy =
        new Param<>(
            owner,
            "emptyClusterPolicy",
            "what happens to a cluster that loses all its rows: "
                + ids(EmptyClusterPolicy.values()),
            ParamValidators.inArray(idArray(EmptyClusterPolicy.values())));
    normalize =
        new Param<>(
            owner,
            "normalize",
            "scaling of the features before clustering, as Weka's -normalize: "
                + String.join(", ", NORMALIZATIONS),
            ParamValidators.inArray(NORMALIZATIONS));
  }

  /** Sets the defaults of every parameter that has one on {@code owner}. */
  void setDefaults(DefaultSetter owner) {
    owner.setDefault(k, 2);
    owner.setDefault(maxIter, 500);
    owner.setDefault(tol, 0.0);
    owner.setDefault(seed, 10L);
    owner.setDefault(initMode, "k-means||");
    owner.setDefault(initSteps, 5);
    owner.setDefault(initOversampling, 2.0);
    owner.setDefault(featuresCol, "features");
    owner.setDefault(predictionCol, "prediction");
    owner.setDefault(algorithm, "auto");
    owner.setDefault(emptyClusterPolicy, "relocate");
    owner.setDefault(normalize, "none");
  }

  /** What can take a default: the owner's protected {@code setDefault}, handed over. */
  interface DefaultSetter {
    /** Sets the default of {@code param}. */
    <T> void setDefault(Param<T> param, T value);
  }

  private static String ids(Choice[] choices) {
    return String.join(", ", idArray(choices));
  }

  private static String[] idArray(Choice[] choices) {
    return Arrays.stream(choices).map(Choice::id).toArray(String[]::new);
  }
}
