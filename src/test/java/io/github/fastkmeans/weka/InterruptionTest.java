package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.parallel.LiveThreads;
import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import weka.clusterers.FastKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Interrupting the building thread, as the Explorer's Stop button and KnowledgeFlow's stop do, ends
 * a long fit promptly with a message that says so, the interrupt flag kept, and no worker left
 * alive.
 */
class InterruptionTest {

  private static Instances noise(int rows, int columns, long seed) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int a = 0; a < columns; a++) {
      attributes.add(new Attribute("x" + a));
    }
    Instances data = new Instances("noise", attributes, rows);
    Random random = new Random(seed);
    for (int i = 0; i < rows; i++) {
      double[] values = new double[columns];
      for (int a = 0; a < columns; a++) {
        values[a] = random.nextGaussian();
      }
      data.add(new DenseInstance(1, values));
    }
    return data;
  }

  /** The FastKMeans worker threads alive now. */
  static long liveWorkers() {
    return LiveThreads.named("fastkmeans-worker-");
  }

  @Test
  void interruptedFitEndsPromptlyAndReportsIt() throws Exception {
    // Unstructured data with many clusters: Lloyd needs hundreds of slow iterations to converge.
    Instances data = noise(60000, 16, 1);
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(
        Utils.splitOptions("-N 200 -I 100000 -algorithm lloyd -num-slots 2 -init random"));
    AtomicReference<Exception> failure = new AtomicReference<>();
    AtomicBoolean flagKept = new AtomicBoolean();
    Thread builder =
        new Thread(
            () -> {
              try {
                kmeans.buildClusterer(data);
              } catch (Exception e) {
                failure.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
              }
            },
            "builder");
    builder.start();
    Thread.sleep(1500);
    assertTrue(builder.isAlive(), "the fit is still running when it is interrupted");
    long interrupted = System.nanoTime();
    builder.interrupt();
    builder.join(20000);
    double seconds = (System.nanoTime() - interrupted) / 1e9;

    assertTrue(!builder.isAlive(), "the fit ended");
    assertTrue(seconds < 5, "ended " + seconds + " s after the interrupt");
    assertNotNull(failure.get(), "the fit reported a failure");
    assertTrue(failure.get().getMessage().contains("interrupted"), failure.get().getMessage());
    assertTrue(flagKept.get(), "the interrupt flag is kept for the caller");
    assertEquals(0, liveWorkers(), "no worker thread is left");
    assertEquals("FastKMeans: no model built yet.", kmeans.toString());
  }
}
