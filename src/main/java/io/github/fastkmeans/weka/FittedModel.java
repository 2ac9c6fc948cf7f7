package io.github.fastkmeans.weka;

import io.github.fastkmeans.choosek.KSearchTable;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.quality.ClusterQuality;
import io.github.fastkmeans.quality.ClusterSpread;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.WekaException;

/**
 * A built FastKMeans model: the encoding, the fit, and how it was obtained. Immutable once built,
 * so that its predictions ({@link #cluster}, {@link #distances}) are safe to call from many
 * threads.
 *
 * <p><b>Saved form.</b> A model is saved as a {@code SerialForm}: a format number, written first,
 * followed by the model's parts. Reading checks the number before anything else is read, so a file
 * written by a version of FastKMeans with another layout fails with an {@link
 * InvalidObjectException} that says so, instead of failing somewhere inside or, worse, loading
 * garbage. Whoever changes what the parts are or mean must raise {@link #FORMAT_VERSION}; the class
 * {@code FittedModel$SerialForm}, its serialVersionUID and its one field {@code formatVersion} must
 * never change.
 */
public final class FittedModel implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The layout of the saved parts; raise it whenever they change. */
  // 4: the spread and the quality measures are classes of io.github.fastkmeans.quality; format 3
  // named them in the engine, where classes of those names still read them.
  // 6: how the training rows were obtained (a stream kept whole, or a coreset), after the table.
  // 7: which kernel compared the rows with every centre, last (the engine's result does not save
  // it).
  // 8: each row of the table of k has the size of its smallest cluster (read as unknown before).
  // 9: the spread may be absent (measured only when the build showed it, -V).
  public static final int FORMAT_VERSION = 9;

  private final InstanceEncoder encoder;
  private final KMeansResult result;
  private final ClusterSpread spread;
  private final String initializerId;
  private final int restarts;
  private final int threads;
  private final long elapsedNanos;
  private final boolean missingValuesReplaced;
  private final String[] warnings;

  /** The final centres, kept apart so that predictions need no copy. */
  private final double[] centres;

  /** The quality measures, or null when they were not asked for. */
  private final ClusterQuality quality;

  /** The table of a search for k, or null when k was given. */
  private final KSearchTable kSearch;

  /**
   * What the model was fitted on (every instance, or a coreset); null in models before format 6.
   */
  private final String trainingSource;

  /** Whether the fit's rows are a weighted summary of the training instances, not the instances. */
  private final boolean fromSummary;

  /**
   * Bundles a finished fit with what describes it; {@code spread} and {@code quality} may be null.
   */
  public FittedModel(
      InstanceEncoder encoder,
      KMeansResult result,
      ClusterSpread spread,
      String initializerId,
      int restarts,
      int threads,
      long elapsedNanos,
      boolean missingValuesReplaced,
      List<String> warnings,
      ClusterQuality quality,
      KSearchTable kSearch,
      String trainingSource,
      boolean fromSummary) {
    this.encoder = encoder;
    this.result = result;
    this.spread = spread;
    this.initializerId = initializerId;
    this.restarts = restarts;
    this.threads = threads;
    this.elapsedNanos = elapsedNanos;
    this.missingValuesReplaced = missingValuesReplaced;
    this.warnings = warnings.toArray(new String[0]);
    this.centres = result.centres();
    this.quality = quality;
    this.kSearch = kSearch;
    this.trainingSource = trainingSource;
    this.fromSummary = fromSummary;
  }

  /**
   * Whether the model was fitted on a weighted summary of the training instances (a coreset): its
   * labels are then the summary's, not the instances'.
   */
  public boolean fromSummary() {
    return fromSummary;
  }

  /**
   * What the model was fitted on, for the model output: every training instance (exact) or a
   * coreset summarising them; null for models saved before format 6.
   */
  public String trainingSource() {
    return trainingSource;
  }

  /** The table of every k a search tried, or null when k was given (-N). */
  public KSearchTable kSearch() {
    return kSearch;
  }

  /** The quality measures in encoded coordinates, or null when they were not asked for. */
  public ClusterQuality quality() {
    return quality;
  }

  /** The encoding learnt from the training data. */
  public InstanceEncoder encoder() {
    return encoder;
  }

  /** The fit, in encoded coordinates. */
  public KMeansResult result() {
    return result;
  }

  /**
   * Per-cluster means and deviations in encoded coordinates; null when the build did not measure
   * them (it does only with -V, which shows them).
   */
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

  /** What the model output warns about (for example fewer distinct instances than clusters). */
  public String[] warnings() {
    return warnings.clone();
  }

  /**
   * The cluster of {@code instance}: its nearest centre in the encoded space (the lowest index on a
   * tie). Exact also for an instance so far away that its squared distances overflow.
   */
  public int cluster(Instance instance) throws WekaException {
    double[] row = encoder.encode(instance);
    int k = result.k();
    int columns = encoder.columns();
    int best = SquaredEuclidean.nearest(row, 0, centres, k, columns);
    if (Double.isFinite(SquaredEuclidean.distance(row, 0, centres, best * columns, columns))) {
      return best;
    }
    double[] scaled = scaledSquaredDistances(row);
    best = 0;
    for (int c = 1; c < k; c++) {
      if (scaled[c] < scaled[best]) {
        best = c;
      }
    }
    return best;
  }

  /**
   * The Euclidean distance of {@code instance} to every centre, in the encoded space; infinite only
   * when a distance exceeds the largest double.
   */
  public double[] distances(Instance instance) throws WekaException {
    double[] row = encoder.encode(instance);
    int columns = encoder.columns();
    double[] distances = new double[result.k()];
    boolean overflow = false;
    for (int c = 0; c < distances.length; c++) {
      distances[c] = Math.sqrt(SquaredEuclidean.distance(row, 0, centres, c * columns, columns));
      overflow |= Double.isInfinite(distances[c]);
    }
    if (overflow) {
      double[] scaled = scaledSquaredDistances(row);
      double unit = scaled[scaled.length - 1];
      for (int c = 0; c < distances.length; c++) {
        distances[c] = unit * Math.sqrt(scaled[c]);
      }
    }
    return distances;
  }

  /**
   * Squared distances from {@code row} to every centre, in units of the largest coordinate
   * difference, which is appended (times 2: halves are subtracted so that no difference overflows).
   */
  private double[] scaledSquaredDistances(double[] row) {
    int k = result.k();
    int columns = encoder.columns();
    double largest = 0;
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < columns; j++) {
        largest = Math.max(largest, Math.abs(row[j] * 0.5 - centres[c * columns + j] * 0.5));
      }
    }
    double[] scaled = new double[k + 1];
    for (int c = 0; c < k; c++) {
      double sum = 0;
      for (int j = 0; j < columns; j++) {
        double diff = (row[j] * 0.5 - centres[c * columns + j] * 0.5) / largest;
        sum += diff * diff;
      }
      scaled[c] = sum;
    }
    scaled[k] = 2 * largest;
    return scaled;
  }

  /**
   * The centres as instances of the training header, in original units (see {@link #asInstances}).
   */
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

  // ---- saved form ----

  /** Saves the model as its versioned {@link SerialForm}. */
  private Object writeReplace() {
    return new SerialForm(this);
  }

  /**
   * A model is only ever written as a {@link SerialForm}; a stream holding a FittedModel itself was
   * written by a version before saved models carried a format number.
   */
  private void readObject(ObjectInputStream in) throws IOException {
    throw incompatible("none");
  }

  private static InvalidObjectException incompatible(String format) {
    return new InvalidObjectException(
        "This FastKMeans model was saved by an incompatible version of FastKMeans (model format "
            + format
            + "; this version reads format "
            + FORMAT_VERSION
            + "); rebuild the model with this version.");
  }

  /**
   * The saved form of a model: the format number as the one serialised field, then the parts as
   * optional data, read only once the number has been checked. Never change this class's name,
   * serialVersionUID or field.
   */
  private static final class SerialForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The oldest format read: format 3 names classes since moved, format 4 has no table of k. */
    private static final int OLDEST_READ_FORMAT = 3;

    /** The format of the parts that follow; checked before they are read. */
    private int formatVersion;

    private transient FittedModel model;

    SerialForm(FittedModel model) {
      this.formatVersion = FORMAT_VERSION;
      this.model = model;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
      out.defaultWriteObject();
      out.writeObject(model.encoder);
      out.writeObject(model.result);
      out.writeObject(model.spread);
      out.writeObject(model.initializerId);
      out.writeInt(model.restarts);
      out.writeInt(model.threads);
      out.writeLong(model.elapsedNanos);
      out.writeBoolean(model.missingValuesReplaced);
      out.writeObject(model.warnings);
      out.writeObject(model.quality);
      // Format 5 on.
      out.writeObject(model.kSearch);
      // Format 6 on.
      out.writeObject(model.trainingSource);
      out.writeBoolean(model.fromSummary);
      // Format 7 on.
      out.writeObject(model.result.kernel());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      if (formatVersion < OLDEST_READ_FORMAT || formatVersion > FORMAT_VERSION) {
        throw incompatible(Integer.toString(formatVersion));
      }
      try {
        InstanceEncoder encoder = (InstanceEncoder) in.readObject();
        KMeansResult result = (KMeansResult) in.readObject();
        ClusterSpread spread = (ClusterSpread) in.readObject();
        String initializerId = (String) in.readObject();
        int restarts = in.readInt();
        int threads = in.readInt();
        long elapsedNanos = in.readLong();
        boolean missingValuesReplaced = in.readBoolean();
        String[] warnings = (String[]) in.readObject();
        ClusterQuality quality = (ClusterQuality) in.readObject();
        KSearchTable kSearch = formatVersion >= 5 ? (KSearchTable) in.readObject() : null;
        if (kSearch != null && formatVersion < 8) {
          kSearch = kSearch.withSmallestClustersUnknown();
        }
        String trainingSource = formatVersion >= 6 ? (String) in.readObject() : null;
        boolean fromSummary = formatVersion >= 6 && in.readBoolean();
        String kernel = formatVersion >= 7 ? (String) in.readObject() : null;
        if (encoder == null
            || result == null
            || (spread == null && formatVersion < 9)
            || warnings == null
            || result.columns() != encoder.columns()
            || result.centres().length != result.k() * encoder.columns()) {
          throw new InvalidObjectException("The FastKMeans model is incomplete or damaged.");
        }
        model =
            new FittedModel(
                encoder,
                kernel == null ? result : result.withKernel(kernel),
                spread,
                initializerId,
                restarts,
                threads,
                elapsedNanos,
                missingValuesReplaced,
                Arrays.asList(warnings),
                quality,
                kSearch,
                trainingSource,
                fromSummary);
      } catch (ClassCastException e) {
        InvalidObjectException invalid =
            new InvalidObjectException("The FastKMeans model is damaged: " + e.getMessage());
        invalid.initCause(e);
        throw invalid;
      }
    }

    private Object readResolve() {
      return model;
    }
  }
}
