package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.KMeans;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.engine.KMeansSettings;
import io.github.fastkmeans.quality.ClusterSpread;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Tests of {@link ModelText} on a fit small enough to work out by hand: the lines a model's text
 * must hold, with the values computed here.
 */
class ModelTextTest {

  /** Decimal places of the centroid table, as FastKMeans shows it. */
  private static final int DECIMALS = 4;

  /*
   * Four instances (x, colour, weight): (0, red, 1), (2, red, 3), (10, blue, 2), (12, red, 1),
   * not normalised, k-means from the first and third. The first pass puts (12, red) with
   * (10, blue): 2^2 + 1 (a colour mismatch) = 5 against 12^2 = 144. Cluster 0 = {0, 2} of weight 4,
   * x = 6/4 = 1.5, all red; cluster 1 = {10, 12} of weight 3, x = (20 + 12)/3 = 32/3, blue 2/3.
   * The second pass changes nothing: 2 iterations, converged.
   */
  private static final double[] X = {0, 2, 10, 12};

  private static final double[] WEIGHTS = {1, 3, 2, 1};

  private static Instances data() {
    return TestData.xAndColour(X, new String[] {"red", "red", "blue", "red"}, WEIGHTS);
  }

  /** The fitted model of the data, described by ModelText's parameters besides the text's. */
  private static FittedModel model(boolean missingValuesReplaced, List<String> warnings)
      throws Exception {
    return model(missingValuesReplaced, warnings, true);
  }

  /** As {@link #model(boolean, List)}, the spread measured only {@code withSpread}. */
  private static FittedModel model(
      boolean missingValuesReplaced, List<String> warnings, boolean withSpread) throws Exception {
    Instances data = data();
    InstanceEncoder encoder = InstanceEncoder.fit(data, Normalization.NONE);
    DataMatrix matrix = encoder.encode(data);
    int columns = matrix.columns();
    double[] start = new double[2 * columns];
    System.arraycopy(matrix.values(), 0, start, 0, columns);
    System.arraycopy(matrix.values(), 2 * columns, start, columns, columns);
    KMeansResult result =
        new KMeans(KMeansSettings.DEFAULTS.withAlgorithm(Algorithm.LLOYD)).fit(matrix, start);
    return new FittedModel(
        encoder,
        result,
        withSpread ? ClusterSpread.of(matrix, result.labels(), 2) : null,
        "kmeans++",
        3,
        1,
        0,
        missingValuesReplaced,
        warnings,
        null,
        null,
        null,
        false);
  }

  private static String text(boolean showSpread, boolean showTrace, int decimals) throws Exception {
    return ModelText.describe(model(false, List.of()), showSpread, showTrace, decimals);
  }

  @Test
  void headsTheTextWithTheFitsSummary() throws Exception {
    String text = text(false, false, DECIMALS);
    assertTrue(text.startsWith("\nFastKMeans\n==========\n\n"), text);
    assertTrue(text.contains("\nNumber of clusters: 2\n"), text);
    assertTrue(text.contains("\nInitialization: kmeans++ (best of 3 starts)\n"), text);
    assertTrue(text.contains("\nRefinement: none\n"), text);
    assertTrue(text.contains("\nNormalization: none\n"), text);
    assertTrue(text.contains("\nAlgorithm: lloyd on 1 thread\n"), text);
    assertTrue(text.contains("\nDistances computed: 100.00% of instances x clusters"), text);
    assertTrue(text.contains("\nNumber of iterations: 2 (converged)\n"), text);
    // Cluster 0: 1 * 1.5^2 + 3 * 0.5^2 = 3. Cluster 1, x: 2 * (2/3)^2 + 1 * (4/3)^2 = 24/9; colour,
    // centred at 1/3 red and 2/3 blue (times 1/sqrt(2), whose square is 1/2): the blue row differs
    // by 1/3 in two columns, 2 * (1/9 + 1/9) / 2, the red row by 2/3 in two, 1 * (4/9 + 4/9) / 2.
    assertEquals(3 + 30.0 / 9, number(line(text, "Within cluster sum of squared errors: ")), 1e-12);
    assertFalse(text.contains("Warning"), text);
  }

  @Test
  void namesTheKernelThatComparedRowsWithEveryCentre() throws Exception {
    FittedModel model = model(false, List.of());
    String text = ModelText.describe(model, false, false, DECIMALS);
    String kernel = model.result().kernel();
    // Lloyd sweeps blocks of rows: the vector kernel or the plain one, which says why.
    assertTrue(kernel.startsWith("vector (") || kernel.startsWith("plain Java ("), kernel);
    assertTrue(
        text.contains("\nAlgorithm: lloyd on 1 thread\nAssignment kernel: " + kernel + "\n"), text);
  }

  @Test
  void listsTheStartingPointsInOriginalUnits() throws Exception {
    String text = text(false, false, DECIMALS);
    assertTrue(text.contains("\nInitial starting points (kmeans++):\n\n"), text);
    assertTrue(text.contains("\nCluster 0: 0,red\nCluster 1: 10,blue\n"), text);
  }

