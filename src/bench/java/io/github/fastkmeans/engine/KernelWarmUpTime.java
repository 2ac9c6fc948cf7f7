package io.github.fastkmeans.engine;

import io.github.fastkmeans.bench.SweepSpeed;
import java.util.Locale;
import java.util.Random;

/**
 * How long after a JVM's first fit the vector kernel takes over from the plain one ({@link
 * BlockSweeps#vectorCompiled}), with {@code busy} threads kept busy by fits on the side (0 for a
 * quiet JVM): until then every block of every fit goes to the plain kernel. Run with {@code
 * --add-modules jdk.incubator.vector}.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp "$(cat target/bench-classpath.txt)" \
 *     io.github.fastkmeans.engine.KernelWarmUpTime busy
 * </pre>
 */
public final class KernelWarmUpTime {

  private KernelWarmUpTime() {}

  /** Starts the warm-up with a small fit, then reports when the vector kernel is compiled. */
  public static void main(String[] args) throws Exception {
    int busy = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    if (!BlockSweeps.vectorKernel()) {
      System.out.println("No vector kernel in this JVM: " + BlockSweeps.description());
      return;
    }
    long started = System.nanoTime();
    DataMatrix data = SweepSpeed.blobs(20_000, 16, 64, 1);
    double[] centres = new double[64 * 16];
    Random random = new Random(3);
    for (int c = 0; c < 64; c++) {
      System.arraycopy(data.values(), random.nextInt(data.rows()) * 16, centres, c * 16, 16);
    }
    KMeansSettings settings =
        KMeansSettings.DEFAULTS.withAlgorithm(Algorithm.LLOYD).withMaxIterations(5);
    Thread[] fits = new Thread[busy];
    for (int t = 0; t < busy; t++) {
      fits[t] =
          new Thread(
              () -> {
                try {
                  while (!BlockSweeps.vectorCompiled()) {
                    new KMeans(settings).fit(data, centres);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      fits[t].setDaemon(true);
      fits[t].start();
    }
    new KMeans(settings).fit(data, centres);
    while (!BlockSweeps.vectorCompiled()) {
      Thread.sleep(5);
      if (System.nanoTime() - started > 150_000_000_000L) {
        System.out.println("Not compiled after 150 s");
        return;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "vector kernel compiled %.2f s after the first fit began, %d busy thread(s)%n",
        (System.nanoTime() - started) / 1e9,
        busy);
  }
}
