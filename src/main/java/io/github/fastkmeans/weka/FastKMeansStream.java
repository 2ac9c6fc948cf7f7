package io.github.fastkmeans.weka;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.FastKMeans;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.Utils;
import weka.core.WekaException;
import weka.gui.knowledgeflow.KFGUIConsts;
import weka.knowledgeflow.Data;
import weka.knowledgeflow.StepManager;
import weka.knowledgeflow.steps.BaseStep;
import weka.knowledgeflow.steps.KFStep;

/**
 * A KnowledgeFlow step that trains FastKMeans on an {@code instance} stream (a Loader in
 * incremental mode), row by row through {@link FastKMeans#updateClusterer}, and at the end of the
 * stream emits the trained clusterer ({@code batchClusterer}, with the training header, as Weka's
 * Clusterer step does) and its model text ({@code text}). Weka's own Clusterer step accepts an
 * instance stream but does not train on it.
 */
@KFStep(
    name = "FastKMeansStream",
    category = "FastKMeans",
    toolTipText =
        "Trains FastKMeans on an incremental instance stream (exact within -stream-budget)",
    iconPath = KFGUIConsts.BASE_ICON_PATH + "DefaultClusterer.gif")
public class FastKMeansStream extends BaseStep {

  private static final long serialVersionUID = 1L;

  /** The configured clusterer; every run trains a copy, so the flow's settings stay as set. */
  private FastKMeans clusterer = new FastKMeans();

  /** The copy this run trains; null before its first instance. Read by a stop's thread too. */
  private transient volatile FastKMeans training;

  /** The structure of the stream, from its first instance. */
  private transient Instances header;

  /**
   * The thread fitting the stream at its end, which a stop interrupts; null otherwise. Read and
   * written under this step's lock, so that no interrupt reaches the thread once its fit returned.
   */
  private transient Thread fitting;

  /** The configured FastKMeans, whose options the run uses. */
  @OptionMetadata(
      displayName = "FastKMeans",
      description = "The FastKMeans to train on the stream, with its options",
      displayOrder = 1)
  public FastKMeans getClusterer() {
    return clusterer;
  }

  /** Sets the FastKMeans to train on the stream. */
  public void setClusterer(FastKMeans clusterer) {
    this.clusterer = clusterer;
  }

  @Override
  public void stepInit() throws WekaException {
    training = null;
    header = null;
  }

  @Override
  public List<String> getIncomingConnectionTypes() {
    List<String> types = new ArrayList<>();
    if (getStepManager().numIncomingConnections() == 0) {
      types.add(StepManager.CON_INSTANCE);
    }
    return types;
  }

  @Override
  public List<String> getOutgoingConnectionTypes() {
    List<String> types = new ArrayList<>();
    if (getStepManager().numIncomingConnections() > 0) {
      types.add(StepManager.CON_BATCH_CLUSTERER);
      types.add(StepManager.CON_TEXT);
    }
    return types;
  }

  @Override
  public void processIncoming(Data data) throws WekaException {
    if (isStopRequested()) {
      getStepManager().interrupted();
      return;
    }
    if (getStepManager().isStreamFinished(data)) {
      finish();
      return;
    }
    Instance instance = data.getPrimaryPayload();
    if (training == null) {
      start(instance);
    }
    getStepManager().throughputUpdateStart();
    try {
      training.updateClusterer(instance);
    } catch (WekaException e) {
      if (isStopRequested()) {
        // A stop dropped the stream while this instance was on its way: no error to report.
        getStepManager().interrupted();
        return;
      }
      throw e;
    }
    getStepManager().throughputUpdateEnd();
  }

  /**
   * Stops the step and drops the stream it was training: the rows kept so far and the summary's
   * threads are released at once, not when the next run starts. A fit of the stream's end under way
   * is interrupted, and ends as every stage of a build does, within a chunk of work.
   */
  @Override
  public void stop() {
    super.stop();
    interruptFitting();
    FastKMeans stopped = training;
    if (stopped != null) {
      stopped.dropStream();
    }
  }

  /** Starts a stream on a copy of the configured clusterer, with the first instance's header. */
  private void start(Instance first) throws WekaException {
    if (first == null || first.dataset() == null) {
      throw new WekaException(
          "FastKMeansStream needs instances that belong to a data set (a Loader's stream).");
    }
    try {
      training = (FastKMeans) AbstractClusterer.makeCopy(clusterer);
    } catch (Exception e) {
      throw new WekaException("Cannot copy the configured FastKMeans: " + e.getMessage(), e);
    }
    // The flow's own variables, as ${Internal.knowledgeflow.directory}, are the step manager's.
    String centres = training.getInitFile().getPath();
    if (!centres.isEmpty()) {
      training.setInitFile(new File(getStepManager().environmentSubstitute(centres)));
    }
    header = new Instances(first.dataset(), 0);
    getStepManager().processing();
    getStepManager().logBasic("Training " + describe(training) + " on the stream");
    training.buildClusterer(header);
  }

  /** Ends the stream: fits, then emits the clusterer and its text. */
  private void finish() throws WekaException {
    if (training == null) {
      throw new WekaException("The stream ended before any instance arrived; nothing to cluster.");
    }
    setFitting(Thread.currentThread());
    try {
      training.updateFinished();
    } finally {
      setFitting(null);
    }
    if (isStopRequested()) {
      // The stop's interrupt ended the fit: it is consumed here, not left to Weka's next task.
      Thread.interrupted();
      getStepManager().interrupted();
      return;
    }
    // A failure of the fit surfaces here, with its message, rather than in a downstream step.
    int clusters = training.numberOfClusters();
    getStepManager().logBasic("Built " + clusters + " clusters");
    if (getStepManager().numOutgoingConnectionsOfType(StepManager.CON_TEXT) > 0) {
      Data text = new Data(StepManager.CON_TEXT, training.toString());
      text.setPayloadElement(StepManager.CON_AUX_DATA_TEXT_TITLE, describe(training));
      getStepManager().outputData(text);
    }
    if (getStepManager().numOutgoingConnectionsOfType(StepManager.CON_BATCH_CLUSTERER) > 0) {
      Data model = new Data(StepManager.CON_BATCH_CLUSTERER, training);
      model.setPayloadElement(StepManager.CON_AUX_DATA_TRAININGSET, header);
      model.setPayloadElement(StepManager.CON_AUX_DATA_SET_NUM, 1);
      model.setPayloadElement(StepManager.CON_AUX_DATA_MAX_SET_NUM, 1);
      model.setPayloadElement(StepManager.CON_AUX_DATA_LABEL, getName());
      getStepManager().outputData(model);
    }
    getStepManager().finished();
  }

  private synchronized void setFitting(Thread thread) {
    fitting = thread;
  }

  private synchronized void interruptFitting() {
    if (fitting != null) {
      fitting.interrupt();
    }
  }

  private static String describe(FastKMeans kmeans) {
    return kmeans.getClass().getName() + " " + Utils.joinOptions(kmeans.getOptions());
  }
}
