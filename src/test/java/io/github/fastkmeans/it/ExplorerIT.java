package io.github.fastkmeans.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fastkmeans.testing.ChildJvm;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import weka.gui.explorer.ExplorerDriver;
import weka.gui.explorer.KnowledgeFlowDriver;

/**
 * The package installed into a throw-away Weka 3.8 home, then used through the real Weka Explorer
 * on a virtual X display (Xvfb): FastKMeans chosen on the Cluster tab clusters iris, and a
 * screenshot of the window is saved under {@code target/it/explorer/}. With {@code
 * -Dscreenshot.update=true} it also replaces README's picture, {@code
 * docs/explorer-cluster-tab.png}; either way that picture must be one the test drew.
 */
class ExplorerIT {

  /** Screen of the virtual display; the driver's 1200x850 frame fits on it. */
  private static final String SCREEN = "1280x900x24";

  /** The screenshot README shows and the package ships, relative to the project. */
  private static final String COMMITTED_SCREENSHOT = "docs/explorer-cluster-tab.png";

  /** The README's picture of the streaming flow in the KnowledgeFlow. */
  private static final String COMMITTED_FLOW_SCREENSHOT = "docs/knowledgeflow-stream.png";

  /** Bound on the whole driver JVM (Weka start-up, clustering, screenshot). */
  private static final Duration DRIVER_TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path temp;

  @Test
  void explorerClustersIrisWithFastKMeansOnTheClusterTab() throws Exception {
    Path xvfb = requireXvfb();
    WekaInstallation weka = installedWeka();

    Path iris = WekaInstallation.baseDir().resolve("src/test/resources/datasets/iris/iris.arff");
    Path outputDir =
        Files.createDirectories(
            Paths.get(WekaInstallation.property("fastkmeans.work.dir"), "explorer"));
    Path screenshot = outputDir.resolve("explorer-cluster-tab.png");
    Path outputText = outputDir.resolve("cluster-output.txt");
    Files.deleteIfExists(screenshot);
    Files.deleteIfExists(outputText);

    ChildJvm.Result run;
    try (VirtualDisplay display = VirtualDisplay.start(xvfb, temp.resolve("xvfb.log"))) {
      run = runDriver(weka, display.name(), iris, screenshot, outputText, "-N 3");
    }

    assertEquals(0, run.exitCode(), run.toString());
    Map<String, String> report = report(run);
    assertEquals("ok", report.get("status"), run.toString());
    assertEquals(
        "true", report.get("listed"), "FastKMeans is among the Explorer's clusterers\n" + run);
    assertEquals("Cluster", report.get("tab"), run.toString());
    assertTrue(
        report.getOrDefault("scheme-location", "").contains("/packages/FastKMeans/"),
        "FastKMeans comes from the installed package, not the class path\n" + run);
    assertTrue(
        report.getOrDefault("scheme", "").startsWith("weka.clusterers.FastKMeans -N 3 "),
        run.toString());
    assertEquals("true", report.get("model-text"), run.toString());
    assertEquals("1", report.get("results"), "one entry in the result list\n" + run);
    assertTrue(
        report.getOrDefault("selected-result", "").endsWith(" - FastKMeans"), run.toString());

    String output = Files.readString(outputText, StandardCharsets.UTF_8);
    assertTrue(output.contains("Scheme:       weka.clusterers.FastKMeans -N 3 "), output);
    assertTrue(output.contains("Test mode:    Classes to clusters evaluation"), output);
    assertTrue(output.contains("FastKMeans\n==========\n"), output);
    assertTrue(output.contains("Number of clusters: 3\n"), output);
    assertTrue(output.contains("Final cluster centroids:"), output);
    assertEquals(
        List.of(150, 3), clusterSizes(output), "Full Data size, then the cluster count\n" + output);
    assertTrue(output.contains("Classes to Clusters:"), output);

    assertScreenshotShowsSomething(screenshot);

    Path committed = WekaInstallation.baseDir().resolve(COMMITTED_SCREENSHOT);
    if (Boolean.parseBoolean(WekaInstallation.property("fastkmeans.screenshot.update"))) {
      Files.copy(screenshot, committed, StandardCopyOption.REPLACE_EXISTING);
    }
    assertCommittedScreenshotWasDrawnHere(committed, screenshot);
  }

