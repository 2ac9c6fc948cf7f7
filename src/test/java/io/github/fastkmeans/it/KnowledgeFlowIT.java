package io.github.fastkmeans.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped example flow examples/fastkmeans-iris.kf run headless by Weka's FlowRunner. */
class KnowledgeFlowIT {

  private static final String FLOW = "examples/fastkmeans-iris.kf";
  private static final String DATA = "examples/iris.arff";
  private static final String RESULT = "fastkmeans-iris-result.txt";

  @TempDir static Path temp;
  private static WekaInstallation weka;

  @BeforeAll
  static void install() throws Exception {
    weka = WekaInstallation.weka38(temp);
    ChildJvm.Result result = weka.install(WekaInstallation.packageZip());
    assertEquals(0, result.exitCode(), result.toString());
  }

  /** The flow runs FastKMeans -N 3 without the class and names files only through ${user.dir}. */
  @Test
  void flowFileUsesFastKMeansWithoutTheClassAndPortablePaths() throws Exception {
    String flow =
        Files.readString(WekaInstallation.baseDir().resolve(FLOW), StandardCharsets.UTF_8);
    assertTrue(flow.contains("\"class\" : \"weka.clusterers.FastKMeans\""), flow);
    assertTrue(flow.contains("\"options\" : \"-N 3\""), flow);
    assertTrue(flow.contains("\"class\" : \"weka.filters.unsupervised.attribute.Remove\""), flow);
    assertTrue(flow.contains("\"options\" : \"-R last\""), flow);

    Matcher paths = Pattern.compile("\"(?:filePath|file)\" : \"([^\"]*)\"").matcher(flow);
    List<String> found = new ArrayList<>();
    while (paths.find()) {
      found.add(paths.group(1));
    }
    assertEquals(
        List.of("${user.dir}/" + DATA, "${user.dir}/" + RESULT), found, "paths in the flow");
  }

  /** FlowRunner, started in a copy of examples/ elsewhere, writes model and evaluation there. */
  @Test
  void flowRunnerWritesModelAndClusteredInstances() throws Exception {
    Path clone = temp.resolve("clone");
    ChildJvm.Result run = runFlowIn(clone, FLOW);
    // FlowRunner exits 0 even when a step fails, so its log is checked too.
    assertEquals(0, run.exitCode(), run.toString());
    assertFalse(
        run.stdout().contains("[ERROR]") || run.stderr().contains("[ERROR]"), run.toString());

    Path result = clone.resolve(RESULT);
    assertTrue(Files.isRegularFile(result), "no " + result + "\n" + run);
    String text = Files.readString(result, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("=== Evaluation result for training instances ==="), text);
    assertTrue(text.contains("Scheme: FastKMeans"), text);
    assertTrue(text.contains("FastKMeans\n=========="), text);
    assertTrue(text.contains("Number of clusters: 3"), text);
    assertTrue(text.contains("Final cluster centroids:"), text);
    assertTrue(text.contains("Clustered Instances"), text);
    assertFalse(text.contains("Unclustered instances"), text);
    assertFalse(text.contains("Iris-"), "the class attribute took part in the clustering\n" + text);

    Matcher clusters =
        Pattern.compile("(?m)^(\\d+)\\s+(\\d+) \\(\\s*\\d+%\\)$")
            .matcher(text.substring(text.indexOf("Clustered Instances")));
    int count = 0;
    int instances = 0;
    while (clusters.find()) {
      count++;
      instances += Integer.parseInt(clusters.group(2));
    }
    assertEquals(3, count, text);
    assertEquals(150, instances, text);
  }

  /**
   * Runs {@code flow} (a path under the repository) with FlowRunner in {@code clone}, a new folder
   * holding copies of the flow and of the iris data at the same relative paths.
   */
  private static ChildJvm.Result runFlowIn(Path clone, String flow) throws Exception {
    Files.createDirectories(clone.resolve("examples"));
    Files.copy(WekaInstallation.baseDir().resolve(flow), clone.resolve(flow));
    Files.copy(WekaInstallation.baseDir().resolve(DATA), clone.resolve(DATA));
    return weka.jvm(weka.classPath()).inDirectory(clone).run("weka.knowledgeflow.FlowRunner", flow);
  }

  /**
   * The streaming flow (examples/fastkmeans-stream.kf): an ArffLoader sends instances one by one
   * through a Remove filter to the package's FastKMeansStream step, registered by the installed
   * package's PluginManager.props; its model text is the batch model's.
   */
  @Test
  void theStreamingFlowTrainsFastKMeansOnTheLoadersInstanceStream() throws Exception {
    String streamFlow = "examples/fastkmeans-stream.kf";
    String streamResult = "fastkmeans-stream-result.txt";
    String flow =
        Files.readString(WekaInstallation.baseDir().resolve(streamFlow), StandardCharsets.UTF_8);
    assertTrue(flow.contains("\"class\" : \"io.github.fastkmeans.weka.FastKMeansStream\""), flow);
    assertTrue(flow.contains("\"instance\" : ["), "the loader streams instances\n" + flow);

    Path clone = temp.resolve("stream");
    ChildJvm.Result run = runFlowIn(clone, streamFlow);
    assertEquals(0, run.exitCode(), run.toString());
    assertFalse(
        run.stdout().contains("[ERROR]") || run.stderr().contains("[ERROR]"), run.toString());

    Path result = clone.resolve(streamResult);
    assertTrue(Files.isRegularFile(result), "no " + result + "\n" + run);
    String text = Files.readString(result, StandardCharsets.UTF_8);
    assertTrue(text.contains("FastKMeans\n=========="), text);
    assertTrue(text.contains("Training data: 150 instances, all clustered (exact)"), text);
    assertTrue(text.contains("Number of clusters: 3"), text);
    assertFalse(text.contains("Iris-"), "the class attribute took part in the clustering\n" + text);

    ChildJvm.Result batch =
        weka.run(
            "weka.Run",
            "FastKMeans",
            "-t",
            clone.resolve(DATA).toString(),
            "-N",
            "3",
            "-c",
            "last",
            "-force-batch-training");
    assertEquals(0, batch.exitCode(), batch.toString());
    String centroids = text.substring(text.indexOf("Final cluster centroids:"));
    assertTrue(
        batch.stdout().contains(centroids.substring(0, centroids.indexOf("\n\n"))),
        "the streamed centroids are the batch ones\n" + text + "\n---\n" + batch.stdout());
  }
}
