package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.choosek.KSearchTable;
import io.github.fastkmeans.weka.FitPipeline.Stage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.clusterers.FastKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;
import weka.core.WekaException;

/** Choosing k with -max-clusters: the search, its refusals, its table and its determinism. */
class ChooseKTest {

  private static Instances s1() throws Exception {
    return TestData.loadUnlabelled("s1");
  }

  @Test
  void aRangeOfOneKGivesExactlyTheFitOfN() throws Exception {
    Instances data = s1();
    FastKMeans fixed = TestData.built(data, "-N 15");
    FastKMeans searched = TestData.built(data, "-min-clusters 15 -max-clusters 15");
    assertEquals(15, searched.numberOfClusters());
    assertArrayEquals(fixed.getAssignments(), searched.getAssignments());
    assertEquals(fixed.getSquaredError(), searched.getSquaredError(), 0);
    assertEquals(fixed.getNumIterations(), searched.getNumIterations());
    assertEquals(fixed.getClusterCentroids().toString(), searched.getClusterCentroids().toString());
    assertEquals(1, searched.getKSearchTable().rows().size());
  }

  @Test
  void theSearchFindsTheFifteenClustersOfS1AndShowsWhy() throws Exception {
    FastKMeans kmeans = TestData.built(s1(), "-max-clusters 30 -k-criterion calinski-harabasz");
    assertEquals(15, kmeans.numberOfClusters());
    KSearchTable table = kmeans.getKSearchTable();
    assertEquals(15, table.chosen().k());
    assertEquals(2, table.rows().get(0).k());
    assertTrue(table.rows().size() < 29, "stopped once the criterion had turned");
    for (KSearchTable.Row row : table.rows()) {
      assertTrue(row.calinskiHarabasz() <= table.chosen().calinskiHarabasz());
    }
    String text = kmeans.toString();
    assertTrue(text.contains("Choosing k by calinski-harabasz: tried k = 2.."), text);
    assertTrue(text.contains("\n* 15 "), text);
    assertTrue(text.contains("Number of clusters: 15\n"), text);
  }

  @Test
  void theChosenRowDescribesTheFullyRefinedFitTheModelKeeps() throws Exception {
    FastKMeans kmeans = TestData.built(s1(), "-max-clusters 30");
    KSearchTable table = kmeans.getKSearchTable();
    assertEquals(kmeans.numberOfClusters(), table.chosen().k());
    assertEquals(kmeans.getSquaredError(), table.chosen().squaredError(), 0.0);
    FastKMeans fixed = TestData.built(s1(), "-N " + table.chosen().k());
    assertTrue(
        kmeans.getSquaredError() <= fixed.getSquaredError() * 1.001,
        "the chosen k is refined as fully as a single fit: "
            + kmeans.getSquaredError()
            + " vs "
            + fixed.getSquaredError());
  }

  @Test
  void aBestAtTheTopOfTheRangeIsPointedOut() throws Exception {
    Instances data = s1();
    FastKMeans narrow = TestData.built(data, "-max-clusters 10 -k-criterion bic");
    assertEquals(10, narrow.numberOfClusters());
    assertTrue(narrow.toString().contains("Note: the criterion was still improving"));
    FastKMeans wide = TestData.built(data, "-max-clusters 30 -k-criterion bic");
    assertEquals(15, wide.numberOfClusters());
    assertFalse(wide.toString().contains("Note: the criterion was still improving"));
  }

