package weka.clusterers;

import io.github.fastkmeans.choosek.KSearchTable;
import io.github.fastkmeans.quality.ClusterQuality;
import io.github.fastkmeans.weka.CommandLine;
import io.github.fastkmeans.weka.ConfigurableClusterer;
import io.github.fastkmeans.weka.FitPipeline;
import io.github.fastkmeans.weka.FittedModel;
import io.github.fastkmeans.weka.InvalidOptionException;
import io.github.fastkmeans.weka.LegacyOptions;
import io.github.fastkmeans.weka.ModelText;
import io.github.fastkmeans.weka.OptionTable;
import io.github.fastkmeans.weka.References;
import io.github.fastkmeans.weka.RowStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.WeightedInstancesHandler;
import weka.core.WekaException;

/**
 * Exact k-means clustering on all cores: Lloyd's iteration with k-means++, random, farthest-first,
 * k-means||, AFK-MC² or given starting centres, restarts, explicit empty-cluster handling and
 * Weka's data semantics.
 *
 * <p>A drop-in for SimpleKMeans: the same default normalisation and missing-value treatment, and,
 * with {@code -refine none}, the same answer from the same start; by default, after sampled starts,
 * a swap refinement then moves centres between regions, which k-means cannot. See README.md for the
 * differences. The options are declared in {@link OptionTable}; a build is a {@link FitPipeline}.
 *
 * <p><b>Threads.</b> Once {@link #buildClusterer} has returned, {@link #clusterInstance}, {@link
 * #distributionForInstance} and {@link #distancesToCentroids} (and the getters of the model) may be
 * called from any number of threads at once: the model is immutable and published through a
 * volatile field. A build uses the options as they were when it started; a thread asking for
 * clusters during a rebuild gets either the "not built" error or the new model, never a part-built
 * one.
 *
 * <p><b>Streams.</b> As an {@link UpdateableClusterer} (Weka's command line streams training files
 * through it), a build on a header starts a stream; {@link #updateClusterer} keeps each row in
 * compact form and {@link #updateFinished} fits them all: the model is the one {@link
 * #buildClusterer} gives on the same rows in the same order. A question asked before {@link
 * #updateFinished} is answered from a fit of the rows so far. Updates and questions during a stream
 * come from one thread at a time.
 */