  @Test
  void theCentroidTableShowsWeightsMeansAndTheMostFrequentValues() throws Exception {
    String text = text(false, false, DECIMALS);
    String table = text.substring(text.indexOf("\nFinal cluster centroids:\n"));
    assertEquals(List.of("Attribute", "Full", "Data", "0", "1"), cells(table, "Attribute"));
    // Weights: all 7, cluster 0 1 + 3, cluster 1 2 + 1.
    assertEquals(List.of("(7)", "(4)", "(3)"), cells(table, "(7)"));
    // x: the weighted means 38/7 = 5.42857.., 6/4 and 32/3 = 10.6666..
    assertEquals(List.of("x", "5.4286", "1.5", "10.6667"), cells(table, "x"));
    // colour: red weighs 5 of 7 overall, 4 of 4 in cluster 0 and 1 of 3 in cluster 1.
    assertEquals(List.of("colour", "red", "red", "blue"), cells(table, "colour"));
    assertFalse(table.contains("+/-"), "no spread without -V");
  }

  @Test
  void theDecimalsApplyToTheCentroidTable() throws Exception {
    assertEquals(List.of("x", "5.43", "1.5", "10.67"), cells(text(false, false, 2), "x"));
  }

  @Test
  void theSpreadAddsDeviationsAndWeightedValueCounts() throws Exception {
    String text = text(true, false, DECIMALS);
    // Weighted sample deviations (denominator: weight - 1) of x: all rows, sum of w (x - 38/7)^2 =
    // (1444 + 1728 + 2048 + 2116) / 49 over 6; cluster 0, 3 over 3; cluster 1, 24/9 over 2.
    assertEquals(
        List.of(
            "+/-",
            decimal(Math.sqrt(7336.0 / 49 / 6), DECIMALS),
            "1",
            decimal(Math.sqrt(24.0 / 9 / 2), DECIMALS)),
        cells(text, "+/-"));
    assertEquals(List.of("red", "5", "4", "1"), cells(text, "red"));
    assertEquals(List.of("green", "0", "0", "0"), cells(text, "green"));
    assertEquals(List.of("blue", "2", "0", "2"), cells(text, "blue"));
  }

  @Test
  void withoutTheSpreadTheTableShowsTheSameMeansAndSaysWhyDeviationsAreMissing() throws Exception {
    FittedModel model = model(false, List.of(), false);
    String plain = ModelText.describe(model, false, false, DECIMALS);
    assertEquals(List.of("x", "5.4286", "1.5", "10.6667"), cells(plain, "x"));
    assertEquals(List.of("colour", "red", "red", "blue"), cells(plain, "colour"));
    String withSpread = text(false, false, DECIMALS);
    String table = "\nFinal cluster centroids:\n";
    assertEquals(
        withSpread.substring(withSpread.indexOf(table)), plain.substring(plain.indexOf(table)));
    assertFalse(plain.contains("not measured"), plain);
    // -V set after a build without it: nothing to show, and the text says how to get it.
    String asked = ModelText.describe(model, true, false, DECIMALS);
    assertFalse(asked.contains("+/-"), asked);
    assertFalse(asked.contains("\n  red "), asked);
    assertTrue(
        asked.contains(
            "\nStandard deviations and value counts were not measured: build with -V to see"
                + " them.\n"),
        asked);
  }

  @Test
  void theTraceHasOneLinePerIteration() throws Exception {
    assertFalse(text(false, false, DECIMALS).contains("Iterations (squared error"));
    String text = text(false, true, DECIMALS);
    String trace = text.substring(text.indexOf("\nIterations (squared error"));
    assertEquals(
        List.of("Iteration", "Squared", "error", "Distances", "%", "of", "n*k", "ms"),
        cells(trace, "Iteration"));
    // Built without the debug output, the error is not measured; Lloyd computes all 4 x 2
    // distances.
    assertEquals(List.of("1", "-", "8", "100.00"), cells(trace, "1").subList(0, 4));
    assertEquals(List.of("2", "-", "8", "100.00"), cells(trace, "2").subList(0, 4));
  }

  @Test
  void saysWhenMissingValuesWereReplacedAndShowsWarnings() throws Exception {
    String plain = ModelText.describe(model(false, List.of()), false, false, DECIMALS);
    assertFalse(plain.contains("Missing values"), plain);
    String text =
        ModelText.describe(
            model(true, List.of("only 1 distinct instance")), false, false, DECIMALS);
    assertTrue(text.contains("\nMissing values globally replaced with mean/mode\n"), text);
    assertTrue(text.contains("\nWarning: only 1 distinct instance\n"), text);
  }

  /** The rest of the first line of {@code text} that starts with {@code prefix}. */
  private static String line(String text, String prefix) {
    int start = text.indexOf("\n" + prefix);
    assertTrue(start >= 0, "no line starting '" + prefix + "' in\n" + text);
    start += 1 + prefix.length();
    return text.substring(start, text.indexOf('\n', start));
  }

  /** The whitespace-separated cells of the first line of {@code text} whose first cell is given. */
  private static List<String> cells(String text, String first) {
    for (String line : text.split("\n")) {
      List<String> cells = Arrays.asList(line.trim().split("\\s+"));
      if (cells.get(0).equals(first)) {
        return cells;
      }
    }
    throw new AssertionError("no line starting with '" + first + "' in\n" + text);
  }

  private static double number(String text) {
    return Double.parseDouble(text.trim());
  }

  /** {@code value} as the centroid table writes it. */
  private static String decimal(double value, int decimals) {
    return Utils.doubleToString(value, decimals);
  }
}
