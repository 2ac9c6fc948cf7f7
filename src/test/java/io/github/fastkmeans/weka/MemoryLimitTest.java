package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.testing.ChildJvm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.clusterers.FastKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * In a JVM with a deliberately small heap, a fit that would not fit is refused before it allocates,
 * with the bytes needed and the heap available, instead of dying of OutOfMemoryError.
 */
class MemoryLimitTest {

  /** Run in the small-heap JVM: builds data, then a fit whose Elkan bounds cannot fit. */
  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[0]);
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int a = 0; a < 4; a++) {
      attributes.add(new Attribute("x" + a));
    }
    Instances data = new Instances("many", attributes, rows);
    Random random = new Random(1);
    for (int i = 0; i < rows; i++) {
      data.add(
          new DenseInstance(
              1,
              new double[] {
                random.nextGaussian(),
                random.nextGaussian(),
                random.nextGaussian(),
                random.nextGaussian()
              }));
    }
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions(args[1]));
    try {
      kmeans.buildClusterer(data);
      System.out.println("BUILT " + kmeans.getNumIterations());
    } catch (OutOfMemoryError e) {
      System.out.println("OUT OF MEMORY");
    } catch (Exception e) {
      System.out.println("REFUSED " + e.getMessage());
    }
  }

  /** Runs {@link #main} in a JVM with a 96 MB heap, which must exit normally. */
  private static ChildJvm.Result runSmallHeap(String rows, String options) throws Exception {
    ChildJvm.Result result =
        ChildJvm.withThisClassPath()
            .withFlags("-Xmx96m")
            .withTimeout(Duration.ofMinutes(2))
            .run(MemoryLimitTest.class.getName(), rows, options);
    assertEquals(0, result.exitCode(), result.toString());
    return result;
  }

  @Test
  void tooLargeAFitIsRefusedBeforeItAllocates() throws Exception {
    // 100,000 x 100 Elkan bounds take 80 MB (and 0.8 MB of upper bounds, 0.16 MB between centres)
    // of a 96 MB heap that already holds the Instances.
    ChildJvm.Result run =
        runSmallHeap("100000", "-N 100 -algorithm elkan -elkan-memory 4096 -I 3 -init random");
    String output = run.stdout();
    assertFalse(output.contains("OUT OF MEMORY"), run.toString());
    assertTrue(output.contains("REFUSED FastKMeans needs about"), run.toString());
    assertTrue(output.contains("bounds 81.0 MB (80960000 bytes)"), run.toString());
    assertTrue(output.contains("of Java heap is free (maximum heap"), run.toString());
  }

  @Test
  void theSameDataFitsWithTheSmallerBounds() throws Exception {
    ChildJvm.Result run = runSmallHeap("100000", "-N 100 -algorithm hamerly -I 3 -init random");
    // At least the 3 iterations of the first fit, and those of the fits after kept swaps.
    assertTrue(run.stdout().matches("(?s).*BUILT ([3-9]|\\d\\d+)\\b.*"), run.toString());
  }
}
