package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

  @TempDir Path temp;

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

  private String runSmallHeap(String rows, String options) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx96m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MemoryLimitTest.class.getName());
    command.add(rows);
    command.add(options);
    Path out = temp.resolve("out-" + System.nanoTime() + ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the small-heap JVM finished");
    assertEquals(0, process.exitValue());
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void tooLargeAFitIsRefusedBeforeItAllocates() throws Exception {
    // 100,000 x 100 Elkan bounds take 80 MB (and 0.8 MB of upper bounds, 0.16 MB between centres)
    // of a 96 MB heap that already holds the Instances.
    String output =
        runSmallHeap("100000", "-N 100 -algorithm elkan -elkan-memory 4096 -I 3 -init random");
    assertFalse(output.contains("OUT OF MEMORY"), output);
    assertTrue(output.contains("REFUSED FastKMeans needs about"), output);
    assertTrue(output.contains("bounds 81.0 MB (80960000 bytes)"), output);
    assertTrue(output.contains("of Java heap is free (maximum heap"), output);
  }

  @Test
  void theSameDataFitsWithTheSmallerBounds() throws Exception {
    String output = runSmallHeap("100000", "-N 100 -algorithm hamerly -I 3 -init random");
    // At least the 3 iterations of the first fit, and those of the fits after kept swaps.
    assertTrue(output.matches("(?s).*BUILT ([3-9]|\\d\\d+)\\b.*"), output);
  }
}
