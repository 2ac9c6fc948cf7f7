package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.clusterers.ClusterEvaluation;
import weka.clusterers.FastKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.core.Utils;
import weka.core.WekaException;
import weka.core.converters.ConverterUtils.DataSource;

/** FastKMeans as a Weka scheme: results, data semantics, options and model output. */
class FastKMeansBehaviourTest {

  @TempDir Path temp;

  private static Instances numeric(double[][] rows, double[] weights) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int a = 0; a < rows[0].length; a++) {
      attributes.add(new Attribute("x" + a));
    }
    Instances data = new Instances("points", attributes, rows.length);
    for (int i = 0; i < rows.length; i++) {
      data.add(new DenseInstance(weights == null ? 1 : weights[i], rows[i].clone()));
    }
    return data;
  }

  private FastKMeans given(Instances data, double[][] start, String options) throws Exception {
    Path init = TestData.writeCentres(data, start, temp.resolve("start.arff"));
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(
        Utils.splitOptions(
            "-N " + start.length + " -init given -init-file " + init + " " + options));
    kmeans.buildClusterer(data);
    return kmeans;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void theIterationLimitBoundsEveryKMeansRunAndTheModelSaysOverHowMany(int limit) throws Exception {
    Instances data = TestData.load("s1");
    FastKMeans kmeans = TestData.built(data, "-N 15 -I " + limit);
    String text = kmeans.toString();
    java.util.regex.Matcher line =
        java.util.regex.Pattern.compile("Number of iterations: (\\d+)(?: in (\\d+) k-means runs)?")
            .matcher(text);
    assertTrue(line.find(), text);
    int iterations = Integer.parseInt(line.group(1));
    int runs = line.group(2) == null ? 1 : Integer.parseInt(line.group(2));
    assertEquals(kmeans.getNumIterations(), iterations);
    assertTrue(iterations <= runs * limit, text);
    if (limit == 1) {
      // s1 needs more than one iteration from k-means++: every run stops at the limit.
      assertEquals(runs, iterations, text);
      assertTrue(runs > 1, "the refinement kept a swap, so the text names the runs: " + text);
    }
  }

  @Test
  void givenCentresMeanPlainKMeansUnlessTheSwapIsAskedFor() throws Exception {
    Instances data = TestData.loadUnlabelled("s1");
    // Two centres in one corner: a start the swap refinement improves on.
    double[][] start = new double[15][];
    for (int c = 0; c < start.length; c++) {
      start[c] = data.instance(c).toDoubleArray();
    }
    FastKMeans byDefault = given(data, start, "");
    FastKMeans none = given(data, start, "-refine none");
    FastKMeans swap = given(data, start, "-refine swap");
    assertArrayEquals(none.getAssignments(), byDefault.getAssignments());
    assertEquals(none.getSquaredError(), byDefault.getSquaredError(), 0);
    assertEquals(none.getNumIterations(), byDefault.getNumIterations());
    assertTrue(
        byDefault.toString().contains("\nRefinement: none (k-means from the given centres)\n"),
        byDefault.toString());
    assertTrue(swap.toString().contains("\nRefinement: swap, "), swap.toString());
    assertTrue(swap.getSquaredError() < none.getSquaredError(), "the swap was a real choice");
    assertTrue(Utils.joinOptions(byDefault.getOptions()).contains("-refine auto"));
  }

  @Test
  void weightedTinyCaseMatchesTheHandComputedOptimum() throws Exception {
    Instances data =
        numeric(new double[][] {{0, 0}, {0.5, 0}, {0.5, 1}, {1, 1}}, new double[] {3, 1, 1, 3});
    FastKMeans kmeans = given(data, new double[][] {{0, 0}, {1, 1}}, "-normalize none");

    assertEquals(0.375, kmeans.getSquaredError(), 1e-12);
    Instances centroids = kmeans.getClusterCentroids();
    assertArrayEquals(new double[] {0.125, 0}, centroids.instance(0).toDoubleArray(), 1e-12);
    assertArrayEquals(new double[] {0.875, 1}, centroids.instance(1).toDoubleArray(), 1e-12);
    assertArrayEquals(new double[] {4, 4}, kmeans.getClusterSizes(), 0);
    assertArrayEquals(new int[] {0, 0, 1, 1}, kmeans.getAssignments());
  }

  /** Restarts from given centres would each repeat the one start: a single fit is made. */
  @Test
  void givenCentresMakeOneFitWhateverRestartsSays() throws Exception {
    double[][] rows = {{0, 0}, {0, 1}, {1, 0}, {10, 10}, {10, 11}, {30, 30}};
    double[][] start = {{0, 0}, {10, 10}, {30, 30}};
    FastKMeans five = given(numeric(rows, null), start, "-normalize none -restarts 5");
    FastKMeans one = given(numeric(rows, null), start, "-normalize none");
    assertTrue(
        five.toString().contains("Initialization: given (best of 1 start)"), five.toString());
    assertArrayEquals(one.getAssignments(), five.getAssignments());
    assertEquals(one.getSquaredError(), five.getSquaredError(), 0);
  }

  @Test
  void emptyClusterIsRelocatedKeptOrRefusedAsAsked() throws Exception {
    double[][] rows = {{0, 0}, {0, 1}, {1, 0}, {10, 10}, {10, 11}, {30, 30}};
    double[][] start = {{0, 0}, {10, 10}, {100, 100}};
    Instances data = numeric(rows, null);

    FastKMeans relocated = given(data, start, "-normalize none -empty relocate");
    for (double size : relocated.getClusterSizes()) {
      assertTrue(size > 0, Arrays.toString(relocated.getClusterSizes()));
    }
    // The farthest instance from its own centre is (30,30), which then forms cluster 2 alone.
    assertEquals(2, relocated.getAssignments()[5]);
    assertTrue(relocated.toString().contains("Empty clusters relocated: 1"));

    // Without refinement: a swap would put the kept empty centre to use.
    FastKMeans kept = given(data, start, "-normalize none -empty keep -refine none");
    assertEquals(3, kept.numberOfClusters());
    assertEquals(0, kept.getClusterSizes()[2]);
    assertArrayEquals(
        new double[] {100, 100}, kept.getClusterCentroids().instance(2).toDoubleArray(), 0);

    WekaException failure =
        assertThrows(WekaException.class, () -> given(data, start, "-normalize none -empty fail"));
    assertTrue(
        failure
            .getMessage()
            .startsWith("Cluster 2 has no instances after iteration 1 and -empty is 'fail'; use"),
        failure.getMessage());
    assertTrue(failure.getMessage().contains("-empty relocate"), failure.getMessage());
  }

  @Test
  void elkanBeyondItsMemoryIsRefusedNamingTheOptions() throws Exception {
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions("-N 3 -algorithm elkan -elkan-memory 0"));
    WekaException refusal =
        assertThrows(WekaException.class, () -> kmeans.buildClusterer(TestData.load("iris")));
    assertEquals(
        "-algorithm elkan needs 0.1 MiB for its bounds (8 bytes per instance and cluster), more"
            + " than -elkan-memory 0 allows; raise -elkan-memory or choose another -algorithm.",
        refusal.getMessage());
  }

  /** Date centroids print as dates, as the starting points do, and their deviations in days. */
  @Test
  void dateCentroidsPrintAsDatesAndTheirDeviationsInDays() throws Exception {
    Path file = temp.resolve("dates.arff");
    Files.writeString(
        file,
        "@relation t\n@attribute d date \"yyyy-MM-dd\"\n@data\n"
            + "2020-01-01\n2020-01-03\n2022-06-01\n2022-06-03\n");
    Instances data = DataSource.read(file.toString());
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions("-N 2 -V -init farthest-first"));
    kmeans.buildClusterer(data);
    String text = kmeans.toString();
    assertTrue(text.contains("2020-01-02"), text);
    assertTrue(text.contains("2022-06-02"), text);
    // Each cluster's two dates lie a day from their mean: a deviation of 1.4142 days (n - 1).
    assertTrue(text.contains("1.4142 days"), text);
    assertFalse(text.contains("E12") || text.contains("1577"), text);
  }

  /**
   * The default -num-slots, all processors, stays "the default" through saving, so that a model
   * loaded on another machine uses that machine's processors; a value given is kept, even one equal
   * to this machine's count.
   */
  @Test
  void theProcessorsDefaultIsNotFixedIntoOptionsOrSavedModels() throws Exception {
    String processors = String.valueOf(Runtime.getRuntime().availableProcessors());
    FastKMeans defaults = new FastKMeans();
    assertFalse(Arrays.asList(defaults.getOptions()).contains("-num-slots"));
    FastKMeans copy = (FastKMeans) new weka.core.SerializedObject(defaults).getObject();
    assertFalse(Arrays.asList(copy.getOptions()).contains("-num-slots"));
    assertEquals(Integer.parseInt(processors), copy.getNumExecutionSlots());

    FastKMeans given = new FastKMeans();
    given.setOptions(new String[] {"-num-slots", processors});
    String[] options = given.getOptions();
    int at = Arrays.asList(options).indexOf("-num-slots");
    assertTrue(at >= 0, String.join(" ", options));
    assertEquals(processors, options[at + 1]);
    FastKMeans givenCopy = (FastKMeans) new weka.core.SerializedObject(given).getObject();
    assertTrue(Arrays.asList(givenCopy.getOptions()).contains("-num-slots"));
  }

  @Test
  void threadsBeyondFourPerProcessorAreNotMadeAndTheModelSaysHowManyWorked() throws Exception {
    int most = FitPipeline.THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions("-N 3 -num-slots 100000"));
    kmeans.buildClusterer(TestData.load("iris"));
    assertTrue(
        kmeans.toString().contains("on " + most + " threads\n"),
        "at most " + most + " threads:\n" + kmeans);
    assertEquals(100000, kmeans.getNumExecutionSlots(), "the option keeps what was set");

    FastKMeans two = new FastKMeans();
    two.setOptions(Utils.splitOptions("-N 3 -num-slots 2"));
    two.buildClusterer(TestData.load("iris"));
    assertTrue(two.toString().contains("on 2 threads\n"), two.toString());
    assertArrayEquals(two.getAssignments(), kmeans.getAssignments());
  }

  @Test
  void resultIsBitIdenticalForAnyNumberOfThreads() throws Exception {
    Instances data = TestData.load("birch1");
    double[][] reference = null;
    int iterations = -1;
    for (int slots : new int[] {1, 2, 7}) {
      FastKMeans kmeans = new FastKMeans();
      kmeans.setOptions(Utils.splitOptions("-N 100 -I 20 -S 3 -num-slots " + slots));
      kmeans.buildClusterer(data);
      double[][] centroids = new double[100][];
      for (int c = 0; c < 100; c++) {
        centroids[c] = kmeans.getClusterCentroids().instance(c).toDoubleArray();
      }
      if (reference == null) {
        reference = centroids;
        iterations = kmeans.getNumIterations();
      } else {
        assertEquals(iterations, kmeans.getNumIterations());
        for (int c = 0; c < 100; c++) {
          // Bit-identical: NaN (the class) compares equal to itself here, unlike with ==.
          assertTrue(
              Arrays.equals(reference[c], centroids[c]), "slots " + slots + " centroid " + c);
        }
      }
    }
  }

  @Test
  void hamerlyWithManyClustersSweepsInBlocksAndGivesLloydsClusters() throws Exception {
    // 32 attributes and 40 clusters: Hamerly compares the instances its bounds do not keep with
    // every centre in blocks, with Lloyd's kernel.
    Instances data = TestData.loadUnlabelled("dim032");
    String options = "-N 40 -I 30 -S 5 -normalize none -refine none -num-slots 2 -algorithm ";
    FastKMeans lloyd = TestData.built(data, options + "lloyd");
    FastKMeans hamerly = TestData.built(data, options + "hamerly");
    assertArrayEquals(lloyd.getAssignments(), hamerly.getAssignments());
    assertEquals(lloyd.getSquaredError(), hamerly.getSquaredError(), 0);
    assertEquals(lloyd.getNumIterations(), hamerly.getNumIterations());
    String text = hamerly.toString();
    String kernel = line(text, "Assignment kernel: ");
    assertEquals(line(lloyd.toString(), "Assignment kernel: "), kernel, text);
    assertFalse(kernel.contains("one row at a time"), text);
    assertTrue(text.contains("\nAlgorithm: hamerly on 2 threads\n"), text);
  }

  /**
   * On six instances the k-d tree weighs more centres at its nodes than Lloyd computes distances;
   * the line says what it counts, so that a share above 100% reads as the tree's work.
   */
  @Test
  void theTreesDistanceShareSaysItCountsItsNodes() throws Exception {
    Instances data =
        numeric(new double[][] {{1, 1}, {2, 2}, {3, 1}, {10, 10}, {11, 11}, {12, 10}}, null);
    String tree = TestData.built(data, "-N 2 -algorithm kdtree -normalize none").toString();
    String share = line(tree, "Distances computed: ");
    assertTrue(
        share.endsWith(
            "% of instances x clusters per iteration, a centre weighed at a tree node as one"),
        share);
    assertTrue(Double.parseDouble(share.substring(0, share.indexOf('%'))) > 100, share);
    String lloyd = TestData.built(data, "-N 2 -algorithm lloyd -normalize none").toString();
    assertEquals(
        "100.00% of instances x clusters per iteration", line(lloyd, "Distances computed: "));
  }

  /** The rest of the line of {@code text} that starts with {@code prefix}. */
  private static String line(String text, String prefix) {
    int start = text.indexOf("\n" + prefix);
    assertTrue(start >= 0, prefix + " in " + text);
    start += prefix.length() + 1;
    return text.substring(start, text.indexOf('\n', start));
  }

  @Test
  void serializedModelAnswersIdentically() throws Exception {
    Instances data = TestData.load("iris");
    FastKMeans kmeans = TestData.built(data, "-N 3 -restarts 3");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(kmeans);
    }
    FastKMeans copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (FastKMeans) in.readObject();
    }
    for (Instance instance : data) {
      assertEquals(kmeans.clusterInstance(instance), copy.clusterInstance(instance));
      assertArrayEquals(
          kmeans.distancesToCentroids(instance), copy.distancesToCentroids(instance), 0);
    }
    assertEquals(kmeans.toString(), copy.toString());
  }

  @Test
  void trainingInstancesAreClusteredAsAssigned() throws Exception {
    Instances data = TestData.load("seeds");
    FastKMeans kmeans = TestData.built(data, "-N 4 -init random -I 3");
    int[] assignments = kmeans.getAssignments();
    for (int i = 0; i < data.numInstances(); i++) {
      assertEquals(assignments[i], kmeans.clusterInstance(data.instance(i)), "instance " + i);
    }
  }

  @Test
  void classAttributeIsIgnored() throws Exception {
    FastKMeans withClass = new FastKMeans();
    withClass.setNumClusters(3);
    withClass.buildClusterer(TestData.load("iris"));
    FastKMeans without = new FastKMeans();
    without.setNumClusters(3);
    without.buildClusterer(TestData.loadUnlabelled("iris"));
    assertArrayEquals(without.getAssignments(), withClass.getAssignments());
    assertEquals(without.getSquaredError(), withClass.getSquaredError(), 0);
  }

  @Test
  void classesToClustersEvaluationClustersInstancesWithoutTheClass() throws Exception {
    Instances data = TestData.load("iris");
    FastKMeans kmeans = new FastKMeans();
    kmeans.setNumClusters(3);
    kmeans.buildClusterer(data);
    // Weka's evaluation removes the class attribute before asking for clusters.
    ClusterEvaluation evaluation = new ClusterEvaluation();
    evaluation.setClusterer(kmeans);
    evaluation.evaluateClusterer(new Instances(data));
    String result = evaluation.clusterResultsToString();
    assertFalse(result.contains("Unclustered instances"), result);
    assertTrue(result.contains("Classes to Clusters"), result);
    int[] assignments = kmeans.getAssignments();
    double[] clusters = evaluation.getClusterAssignments();
    for (int i = 0; i < assignments.length; i++) {
      assertEquals(assignments[i], (int) clusters[i], "instance " + i);
    }
  }

  @Test
  void userDataAreNotModified() throws Exception {
    Instances data = TestData.load("wine");
    data.instance(3).setMissing(2);
    data.instance(7).setWeight(2.5);
    String before = data.toString();
    double[] weightsBefore = new double[data.numInstances()];
    for (int i = 0; i < weightsBefore.length; i++) {
      weightsBefore[i] = data.instance(i).weight();
    }
    FastKMeans kmeans = TestData.built(data, "-N 3 -normalize standardize -restarts 2");
    assertEquals(before, data.toString());
    for (int i = 0; i < weightsBefore.length; i++) {
      assertEquals(weightsBefore[i], data.instance(i).weight(), 0);
    }
    assertEquals(data.numAttributes() - 1, data.classIndex());
  }

  @Test
  void nominalMismatchAddsOneAndCentroidIsTheMode() throws Exception {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("colour", Arrays.asList("red", "green", "blue")));
    Instances data = new Instances("nominal", attributes, 4);
    for (double value : new double[] {0, 0, 0, 1}) {
      data.add(new DenseInstance(1, new double[] {value}));
    }
    FastKMeans kmeans = new FastKMeans();
    kmeans.setNumClusters(1);
    kmeans.buildClusterer(data);
    // One centre with frequencies (3/4, 1/4, 0): squared distance (1/2)[(1/4)^2+(1/4)^2] for red.
    assertEquals("red", kmeans.getClusterCentroids().instance(0).stringValue(0));
    Instance red = data.instance(0);
    assertEquals(Math.sqrt(0.0625), kmeans.distancesToCentroids(red)[0], 1e-12);
    // SSE = 3 * 0.0625 + 1 * (1/2)[(3/4)^2 + (3/4)^2] = 0.1875 + 0.5625
    assertEquals(0.75, kmeans.getSquaredError(), 1e-12);

    // Two single-valued clusters sit one mismatch apart: squared distance exactly 1.
    FastKMeans two = new FastKMeans();
    two.setNumClusters(2);
    two.setOptions(new String[] {"-N", "2", "-init", "farthest-first"});
    two.buildClusterer(data);
    double[] distances = two.distancesToCentroids(red);
    Arrays.sort(distances);
    assertArrayEquals(new double[] {0, 1}, distances, 1e-12);
  }

  @Test
  void missingValuesAreReplacedByTheWeightedMean() throws Exception {
    Instances data =
        numeric(new double[][] {{0}, {4}, {Utils.missingValue()}}, new double[] {3, 1, 1});
    FastKMeans kmeans = TestData.built(data, "-N 1 -normalize none");
    // The missing value becomes the weighted mean 1, so the centroid is (3*0 + 4 + 1) / 5.
    assertEquals(1.0, kmeans.getClusterCentroids().instance(0).value(0), 1e-12);
    assertTrue(kmeans.toString().contains("Missing values globally replaced with mean/mode"));
  }

  @Test
  void standardizationUsesWeightedMeanAndDeviation() throws Exception {
    Instances data = numeric(new double[][] {{1}, {3}, {5}, {7}}, null);
    FastKMeans kmeans = TestData.built(data, "-N 1 -normalize standardize");
    // Mean 4, sample deviation sqrt(20/3): SSE in z units is (9+1+1+9) / (20/3) = 3.
    assertEquals(3.0, kmeans.getSquaredError(), 1e-12);
    FastKMeans range = TestData.built(data, "-N 1 -normalize range");
    // Range 6: SSE (9+1+1+9) / 36.
    assertEquals(20.0 / 36, range.getSquaredError(), 1e-12);
  }

  @Test
  void restartsKeepTheLowestError() throws Exception {
    Instances data = TestData.loadUnlabelled("a3");
    FastKMeans one = TestData.built(data, "-N 50 -init random -S 5");
    FastKMeans five = TestData.built(data, "-N 50 -init random -S 5 -restarts 5");
    // The first restart uses the seed itself, so five restarts can only do as well or better.
    assertTrue(five.getSquaredError() <= one.getSquaredError());
    assertTrue(five.toString().contains("best of 5 starts"));
  }

  @Test
  void optionsRoundTripAndDefaultsMatchTheDocumentation() throws Exception {
    FastKMeans defaults = new FastKMeans();
    String[] expected = {
      "-N",
      "2",
      "-I",
      "500",
      "-init",
      "kmeans++",
      "-init-oversampling",
      "2.0",
      "-init-rounds",
      "5",
      "-init-chain",
      "200",
      "-restarts",
      "1",
      "-refine",
      "auto",
      "-refine-trials",
      "100",
      "-tolerance",
      "0.0",
      "-normalize",
      "range",
      "-empty",
      "relocate",
      "-algorithm",
      "auto",
      "-elkan-memory",
      "512",
      "-S",
      "10"
    };
    assertArrayEquals(expected, defaults.getOptions());

    FastKMeans configured = new FastKMeans();
    configured.setOptions(
        Utils.splitOptions(
            "-N 7 -I 30 -init farthest-first -init-oversampling 0.5 -init-rounds 3 -init-chain 50"
                + " -restarts 4 -refine none -refine-trials 5 -tolerance 1e-6 -normalize none"
                + " -empty fail -num-slots 3 -algorithm elkan -elkan-memory 64 -V -S 42"
                + " -output-debug-info"));
    FastKMeans copy = new FastKMeans();
    copy.setOptions(configured.getOptions());
    assertArrayEquals(configured.getOptions(), copy.getOptions());
    assertEquals(7, copy.getNumClusters());
    assertEquals(30, copy.getMaxIterations());
    assertEquals("farthest-first", copy.getInitializationMethod().getSelectedTag().getIDStr());
    assertEquals(0.5, copy.getInitOversampling(), 0);
    assertEquals(3, copy.getInitRounds());
    assertEquals(50, copy.getInitChain());
    assertEquals(4, copy.getRestarts());
    assertEquals("none", copy.getRefinement().getSelectedTag().getIDStr());
    assertEquals(5, copy.getRefineTrials());
    assertEquals(1e-6, copy.getTolerance(), 0);
    assertEquals("none", copy.getNormalization().getSelectedTag().getIDStr());
    assertEquals("fail", copy.getEmptyClusterPolicy().getSelectedTag().getIDStr());
    assertEquals(3, copy.getNumExecutionSlots());
    assertEquals("elkan", copy.getAlgorithm().getSelectedTag().getIDStr());
    assertEquals(64, copy.getElkanMemory());
    assertTrue(copy.getDisplayStdDevs());
    assertEquals(42, copy.getSeed());
    assertTrue(copy.getDebug());
  }

  @Test
  void badOptionValuesAreRefusedWithTheirName() {
    String[][] cases = {
      {"-init foo", "-init"},
      {"-N x", "-N"},
      {"-N 0", "-N"},
      {"-I -3", "-I"},
      {"-num-slots 0", "-num-slots"},
      {"-normalize sideways", "-normalize"},
      {"-empty never", "-empty"},
      {"-tolerance -1", "-tolerance"},
      {"-restarts 0", "-restarts"},
      {"-init-oversampling 0", "-init-oversampling"},
      {"-init-oversampling x", "-init-oversampling"},
      {"-init-oversampling Infinity", "-init-oversampling"},
      {"-init-rounds 0", "-init-rounds"},
      {"-init-rounds 1.5", "-init-rounds"},
      {"-init-chain 0", "-init-chain"},
      {"-refine shuffle", "-refine"},
      {"-refine-trials -1", "-refine-trials"},
      {"-refine-trials many", "-refine-trials"},
      {"-algorithm fastest", "-algorithm"},
      {"-elkan-memory -1", "-elkan-memory"},
    };
    for (String[] c : cases) {
      Exception e =
          assertThrows(
              Exception.class, () -> new FastKMeans().setOptions(Utils.splitOptions(c[0])));
      assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
    }
    Exception unknown =
        assertThrows(Exception.class, () -> new FastKMeans().setOptions(new String[] {"-Q"}));
    assertTrue(unknown.getMessage().contains("-Q"), unknown.getMessage());
  }

  @Test
  void scalableInitializersGiveTheSameModelForAnyNumberOfThreads() throws Exception {
    // a3 has 7500 instances: 15 chunks, so kmeans|| really splits its passes between the threads.
    Instances data = TestData.loadUnlabelled("a3");
    for (String init : new String[] {"kmeans-parallel", "afk-mc2"}) {
      FastKMeans reference = null;
      for (int slots : new int[] {1, 3}) {
        FastKMeans kmeans = new FastKMeans();
        kmeans.setOptions(
            Utils.splitOptions(
                "-N 50 -init \"" + init + "\" -init-rounds 3 -init-chain 100 -num-slots " + slots));
        kmeans.buildClusterer(data);
        assertTrue(kmeans.toString().contains("Initialization: " + init), kmeans.toString());
        if (reference == null) {
          reference = kmeans;
        } else {
          assertEquals(
              reference.getInitialStartPoints().toString(),
              kmeans.getInitialStartPoints().toString(),
              init);
          assertArrayEquals(reference.getAssignments(), kmeans.getAssignments(), init);
          assertEquals(reference.getSquaredError(), kmeans.getSquaredError(), 0, init);
        }
      }
    }
  }

  @Test
  void kmeansParallelIsWrittenWithoutBarsAndStillReadByItsPapersName() throws Exception {
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions("-init kmeans||"));
    String line = Utils.joinOptions(kmeans.getOptions());
    assertTrue(line.contains("-init kmeans-parallel "), line);
    FastKMeans copy = new FastKMeans();
    copy.setOptions(Utils.splitOptions(line));
    assertEquals(
        "kmeans-parallel", copy.getInitializationMethod().getSelectedTag().getIDStr(), line);
  }

  @Test
  void theTraceOfAModelBuiltWithoutDebugShowsNoErrorsButEveryIteration() throws Exception {
    Instances data = TestData.load("iris");
    FastKMeans kmeans = TestData.built(data, "-N 3 -refine none");
    kmeans.setDebug(true);
    String text = kmeans.toString();
    String trace = text.substring(text.indexOf("Iterations (squared error"));
    long rows = trace.lines().filter(line -> line.trim().matches("\\d+ +- +\\d+ .*")).count();
    assertEquals(kmeans.getNumIterations(), rows, trace);

    FastKMeans traced = TestData.built(data, "-N 3 -refine none -output-debug-info");
    String tracedText = traced.toString();
    assertTrue(
        tracedText.contains(Double.toString(traced.getSquaredError())),
        "the last iteration's error is the model's: " + tracedText);
  }

  @Test
  void givenInitializerNeedsAMatchingFile() throws Exception {
    Instances data = TestData.load("iris");
    FastKMeans noFile = new FastKMeans();
    noFile.setOptions(Utils.splitOptions("-N 3 -init given"));
    WekaException e = assertThrows(WekaException.class, () -> noFile.buildClusterer(data));
    assertTrue(e.getMessage().contains("-init-file"), e.getMessage());

    Path init =
        TestData.writeCentres(
            data, new double[][] {{5, 3, 1, 0}, {6, 3, 4, 1}}, temp.resolve("two.arff"));
    FastKMeans wrongCount = new FastKMeans();
    wrongCount.setOptions(Utils.splitOptions("-N 3 -init given -init-file " + init));
    e = assertThrows(WekaException.class, () -> wrongCount.buildClusterer(data));
    assertTrue(e.getMessage().contains("2 centres"), e.getMessage());

    FastKMeans wrongAttributes = new FastKMeans();
    wrongAttributes.setOptions(Utils.splitOptions("-N 3 -init given -init-file " + init));
    e =
        assertThrows(
            WekaException.class, () -> wrongAttributes.buildClusterer(TestData.load("seeds")));
    assertTrue(e.getMessage().contains("training attributes"), e.getMessage());
  }

  @Test
  void notBuiltYetIsAClearError() {
    FastKMeans kmeans = new FastKMeans();
    WekaException e = assertThrows(WekaException.class, () -> kmeans.clusterInstance(null));
    assertTrue(e.getMessage().contains("not been built"));
    assertEquals("FastKMeans: no model built yet.", kmeans.toString());
  }

  /** An empty training file in a batch flow builds on a header: the model text says what it got. */
  @Test
  void aBuildOnDataWithoutInstancesSaysSoInItsText() throws Exception {
    FastKMeans kmeans = TestData.built(new Instances(TestData.load("iris"), 0), "-N 3");
    assertEquals(
        "FastKMeans: no model: FastKMeans was built on training data without instances, and none"
            + " was added since (updateClusterer): there is nothing to cluster yet.",
        kmeans.toString());
  }

  @Test
  void modelTextFollowsSimpleKMeansShape() throws Exception {
    FastKMeans kmeans =
        TestData.built(TestData.loadUnlabelled("iris"), "-N 3 -V -output-debug-info");
    String text = kmeans.toString();
    for (String part :
        new String[] {
          "Number of iterations: " + kmeans.getNumIterations(),
          "Within cluster sum of squared errors: " + kmeans.getSquaredError(),
          "Initial starting points (kmeans++):",
          "Cluster 0: ",
          "Final cluster centroids:",
          "Full Data",
          "(150)",
          "sepallength",
          "  +/-",
          "Algorithm: kdtree on ",
          "Distances computed: ",
          "ms per iteration on average",
          "Elapsed time: ",
          "Iterations (squared error measured by the assignment pass):",
          "% of n*k",
        }) {
      assertTrue(text.contains(part), "missing '" + part + "' in\n" + text);
    }
    FastKMeans plain = new FastKMeans();
    plain.setNumClusters(3);
    plain.buildClusterer(TestData.loadUnlabelled("iris"));
    assertFalse(plain.toString().contains("+/-"));
    assertNotEquals(text, plain.toString());
  }

  @Test
  void swapRefinementFindsTheClustersThatKMeansAloneMisses() throws Exception {
    Instances data = TestData.loadUnlabelled("a3");
    FastKMeans plain = TestData.built(data, "-N 50 -S 3 -refine none");
    FastKMeans refined = TestData.built(data, "-N 50 -S 3");

    // The same start: refinement only continues from where k-means stopped.
    assertEquals(
        plain.getInitialStartPoints().toString(), refined.getInitialStartPoints().toString());
    assertTrue(refined.getSquaredError() < plain.getSquaredError());
    assertTrue(plain.toString().contains("Refinement: none\n"), plain.toString());
    String text = refined.toString();
    assertTrue(text.matches("(?s).*Refinement: swap, [1-9]\\d* of \\d+ trials accepted\n.*"), text);
    assertTrue(text.contains("(converged)"), text);
  }

  @Test
  void noTrialsIsNoRefinement() throws Exception {
    Instances data = TestData.loadUnlabelled("a1");
    FastKMeans none = TestData.built(data, "-N 20 -S 2 -refine none");
    FastKMeans noTrials = TestData.built(data, "-N 20 -S 2 -refine swap -refine-trials 0");

    assertArrayEquals(none.getAssignments(), noTrials.getAssignments());
    assertEquals(none.getSquaredError(), noTrials.getSquaredError(), 0);
    assertTrue(noTrials.toString().contains("Refinement: none\n"));
  }

  @Test
  void refinementPropertiesAreValidated() {
    FastKMeans kmeans = new FastKMeans();
    assertThrows(IllegalArgumentException.class, () -> kmeans.setRefineTrials(-1));
    kmeans.setRefinement(new SelectedTag("none", kmeans.getRefinement().getTags()));
    assertEquals("none", kmeans.getRefinement().getSelectedTag().getIDStr());
    assertTrue(kmeans.refinementTipText().contains("swap"));
    assertTrue(kmeans.refineTrialsTipText().contains("0 turns the refinement off"));
  }

  /** A choice property set to nothing names the option, and the choice it had stays. */
  @Test
  void choicePropertiesRefuseNothingNamingTheOption() {
    FastKMeans kmeans = new FastKMeans();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> kmeans.setAlgorithm(null));
    assertTrue(
        e.getMessage().startsWith("Option -algorithm needs one of its values"), e.getMessage());
    assertEquals("auto", kmeans.getAlgorithm().getSelectedTag().getIDStr());
  }
}
