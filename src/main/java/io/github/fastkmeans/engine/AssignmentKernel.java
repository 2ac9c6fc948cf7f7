package io.github.fastkmeans.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prepares the assignment kernel of this JVM before a fit needs it. With the vector kernel, the JIT
 * must compile it before it runs at vector speed (about 0.8 s of a core on an idle machine), and a
 * fit sweeps with the plain kernel meanwhile. Weka makes the scheme before it reads the training
 * data, which gives the compiler that time: a JVM's first build of 200,000 x 32 with 1,000 clusters
 * from Weka's command line took 0.75 s (median of eight) prepared so, 0.97 s prepared by the fit
 * (docs/benchmarks.md, "A JVM's first build").
 */
public final class AssignmentKernel {

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private AssignmentKernel() {}

  /**
   * Chooses the kernel and starts compiling the vector kernel, on a background thread; returns at
   * once. Only the first call in a JVM does anything, and a fit that starts before the kernel is
   * compiled still runs, with the plain kernel for its first blocks.
   */
  public static void prepare() {
    if (STARTED.compareAndSet(false, true)) {
      // Choosing loads the Vector API's classes (about 75 ms), which the caller need not wait for.
      Thread preparation = new Thread(BlockSweeps::initialize, "FastKMeans kernel preparation");
      preparation.setDaemon(true);
      preparation.start();
    }
  }
}
