package io.github.fastkmeans.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The package zip installed offline into a throw-away Weka 3.8 home, then used the way a user
 * would: Weka's command line, model files, a filter, and finally uninstalled.
 */
class PackageCommandLineIT {

  @TempDir static Path temp;
  private static WekaInstallation weka;
  private static Path iris;

  @BeforeAll
  static void install() throws Exception {
    weka = WekaInstallation.weka38(temp);
    iris = WekaInstallation.baseDir().resolve("src/test/resources/datasets/iris/iris.arff");
    ChildJvm.Result result = weka.install(WekaInstallation.packageZip());
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("", result.stderr(), "no warnings\n" + result);
  }

  @Test
  void packageIsListedAsInstalledAndLoaded() throws Exception {
    ChildJvm.Result result =
        weka.run("weka.core.WekaPackageManager", "-offline", "-list-packages", "installed");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(
        Pattern.compile("0\\.1\\.0\\s+\\S+\\s+Yes\\s+FastKMeans:").matcher(result.stdout()).find(),
        result.toString());
    assertTrue(Files.isRegularFile(weka.home().resolve("packages/FastKMeans/FastKMeans.jar")));
  }

  @Test
  void wekaRunClustersIris() throws Exception {
    ChildJvm.Result result = weka.run("weka.Run", "FastKMeans", "-t", iris.toString(), "-N", "3");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.stdout().contains("FastKMeans\n=========="), result.toString());
    assertTrue(result.stdout().contains("Number of clusters: 3"), result.toString());
    assertTrue(result.stdout().contains("Final cluster centroids:"), result.toString());
    assertTrue(result.stdout().contains("Clustered Instances"), result.toString());
    // With the build's Java options (those of the try profile), Weka's libraries warn of nothing.
    assertEquals("", result.stderr(), result.toString());
    assertFalse(result.stdout().contains("WARNING"), result.toString());
  }

  @Test
  void wrongOptionPrintsHelpAndFails() throws Exception {
    ChildJvm.Result result =
        weka.run("weka.Run", "FastKMeans", "-t", iris.toString(), "-init", "foo");
    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("Option -init does not accept 'foo'"), result.toString());
    assertTrue(result.stderr().contains("General options:"), result.toString());
    assertTrue(result.stderr().contains("-init-file <file>"), result.toString());
    assertFalse(result.stderr().contains("\tat "), "no stack trace\n" + result);

    ChildJvm.Result unknown = weka.run("weka.Run", "FastKMeans", "-t", iris.toString(), "-bogus");
    assertEquals(1, unknown.exitCode(), unknown.toString());
    assertTrue(unknown.stderr().contains("-bogus"), unknown.toString());
  }

  @Test
  void wekaRunChoosesKAndShowsTheTable() throws Exception {
    ChildJvm.Result result =
        weka.run("weka.Run", "FastKMeans", "-t", iris.toString(), "-max-clusters", "6");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.stdout().contains("Choosing k by bic: tried k = 2.."), result.toString());
    assertTrue(result.stdout().contains("\n* "), result.toString());
    assertTrue(result.stdout().contains("Clustered Instances"), result.toString());
  }

  @Test
  void savedModelReloadsWithTheSameAssignments() throws Exception {
    Path model = temp.resolve("fastkmeans.model");
    ChildJvm.Result saved =
        weka.run(
            "weka.Run", "FastKMeans", "-t", iris.toString(), "-N", "3", "-d", model.toString());
    assertEquals(0, saved.exitCode(), saved.toString());
    assertTrue(Files.size(model) > 0);
    // -p prints assignments instead of the model; the same options and seed rebuild the same model.
    ChildJvm.Result trained =
        weka.run("weka.Run", "FastKMeans", "-t", iris.toString(), "-N", "3", "-p", "0");
    assertEquals(0, trained.exitCode(), trained.toString());
    ChildJvm.Result reloaded =
        weka.run(
            "weka.Run", "FastKMeans", "-l", model.toString(), "-T", iris.toString(), "-p", "0");
    assertEquals(0, reloaded.exitCode(), reloaded.toString());
    List<String> before = predictions(trained.stdout());
    assertEquals(150, before.size(), trained.toString());
    assertEquals(before, predictions(reloaded.stdout()));
  }

  @Test
  void predictionsForAFileOfAnotherHeaderFail() throws Exception {
    Path model = temp.resolve("header.model");
    ChildJvm.Result saved =
        weka.run(
            "weka.Run", "FastKMeans", "-t", iris.toString(), "-N", "3", "-d", model.toString());
    assertEquals(0, saved.exitCode(), saved.toString());
    Instances data = DataSource.read(iris.toString());
    data.deleteAttributeAt(data.numAttributes() - 1);
    Path noClass = temp.resolve("iris-without-class.arff");
    Files.writeString(noClass, data.toString());

    ChildJvm.Result result =
        weka.run(
            "weka.Run", "FastKMeans", "-l", model.toString(), "-T", noClass.toString(), "-p", "0");
    assertEquals(1, result.exitCode(), result.toString());
    assertFalse(result.stdout().contains("Unclustered"), result.toString());
    assertTrue(
        result
            .stderr()
            .contains(
                "Training and testing data are not compatible\nDifferent number of attributes: 5 != 4"),
        result.toString());
  }

  /** The "index cluster" lines Weka prints for -p 0. */
  private static List<String> predictions(String output) {
    List<String> lines = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\s*(\\d+)\\s+(\\d+)\\s*$").matcher(output);
    while (m.find()) {
      lines.add(m.group(1) + " " + m.group(2));
    }
    return lines;
  }

  @Test
  void addClusterFilterAddsAClusterAttribute() throws Exception {
    Path out = temp.resolve("iris-clustered.arff");
    ChildJvm.Result result =
        weka.run(
            "weka.Run",
            "weka.filters.unsupervised.attribute.AddCluster",
            "-W",
            "weka.clusterers.FastKMeans -N 3",
            "-I",
            "last",
            "-i",
            iris.toString(),
            "-o",
            out.toString());
    assertEquals(0, result.exitCode(), result.toString());
    Instances clustered = DataSource.read(out.toString());
    assertEquals(6, clustered.numAttributes());
    assertEquals("cluster", clustered.attribute(5).name());
    assertEquals(3, clustered.attribute(5).numValues());
    assertEquals(150, clustered.numInstances());
    assertNotEquals(
        1, clustered.attributeStats(5).distinctCount, "instances fall into more than one cluster");
  }
}
