package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.init.GivenCentres;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.clusterers.FastKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Environment;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WekaException;

/**
 * Tests of {@link GivenCentresFile}: centres in original units are read and encoded as the training
 * data are; a file with other attributes, or no file, is refused with a message that names the file
 * and the problem.
 */
class GivenCentresFileTest {

  /** The one-hot level of a nominal value, 1/sqrt(2). */
  private static final double LEVEL = 1 / Math.sqrt(2);

  @TempDir Path temp;

  /** Training data: x = 1, 5, 3 (range 1 to 5, mean 3) coloured red, blue, green. */
  private static Instances training() {
    return TestData.xAndColour(
        new double[] {1, 5, 3}, new String[] {"red", "blue", "green"}, new double[] {1, 1, 1});
  }

  private static InstanceEncoder encoder() throws WekaException, InterruptedException {
    return InstanceEncoder.fit(training(), Normalization.RANGE);
  }

  /**
   * Writes {@code rows} (x, colour index) as an ARFF file with the attributes of {@code header}.
   */
  private Path arff(String name, Instances header, double[]... rows) throws Exception {
    Instances centres = new Instances(header, rows.length);
    for (double[] row : rows) {
      centres.add(new DenseInstance(1, row));
    }
    Path file = temp.resolve(name);
    Files.writeString(file, centres.toString(), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsCentresInOriginalUnitsAndEncodesThemAsTheTrainingData() throws Exception {
    InstanceEncoder encoder = encoder();
    Path file =
        arff("centres.arff", encoder.header(), new double[][] {{3, 1}, {5, 0}, {Double.NaN, 2}});
    double[] encoded = GivenCentresFile.readEncoded(file.toFile(), encoder);
    double[][] expected = {
      {0.5, 0, LEVEL, 0}, // x: (3 - 1) / (5 - 1); green
      {1, LEVEL, 0, 0}, // x: 5, the maximum; red
      {0.5, 0, 0, LEVEL} // x: missing, so the training mean, 3; blue
    };
    assertEquals(12, encoded.length);
    for (int c = 0; c < 3; c++) {
      assertArrayEquals(
          expected[c], Arrays.copyOfRange(encoded, 4 * c, 4 * c + 4), 1e-15, "centre " + c);
    }

    GivenCentres given = new GivenCentres(encoded);
    assertArrayEquals(encoded, given.initialCentres(encoder.encode(training()), 3, null), 0);
  }

  @Test
  void refusesAFileWithOtherAttributes() throws Exception {
    InstanceEncoder encoder = encoder();

    ArrayList<Attribute> renamed = new ArrayList<>();
    renamed.add(new Attribute("y"));
    renamed.add(new Attribute("colour", List.of("red", "green", "blue")));
    Path otherName = arff("y.arff", new Instances("c", renamed, 0), new double[] {3, 1});
    assertRefused(otherName, encoder, "do not have the training attributes");

    ArrayList<Attribute> onlyX = new ArrayList<>();
    onlyX.add(new Attribute("x"));
    Path fewer = arff("x.arff", new Instances("c", onlyX, 0), new double[] {3});
    assertRefused(fewer, encoder, "1 attribute instead of 2.");

    // The training attributes and the class, which Weka removes before clustering (-c).
    ArrayList<Attribute> withClass = new ArrayList<>();
    withClass.add(new Attribute("x"));
    withClass.add(new Attribute("colour", List.of("red", "green", "blue")));
    withClass.add(new Attribute("label", List.of("a", "b")));
    Path classToo = arff("class.arff", new Instances("c", withClass, 0), new double[] {3, 1, 0});
    assertRefused(
        classToo,
        encoder,
        "3 attributes instead of 2. The file's attribute 'label' is not among them: Weka removes"
            + " the class");

    // The same names in another order would turn every red centre blue.
    ArrayList<Attribute> reordered = new ArrayList<>();
    reordered.add(new Attribute("x"));
    reordered.add(new Attribute("colour", List.of("blue", "green", "red")));
    Path otherOrder = arff("order.arff", new Instances("c", reordered, 0), new double[] {3, 0});
    assertRefused(otherOrder, encoder, "do not have the training attributes");
  }

  @Test
  void refusesAFileThatDoesNotExist() throws Exception {
    File missing = temp.resolve("no-such-centres.arff").toFile();
    WekaException e =
        assertThrows(WekaException.class, () -> GivenCentresFile.readEncoded(missing, encoder()));
    assertEquals("The file of initial centres " + missing + " does not exist.", e.getMessage());
  }

  /** Weka's variables in the file's name are replaced, as KnowledgeFlow replaces them in paths. */
  @Test
  void wekasVariablesInTheFileNameAreReplaced() throws Exception {
    InstanceEncoder encoder = encoder();
    arff("centres.arff", encoder.header(), new double[] {3, 1}, new double[] {5, 0});
    Environment.getSystemWide().addVariableSystemWide("FASTKMEANS_TEST_DIR", temp.toString());
    try {
      FastKMeans kmeans = new FastKMeans();
      kmeans.setOptions(
          Utils.splitOptions(
              "-N 2 -normalize none -init-file ${FASTKMEANS_TEST_DIR}/centres.arff"));
      kmeans.buildClusterer(training());
      assertEquals(2, kmeans.numberOfClusters());
      assertEquals(3, kmeans.getInitialStartPoints().instance(0).value(0), 0);

      FastKMeans unknown = new FastKMeans();
      unknown.setOptions(Utils.splitOptions("-N 2 -init-file ${NO_SUCH_VARIABLE}/centres.arff"));
      WekaException e = assertThrows(WekaException.class, () -> unknown.buildClusterer(training()));
      assertTrue(e.getMessage().contains("names a variable Weka does not know"), e.getMessage());
    } finally {
      // Weka's system-wide variables are system properties too.
      Environment.getSystemWide().removeVariable("FASTKMEANS_TEST_DIR");
      System.clearProperty("FASTKMEANS_TEST_DIR");
    }
  }

  private static void assertRefused(Path file, InstanceEncoder encoder, String problem) {
    WekaException e =
        assertThrows(
            WekaException.class, () -> GivenCentresFile.readEncoded(file.toFile(), encoder));
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
  }
}
