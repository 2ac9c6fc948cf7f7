package io.github.fastkmeans.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.testing.ChildJvm;
import java.io.File;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weka's editor list and KnowledgeFlow palette show FastKMeans once installed, and only then. */
class DiscoveryIT {

  private static final String FAST_KMEANS = "weka.clusterers.FastKMeans";
  private static final String SIMPLE_KMEANS = "weka.clusterers.SimpleKMeans";

  @TempDir Path temp;

  /** Installed, FastKMeans is a listed clusterer and a palette node, loaded from WEKA_HOME. */
  @Test
  void installedPackageIsDiscoveredForEditorAndPalette() throws Exception {
    WekaInstallation weka = WekaInstallation.weka38(temp);
    ChildJvm.Result install = weka.install(WekaInstallation.packageZip());
    assertEquals(0, install.exitCode(), install.toString());

    ChildJvm.Result probe = probe(weka);
    Map<String, String> report = report(probe);
    assertEquals("true", report.get("GOE " + SIMPLE_KMEANS), probe.toString());
    assertEquals("true", report.get("GOE " + FAST_KMEANS), probe.toString());
    assertEquals("true", report.get("STEPTREE " + FAST_KMEANS), probe.toString());
    assertEquals(
        "Weka/Clusterers/FastKMeans", report.get("PALETTE " + FAST_KMEANS), probe.toString());
    assertEquals(
        "Weka/FastKMeans/FastKMeansStream",
        report.get("PALETTE " + DiscoveryProbe.STREAM_STEP),
        "the streaming step sits in the package's palette folder\n" + probe);
    String source = report.get("SOURCE " + FAST_KMEANS);
    assertTrue(
        source.endsWith("/packages/FastKMeans/FastKMeans.jar")
            && Paths.get(URI.create(source)).startsWith(weka.home()),
        "FastKMeans must come from the installed package\n" + probe);
  }

  /** Without the package, the same probe reports FastKMeans absent but still finds SimpleKMeans. */
  @Test
  void freshWekaHomeDoesNotKnowFastKMeans() throws Exception {
    WekaInstallation weka = WekaInstallation.weka38(temp);

    ChildJvm.Result probe = probe(weka);
    Map<String, String> report = report(probe);
    assertEquals("true", report.get("GOE " + SIMPLE_KMEANS), probe.toString());
    assertEquals("true", report.get("STEPTREE " + SIMPLE_KMEANS), probe.toString());
    assertEquals("false", report.get("GOE " + FAST_KMEANS), probe.toString());
    assertEquals("false", report.get("STEPTREE " + FAST_KMEANS), probe.toString());
    assertEquals("absent", report.get("SOURCE " + FAST_KMEANS), probe.toString());
    assertEquals("", report.get("PALETTE " + DiscoveryProbe.STREAM_STEP), probe.toString());
  }

  /**
   * Runs {@link DiscoveryProbe} on Weka's class path plus a directory holding only the probe's
   * classes: all of target/test-classes would put weka.clusterers.FastKMeansTest in Weka's class
   * scan, which then fails on its missing superclass.
   */
  private ChildJvm.Result probe(WekaInstallation weka) throws Exception {
    Path compiled =
        Paths.get(DiscoveryProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String packagePath = DiscoveryProbe.class.getPackageName().replace('.', '/');
    Path probeClasses = Files.createDirectories(temp.resolve("probe-classes").resolve(packagePath));
    try (DirectoryStream<Path> classes =
        Files.newDirectoryStream(compiled.resolve(packagePath), "DiscoveryProbe*.class")) {
      for (Path file : classes) {
        Files.copy(file, probeClasses.resolve(file.getFileName()));
      }
    }
    ChildJvm.Result result =
        weka.jvm(weka.classPath() + File.pathSeparator + temp.resolve("probe-classes"))
            .run(DiscoveryProbe.class.getName());
    assertEquals(0, result.exitCode(), result.toString());
    return result;
  }

  /** The probe's "KIND class=value" lines as a map from "KIND class" to value. */
  private static Map<String, String> report(ChildJvm.Result result) {
    Map<String, String> lines = new HashMap<>();
    Matcher m =
        Pattern.compile("(?m)^((?:GOE|STEPTREE|PALETTE|SOURCE) \\S+)=(.*)$")
            .matcher(result.stdout());
    while (m.find()) {
      lines.put(m.group(1), m.group(2).trim());
    }
    assertEquals(9, lines.size(), result.toString());
    return lines;
  }
}
