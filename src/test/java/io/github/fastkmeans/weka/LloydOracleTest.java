package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weka.clusterers.FastKMeans;
import weka.core.Instances;
import weka.core.Utils;

/**
 * FastKMeans from the published starting centroids, with raw distances, reaches the partition, SSE
 * and number of passes of an independent float64 Lloyd (the oracles in each data set's meta.json),
 * with every assignment algorithm.
 */
class LloydOracleTest {

  @TempDir Path temp;

  static Stream<Arguments> setsAndAlgorithms() {
    String[] sets = {
      "s1",
      "s2",
      "s3",
      "s4",
      "a1",
      "a2",
      "a3",
      "unbalance",
      "birch1",
      "birch2",
      "dim032",
      "iris",
      "wine",
      "seeds"
    };
    String[] algorithms = {"lloyd", "hamerly", "elkan", "exponion", "yinyang", "kdtree"};
    return Arrays.stream(sets)
        .flatMap(set -> Arrays.stream(algorithms).map(algorithm -> Arguments.of(set, algorithm)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("setsAndAlgorithms")
  void reachesTheOracle(String name, String algorithm) throws Exception {
    TestData.Oracle oracle = TestData.oracle(name);
    Instances data = TestData.load(name);
    double[][] start = TestData.readMatrix(name, oracle.initFile);
    double[][] expected = TestData.readMatrix(name, oracle.centroidsFile);
    Path init = TestData.writeCentres(data, start, temp.resolve(name + "-start.arff"));

    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(
        Utils.splitOptions(
            "-N "
                + start.length
                + " -normalize none -refine none -init given -init-file "
                + init
                + " -algorithm "
                + algorithm));
    kmeans.buildClusterer(data);

    assertEquals(oracle.passes, kmeans.getNumIterations(), "passes");
    assertEquals(oracle.sse, kmeans.getSquaredError(), 1e-9 * oracle.sse, "SSE");
    Instances centroids = kmeans.getClusterCentroids();
    for (int c = 0; c < expected.length; c++) {
      for (int a = 0; a < expected[c].length; a++) {
        double want = expected[c][a];
        double got = centroids.instance(c).value(a);
        // The oracle files print about ten significant digits.
        assertTrue(
            Math.abs(got - want) <= 1e-8 * Math.max(1, Math.abs(want)),
            name + " centroid " + c + " attribute " + a + ": " + got + " vs " + want);
      }
    }
  }
}