  /**
   * Six round groups of 200 rows whose centres lie 5 times wider apart in x than in y: scaled to
   * the range, each group is 5 times longer in y than in x.
   */
  private static Instances stretchedGroups() {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("x"));
    attributes.add(new Attribute("y"));
    Instances data = new Instances("stretched", attributes, 1200);
    Random random = new Random(3);
    for (int group = 0; group < 6; group++) {
      for (int i = 0; i < 200; i++) {
        double x = 100 * (group % 3) + 1.5 * random.nextGaussian();
        double y = 20 * (group / 3) + 1.5 * random.nextGaussian();
        data.add(new DenseInstance(1, new double[] {x, y}));
      }
    }
    return data;
  }

  @Test
  void gMeansStoppingAtItsFirstPassingKIsNotCalledStillImproving() throws Exception {
    FastKMeans kmeans = TestData.built(stretchedGroups(), "-max-clusters 15 -k-criterion gmeans");
    KSearchTable table = kmeans.getKSearchTable();
    List<KSearchTable.Row> rows = table.rows();
    assertEquals(6, table.chosen().k());
    assertEquals(rows.get(rows.size() - 1), table.chosen(), "G-means stops at the k it chooses");
    assertEquals(0, table.chosen().nonGaussianClusters());
    assertFalse(table.mayImproveBeyond());
    assertFalse(kmeans.toString().contains("still improving"), kmeans.toString());
  }

  /**
   * Scaled to the range, BIC's spherical clusters split the stretched groups up to the top of the
   * range; in the data's own units it finds the six. The model output says why.
   */
  @Test
  void bicAtTheTopOfTheRangeUnderScalingPointsToTheUnscaledSpace() throws Exception {
    Instances data = stretchedGroups();
    String hint = "BIC takes clusters as spheres in the scaled units";
    FastKMeans scaled = TestData.built(data, "-max-clusters 15");
    assertEquals(15, scaled.numberOfClusters());
    assertTrue(scaled.getKSearchTable().mayImproveBeyond());
    assertTrue(scaled.toString().contains(hint), scaled.toString());
    FastKMeans raw = TestData.built(data, "-max-clusters 15 -normalize none");
    assertEquals(6, raw.numberOfClusters());
    assertFalse(raw.toString().contains("still improving"), raw.toString());
    FastKMeans silhouette = TestData.built(data, "-max-clusters 15 -k-criterion silhouette");
    assertEquals(6, silhouette.numberOfClusters());
    assertFalse(silhouette.toString().contains(hint), silhouette.toString());
  }

  @Test
  void aClusterOfOneOutlyingRowIsNotChosen() throws Exception {
    // dim032 has 16 clusters and 4 rows far from all of them, which the next centres take.
    FastKMeans kmeans = TestData.built(TestData.loadUnlabelled("dim032"), "-max-clusters 32");
    KSearchTable table = kmeans.getKSearchTable();
    assertEquals(16, kmeans.numberOfClusters());
    assertTrue(table.chosen().isEligible());
    assertTrue(table.chosen().smallestCluster() >= 2);
    KSearchTable.Row withOutliers =
        table.rows().stream().filter(row -> !row.isEligible()).findFirst().orElseThrow();
    assertEquals(1, withOutliers.smallestCluster());
    for (KSearchTable.Row row : table.rows()) {
      assertTrue(!row.isEligible() || row.bic() <= table.chosen().bic(), "row " + row.k());
    }
    String text = kmeans.toString();
    assertTrue(
        text.contains("a cluster empty or of a single row (an outlier) is not chosen"), text);
    assertTrue(text.contains("Smallest cluster"), text);
  }

  @Test
  void whenEveryKLeavesASingleRowTheBestIsChosenAndSaidSo() throws Exception {
    Instances data =
        TestData.xAndColour(new double[] {0, 1, 10}, new String[3], new double[] {1, 1, 1});
    data.deleteAttributeAt(1);
    FastKMeans kmeans = TestData.built(data, "-min-clusters 2 -max-clusters 3");
    KSearchTable table = kmeans.getKSearchTable();
    assertFalse(table.chosen().isEligible());
    assertEquals(2, table.rows().size());
    assertTrue(kmeans.toString().contains("every k tried left a cluster empty or of a single row"));
  }

  /** -N beside a search, and -min-clusters without one, are noted as not used. */
  @Test
  void optionsTheBuildDidNotUseAreNoted() throws Exception {
    Instances data = TestData.loadUnlabelled("iris");
    String searched = TestData.built(data, "-max-clusters 4 -N 3").toString();
    assertTrue(
        searched.contains(
            "Warning: -N 3 was not used: -max-clusters chose the number of clusters.\n"),
        searched);
    String fixed = TestData.built(data, "-N 3 -min-clusters 3").toString();
    assertTrue(
        fixed.contains(
            "Warning: -min-clusters 3 was not used: it bounds the search of -max-clusters, which"
                + " is 0 (no search).\n"),
        fixed);
    assertFalse(TestData.built(data, "-N 3").toString().contains("was not used"));
    assertFalse(TestData.built(data, "-max-clusters 4").toString().contains("was not used"));
  }

  /** The model's warnings speak of the k chosen, not of the largest k the search tried. */
  @Test
  void warningsAboutTooFewDistinctInstancesSpeakOfTheChosenK() throws Exception {
    Instances data =
        TestData.xAndColour(
            new double[] {1, 1, 1, 1, 1, 1},
            new String[] {"red", "blue", "red", "blue", "red", "blue"},
            new double[] {1, 1, 1, 1, 1, 1});
    FastKMeans kmeans = TestData.built(data, "-max-clusters 4");
    // k = 3 and 4 leave a cluster empty: k = 2, two clusters of three, is chosen.
    assertEquals(2, kmeans.numberOfClusters());
    String text = kmeans.toString();
    assertFalse(text.contains("distinct instances"), text);
    assertFalse(text.contains("Warning"), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bic", "silhouette", "calinski-harabasz", "gmeans"})
  void everyCriterionGivesTheSameAnswerForOneAndThreeThreads(String criterion) throws Exception {
    Instances data = TestData.loadUnlabelled("iris");
    String options = "-max-clusters 6 -k-criterion " + criterion;
    FastKMeans one = TestData.built(data, options + " -num-slots 1");
    FastKMeans three = TestData.built(data, options + " -num-slots 3");
    assertArrayEquals(one.getAssignments(), three.getAssignments());
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (KSearchTable.Row row : one.getKSearchTable().rows()) {
      first.add(row.k() + " " + row.squaredError() + " " + row.bic() + " " + row.silhouette());
    }
    for (KSearchTable.Row row : three.getKSearchTable().rows()) {
      second.add(row.k() + " " + row.squaredError() + " " + row.bic() + " " + row.silhouette());
    }
    assertEquals(first, second);
    assertEquals(one.getKSearchTable().chosen().k(), one.numberOfClusters());
  }

  @Test
  void aSearchPastTheTrueKGivesTheSameTableForOneAndThreeThreads() throws Exception {
    Instances data = s1();
    FastKMeans one = TestData.built(data, "-max-clusters 30 -num-slots 1");
    FastKMeans three = TestData.built(data, "-max-clusters 30 -num-slots 3");
    assertEquals(15, one.numberOfClusters());
    assertArrayEquals(one.getAssignments(), three.getAssignments());
    assertEquals(one.getKSearchTable().rows().size(), three.getKSearchTable().rows().size());
    for (int i = 0; i < one.getKSearchTable().rows().size(); i++) {
      KSearchTable.Row a = one.getKSearchTable().rows().get(i);
      KSearchTable.Row b = three.getKSearchTable().rows().get(i);
      assertEquals(a.squaredError(), b.squaredError(), 0, "k = " + a.k());
      assertEquals(a.iterations(), b.iterations(), "k = " + a.k());
    }
  }

  @Test
  void aSavedModelKeepsItsTable() throws Exception {
    FastKMeans kmeans = TestData.built(TestData.loadUnlabelled("iris"), "-max-clusters 5");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationHelper.write(bytes, kmeans);
    FastKMeans copy =
        (FastKMeans) SerializationHelper.read(new ByteArrayInputStream(bytes.toByteArray()));
    assertEquals(kmeans.toString(), copy.toString());
    assertEquals(kmeans.getKSearchTable().rows().size(), copy.getKSearchTable().rows().size());
    assertEquals(kmeans.getKSearchTable().chosen().k(), copy.getKSearchTable().chosen().k());
  }

  @Test
  void unusableRangesAreRefusedNamingTheOptions() throws Exception {
    Instances iris = TestData.loadUnlabelled("iris");
    WekaException above =
        assertThrows(
            WekaException.class, () -> TestData.built(iris, "-min-clusters 6 -max-clusters 4"));
    assertTrue(above.getMessage().contains("-min-clusters 6"), above.getMessage());
    assertTrue(above.getMessage().contains("-max-clusters 4"), above.getMessage());
    WekaException tooMany =
        assertThrows(WekaException.class, () -> TestData.built(iris, "-max-clusters 151"));
    assertTrue(
        tooMany.getMessage().contains("151 clusters in 150 instances"), tooMany.getMessage());
    InvalidOptionException zero =
        assertThrows(InvalidOptionException.class, () -> TestData.built(iris, "-min-clusters 0"));
    assertTrue(zero.getMessage().startsWith("Option -min-clusters must be at least 1"));
    WekaException given =
        assertThrows(
            WekaException.class,
            () -> TestData.built(iris, "-max-clusters 5 -init given -init-file x.arff"));
    assertTrue(given.getMessage().contains("-init given"), given.getMessage());
    assertThrows(WekaException.class, () -> TestData.built(iris, "-N 3").getKSearchTable());
  }

  @Test
  void anInterruptedSearchEndsPromptly() throws Exception {
    FitOptions options = OptionTable.parse(Utils.splitOptions("-max-clusters 30"));
    Instances data = s1();
    long[] interruptedAt = new long[1];
    FitPipeline pipeline =
        new FitPipeline(options, 10, false, null)
            .observedBy(
                stage -> {
                  if (stage == Stage.SEARCH_K) {
                    interruptedAt[0] = System.nanoTime();
                    Thread.currentThread().interrupt();
                  }
                });
    try {
      WekaException e = assertThrows(WekaException.class, () -> pipeline.fit(data));
      assertEquals("FastKMeans was interrupted; no model was built.", e.getMessage());
      assertTrue((System.nanoTime() - interruptedAt[0]) / 1e9 < 0.5);
      assertFalse(e.getCause().getMessage().startsWith("Interrupted before"), e.toString());
    } finally {
      Thread.interrupted();
    }
  }
}
