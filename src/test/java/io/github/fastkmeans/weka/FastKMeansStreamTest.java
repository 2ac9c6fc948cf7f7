package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.coreset.MergeReduceCoreset;
import io.github.fastkmeans.parallel.LiveThreads;
import org.junit.jupiter.api.Test;
import weka.clusterers.FastKMeans;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WekaException;
import weka.gui.SysErrLog;
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
    FastKMeansStream step = new FastKMeansStream();
    step.setClusterer(configured);
    new StepManagerImpl(step).setLog(new SysErrLog());
    step.stepInit();
    for (int row = 0; row < 3000; row++) {
      step.processIncoming(new Data(StepManager.CON_INSTANCE, s1.instance(row)));
    }
    assertTrue(reducingThreads() > 0, "the summary reduces on worker threads");
    step.stop();
    assertEquals(0, reducingThreads(), "no reducing thread once the step is stopped");
    assertTrue(step.isStopRequested());
    // An instance still on its way after the stop is no error.
    step.processIncoming(new Data(StepManager.CON_INSTANCE, s1.instance(3000)));
    // The configured clusterer was never trained: the step trained a copy.
    assertThrows(WekaException.class, configured::numberOfClusters);
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
