package io.github.fastkmeans.spark;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.quality.ClusterSpread;
import io.github.fastkmeans.weka.FittedModel;
import io.github.fastkmeans.weka.InstanceEncoder;
import io.github.fastkmeans.weka.InvalidOptionException;
import io.github.fastkmeans.weka.Normalization;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import weka.clusterers.FastKMeans;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * A Spark model as a Weka model file, in the format of Weka's {@code -d}: the serialised {@code
 * weka.clusterers.FastKMeans} followed by the ARFF header (one numeric attribute per feature, named
 * as the features), so that {@code weka.Run FastKMeans -l model -T new.arff} and the Explorer's
 * "Load model" use it as a model trained in Weka.
 */
public final class WekaModelFile {

  private WekaModelFile() {}

  /**
   * Writes {@code model} to {@code file}, the header named {@code relation}.
   *
   * @throws IOException if the file cannot be written
   */
  public static void write(FastKMeansModel model, String relation, Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      write(model, relation, out);
    }
  }

  /** Writes {@code model} to {@code out} (left open). */
  public static void write(FastKMeansModel model, String relation, OutputStream out)
      throws IOException {
    Instances header = header(model, relation);
    FastKMeans clusterer = clusterer(model, header);
    ObjectOutputStream objects = new ObjectOutputStream(out);
    objects.writeObject(clusterer);
    objects.writeObject(header);
    objects.flush();
  }

  /** The ARFF header of the model's features: one numeric attribute each. */
  static Instances header(FastKMeansModel model, String relation) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (String name : model.fitted().featureNames) {
      attributes.add(new Attribute(name));
    }
    return new Instances(relation, attributes, 0);
  }

  /** The Weka clusterer holding the model, with the options it was fitted with. */
  static FastKMeans clusterer(FastKMeansModel model, Instances header) throws IOException {
    FittedCentres f = model.fitted();
    Scaling scaling = f.scaling;
    double[] means = new double[f.columns];
    for (int j = 0; j < f.columns; j++) {
      means[j] = scaling.original(j, f.spread.overallMean[j]);
    }
    InstanceEncoder encoder =
        InstanceEncoder.ofNumeric(
            header,
            Normalization.fromId(scaling.kind()),
            scaling.offsets(),
            scaling.scales(),
            scaling.flats(),
            means);
    KMeansResult result =
        KMeansResult.of(
            f.initialCentres,
            f.centres,
            f.labels,
            f.clusterWeights,
            f.squaredError,
            f.converged,
            f.relocations,
            Algorithm.fromId(f.algorithm),
            f.distances,
            f.nanos);
    ClusterSpread spread =
        new ClusterSpread(
            f.columns,
            f.spread.clusterMeans.clone(),
            f.spread.clusterDeviations.clone(),
            f.spread.overallMean.clone(),
            f.spread.overallDeviation.clone());
    long elapsed = 0;
    for (long nanos : f.nanos) {
      elapsed += nanos;
    }
    FittedModel fitted =
        new FittedModel(
            encoder,
            result,
            spread,
            wekaInitializer(model.getInitMode()),
            1,
            f.partitions,
            elapsed,
            false,
            List.of(),
            null,
            null,
            result.labels().length
                + (result.labels().length == 1 ? " instance" : " instances")
                + ", all clustered on Spark (exact)",
            false);
    try {
      return FastKMeans.withModel(fitted, options(model));
    } catch (InvalidOptionException e) {
      throw new IOException(
          "The model's options are not FastKMeans' options: " + e.getMessage(), e);
    }
  }

  /** FastKMeans' id of a Spark initialisation mode. */
  private static String wekaInitializer(String initMode) {
    return "k-means||".equals(initMode) ? "kmeans-parallel" : initMode;
  }

  /** The Weka options that describe the fit. */
  private static String[] options(FastKMeansModel model) {
    List<String> options = new ArrayList<>();
    options.add("-N");
    options.add(Integer.toString(model.getK()));
    options.add("-I");
    options.add(Integer.toString(model.getMaxIter()));
    options.add("-tolerance");
    options.add(Double.toString(model.getTol()));
    options.add("-S");
    options.add(Long.toString(model.getSeed()));
    String init = wekaInitializer(model.getInitMode());
    if (!"given".equals(init)) {
      // A given start lives in the Spark model; Weka's -init given would ask for a file.
      options.add("-init");
      options.add(init);
    }
    if ("kmeans-parallel".equals(init)) {
      options.add("-init-rounds");
      options.add(Integer.toString(model.getInitSteps()));
      options.add("-init-oversampling");
      options.add(Double.toString(model.getInitOversampling()));
    }
    options.add("-normalize");
    options.add(model.getNormalize());
    options.add("-refine");
    options.add("none");
    options.add("-empty");
    options.add(model.getEmptyClusterPolicy());
    options.add("-algorithm");
    options.add(model.getAlgorithm());
    return options.toArray(new String[0]);
  }
}
