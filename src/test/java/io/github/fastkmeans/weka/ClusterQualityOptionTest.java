package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.quality.ClusterQuality;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.clusterers.FastKMeans;
import weka.core.Instances;
import weka.core.Option;
import weka.core.Utils;
import weka.core.WekaException;

/** The -quality option: reference values on iris, the model output, options and saved models. */
class ClusterQualityOptionTest {

  /**
   * The labels FastKMeans gives iris with -N 3 -normalize none -init given from the class means
   * (iris-class-means.txt): plain Lloyd from there, deterministic, 5 assignment passes.
   */
  private static final String IRIS_LABELS =
      "00000000000000000000000000000000000000000000000000"
          + "21211111111111111111111111121111111111111111111111"
          + "21222212222221122221212122112222212222122212221221";

  /*
   * scikit-learn 1.2.1 (Debian python3-sklearn 1.2.1+dfsg-1, numpy 1.24.2) on that labelling of the
   * four attributes of src/test/resources/datasets/iris/iris.arff (not sklearn's load_iris, whose
   * rows 35 and 38 differ from Weka's file), run from the project root:
   *
   * /usr/bin/python3 -c "import numpy as np; from sklearn import metrics as m;
   * X=np.array([l.split(',')[:4] for l in open('src/test/resources/datasets/iris/iris.arff')
   * if l[:1].isdigit()],float); y=[int(c) for c in '<IRIS_LABELS>'];
   * print(repr(m.silhouette_score(X,y)), repr(m.davies_bouldin_score(X,y)),
   * repr(m.calinski_harabasz_score(X,y)))"
   *
   * printed 0.5509643746420477 0.6663912107101494 560.3660038653594. (The silhouette from exact
   * distances, metric='precomputed' on np.sqrt of summed squared differences, is 0.550964374670744;
   * sklearn's default Euclidean distances round at 5e-11 relative to it.)
   */
  private static final double IRIS_SILHOUETTE = 0.5509643746420477;
  private static final double IRIS_DAVIES_BOULDIN = 0.6663912107101494;
  private static final double IRIS_CALINSKI_HARABASZ = 560.3660038653594;

  @TempDir Path temp;

  private FastKMeans irisFromClassMeans(String options) throws Exception {
    Instances data = TestData.load("iris");
    Path init =
        TestData.writeCentres(
            data, TestData.readMatrix("iris", "iris-class-means.txt"), temp.resolve("means.arff"));
    // Without refinement: the reference values are for the clusters Lloyd reaches from the means.
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(
        Utils.splitOptions(
            "-N 3 -normalize none -refine none -init given -init-file " + init + " " + options));
    kmeans.buildClusterer(data);
    return kmeans;
  }

  private static void assertRelative(double expected, double actual, double tolerance) {
    assertEquals(expected, actual, tolerance * Math.abs(expected), "expected " + expected);
  }

  @Test
  void irisMatchesScikitLearn() throws Exception {
    FastKMeans kmeans = irisFromClassMeans("-quality");
    StringBuilder labels = new StringBuilder();
    for (int label : kmeans.getAssignments()) {
      labels.append(label);
    }
    assertEquals(IRIS_LABELS, labels.toString(), "the labelling the reference values are for");

    ClusterQuality quality = kmeans.getClusterQuality();
    assertRelative(IRIS_SILHOUETTE, quality.silhouette(), 1e-9);
    assertRelative(IRIS_DAVIES_BOULDIN, quality.daviesBouldin(), 1e-9);
    assertRelative(IRIS_CALINSKI_HARABASZ, quality.calinskiHarabasz(), 1e-9);
    // The fit converged, so the centres are the clusters' means and both sums of squares agree.
    assertRelative(kmeans.getSquaredError(), quality.withinSumOfSquares(), 1e-12);
    assertFalse(quality.silhouetteSampled());

    String text = kmeans.toString();
    for (String line :
        new String[] {
          "Cluster quality (in the original units):\n",
          "  Within-cluster sum of squared errors: " + quality.withinSumOfSquares() + "\n",
          "  Silhouette: 0.5510 (exact over all 150 instances)\n",
          "  Davies-Bouldin index: 0.6664 (lower is better)\n",
          "  Calinski-Harabasz index: 560.3660 (higher is better)\n",
        }) {
      assertTrue(text.contains(line), "missing '" + line + "' in\n" + text);
    }
  }

