package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.ClusterSpread;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.SquaredEuclidean;
import java.io.Serializable;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.WekaException;

/** A built FastKMeans model: the encoding, the fit, and how it was obtained. */
public final class FittedModel implements Serializable {

  private static final long serialVersionUID = 1L;

  private final InstanceEncoder encoder;
  private final KMeansResult result;
  private final ClusterSpread spread;
  private final String initializerId;
  private final int restarts;
  private final int threads;
  private final long elapsedNanos;
  private final boolean missingValuesReplaced;
  /** The final centres, kept apart so that predictions need no copy. */
  private final double[] centres;

  /** Bundles a finished fit with what describes it. */
  public FittedModel(
      InstanceEncoder encoder,
      KMeansResult result,
      ClusterSpread spread,
      String initializerId,
      int restarts,
      int threads,
      long elapsedNanos,
      boolean missingValuesReplaced) {
    this.encoder = encoder;
    this.result = result;
    this.spread = spread;
    this.initializerId = initializerId;
    this.restarts = restarts;
    this.threads = threads;
    this.elapsedNanos = elapsedNanos;
    this.missingValuesReplaced = missingValuesReplaced;
    this.centres = result.centres();
  }

  /** The encoding learnt from the training data. */
  public InstanceEncoder encoder() {
    return encoder;
  }

  /** The fit, in encoded coordinates. */
  public KMeansResult result() {
    return result;
  }

  /** Per-cluster means and deviations in encoded coordinates. */
  public ClusterSpread spread() {
    return spread;
  }

  /** The id of the initializer used. */
  public String initializerId() {
    return initializerId;
  }

  /** The number of restarts run. */
  public int restarts() {
    return restarts;
  }

  /** The number of threads used. */
  public int threads() {
    return threads;
  }

  /** The wall-clock time of the fit (all restarts), in nanoseconds. */
  public long elapsedNanos() {
    return elapsedNanos;
  }

  /** Whether the training data had missing values that were replaced. */
  public boolean missingValuesReplaced() {
    return missingValuesReplaced;
  }

  /** The cluster of {@code instance}: its nearest centre in the encoded space. */
  public int cluster(Instance instance) throws WekaException {
    double[] row = encoder.encode(instance);
    return SquaredEuclidean.nearest(row, 0, centres, result.k(), encoder.columns());
  }

  /** The Euclidean distance of {@code instance} to every centre, in the encoded space. */
  public double[] distances(Instance instance) throws WekaException {
    double[] row = encoder.encode(instance);
    int columns = encoder.columns();
    double[] distances = new double[result.k()];
    for (int c = 0; c < distances.length; c++) {
      distances[c] = Math.sqrt(SquaredEuclidean.distance(row, 0, centres, c * columns, columns));
    }
    return distances;
  }

  /** The centres as instances of the training header, in original units (see {@link #asInstances}). */
  public Instances centroids() {
    return asInstances(centres, "centroids");
  }

  /** The starting centres of the winning restart as instances of the training header. */
  public Instances initialCentroids() {
    return asInstances(result.initialCentres(), "initial centres");
  }

  /**
   * Decodes row-major {@code encodedCentres} into instances of the training header: numeric values
   * in original units, nominal ones as their most frequent value, the class missing.
   */
  private Instances asInstances(double[] encodedCentres, String name) {
    Instances header = encoder.header();
    Instances instances = new Instances(header, result.k());
    instances.setRelationName(header.relationName() + " " + name);
    for (int c = 0; c < result.k(); c++) {
      instances.add(new DenseInstance(1.0, encoder.decodeCentre(encodedCentres, c)));
    }
    return instances;
  }
}
