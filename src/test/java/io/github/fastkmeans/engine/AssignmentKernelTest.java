package io.github.fastkmeans.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.testing.ChildJvm;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import weka.clusterers.FastKMeans;

/**
 * Making the Weka scheme compiles the vector kernel, and then the tiles' bounds, in the background
 * before any fit, in a JVM of its own: in this one earlier tests have fitted already, and their
 * fits started the warm-up.
 */
class AssignmentKernelTest {

  @Test
  void makingTheSchemeCompilesTheVectorKernelWithoutAFit() throws Exception {
    ChildJvm.Result child =
        ChildJvm.withThisClassPath()
            .withFlags("-Xmx256m", "--add-modules", BlockSweeps.VECTOR_MODULE)
            .withTimeout(Duration.ofMinutes(3))
            .run(SchemeMadeAlone.class.getName());
    assertEquals(0, child.exitCode(), child.toString());
    assertTrue(child.stdout().contains("vector kernel compiled"), child.toString());
    // The tiles' bounds too, wherever the tiles fit the JVM's vectors.
    assertTrue(
        child.stdout().contains("tiles compiled") || child.stdout().contains("no tiles here"),
        child.toString());
  }

  /**
   * Makes a FastKMeans and nothing else, waits for the warm-up's thread to appear and to end, and
   * only then asks whether the kernel is compiled: asking earlier would load {@link BlockSweeps} on
   * this thread and start the warm-up whatever the scheme did.
   */
  static final class SchemeMadeAlone {

    private SchemeMadeAlone() {}

    public static void main(String[] args) throws InterruptedException {
      new FastKMeans();
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      boolean seen = false;
      while (System.nanoTime() < deadline) {
        boolean running = warmUpRunning();
        seen |= running;
        if (seen && !running) {
          System.out.println(
              BlockSweeps.vectorCompiled()
                  ? "vector kernel compiled"
                  : "the warm-up ended, the kernel not compiled");
          if (!BlockSweeps.tilesRun()) {
            System.out.println("no tiles here");
          } else {
            System.out.println(
                BlockSweeps.tilesCompiled() ? "tiles compiled" : "the tiles not compiled");
          }
          return;
        }
        Thread.sleep(5);
      }
      System.out.println(seen ? "the warm-up did not end" : "no warm-up started");
      System.exit(1);
    }

    private static boolean warmUpRunning() {
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (thread.getName().equals(BlockSweeps.WARM_UP_THREAD)) {
          return true;
        }
      }
      return false;
    }
  }
}