public class FastKMeans extends ConfigurableClusterer
    implements NumberOfClustersRequestable,
        UpdateableClusterer,
        WeightedInstancesHandler,
        TechnicalInformationHandler {

  private static final long serialVersionUID = 7361594258132870531L;

  /** Decimal places of the centroid table. */
  private static final int DECIMALS = 4;

  /**
   * The model; null until built, and from the start of every build until it succeeds. Volatile, so
   * that a model built on one thread is seen whole by others; the model itself is immutable.
   */
  private volatile FittedModel model;

  /**
   * The rows of the stream the last build started; null before a build and once {@link
   * #updateFinished} has ended the stream. Never saved.
   */
  private transient RowStream stream;

  /** Why the fit of a finished stream failed, reported by the next question; else null. */
  private transient WekaException streamFailure;

  /** Creates the clusterer with its default options (seed 10, as SimpleKMeans). */
  public FastKMeans() {
    m_SeedDefault = 10;
    setSeed(m_SeedDefault);
  }

  /**
   * A clusterer holding {@code model}, a model built elsewhere (on a cluster), with the options it
   * was built with; it then answers and saves as if it had built the model itself.
   *
   * @throws InvalidOptionException if an option is not one of FastKMeans' or its value is not
   */
  public static FastKMeans withModel(FittedModel model, String[] options)
      throws InvalidOptionException {
    FastKMeans clusterer = new FastKMeans();
    clusterer.setOptions(options.clone());
    clusterer.model = model;
    return clusterer;
  }

  /** Describes the scheme for the GUI. */
  public String globalInfo() {
    return References.globalInfo();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    return References.technicalInformation();
  }

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enable(Capability.NUMERIC_ATTRIBUTES);
    result.enable(Capability.DATE_ATTRIBUTES);
    result.enable(Capability.NOMINAL_ATTRIBUTES);
    result.enable(Capability.MISSING_VALUES);
    // A class attribute, when set, is ignored rather than refused.
    result.enable(Capability.NO_CLASS);
    result.enableAllClasses();
    result.enable(Capability.MISSING_CLASS_VALUES);
    // A stream starts from a header; a build on no rows then fits them as they come.
    result.setMinimumNumberInstances(0);
    return result;
  }

  /**
   * Builds the model with the options as they are now, and starts a stream with {@code data}'s rows
   * that {@link #updateClusterer} continues. The previous model, if any, is discarded first: if the
   * build fails the clusterer answers as one never built. Data that cannot be clustered are refused
   * with a {@link WekaException} whose message names the problem. A header without rows only starts
   * the stream.
   *
   * <p>So that updates can continue them, {@code data}'s rows are read in place, not copied, until
   * the first update copies them, {@link #updateFinished} or the next build: a row's values changed
   * before then are fitted as they are then, rows deleted or added (or reordered, where a sample of
   * up to 64 rows shows it) make the first update refuse to go on, and the clusterer keeps {@code
   * data} from being collected (as Weka's incremental schemes that keep their training rows do).
   * {@link #updateFinished} after a build ends the stream without fitting again, and lets them go.
   */
  @Override
  public synchronized void buildClusterer(Instances data) throws WekaException {
    model = null;
    endStream();
    streamFailure = null;
    FitPipeline build = pipeline();
    RowStream started = RowStream.startingWith(data, build, capabilitiesToCheck());
    if (data.numInstances() > 0) {
      model = build.fit(data);
    }
    stream = started;
  }

  /**
   * Adds {@code instance} to the stream the last build started; the model is fitted again when it
   * is next asked for, or by {@link #updateFinished}.
   *
   * @throws WekaException when no stream is open, or naming the row when it cannot be kept
   */
  @Override
  public synchronized void updateClusterer(Instance instance) throws WekaException {
    try {
      openStream().add(instance);
    } catch (InterruptedException e) {
      // Keep the flag for the caller (KnowledgeFlow's stop); the stream cannot go on.
      Thread.currentThread().interrupt();
      endStream();
      throw new WekaException("FastKMeans was interrupted; the stream was dropped.", e);
    }
    model = null;
  }

  /**
   * Ends the stream: fits every row added and releases them. A failure of that fit (an interrupt,
   * data that cannot be clustered) is reported by the next question to the clusterer, since this
   * method cannot throw it.
   */
  @Override
  public synchronized void updateFinished() {
    if (stream == null) {
      return;
    }
    try {
      if (model == null) {
        model = stream.fit();
      }
    } catch (WekaException e) {
      streamFailure = e;
    } finally {
      endStream();
    }
  }

  /**
   * Ends the open stream, if any, without fitting it: the rows added since the last fit are dropped
   * and what the stream holds is released (its summary's threads among it), as when a flow is
   * stopped. A model fitted before stays.
   */
  public synchronized void dropStream() {
    endStream();
  }

  /** Closes the open stream, if any, releasing what it holds (its summary's threads among it). */
  private void endStream() {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }

  private RowStream openStream() throws WekaException {
    if (stream == null) {
      throw new WekaException(
          "FastKMeans has no open stream: call buildClusterer (with the data's header) before"
              + " updateClusterer, and again after updateFinished to start a new stream.");
    }
    return stream;
  }

  private FitPipeline pipeline() {
    return new FitPipeline(options(), getSeed(), getDebug(), capabilitiesToCheck());
  }

  private Capabilities capabilitiesToCheck() {
    return getDoNotCheckCapabilities() ? null : getCapabilities();
  }

  private FittedModel builtModel() throws WekaException {
    FittedModel built = model;
    return built != null ? built : modelOfTheStream();
  }

  /** The model of the stream's rows so far, fitted now if need be; or why there is none. */
  private synchronized FittedModel modelOfTheStream() throws WekaException {
    if (model != null) {
      return model;
    }
    if (streamFailure != null) {
      throw new WekaException(streamFailure.getMessage(), streamFailure);
    }
    if (stream == null) {
      throw new WekaException("FastKMeans has not been built yet; call buildClusterer first.");
    }
    if (stream.count() == 0) {
      throw new WekaException(
          "FastKMeans was built on training data without instances, and none was added since"
              + " (updateClusterer): there is nothing to cluster yet.");
    }
    model = stream.fit();
    return model;
  }

  @Override
  public int clusterInstance(Instance instance) throws WekaException {
    return builtModel().cluster(instance);
  }

  /** The Euclidean distance of {@code instance} to each centroid, in the normalised space. */
  public double[] distancesToCentroids(Instance instance) throws WekaException {
    return builtModel().distances(instance);
  }

  @Override
  public int numberOfClusters() throws WekaException {
    return builtModel().result().k();
  }

  /** The centroids in original units, as instances of the training header. */
  public Instances getClusterCentroids() throws WekaException {
    return builtModel().centroids();
  }

  /** The total instance weight in each cluster. */
  public double[] getClusterSizes() throws WekaException {
    return builtModel().result().clusterWeights();
  }

  /**
   * The cluster of every training instance, in the order given.
   *
   * @throws WekaException if the model is not built, or was fitted on a stream's coreset, which
   *     keeps no instance
   */
  public int[] getAssignments() throws WekaException {
    FittedModel built = builtModel();
    if (built.fromSummary()) {
      throw new WekaException(
          "The model was fitted on a coreset summarising the stream, which keeps no instance;"
              + " assign instances with clusterInstance.");
    }
    return built.result().labels();
  }

  /** The weighted within-cluster sum of squared errors, in the normalised space. */
  public double getSquaredError() throws WekaException {
    return builtModel().result().squaredError();
  }

  /** The number of iterations (assignment passes) of the kept fit. */
  public int getNumIterations() throws WekaException {
    return builtModel().result().iterations();
  }

  /**
   * The quality measures (silhouette, Davies-Bouldin, Calinski-Harabasz) in the normalised space.
   *
   * @throws WekaException if the model is not built, or was built without -quality
   */
  public ClusterQuality getClusterQuality() throws WekaException {
    ClusterQuality quality = builtModel().quality();
    if (quality == null) {
      throw new WekaException("The model was built without -quality; no quality was measured.");
    }
    return quality;
  }

  /**
   * The table of every k tried when the model chose k (-max-clusters), the chosen one marked.
   *
   * @throws WekaException if the model is not built, or was built with k given (-N)
   */
  public KSearchTable getKSearchTable() throws WekaException {
    KSearchTable table = builtModel().kSearch();
    if (table == null) {
      throw new WekaException("The model was built with k given (-N); no k was searched.");
    }
    return table;
  }

  /** The starting centres of the kept fit, in original units. */
  public Instances getInitialStartPoints() throws WekaException {
    return builtModel().initialCentroids();
  }

  @Override
  public String toString() {
    FittedModel built;
    try {
      built = builtModel();
    } catch (WekaException e) {
      // A build on a header alone (an empty training file too) says so, not "not built".
      return streamFailure == null && stream == null
          ? "FastKMeans: no model built yet."
          : "FastKMeans: no model: " + e.getMessage();
    }
    return ModelText.describe(built, options().get(OptionTable.SHOW_SPREAD), getDebug(), DECIMALS);
  }

  /**
   * Writes the clusterer with its model. During a stream the model of the rows so far is fitted
   * first, as a question would: a saved copy keeps no stream, and answers as the original does.
   *
   * @throws IOException if that fit fails, with its reason
   */
  private synchronized void writeObject(ObjectOutputStream out) throws IOException {
    if (model == null && stream != null && stream.count() > 0) {
      try {
        modelOfTheStream();
      } catch (WekaException e) {
        throw new IOException(
            "FastKMeans could not fit its stream's rows to save them: " + e.getMessage(), e);
      }
    }
    out.defaultWriteObject();
  }

  /** Reads the model, and the options of a clusterer saved with one field per option. */
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    ObjectInputStream.GetField fields = in.readFields();
    if (LegacyOptions.isLegacy(fields)) {
      restoreOptions(LegacyOptions.read(fields));
    }
    model = (FittedModel) fields.get("model", null);
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 2 $");
  }

  /**
   * Runs the clusterer with {@code options} as Weka's {@code runClusterer} does; when this JVM was
   * started for the command ({@code weka.Run} or {@code main}), a failure ends it with status 1.
   */
  @Override
  public void run(Object toRun, String[] args) {
    int status = CommandLine.run((Clusterer) toRun, args, System.out, System.err);
    if (status != 0 && CommandLine.ownsTheJvm()) {
      System.exit(status);
    }
  }

  /** Runs FastKMeans from the command line; exits with status 1 on a bad option or any error. */
  public static void main(String[] args) {
    FastKMeans clusterer = new FastKMeans();
    clusterer.run(clusterer, args);
  }
}
