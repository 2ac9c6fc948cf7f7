package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.coreset.MergeReduceCoreset;
import io.github.fastkmeans.parallel.LiveThreads;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.clusterers.FastKMeans;
import weka.core.Environment;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WekaException;
import weka.gui.SysErrLog;
import weka.knowledgeflow.BaseExecutionEnvironment;
import weka.knowledgeflow.Data;
import weka.knowledgeflow.StepManager;
import weka.knowledgeflow.StepManagerImpl;

/** The KnowledgeFlow step, driven by Weka's own step manager without a flow around it. */
class FastKMeansStreamTest {

  @Test
  void aStopDropsTheStreamAndReleasesItsThreadsAtOnce() throws Exception {
    Instances s1 = TestData.loadUnlabelled("s1");
    FastKMeans configured = new FastKMeans();
    configured.setOptions(Utils.splitOptions("-N 15 -stream-budget 0.01 -num-slots 3"));
    FastKMeansStream step = fedStep(configured, s1, 3000);
    assertTrue(reducingThreads() > 0, "the summary reduces on worker threads");
    step.stop();
    assertEquals(0, reducingThreads(), "no reducing thread once the step is stopped");
    assertTrue(step.isStopRequested());
    // An instance still on its way after the stop is no error.
    step.processIncoming(new Data(StepManager.CON_INSTANCE, s1.instance(3000)));
    // The configured clusterer was never trained: the step trained a copy.
    assertThrows(WekaException.class, configured::numberOfClusters);
  }

  /**
   * A stop while the stream's end is being fitted interrupts the fit: the stop returns within
   * seconds, not at the fit's end; the step reports no model, and its thread keeps no interrupt.
   */
  @Test
  void aStopDuringTheFinalFitEndsItPromptly() throws Exception {
    Instances s1 = TestData.loadUnlabelled("s1");
    FastKMeans configured = new FastKMeans();
    // Long enough to stop in the middle: many restarts of many clusters on every row.
    configured.setOptions(Utils.splitOptions("-N 60 -restarts 5000 -refine-trials 0"));
    FastKMeansStream step = fedStep(configured, s1, s1.numInstances());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean interruptLeft = new AtomicBoolean();
    Thread finishing =
        new Thread(
            () -> {
              try {
                Data end = new Data(StepManager.CON_INSTANCE);
                end.setPayloadElement(StepManager.CON_AUX_DATA_INCREMENTAL_STREAM_END, true);
                step.processIncoming(end);
                interruptLeft.set(Thread.currentThread().isInterrupted());
              } catch (Throwable e) {
                failure.set(e);
              }
            });
    finishing.start();
    Thread.sleep(500);
    assertTrue(finishing.isAlive(), "the fit still runs when the stop comes");
    long start = System.nanoTime();
    step.stop();
    finishing.join(10_000);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertFalse(finishing.isAlive(), "the fit ended");
    // Uninterrupted, the stop waited for the whole fit: 30.8 s on a 2-core machine.
    assertTrue(seconds < 5, seconds + " s from the stop to the fit's end");
    assertEquals(null, failure.get());
    assertFalse(interruptLeft.get(), "the step's thread keeps no interrupt");
  }

  /** The centres file may name the flow's own variables, which only the step manager knows. */
  @Test
  void theCentresFileMayNameTheFlowsVariables(@TempDir Path folder) throws Exception {
    Instances iris = TestData.loadUnlabelled("iris");
    Path centres =
        TestData.writeCentres(
            iris,
            new double[][] {
              iris.instance(0).toDoubleArray(),
              iris.instance(50).toDoubleArray(),
              iris.instance(100).toDoubleArray()
            },
            folder.resolve("centres.arff"));
    Environment flow = new Environment();
    flow.addVariable("FLOW_FOLDER", folder.toString());

    FastKMeans configured = new FastKMeans();
    configured.setOptions(Utils.splitOptions("-N 3 -init-file ${FLOW_FOLDER}/centres.arff"));
    FastKMeansStream step = new FastKMeansStream();
    step.setClusterer(configured);
    new FlowStepManager(step, flow).setLog(new SysErrLog());
    step.stepInit();
    for (Instance instance : iris) {
      step.processIncoming(new Data(StepManager.CON_INSTANCE, instance));
    }
    Data end = new Data(StepManager.CON_INSTANCE);
    end.setPayloadElement(StepManager.CON_AUX_DATA_INCREMENTAL_STREAM_END, true);
    step.processIncoming(end);

    // Outside the flow the variable is unknown, and the stream is refused when it starts.
    FastKMeansStream elsewhere = new FastKMeansStream();
    elsewhere.setClusterer(configured);
    new StepManagerImpl(elsewhere).setLog(new SysErrLog());
    elsewhere.stepInit();
    WekaException e =
        assertThrows(
            WekaException.class,
            () -> elsewhere.processIncoming(new Data(StepManager.CON_INSTANCE, iris.instance(0))));
    assertTrue(e.getMessage().contains("names a variable Weka does not know"), e.getMessage());
  }

  /**
   * A FastKMeansStream step of {@code configured}, under Weka's own step manager, fed the first
   * {@code rows} rows of {@code data}.
   */
  private static FastKMeansStream fedStep(FastKMeans configured, Instances data, int rows)
      throws WekaException {
    FastKMeansStream step = new FastKMeansStream();
    step.setClusterer(configured);
    new StepManagerImpl(step).setLog(new SysErrLog());
    step.stepInit();
    for (int row = 0; row < rows; row++) {
      step.processIncoming(new Data(StepManager.CON_INSTANCE, data.instance(row)));
    }
    return step;
  }

  /** A step manager whose flow has the variables {@code variables}. */
  private static final class FlowStepManager extends StepManagerImpl {
    FlowStepManager(FastKMeansStream step, Environment variables) throws WekaException {
      super(step);
      BaseExecutionEnvironment environment = new BaseExecutionEnvironment();
      environment.setEnvironmentVariables(variables);
      setExecutionEnvironment(environment);
    }
  }

  @Test
  void droppingAStreamKeepsNoRowsAndNoThreads() throws Exception {
    Instances s1 = TestData.loadUnlabelled("s1");
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions("-N 15 -stream-budget 0.01 -num-slots 3"));
    kmeans.buildClusterer(new Instances(s1, 0));
    for (int row = 0; row < 3000; row++) {
      kmeans.updateClusterer(s1.instance(row));
    }
    assertTrue(reducingThreads() > 0, "the summary reduces on worker threads");
    kmeans.dropStream();
    assertEquals(0, reducingThreads(), "no reducing thread after the stream is dropped");
    WekaException refusal = assertThrows(WekaException.class, kmeans::numberOfClusters);
    assertTrue(refusal.getMessage().contains("not been built"), refusal.getMessage());
    assertThrows(WekaException.class, () -> kmeans.updateClusterer(s1.instance(0)));
  }

  private static long reducingThreads() {
    return LiveThreads.named(MergeReduceCoreset.THREAD_NAME);
  }
}