  @Test
  void explorerShowsTheTableOfASearchForK() throws Exception {
    Path xvfb = requireXvfb();
    WekaInstallation weka = installedWeka();
    Path iris = WekaInstallation.baseDir().resolve("src/test/resources/datasets/iris/iris.arff");
    Path outputText = temp.resolve("search-output.txt");

    ChildJvm.Result run;
    try (VirtualDisplay display = VirtualDisplay.start(xvfb, temp.resolve("xvfb.log"))) {
      run =
          runDriver(
              weka,
              display.name(),
              iris,
              temp.resolve("search.png"),
              outputText,
              "-max-clusters 6");
    }

    assertEquals(0, run.exitCode(), run.toString());
    assertEquals("ok", report(run).get("status"), run.toString());
    String output = Files.readString(outputText, StandardCharsets.UTF_8);
    assertTrue(output.contains("Scheme:       weka.clusterers.FastKMeans "), output);
    assertTrue(output.contains("-max-clusters 6"), "the search is in the options line\n" + output);
    assertTrue(output.contains("Choosing k by bic: tried k = 2.."), output);
    Matcher chosen = Pattern.compile("\n\\* +(\\d+) ").matcher(output);
    assertTrue(chosen.find(), "the chosen row is marked\n" + output);
    assertTrue(
        output.contains("Number of clusters: " + chosen.group(1) + "\n"),
        "the model reports the chosen k\n" + output);
    assertEquals(
        Integer.parseInt(chosen.group(1)),
        clusterSizes(output).get(1),
        "the evaluation counts the chosen k\n" + output);
  }

  /**
   * The KnowledgeFlow, with the package installed, opens examples/fastkmeans-stream.kf (the
   * FastKMeansStream step found through the package's PluginManager.props) and draws it; README's
   * picture of the flow is one it drew.
   */
  @Test
  void theKnowledgeFlowShowsTheStreamingFlow() throws Exception {
    Path xvfb = requireXvfb();
    WekaInstallation weka = installedWeka();
    Path flow = WekaInstallation.baseDir().resolve("examples/fastkmeans-stream.kf");
    Path screenshot = temp.resolve("knowledgeflow-stream.png");

    ChildJvm.Result run;
    try (VirtualDisplay display = VirtualDisplay.start(xvfb, temp.resolve("xvfb.log"))) {
      Path driverClasses = copyDriverClasses(temp.resolve("kf-driver-classes"));
      run =
          weka.jvm(weka.classPath() + File.pathSeparator + driverClasses)
              .withProperty("java.awt.headless", "false")
              .withEnvironment("DISPLAY", display.name())
              .withTimeout(DRIVER_TIMEOUT)
              .run(KnowledgeFlowDriver.class.getName(), flow.toString(), screenshot.toString());
    }
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.stdout().contains("KNOWLEDGEFLOW status=ok"), run.toString());
    assertTrue(
        run.stdout().contains("KNOWLEDGEFLOW steps=FastKMeans on a stream,4"), run.toString());
    assertScreenshotShowsSomething(screenshot);

