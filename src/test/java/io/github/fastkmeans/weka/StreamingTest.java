package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.coreset.MergeReduceCoreset;
import io.github.fastkmeans.parallel.CombiningPool;
import io.github.fastkmeans.parallel.LiveThreads;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weka.clusterers.FastKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WekaException;

/** FastKMeans as an UpdateableClusterer: a stream kept whole gives exactly the batch model. */
class StreamingTest {

  @TempDir static Path temp;

  /**
   * Two numeric attributes, a nominal one and a numeric class, with missing values (about one value
   * in eight) and weights between 0.5 and 3; rows drawn around four centres.
   */
  static Instances mixed() {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("x"));
    attributes.add(new Attribute("colour", List.of("red", "green", "blue")));
    attributes.add(new Attribute("y"));
    attributes.add(new Attribute("target"));
    Instances data = new Instances("mixed", attributes, 400);
    Random random = new Random(42);
    for (int row = 0; row < 400; row++) {
      int group = random.nextInt(4);
      double[] values = {
        10 * group + random.nextGaussian(),
        group % 3,
        -5 * group + random.nextGaussian(),
        random.nextDouble()
      };
      for (int a = 0; a < 3; a++) {
        if (random.nextInt(8) == 0) {
          values[a] = Utils.missingValue();
        }
      }
      data.add(new DenseInstance(0.5 + 2.5 * random.nextDouble(), values));
    }
    data.setClassIndex(3);
    return data;
  }

  static Stream<Arguments> streams() throws Exception {
    List<Arguments> cases = new ArrayList<>();
    Instances mixed = mixed();
    for (String init :
        List.of("random", "kmeans++", "farthest-first", "kmeans-parallel", "afk-mc2")) {
      for (String threads : List.of("1", "3")) {
        cases.add(Arguments.of("mixed", mixed, "-N 4 -init " + init + " -num-slots " + threads));
      }
    }
    Path centres =
        TestData.writeCentres(
            mixed,
            new double[][] {{0, 0, 0}, {10, 1, -5}, {20, 2, -10}, {30, 0, -15}},
            temp.resolve("centres.arff"));
    cases.add(Arguments.of("mixed", mixed, "-N 4 -init given -init-file " + centres));
    cases.add(
        Arguments.of("iris (class set)", TestData.load("iris"), "-N 3 -normalize standardize"));
    cases.add(Arguments.of("s1", TestData.loadUnlabelled("s1"), "-N 15 -num-slots 3"));
    cases.add(Arguments.of("s1, search for k", TestData.loadUnlabelled("s1"), "-max-clusters 20"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("streams")
  void aStreamKeptWholeGivesExactlyTheBatchModel(String name, Instances data, String options)
      throws Exception {
    FastKMeans batch = TestData.built(data, options);
    FastKMeans streamed = streamed(data, options, data.numInstances());
    streamed.updateFinished();
    assertSameModel(batch, streamed, data);
  }

  @Test
  void questionsBeforeTheEndAreAnsweredFromTheRowsSoFar() throws Exception {
    Instances data = mixed();
    FastKMeans streamed = streamed(data, "-N 4", 150);
    FastKMeans firstRows = TestData.built(new Instances(data, 0, 150), "-N 4");
    assertSameModel(firstRows, streamed, data);

    for (int row = 150; row < data.numInstances(); row++) {
      streamed.updateClusterer(data.instance(row));
    }
    streamed.updateFinished();
    assertSameModel(TestData.built(data, "-N 4"), streamed, data);
  }

  @Test
  void aBuildOnRowsFollowedByUpdatesEqualsTheBatchOfAll() throws Exception {
    Instances data = mixed();
    FastKMeans kmeans = TestData.built(new Instances(data, 0, 100), "-N 4");
    for (int row = 100; row < data.numInstances(); row++) {
      kmeans.updateClusterer(data.instance(row));
    }
    kmeans.updateFinished();
    assertSameModel(TestData.built(data, "-N 4"), kmeans, data);
  }

  /** The build's rows are read in place until the first update: a row changed before counts so. */
  @Test
  void aRowChangedBetweenTheBuildAndTheFirstUpdateIsFittedAsChanged() throws Exception {
    Instances data = mixed();
    Instances first = new Instances(data, 0, 100);
    FastKMeans kmeans = TestData.built(first, "-N 4");
    first.instance(7).setValue(0, 1e3);
    for (int row = 100; row < data.numInstances(); row++) {
      kmeans.updateClusterer(data.instance(row));
    }
    kmeans.updateFinished();
    Instances changed = new Instances(data);
    changed.instance(7).setValue(0, 1e3);
    assertSameModel(TestData.built(changed, "-N 4"), kmeans, changed);
  }

  /**
   * Rows of the build deleted, added or reordered by the caller before the first update: the stream
   * no longer has them and says so, where it would have fitted other rows than it was built on.
   */
  @Test
  void rowsOfTheBuildDeletedOrReorderedBeforeTheFirstUpdateAreNamed() throws Exception {
    Instances data = mixed();
    Instance next = data.instance(100);
    Instances deleted = new Instances(data, 0, 100);
    FastKMeans first = TestData.built(deleted, "-N 4");
    deleted.delete();
    refuses(
        () -> first.updateClusterer(next),
        "The data given to buildClusterer changed before the first update: it had 100 instances"
            + " and now has 0.");
    Instances reordered = new Instances(data, 0, 100);
    FastKMeans second = TestData.built(reordered, "-N 4");
    reordered.randomize(new Random(1));
    refuses(() -> second.updateClusterer(next), "its instances were reordered or replaced");
    Instances added = new Instances(data, 0, 100);
    FastKMeans third = TestData.built(added, "-N 4");
    added.add(next);
    refuses(() -> third.updateClusterer(next), "it had 100 instances and now has 101");
    // Kept as they were, the rows go on, and the model is the batch model of all of them.
    Instances kept = new Instances(data, 0, 100);
    FastKMeans fourth = TestData.built(kept, "-N 4");
    for (int row = 100; row < data.numInstances(); row++) {
      fourth.updateClusterer(data.instance(row));
    }
    fourth.updateFinished();
    assertSameModel(TestData.built(data, "-N 4"), fourth, data);
  }

  /**
   * A build holds its rows for updates to come; updateFinished keeps the model and lets the rows
   * go, so that a caller who drops them no longer keeps them in memory through the clusterer.
   */
  @Test
  void updateFinishedAfterABuildKeepsTheModelAndLetsTheRowsGo() throws Exception {
    Instances data = mixed();
    FastKMeans reference = TestData.built(data, "-N 4");
    Instances copy = new Instances(data);
    WeakReference<Instances> rows = new WeakReference<>(copy);
    FastKMeans kmeans = TestData.built(copy, "-N 4");
    copy = null;
    assertFalse(collected(rows), "the stream holds the rows for updates");
    kmeans.updateFinished();
    assertTrue(collected(rows), "updateFinished lets the rows go");
    assertSameModel(reference, kmeans, data);
    refuses(() -> kmeans.updateClusterer(data.instance(0)), "no open stream");
  }

  /** The first update copies the build's rows: the caller's data are then free to go. */
  @Test
  void theFirstUpdateLetsTheBuildsRowsGo() throws Exception {
    Instances data = mixed();
    Instances copy = new Instances(data, 0, 100);
    WeakReference<Instances> rows = new WeakReference<>(copy);
    FastKMeans kmeans = TestData.built(copy, "-N 4");
    copy = null;
    kmeans.updateClusterer(data.instance(100));
    assertTrue(collected(rows), "the stream holds its own copy after the first update");
    kmeans.updateFinished();
    assertSameModel(TestData.built(new Instances(data, 0, 101), "-N 4"), kmeans, data);
  }

  /**
   * A stream started from a header keeps none of the caller's rows: adding each row to that
   * header's data set before passing it on counts it once.
   */
  @Test
  void rowsAddedToTheHeadersDataSetAsTheyComeCountOnce() throws Exception {
    Instances data = mixed();
    Instances growing = new Instances(data, 0);
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions("-N 4"));
    kmeans.buildClusterer(growing);
    for (Instance instance : data) {
      growing.add(instance);
      kmeans.updateClusterer(growing.lastInstance());
    }
    kmeans.updateFinished();
    assertSameModel(TestData.built(data, "-N 4"), kmeans, data);
  }

  /** Whether {@code reference} is cleared within a few collections. */
  private static boolean collected(WeakReference<?> reference) throws InterruptedException {
    for (int attempt = 0; attempt < 20 && reference.get() != null; attempt++) {
      System.gc();
      Thread.sleep(10);
    }
    return reference.get() == null;
  }

  @Test
  void theModelOutputSaysEveryInstanceWasClustered() throws Exception {
    Instances data = mixed();
    FastKMeans streamed = streamed(data, "-N 4", data.numInstances());
    streamed.updateFinished();
    assertTrue(
        streamed.toString().contains("Training data: 400 instances, all clustered (exact)\n"),
        streamed.toString());
    assertEquals(
        TestData.built(data, "-N 4").toString().replaceAll("Elapsed time.*", ""),
        streamed.toString().replaceAll("Elapsed time.*", ""));
  }

  @Test
  void aRowFromAnotherHeaderIsRefusedNamingItAndTheStreamGoesOn() throws Exception {
    Instances data = mixed();
    FastKMeans kmeans = streamed(data, "-N 4", 10);
    Instances other = new Instances(data, 0);
    other.renameAttribute(1, "hue");
    Instance foreign = (Instance) data.instance(10).copy();
    foreign.setDataset(other);
    refuses(
        () -> kmeans.updateClusterer(foreign),
        "Row 11 of the stream comes from a data set with another header");
    for (int row = 10; row < data.numInstances(); row++) {
      kmeans.updateClusterer(data.instance(row));
    }
    kmeans.updateFinished();
    assertSameModel(TestData.built(data, "-N 4"), kmeans, data);
  }

  @Test
  void badRowsAreRefusedNamingTheirNumber() throws Exception {
    Instances data = mixed();
    FastKMeans kmeans = streamed(data, "-N 4", 5);
    Instance heavy = (Instance) data.instance(5).copy();
    heavy.setWeight(Double.NaN);
    refuses(() -> kmeans.updateClusterer(heavy), "Row 6 of the stream has weight NaN");
    Instance negative = (Instance) data.instance(5).copy();
    negative.setWeight(-1);
    refuses(() -> kmeans.updateClusterer(negative), "Row 6 of the stream has weight -1.0");
    refuses(
        () -> kmeans.updateClusterer(new DenseInstance(1, new double[] {1, 2})),
        "Row 6 of the stream has 2 attributes but the stream's header has 4");
    refuses(() -> kmeans.updateClusterer(null), "Row 6 of the stream is null");
    assertEquals(5, kmeans.getAssignments().length, "the refused rows were not kept");
  }

  @Test
  void updatesNeedAnOpenStream() throws Exception {
    Instances data = mixed();
    refuses(() -> new FastKMeans().updateClusterer(data.instance(0)), "no open stream");
    FastKMeans finished = streamed(data, "-N 4", 20);
    finished.updateFinished();
    refuses(() -> finished.updateClusterer(data.instance(20)), "call buildClusterer");
    assertEquals(20, finished.getAssignments().length, "the finished model is kept");
  }

  @Test
  void anInterruptedEndLeavesNoModelAndNoThread() throws Exception {
    Instances data = mixed();
    FastKMeans kmeans = streamed(data, "-N 4 -num-slots 3", data.numInstances());
    Thread.currentThread().interrupt();
    kmeans.updateFinished();
    assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    refuses(kmeans::numberOfClusters, "interrupted; no model was built");
    assertEquals(0, InterruptionTest.liveWorkers(), "no worker thread left");
  }

  /**
   * The weighted squared error, in original units, of {@code kmeans}' centroids on every row of
   * {@code data} (numeric attributes, no missing values).
   */
  static double errorOn(FastKMeans kmeans, Instances data) throws Exception {
    Instances centroids = kmeans.getClusterCentroids();
    double error = 0;
    for (Instance instance : data) {
      double nearest = Double.POSITIVE_INFINITY;
      for (Instance centroid : centroids) {
        double distance = 0;
        for (int a = 0; a < data.numAttributes(); a++) {
          double difference = instance.value(a) - centroid.value(a);
          distance += difference * difference;
        }
        nearest = Math.min(nearest, distance);
      }
      error += instance.weight() * nearest;
    }
    return error;
  }

  @Test
  void aStreamBeyondItsBudgetIsFittedOnACoresetAndSaysSo() throws Exception {
    Instances s1 = TestData.loadUnlabelled("s1");
    // 0.01 MiB keeps 436 rows of two values and a weight; the other 4,564 are summarised.
    FastKMeans streamed = streamed(s1, "-N 15 -stream-budget 0.01", s1.numInstances());
    streamed.updateFinished();
    String text = streamed.toString();
    assertTrue(text.contains("Training data: a coreset of "), text);
    assertTrue(text.contains("summarising 5,000 instances"), text);
    assertTrue(text.contains("passed -stream-budget 0.01 MiB at instance 437"), text);
    // s1 misses no value: nothing was replaced.
    assertFalse(text.contains("missing values"), text);
    assertTrue(text.contains("\n" + ModelText.SUMMARY_NOTE + "\n"), text);
    assertTrue(text.contains("Within cluster sum of squared errors: "), text);
    assertTrue(text.contains(" (of the coreset's points)\n"), text);
    refuses(streamed::getAssignments, "coreset");
    assertEquals(15, streamed.numberOfClusters());
    double batch = errorOn(TestData.built(s1, "-N 15"), s1);
    double summarised = errorOn(streamed, s1);
    assertTrue(
        summarised <= batch * 1.03,
        "squared error " + summarised + " against the batch model's " + batch);
  }

  /**
   * A tiny budget is written as given, not rounded to 0.00; missing values after the kept rows are
   * said to be replaced, and quality measures speak of the coreset's points.
   */
  @Test
  void aCoresetModelSaysWhatItsFiguresAreOf() throws Exception {
    Instances s1 = TestData.loadUnlabelled("s1");
    Instances holed = new Instances(s1);
    holed.instance(4000).setMissing(0);
    FastKMeans streamed = streamed(holed, "-N 15 -stream-budget 0.0001 -quality", 5000);
    streamed.updateFinished();
    String text = streamed.toString();
    assertTrue(text.contains("passed -stream-budget 0.0001 MiB at instance"), text);
    assertTrue(text.contains("missing values after the first"), text);
    assertTrue(
        text.contains(
            "Cluster quality (in the normalised space, of the coreset's weighted points):"),
        text);
    assertTrue(
        Pattern.compile("Silhouette: [-0-9.]+ \\(exact over all [0-9,]+ points\\)")
            .matcher(text)
            .find(),
        text);
  }

  @Test
  void aSummaryFillsMostOfItsBudgetNeverMoreAndIsFittedWithRestarts() throws Exception {
    Instances s1 = TestData.loadUnlabelled("s1");
    // 0.01 MiB holds 436 points of two values and a weight, the summary's as the kept rows'.
    FastKMeans streamed = streamed(s1, "-N 15 -stream-budget 0.01", s1.numInstances());
    streamed.updateFinished();
    String text = streamed.toString();
    Matcher points = Pattern.compile("a coreset of ([0-9,]+) weighted points").matcher(text);
    assertTrue(points.find(), text);
    int count = Integer.parseInt(points.group(1).replace(",", ""));
    assertTrue(count <= 436, count + " points in a budget of 436");
    assertTrue(count >= 436 / 2, count + " points: the summary leaves most of its budget unused");
    assertTrue(
        text.contains("(best of " + FitPipeline.SUMMARY_RESTARTS + " starts)"),
        "the summary's fit restarts: " + text);
  }

  @Test
  void anAttributeConstantUntilTheSummaryStartsStillSeparatesTheClusters() throws Exception {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("noise"));
    attributes.add(new Attribute("level"));
    Instances data = new Instances("sorted", attributes, 1000);
    Random random = new Random(3);
    for (int row = 0; row < 1000; row++) {
      double level = row < 500 ? 0 : 100 + random.nextGaussian();
      data.add(new DenseInstance(1, new double[] {random.nextDouble(), level}));
    }
    // 0.002 MiB keeps 87 rows, all at level 0: the level only varies in the summarised rows.
    FastKMeans streamed = streamed(data, "-N 2 -stream-budget 0.002", data.numInstances());
    streamed.updateFinished();
    assertTrue(streamed.toString().contains("Training data: a coreset"), streamed.toString());
    double[] levels = {
      streamed.getClusterCentroids().instance(0).value(1),
      streamed.getClusterCentroids().instance(1).value(1)
    };
    java.util.Arrays.sort(levels);
    assertEquals(0, levels[0], 1, "one cluster at level 0");
    assertEquals(100, levels[1], 1, "one cluster at level 100");
    assertArrayEquals(
        new double[] {500, 500}, streamed.getClusterSizes(), 1e-6, "the summary keeps the weight");
  }

  @Test
  void aBadValueInTheSummarisedPartIsRefusedNamingItsRow() throws Exception {
    Instances s1 = TestData.loadUnlabelled("s1");
    FastKMeans kmeans = streamed(s1, "-N 15 -stream-budget 0.01", 1000);
    Instance infinite = (Instance) s1.instance(1000).copy();
    infinite.setValue(0, Double.POSITIVE_INFINITY);
    refuses(() -> kmeans.updateClusterer(infinite), "Row 1001 of the stream");
    kmeans.updateClusterer(s1.instance(1000));
    kmeans.updateFinished();
    assertTrue(kmeans.toString().contains("summarising 1,001 instances"), kmeans.toString());
  }

  @Test
  void aSummarisedStreamLeavesNoReducingThreadOnceFinishedOrRebuilt() throws Exception {
    Instances s1 = TestData.loadUnlabelled("s1");
    // Streams other tests left open end their idle threads after a while: wait for that first.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5 * CombiningPool.IDLE_SECONDS);
    while (reducingThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(0, reducingThreads(), "idle reducing threads end by themselves");
    FastKMeans finished = streamed(s1, "-N 15 -stream-budget 0.01 -num-slots 3", 3000);
    assertTrue(reducingThreads() > 0, "the summary reduces on worker threads");
    finished.updateFinished();
    assertEquals(0, reducingThreads(), "no reducing thread after updateFinished");
    FastKMeans rebuilt = streamed(s1, "-N 15 -stream-budget 0.01 -num-slots 3", 3000);
    rebuilt.buildClusterer(new Instances(s1, 0));
    assertEquals(0, reducingThreads(), "no reducing thread after a new build");
    assertTrue(finished.toString().contains("summarising 3,000 instances"), finished.toString());
  }

  @Test
  void anInterruptedEndOfASummarisedStreamLeavesNoModelAndNoThread() throws Exception {
    Instances s1 = TestData.loadUnlabelled("s1");
    FastKMeans kmeans = streamed(s1, "-N 15 -stream-budget 0.01 -num-slots 3", s1.numInstances());
    Thread.currentThread().interrupt();
    kmeans.updateFinished();
    assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    refuses(kmeans::numberOfClusters, "interrupted; no model was built");
    assertEquals(0, reducingThreads(), "no reducing thread left");
  }

  private static long reducingThreads() {
    return LiveThreads.named(MergeReduceCoreset.THREAD_NAME);
  }

  @Test
  void aSummarisedStreamIsTheSameForASeedAndAnyThreadCount() throws Exception {
    Instances s1 = TestData.loadUnlabelled("s1");
    FastKMeans one = streamed(s1, "-N 15 -stream-budget 0.01 -num-slots 1", s1.numInstances());
    FastKMeans three = streamed(s1, "-N 15 -stream-budget 0.01 -num-slots 3", s1.numInstances());
    FastKMeans otherSeed = streamed(s1, "-N 15 -stream-budget 0.01 -S 11", s1.numInstances());
    one.updateFinished();
    three.updateFinished();
    otherSeed.updateFinished();
    for (int c = 0; c < 15; c++) {
      assertArrayEquals(
          one.getClusterCentroids().instance(c).toDoubleArray(),
          three.getClusterCentroids().instance(c).toDoubleArray(),
          0);
    }
    assertEquals(one.getSquaredError(), three.getSquaredError(), 0);
    assertTrue(one.getSquaredError() != otherSeed.getSquaredError(), "another seed, another fit");
  }

  @Test
  void aSavedCoresetModelKeepsItsAccount() throws Exception {
    Instances s1 = TestData.loadUnlabelled("s1");
    FastKMeans streamed = streamed(s1, "-N 15 -stream-budget 0.01", s1.numInstances());
    streamed.updateFinished();
    Path file = temp.resolve("coreset.model");
    weka.core.SerializationHelper.write(file.toString(), streamed);
    FastKMeans loaded = (FastKMeans) weka.core.SerializationHelper.read(file.toString());
    assertEquals(streamed.toString(), loaded.toString());
    refuses(loaded::getAssignments, "coreset");
    assertEquals(streamed.clusterInstance(s1.instance(7)), loaded.clusterInstance(s1.instance(7)));
  }

  /**
   * A copy made while a stream is open (Weka's SerializedObject, as the Explorer copies a
   * clusterer) holds the model of the rows so far and answers as the original; the original's
   * stream goes on.
   */
  @Test
  void aCopyMadeDuringAStreamAnswersAsTheOriginal() throws Exception {
    Instances iris = TestData.loadUnlabelled("iris");
    FastKMeans streamed = streamed(iris, "-N 3", 50);
    FastKMeans copy = (FastKMeans) new weka.core.SerializedObject(streamed).getObject();
    assertEquals(streamed.numberOfClusters(), copy.numberOfClusters());
    assertEquals(streamed.getSquaredError(), copy.getSquaredError(), 0);
    for (Instance instance : iris) {
      assertEquals(streamed.clusterInstance(instance), copy.clusterInstance(instance));
    }
    streamed.updateClusterer(iris.instance(50));
    streamed.updateFinished();
    assertEquals(51, streamed.getAssignments().length);
    refuses(() -> copy.updateClusterer(iris.instance(50)), "no open stream");
  }

  /** A stream whose centres file cannot be opened is refused when it starts, not at its end. */
  @Test
  void aMissingCentresFileIsRefusedWhenTheStreamStarts() throws Exception {
    Instances iris = TestData.loadUnlabelled("iris");
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(
        Utils.splitOptions("-N 3 -init-file " + temp.resolve("no-such-centres.arff")));
    refuses(() -> kmeans.buildClusterer(new Instances(iris, 0)), "does not exist");
  }

  /** {@code action} throws a WekaException whose message contains {@code messagePart}. */
  static void refuses(Executable action, String messagePart) {
    WekaException e = assertThrows(WekaException.class, action);
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }

  /** A FastKMeans with {@code options}, built on the header, fed the first {@code rows} rows. */
  static FastKMeans streamed(Instances data, String options, int rows) throws Exception {
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions(options));
    kmeans.buildClusterer(new Instances(data, 0));
    for (int row = 0; row < rows; row++) {
      kmeans.updateClusterer(data.instance(row));
    }
    return kmeans;
  }

  /** Every part of the two models and every answer on {@code data} are bit for bit the same. */
  static void assertSameModel(FastKMeans expected, FastKMeans actual, Instances data)
      throws Exception {
    assertEquals(expected.numberOfClusters(), actual.numberOfClusters());
    assertArrayEquals(expected.getAssignments(), actual.getAssignments());
    assertArrayEquals(expected.getClusterSizes(), actual.getClusterSizes(), 0);
    assertEquals(expected.getSquaredError(), actual.getSquaredError(), 0);
    assertEquals(expected.getNumIterations(), actual.getNumIterations());
    for (int c = 0; c < expected.numberOfClusters(); c++) {
      assertArrayEquals(
          expected.getClusterCentroids().instance(c).toDoubleArray(),
          actual.getClusterCentroids().instance(c).toDoubleArray(),
          0);
      assertArrayEquals(
          expected.getInitialStartPoints().instance(c).toDoubleArray(),
          actual.getInitialStartPoints().instance(c).toDoubleArray(),
          0);
    }
    for (Instance instance : data) {
      assertArrayEquals(
          expected.distancesToCentroids(instance), actual.distancesToCentroids(instance), 0);
    }
  }
}
