package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.weka.FitPipeline.Stage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import weka.clusterers.FastKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WekaException;

/** The build's stages: their order, an interrupt in each, and options fixed when a build starts. */
class FitPipelineTest {

  /** The stages with long loops, which must notice an interrupt themselves, not at their end. */
  private static final Set<Stage> CHECKED_WITHIN =
      EnumSet.of(Stage.ENCODE, Stage.SEED_AND_RESTARTS, Stage.REFINEMENT, Stage.QUALITY);

  private static final FitOptions OPTIONS = options("-N 40 -restarts 2 -quality -num-slots 2");

  private static FitOptions options(String line) {
    try {
      return OptionTable.parse(Utils.splitOptions(line));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instances noise(int rows, int columns) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int a = 0; a < columns; a++) {
      attributes.add(new Attribute("x" + a));
    }
    Instances data = new Instances("noise", attributes, rows);
    Random random = new Random(3);
    for (int i = 0; i < rows; i++) {
      double[] values = new double[columns];
      for (int a = 0; a < columns; a++) {
        values[a] = random.nextGaussian();
      }
      data.add(new DenseInstance(1, values));
    }
    return data;
  }

  private static final Instances DATA = noise(20000, 8);

  @Test
  void aBuildRunsEveryStageInOrder() throws Exception {
    List<Stage> seen = new ArrayList<>();
    FittedModel model = new FitPipeline(OPTIONS, 10, false, null).observedBy(seen::add).fit(DATA);
    List<Stage> expected = new ArrayList<>(List.of(Stage.values()));
    // Entered only by a search for k (ChooseKTest).
    expected.remove(Stage.SEARCH_K);
    assertEquals(expected, seen);
    assertEquals(40, model.result().k());
    assertNotNull(model.quality());
  }

  @ParameterizedTest
  @EnumSource(value = Stage.class, mode = EnumSource.Mode.EXCLUDE, names = "SEARCH_K")
  void anInterruptInAStageEndsTheBuildWithinHalfASecond(Stage target) throws Exception {
    List<Stage> seen = new ArrayList<>();
    AtomicReference<Long> interruptedAt = new AtomicReference<>();
    FitPipeline pipeline =
        new FitPipeline(OPTIONS, 10, false, null)
            .observedBy(
                stage -> {
                  seen.add(stage);
                  if (stage == target) {
                    interruptedAt.set(System.nanoTime());
                    Thread.currentThread().interrupt();
                  }
                });
    try {
      WekaException e = assertThrows(WekaException.class, () -> pipeline.fit(DATA));
      double seconds = (System.nanoTime() - interruptedAt.get()) / 1e9;
      assertEquals("FastKMeans was interrupted; no model was built.", e.getMessage());
      assertTrue(Thread.currentThread().isInterrupted(), "the flag is kept for the caller");
      assertEquals(target, seen.get(seen.size() - 1), "no later stage started: " + seen);
      assertTrue(seconds < 0.5, target + " ended " + seconds + " s after the interrupt");
      if (CHECKED_WITHIN.contains(target)) {
        assertFalse(
            e.getCause().getMessage().startsWith("Interrupted before"),
            target + " noticed the interrupt itself: " + e.getCause());
      }
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void theSpreadIsMeasuredOnlyWhenTheModelShowsIt() throws Exception {
    FittedModel plain = new FitPipeline(options("-N 4"), 10, false, null).fit(DATA);
    FittedModel shown = new FitPipeline(options("-N 4 -V"), 10, false, null).fit(DATA);
    assertEquals(null, plain.spread());
    assertNotNull(shown.spread());
    // The same fit either way: only the description differs.
    assertEquals(plain.result().squaredError(), shown.result().squaredError());
    assertTrue(shown.spread().clusterDeviation(0, 0) > 0);
  }

  @Test
  void optionsChangedDuringABuildDoNotAffectIt() throws Exception {
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions("-N 40 -restarts 3 -num-slots 1"));
    AtomicReference<Exception> failure = new AtomicReference<>();
    CountDownLatch building = new CountDownLatch(1);
    Thread builder =
        new Thread(
            () -> {
              try {
                building.countDown();
                kmeans.buildClusterer(DATA);
              } catch (Exception e) {
                failure.set(e);
              }
            });
    builder.start();
    building.await();
    // Well inside the build, which takes about a second here.
    Thread.sleep(200);
    assertTrue(builder.isAlive(), "still building");
    kmeans.setNumClusters(3);
    kmeans.setOptions(Utils.splitOptions("-N 5 -normalize none -restarts 1"));
    builder.join();
    assertEquals(null, failure.get());
    assertEquals(40, kmeans.numberOfClusters(), "the model has the options it started with");
    assertEquals(5, kmeans.getNumClusters(), "the options have the latest values");
  }

  @Test
  void aFileOfCentresWithAnotherInitializerIsRefused() {
    FitOptions options =
        OPTIONS
            .with(OptionTable.INIT_FILE, new java.io.File("centres.arff"))
            .with(OptionTable.QUALITY, false);
    WekaException e =
        assertThrows(
            WekaException.class, () -> new FitPipeline(options, 10, false, null).fit(DATA));
    assertTrue(e.getMessage().contains("-init-file centres.arff"), e.getMessage());
    assertTrue(e.getMessage().contains("choose -init given"), e.getMessage());
  }

  @Test
  void onTheCommandLineAFileOfCentresSelectsGiven() throws Exception {
    assertEquals(
        io.github.fastkmeans.init.InitializerKind.GIVEN,
        options("-init-file c.arff").get(OptionTable.INITIALIZER));
    assertEquals(
        io.github.fastkmeans.init.InitializerKind.RANDOM,
        options("-init-file c.arff -init random").get(OptionTable.INITIALIZER));
  }
}