    Path committed = WekaInstallation.baseDir().resolve(COMMITTED_FLOW_SCREENSHOT);
    if (Boolean.parseBoolean(WekaInstallation.property("fastkmeans.screenshot.update"))) {
      Files.copy(screenshot, committed, StandardCopyOption.REPLACE_EXISTING);
    }
    assertCommittedScreenshotWasDrawnHere(
        committed, screenshot, KnowledgeFlowDriver.PNG_SOFTWARE, COMMITTED_FLOW_SCREENSHOT);
  }

  /** A Weka 3.8 home in the test's folder with the package installed. */
  private WekaInstallation installedWeka() throws Exception {
    WekaInstallation weka = WekaInstallation.weka38(temp);
    ChildJvm.Result installed = weka.install(WekaInstallation.packageZip());
    assertEquals(0, installed.exitCode(), installed.toString());
    return weka;
  }

  /**
   * The README's picture is one this test drew: same size as the one just drawn, and marked by the
   * driver. Its content (model text, options line) is not compared, so that changing them does not
   * fail the build; redrawing it is a release step (README, "How it is checked").
   */
  private static void assertCommittedScreenshotWasDrawnHere(Path committed, Path drawn)
      throws IOException {
    assertCommittedScreenshotWasDrawnHere(
        committed, drawn, ExplorerDriver.PNG_SOFTWARE, COMMITTED_SCREENSHOT);
  }

  /** As above, for a picture {@code name} whose PNG says it was drawn by {@code software}. */
  private static void assertCommittedScreenshotWasDrawnHere(
      Path committed, Path drawn, String software, String name) throws IOException {
    String redraw =
        "\nRedraw it with `mvn verify -Dscreenshot.update=true` (on a machine with Xvfb) and commit"
            + " it.";
    assertTrue(Files.isRegularFile(committed), "no " + committed + redraw);
    BufferedImage committedImage = ImageIO.read(committed.toFile());
    BufferedImage drawnImage = ImageIO.read(drawn.toFile());
    assertNotNull(committedImage, "not a readable image: " + committed + redraw);
    assertEquals(
        drawnImage.getWidth() + "x" + drawnImage.getHeight(),
        committedImage.getWidth() + "x" + committedImage.getHeight(),
        name + " is not the size of the window the test draws" + redraw);
    assertEquals(
        software, pngText(committed, "Software"), name + " was not drawn by ExplorerIT" + redraw);
  }

  /** The value of the PNG text chunk {@code keyword} in {@code png}, or null. */
  private static String pngText(Path png, String keyword) throws IOException {
    try (ImageInputStream input = ImageIO.createImageInputStream(png.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
      try {
        reader.setInput(input);
        Node root = reader.getImageMetadata(0).getAsTree(ExplorerDriver.PNG_METADATA_FORMAT);
        for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
          if (!"tEXt".equals(chunk.getNodeName())) {
            continue;
          }
          for (Node entry = chunk.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
            Element element = (Element) entry;
            if (keyword.equals(element.getAttribute("keyword"))) {
              return element.getAttribute("value");
            }
          }
        }
        return null;
      } finally {
        reader.dispose();
      }
    }
  }

  /**
   * The Xvfb executable, after checking that this JDK has AWT's X11 library; when either is
   * missing, fails on CI (which installs both) and skips elsewhere.
   */
  private static Path requireXvfb() {
    Path xvfb = onPath("Xvfb");
    if (xvfb == null) {
      requireOnCi(
          "Xvfb is not installed; the Explorer test needs a virtual display"
              + " (Debian/Ubuntu: apt-get install -y xvfb).");
    }
    Path x11Library = Paths.get(System.getProperty("java.home"), "lib", "libawt_xawt.so");
    if (!Files.isRegularFile(x11Library)) {
      requireOnCi(
          "This JDK has no "
              + x11Library
              + ", so it cannot open windows; a headless JDK is not enough for the Explorer test"
              + " (Debian/Ubuntu: apt-get install -y openjdk-17-jre).");
    }
    return xvfb;
  }

  /** Fails with {@code message} when the CI variable is "true"; otherwise skips the test. */
  private static void requireOnCi(String message) {
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " CI must install it (see .ci/run).");
    }
    assumeTrue(false, message);
  }

  /** The first executable called {@code name} on the PATH, or null. */
  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Paths.get(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Runs the driver in a fresh, non-headless JVM on {@code display}. The class path is Weka's plus
   * the driver's own classes only: all of target/test-classes would put test classes from {@code
   * weka.clusterers} (which need Weka's test jar) in front of Weka's class discovery.
   */
  private ChildJvm.Result runDriver(
      WekaInstallation weka,
      String display,
      Path dataset,
      Path screenshot,
      Path outputText,
      String schemeOptions)
      throws Exception {
    Path driverClasses = copyDriverClasses(temp.resolve("driver-classes"));
    return weka.jvm(weka.classPath() + File.pathSeparator + driverClasses)
        .withProperty("java.awt.headless", "false")
        .withEnvironment("DISPLAY", display)
        .withTimeout(DRIVER_TIMEOUT)
        .run(
            ExplorerDriver.class.getName(),
            dataset.toString(),
            screenshot.toString(),
            outputText.toString(),
            schemeOptions);
  }

  /** The driver's "EXPLORER key=value" protocol lines as a map. */
  private static Map<String, String> report(ChildJvm.Result run) {
    Map<String, String> values = new HashMap<>();
    Matcher line = Pattern.compile("(?m)^EXPLORER ([\\w-]+)=(.*)$").matcher(run.stdout());
    while (line.find()) {
      values.put(line.group(1), line.group(2));
    }
    return values;
  }

  /** Copies the compiled driver (and nested classes) to {@code dir}, keeping its package path. */
  private static Path copyDriverClasses(Path dir) throws Exception {
    Path compiled =
        Paths.get(ExplorerDriver.class.getResource("ExplorerDriver.class").toURI()).getParent();
    String packagePath = ExplorerDriver.class.getPackageName().replace('.', File.separatorChar);
    Path target = Files.createDirectories(dir.resolve(packagePath));
    try (DirectoryStream<Path> classes =
        Files.newDirectoryStream(compiled, "{ExplorerDriver,KnowledgeFlowDriver}*.class")) {
      for (Path classFile : classes) {
        Files.copy(
            classFile,
            target.resolve(classFile.getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }

  /**
   * The instance counts heading the centroid table, "(150) (39) (50) (61)", as [full data size,
   * number of clusters]; also checks that the clusters' sizes add up to the full data.
   */
  private static List<Integer> clusterSizes(String output) {
    Matcher header =
        Pattern.compile("(?m)^\\s*\\((\\d+)\\)((?:\\s+\\(\\d+\\))+)\\s*$").matcher(output);
    assertTrue(header.find(), "no cluster size line under Final cluster centroids\n" + output);
    int fullData = Integer.parseInt(header.group(1));
    Matcher size = Pattern.compile("\\((\\d+)\\)").matcher(header.group(2));
    int clusters = 0;
    int total = 0;
    while (size.find()) {
      clusters++;
      total += Integer.parseInt(size.group(1));
    }
    assertEquals(fullData, total, "cluster sizes add up to the data size\n" + output);
    return List.of(fullData, clusters);
  }

  /** The PNG is readable, about the frame's size, and not one flat colour. */
  private static void assertScreenshotShowsSomething(Path screenshot) throws IOException {
    assertTrue(Files.isRegularFile(screenshot), "no screenshot at " + screenshot);
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertNotNull(image, "not a readable image: " + screenshot);
    assertTrue(
        image.getWidth() >= 800 && image.getWidth() <= 1280,
        "screenshot width " + image.getWidth());
    assertTrue(
        image.getHeight() >= 600 && image.getHeight() <= 900,
        "screenshot height " + image.getHeight());
    Map<Integer, Integer> colourCounts = new HashMap<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        colourCounts.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
      }
    }
    int pixels = image.getWidth() * image.getHeight();
    int commonest = colourCounts.values().stream().max(Integer::compare).orElse(0);
    assertTrue(colourCounts.size() >= 16, colourCounts.size() + " colours in " + screenshot);
    assertTrue(
        commonest < 0.9 * pixels,
        "one colour covers " + (100L * commonest / pixels) + "% of " + screenshot);
  }

  /** The whole content of a text file. */
  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** An Xvfb server on a free display number, stopped on close. */
  private static final class VirtualDisplay implements AutoCloseable {
    private final Process server;
    private final String name;

    /** Wraps a started server and its display name (":N"). */
    private VirtualDisplay(Process server, String name) {
      this.server = server;
      this.name = name;
    }

    /** Starts Xvfb, letting it pick a free display (-displayfd), and waits until it is ready. */
    static VirtualDisplay start(Path xvfb, Path log) throws Exception {
      ProcessBuilder builder =
          new ProcessBuilder(
              xvfb.toString(), "-displayfd", "1", "-screen", "0", SCREEN, "-nolisten", "tcp");
      builder.redirectError(log.toFile());
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Process server = builder.start();
      CompletableFuture<String> displayNumber =
          CompletableFuture.supplyAsync(
              () -> {
                // Not closed: Xvfb keeps the pipe until it exits.
                BufferedReader reader =
                    new BufferedReader(
                        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
                try {
                  return reader.readLine();
                } catch (IOException e) {
                  return null;
                }
              });
      String number;
      try {
        number = displayNumber.get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        number = null;
      }
      if (number == null || !number.trim().matches("\\d+")) {
        server.destroyForcibly();
        fail("Xvfb did not report a display number (got " + number + "); its log:\n" + read(log));
      }
      return new VirtualDisplay(server, ":" + number.trim());
    }

    /** The value for DISPLAY. */
    String name() {
      return name;
    }

    /** Stops the server. */
    @Override
    public void close() throws InterruptedException {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