  @Test
  void qualityIsOffByDefault() throws Exception {
    FastKMeans kmeans = new FastKMeans();
    assertFalse(kmeans.getDisplayQuality());
    assertFalse(Arrays.asList(kmeans.getOptions()).contains("-quality"));
    kmeans.setNumClusters(3);
    kmeans.buildClusterer(TestData.loadUnlabelled("iris"));
    assertFalse(kmeans.toString().contains("Cluster quality"));
    WekaException e = assertThrows(WekaException.class, kmeans::getClusterQuality);
    assertTrue(e.getMessage().contains("-quality"), e.getMessage());
  }

  @Test
  void optionRoundTripsAndIsListed() throws Exception {
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions("-N 4 -quality -S 3"));
    assertTrue(kmeans.getDisplayQuality());
    String[] options = kmeans.getOptions();
    assertTrue(Arrays.asList(options).contains("-quality"));
    FastKMeans copy = new FastKMeans();
    copy.setOptions(options.clone());
    assertTrue(copy.getDisplayQuality());
    assertArrayEquals(options, copy.getOptions());

    // Options absent from a later setOptions fall back to their defaults, as every other one does.
    copy.setOptions(Utils.splitOptions("-N 4"));
    assertFalse(copy.getDisplayQuality());

    copy.setDisplayQuality(true);
    assertTrue(copy.getDisplayQuality());
    assertTrue(copy.displayQualityTipText().contains("silhouette"));
    boolean listed = false;
    for (Option option : Collections.list(copy.listOptions())) {
      listed |= option.name().equals("quality") && option.numArguments() == 0;
    }
    assertTrue(listed, "-quality is listed as a flag");
  }

  @Test
  void largeDataAreSampledAndSaySo() throws Exception {
    Instances data = TestData.loadUnlabelled("unbalance");
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions("-N 8 -quality -S 10 -num-slots 2"));
    kmeans.buildClusterer(data);
    ClusterQuality quality = kmeans.getClusterQuality();
    assertTrue(quality.silhouetteSampled());
    assertEquals(ClusterQuality.EXACT_SILHOUETTE_LIMIT, quality.silhouetteRows());
    String text = kmeans.toString();
    assertTrue(text.contains("Cluster quality (in the normalised space):\n"), text);
    assertTrue(
        text.contains("(estimated from a random sample of 5,000 of 6,500 instances (seed 10))\n"),
        text);

    // The same seed and data give the same estimate, on any number of threads.
    FastKMeans again = new FastKMeans();
    again.setOptions(Utils.splitOptions("-N 8 -quality -S 10 -num-slots 1"));
    again.buildClusterer(data);
    assertEquals(quality.silhouette(), again.getClusterQuality().silhouette(), 0);
  }

  @Test
  void instancesOfWeightZeroAreLeftOutAndNamed() throws Exception {
    Instances data = TestData.loadUnlabelled("iris");
    data.instance(0).setWeight(0);
    data.instance(1).setWeight(0);
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions("-N 3 -quality"));
    kmeans.buildClusterer(data);
    assertEquals(148, kmeans.getClusterQuality().positiveRows());
    assertTrue(
        kmeans.toString().contains("(exact over all 148 instances of positive weight)"),
        kmeans.toString());
  }

  @Test
  void oneClusterShowsUndefinedIndices() throws Exception {
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions("-N 1 -quality"));
    kmeans.buildClusterer(TestData.loadUnlabelled("iris"));
    String text = kmeans.toString();
    assertTrue(
        text.contains(
            "  Silhouette: undefined (fewer than 2 non-empty clusters; exact over all 150"
                + " instances)\n"),
        text);
    assertTrue(
        text.contains("  Davies-Bouldin index: undefined (fewer than 2 non-empty clusters)"), text);
    assertTrue(
        text.contains("  Calinski-Harabasz index: undefined (fewer than 2 non-empty clusters)"),
        text);
  }

  @Test
  void savedModelKeepsItsQuality() throws Exception {
    FastKMeans kmeans = irisFromClassMeans("-quality");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(kmeans);
    }
    FastKMeans copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (FastKMeans) in.readObject();
    }
    assertEquals(kmeans.toString(), copy.toString());
    assertEquals(kmeans.getClusterQuality().silhouette(), copy.getClusterQuality().silhouette(), 0);
  }
}
