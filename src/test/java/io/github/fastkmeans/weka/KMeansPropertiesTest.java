package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import weka.clusterers.FastKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WekaException;

/**
 * Properties of FastKMeans over random data sets (numeric and nominal attributes, missing values,
 * weights including zero, duplicate rows, sometimes a class) and random valid options (k 1-6, init
 * random, kmeans++ or farthest-first, every normalization, 1-3 restarts, empty clusters relocated
 * or kept, 1-4 threads, any seed).
 *
 * <p>Centroids are checked against weighted means computed here, independently, from the Instances
 * in original units (missing values replaced by the weighted mean of the present ones), not from
 * the encoder.
 */
class KMeansPropertiesTest {

  /** Relative tolerance of values computed along different paths or in different orders. */
  private static final double TOLERANCE = 1e-9;

  // ---- generators ----

  /** The shape of a data set: attribute counts, rows, and the scale of numeric values. */
  record Shape(int numerics, List<Integer> nominalSizes, boolean hasClass, int rows, double scale) {
    int width() {
      return numerics + nominalSizes.size() + (hasClass ? 1 : 0);
    }
  }

  /** Options of one fit. */
  record Options(
      int k, String init, String normalize, int restarts, String empty, int slots, int seed) {
    String text() {
      return String.format(
          Locale.ROOT,
          "-N %d -init %s -normalize %s -restarts %d -empty %s -num-slots %d -S %d",
          k,
          init,
          normalize,
          restarts,
          empty,
          slots,
          seed);
    }

    Options withSlots(int value) {
      return new Options(k, init, normalize, restarts, empty, value, seed);
    }

    Options withInit(String value) {
      return new Options(k, value, normalize, restarts, empty, slots, seed);
    }

    Options with(String normalizeValue, String emptyValue) {
      return new Options(k, init, normalizeValue, restarts, emptyValue, slots, seed);
    }
  }

  /** A data set (NaN for missing values) with weights, and options. */
  record Case(Shape shape, double[][] rows, double[] weights, Options options) {
    Instances data() {
      ArrayList<Attribute> attributes = new ArrayList<>();
      for (int a = 0; a < shape.numerics(); a++) {
        attributes.add(new Attribute("n" + a));
      }
      for (int a = 0; a < shape.nominalSizes().size(); a++) {
        attributes.add(new Attribute("c" + a, labels(shape.nominalSizes().get(a))));
      }
      if (shape.hasClass()) {
        attributes.add(new Attribute("class", labels(2)));
      }
      Instances data = new Instances("random", attributes, rows.length);
      for (int i = 0; i < rows.length; i++) {
        data.add(new DenseInstance(weights[i], rows[i].clone()));
      }
      if (shape.hasClass()) {
        data.setClassIndex(attributes.size() - 1);
      }
      return data;
    }

    double totalWeight() {
      return Arrays.stream(weights).sum();
    }

    @Override
    public String toString() {
      StringBuilder text =
          new StringBuilder(options.text()).append('\n').append(shape).append('\n');
      for (int i = 0; i < rows.length; i++) {
        text.append(Arrays.toString(rows[i])).append(" w=").append(weights[i]).append('\n');
      }
      return text.toString();
    }
  }

  private static List<String> labels(int count) {
    List<String> labels = new ArrayList<>();
    for (int v = 0; v < count; v++) {
      labels.add("v" + v);
    }
    return labels;
  }

  @Provide
  Arbitrary<Case> cases() {
    return shapes().flatMap(shape -> casesOf(shape, false));
  }

  /**
   * Cases whose sums are exact in floating point whatever their order: numeric attributes only (the
   * class may be nominal), small integer values, none missing, integer weights 0-3. Used with
   * -normalize none, where the coordinates are the values themselves.
   */
  @Provide
  Arbitrary<Case> casesWithExactSums() {
    return shapes()
        .map(s -> new Shape(s.numerics(), List.of(), s.hasClass(), s.rows(), 1))
        .flatMap(shape -> casesOf(shape, true));
  }

  private static Arbitrary<Shape> shapes() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 3),
            Arbitraries.integers().between(2, 4).list().ofMaxSize(2),
            Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(true)), Tuple.of(3, Arbitraries.just(false))),
            // Small data sets often, so that k > n comes up too.
            Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(1, 6)),
                Tuple.of(3, Arbitraries.integers().between(7, 40))),
            Arbitraries.of(1e-3, 1.0, 1e3))
        .as(Shape::new);
  }

  private static Arbitrary<Case> casesOf(Shape shape, boolean exactSums) {
    List<Arbitrary<Double>> cells = new ArrayList<>();
    for (int a = 0; a < shape.numerics(); a++) {
      Arbitrary<Double> value =
          exactSums
              ? Arbitraries.integers().between(-50, 50).map(v -> (double) v)
              : Arbitraries.doubles().between(-100, 100).ofScale(9).map(v -> v * shape.scale());
      // A missing value becomes the weighted mean, which is not exact: none where sums must be.
      cells.add(exactSums ? value : withMissing(value));
    }
    for (int size : shape.nominalSizes()) {
      cells.add(withMissing(Arbitraries.integers().between(0, size - 1).map(v -> (double) v)));
    }
    if (shape.hasClass()) {
      cells.add(withMissing(Arbitraries.integers().between(0, 1).map(v -> (double) v)));
    }
    Arbitrary<double[]> row =
        Combinators.combine(cells).as(values -> values.stream().mapToDouble(v -> v).toArray());
    int n = shape.rows();
    // Row i copies an earlier row c when the draw is some c < i: duplicates.
    Arbitrary<List<Integer>> copies =
        Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, n - 1)),
                Tuple.of(7, Arbitraries.just(-1)))
            .list()
            .ofSize(n);
    Arbitrary<Double> weight =
        exactSums
            ? Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(1.0)),
                Tuple.of(4, Arbitraries.integers().between(0, 3).map(w -> (double) w)))
            : Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(1.0)),
                Tuple.of(3, Arbitraries.doubles().between(0, 5).ofScale(3)),
                Tuple.of(1, Arbitraries.just(0.0)));
    Arbitrary<List<Double>> weights = weight.list().ofSize(n);
    Arbitrary<Options> options =
        Combinators.combine(
                Arbitraries.integers().between(1, 6),
                Arbitraries.of("random", "kmeans++", "farthest-first"),
                Arbitraries.of("range", "standardize", "none"),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of("relocate", "keep"),
                Arbitraries.integers().between(1, 4),
                Arbitraries.integers())
            .as(Options::new);
    return Combinators.combine(row.list().ofSize(n), copies, weights, options)
        .as(
            (rows, copy, w, o) -> {
              double[][] values = new double[n][];
              for (int i = 0; i < n; i++) {
                int source = copy.get(i);
                values[i] = source >= 0 && source < i ? values[source].clone() : rows.get(i);
              }
              return new Case(shape, values, w.stream().mapToDouble(v -> v).toArray(), o);
            });
  }

  private static Arbitrary<Double> withMissing(Arbitrary<Double> value) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(Utils.missingValue())), Tuple.of(9, value));
  }

  // ---- helpers ----

  /** Whether the fit must be refused: fewer instances than k, or no positive weight. */
  private static boolean mustFail(Case c) {
    return c.rows().length < c.options().k() || !(c.totalWeight() > 0);
  }

  /** The built model behind {@code kmeans} (its private field: the test does not parse text). */
  private static FittedModel model(FastKMeans kmeans) throws Exception {
    java.lang.reflect.Field field = FastKMeans.class.getDeclaredField("model");
    field.setAccessible(true);
    return (FittedModel) field.get(kmeans);
  }

  /** The squared errors measured by each counted assignment pass. */
  private static double[] history(FastKMeans kmeans) throws Exception {
    return model(kmeans).result().squaredErrorHistory();
  }

  private static boolean converged(FastKMeans kmeans) throws Exception {
    return model(kmeans).result().converged();
  }

  private static double[][] centroids(FastKMeans kmeans) throws WekaException {
    Instances centroids = kmeans.getClusterCentroids();
    double[][] values = new double[centroids.numInstances()][];
    for (int c = 0; c < values.length; c++) {
      values[c] = centroids.instance(c).toDoubleArray();
    }
    return values;
  }

  /** The largest magnitude of attribute {@code a}'s present values (1 when none). */
  private static double magnitude(Instances data, int a) {
    double largest = 0;
    for (Instance instance : data) {
      if (!instance.isMissing(a)) {
        largest = Math.max(largest, Math.abs(instance.value(a)));
      }
    }
    return largest > 0 ? largest : 1;
  }

  /**
   * How far rounding can move a squared error: about 1e-12 of the total weight times the squared
   * magnitude of the encoded coordinates (the spread of the instances around the centroids, plus
   * the raw values under -normalize none). Means of identical values are not always exactly that
   * value in floating point, so an error that is 0 in exact arithmetic can come out as, say, 1e-31.
   */
  private static double noise(FastKMeans kmeans, Instances data, Options options) throws Exception {
    double reach = 0;
    double weight = 0;
    for (Instance instance : data) {
      weight += instance.weight();
      for (double d : kmeans.distancesToCentroids(instance)) {
        reach = Math.max(reach, d);
      }
    }
    double offset = 1;
    if (options.normalize().equals("none")) {
      for (int a = 0; a < data.numAttributes(); a++) {
        if (a != data.classIndex() && data.attribute(a).isNumeric()) {
          offset = Math.max(offset, magnitude(data, a));
        }
      }
    }
    return 1e-12 * Math.max(weight, 1) * (reach + offset) * (reach + offset);
  }

  private static void assertClose(double expected, double actual, double unit, String what) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      assertEquals(Double.isNaN(expected), Double.isNaN(actual), what);
      return;
    }
    assertEquals(expected, actual, TOLERANCE * unit, what);
  }

  private static void assertSameBits(double[][] expected, double[][] actual) {
    assertEquals(expected.length, actual.length);
    for (int c = 0; c < expected.length; c++) {
      // Arrays.equals compares bits (NaN, the class, equals itself).
      assertTrue(
          Arrays.equals(expected[c], actual[c]),
          "centroid "
              + c
              + ": "
              + Arrays.toString(expected[c])
              + " vs "
              + Arrays.toString(actual[c]));
    }
  }

  // ---- properties ----

  /**
   * A fit succeeds exactly when it should; a refusal is a WekaException with a documented message;
   * either way the input is left exactly as it was.
   */
  @Property(tries = 100)
  void fitSucceedsOrIsRefusedAsDocumentedAndLeavesTheInputAlone(@ForAll("cases") Case c)
      throws Exception {
    Instances data = c.data();
    String before = data.toString();
    double[] weightsBefore = new double[data.numInstances()];
    for (int i = 0; i < weightsBefore.length; i++) {
      weightsBefore[i] = data.instance(i).weight();
    }
    int classBefore = data.classIndex();
    if (mustFail(c)) {
      WekaException e =
          assertThrows(WekaException.class, () -> TestData.built(data, c.options().text()));
      assertTrue(
          e.getMessage().startsWith("Cannot form ")
              || e.getMessage().startsWith("All instance weights are zero"),
          e.getMessage());
    } else {
      FastKMeans kmeans = TestData.built(data, c.options().text());
      assertEquals(c.options().k(), kmeans.numberOfClusters());
      assertEquals(data.numInstances(), kmeans.getAssignments().length);
      assertEquals(
          c.totalWeight(), Arrays.stream(kmeans.getClusterSizes()).sum(), 1e-9 * c.totalWeight());
      assertTrue(Double.isFinite(kmeans.getSquaredError()) && kmeans.getSquaredError() >= 0);
    }
    assertEquals(before, data.toString());
    for (int i = 0; i < weightsBefore.length; i++) {
      assertEquals(weightsBefore[i], data.instance(i).weight(), 0, "weight of instance " + i);
    }
    assertEquals(classBefore, data.classIndex());
  }

  /** The within-cluster squared error never rises from one iteration to the next. */
  @Property(tries = 100)
  void squaredErrorNeverRises(@ForAll("cases") Case c) throws Exception {
    if (mustFail(c)) {
      return;
    }
    Instances data = c.data();
    // The per-iteration error is measured only for the debug output.
    FastKMeans kmeans = TestData.built(data, c.options().text() + " -output-debug-info");
    double[] history = history(kmeans);
    assertTrue(
        history.length >= 1 && history.length == kmeans.getNumIterations(), kmeans.toString());
    double noise = noise(kmeans, data, c.options());
    for (int i = 1; i < history.length; i++) {
      assertTrue(
          history[i] <= history[i - 1] + noise,
          "iteration " + (i + 1) + " (noise " + noise + "): " + Arrays.toString(history));
    }
    assertTrue(kmeans.getSquaredError() <= history[history.length - 1] + noise);
  }

  /**
   * Every training instance is assigned to its nearest centroid: the assignment is what
   * clusterInstance answers, and no centroid is nearer by distancesToCentroids (ties allowed).
   */
  @Property(tries = 100)
  void everyInstanceIsAssignedToItsNearestCentroid(@ForAll("cases") Case c) throws Exception {
    if (mustFail(c)) {
      return;
    }
    Instances data = c.data();
    FastKMeans kmeans = TestData.built(data, c.options().text());
    int[] assignments = kmeans.getAssignments();
    for (int i = 0; i < data.numInstances(); i++) {
      Instance instance = data.instance(i);
      double[] distances = kmeans.distancesToCentroids(instance);
      double nearest = Arrays.stream(distances).min().getAsDouble();
      assertTrue(
          distances[assignments[i]] <= nearest * (1 + 1e-12),
          "instance " + i + " in cluster " + assignments[i] + ": " + Arrays.toString(distances));
      assertEquals(assignments[i], kmeans.clusterInstance(instance), "instance " + i);
      double[] distribution = kmeans.distributionForInstance(instance);
      assertEquals(1, distribution[assignments[i]], 0);
    }
  }

  /**
   * Each numeric centroid value is the weighted mean of its members' values in original units, and
   * each nominal one is a value of the largest weight among the members, with missing values
   * replaced by the weighted mean (mode) of the present ones; computed here from the Instances. An
   * attribute with no value at all has missing centroid values. Clusters of no weight (kept empty)
   * are skipped; so are fits stopped before convergence (none at 500 iterations on data this small,
   * in practice).
   */
  @Property(tries = 100)
  void centroidsAreWeightedMeansOfTheirMembers(@ForAll("cases") Case c) throws Exception {
    if (mustFail(c)) {
      return;
    }
    Instances data = c.data();
    FastKMeans kmeans = TestData.built(data, c.options().text());
    if (!converged(kmeans)) {
      return;
    }
    int[] assignments = kmeans.getAssignments();
    double[][] centroids = centroids(kmeans);
    int k = centroids.length;
    for (int a = 0; a < data.numAttributes(); a++) {
      if (a == data.classIndex()) {
        continue;
      }
      Attribute attribute = data.attribute(a);
      if (attribute.isNumeric()) {
        double replacement = weightedMeanOfPresent(data, a);
        double[] sums = new double[k];
        double[] weights = new double[k];
        for (int i = 0; i < data.numInstances(); i++) {
          Instance instance = data.instance(i);
          double value = instance.isMissing(a) ? replacement : instance.value(a);
          sums[assignments[i]] += instance.weight() * value;
          weights[assignments[i]] += instance.weight();
        }
        for (int cluster = 0; cluster < k; cluster++) {
          if (weights[cluster] > 0) {
            double expected =
                Double.isNaN(replacement) ? Double.NaN : sums[cluster] / weights[cluster];
            assertClose(
                expected,
                centroids[cluster][a],
                magnitude(data, a),
                "cluster " + cluster + " attribute " + attribute.name());
          }
        }
      } else if (data.attributeStats(a).missingCount == data.numInstances()) {
        // No value at all: the attribute takes no part and its centroid values are missing.
        for (int cluster = 0; cluster < k; cluster++) {
          assertTrue(Double.isNaN(centroids[cluster][a]), "attribute " + attribute.name());
        }
      } else {
        int mode = weightedMode(data, a);
        double[][] counts = new double[k][attribute.numValues()];
        for (int i = 0; i < data.numInstances(); i++) {
          Instance instance = data.instance(i);
          int value = instance.isMissing(a) ? mode : (int) instance.value(a);
          counts[assignments[i]][value] += instance.weight();
        }
        for (int cluster = 0; cluster < k; cluster++) {
          double most = Arrays.stream(counts[cluster]).max().getAsDouble();
          if (most > 0) {
            double shown = counts[cluster][(int) centroids[cluster][a]];
            assertTrue(
                shown >= most * (1 - TOLERANCE),
                "cluster "
                    + cluster
                    + " attribute "
                    + attribute.name()
                    + ": "
                    + Arrays.toString(counts[cluster])
                    + " shows "
                    + centroids[cluster][a]);
          }
        }
      }
    }
  }

  /** The weighted mean of the present values (plain mean if they weigh nothing; NaN if none). */
  private static double weightedMeanOfPresent(Instances data, int a) {
    double sum = 0;
    double weight = 0;
    double plain = 0;
    int present = 0;
    for (Instance instance : data) {
      if (!instance.isMissing(a)) {
        sum += instance.weight() * instance.value(a);
        weight += instance.weight();
        plain += instance.value(a);
        present++;
      }
    }
    if (present == 0) {
      return Double.NaN;
    }
    return weight > 0 ? sum / weight : plain / present;
  }

  private static int weightedMode(Instances data, int a) {
    double[] counts = new double[data.attribute(a).numValues()];
    for (Instance instance : data) {
      if (!instance.isMissing(a)) {
        counts[(int) instance.value(a)] += instance.weight();
      }
    }
    return Utils.maxIndex(counts);
  }

  /**
   * From given starting centres, the order of the rows changes not a bit: each instance keeps its
   * cluster, and the centroids, sizes and iterations are identical (the squared error up to the
   * order of its sum).
   *
   * <p>Checked where every sum is exact in floating point (integer values and weights, -normalize
   * none, no nominal attribute, no missing value: its replacement, a mean, is not exact) and with
   * -empty keep. Elsewhere sums taken in another order differ in their last bits, and an instance
   * that is equally far from two centres up to rounding can then change sides and lead the fit
   * elsewhere (jqwik found such cases: a numeric attribute swamped by nominal ones, identical
   * rows); and relocating an empty cluster breaks ties between equally far rows by row order, by
   * design.
   */
  @Property(tries = 100)
  void rowOrderChangesNoBitFromGivenCentres(
      @ForAll("casesWithExactSums") Case c, @ForAll long shuffleSeed) throws Exception {
    if (mustFail(c)) {
      return;
    }
    Instances data = c.data();
    int n = data.numInstances();
    int k = c.options().k();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(shuffleSeed));
    // Centres: k instances picked by the shuffle, in original units.
    Instances start = new Instances(data, k);
    for (int i = 0; i < k; i++) {
      start.add((Instance) data.instance(order.get(i)).copy());
    }
    Collections.shuffle(order, new Random(~shuffleSeed));
    Instances permuted = new Instances(data, n);
    for (int i : order) {
      permuted.add((Instance) data.instance(i).copy());
    }
    Path file = Files.createTempFile("fastkmeans-start", ".arff");
    try {
      Files.write(file, start.toString().getBytes(StandardCharsets.UTF_8));
      // Without refinement: its D² draws, like k-means++'s, go by row position.
      String options =
          c.options().with("none", "keep").withInit("given").text()
              + " -refine none -init-file "
              + file;
      FastKMeans original = TestData.built(data, options);
      FastKMeans shuffled = TestData.built(permuted, options);
      int[] a = original.getAssignments();
      int[] b = shuffled.getAssignments();
      for (int j = 0; j < n; j++) {
        assertEquals(a[order.get(j)], b[j], "instance " + order.get(j));
      }
      assertSameBits(centroids(original), centroids(shuffled));
      assertArrayEquals(original.getClusterSizes(), shuffled.getClusterSizes(), 0);
      // Centres such as 1/3 make each squared distance inexact: their sum depends on the order.
      assertEquals(
          original.getSquaredError(),
          shuffled.getSquaredError(),
          1e-12 * original.getSquaredError());
      assertEquals(original.getNumIterations(), shuffled.getNumIterations());
    } finally {
      Files.delete(file);
    }
  }

  /**
   * Multiplying every weight by the same power of two changes not a bit: the same clusters and
   * centroids, with sizes and squared error multiplied by it exactly, for every initializer
   * (k-means++ samples by weight). A power of two scales every product and sum exactly; another
   * constant changes last bits, and then ties can go either way as with row order.
   *
   * <p>Under range and none only: standardize divides by Weka's weighted sample deviation, whose
   * denominator (total weight - 1) treats weights as counts, so it depends on their scale by
   * design.
   */
  @Property(tries = 100)
  void scalingAllWeightsByAPowerOfTwoChangesNoBit(
      @ForAll("cases") Case c, @ForAll("weightFactors") double factor) throws Exception {
    if (mustFail(c) || c.options().normalize().equals("standardize")) {
      return;
    }
    Instances data = c.data();
    Instances scaled = new Instances(data);
    for (Instance instance : scaled) {
      instance.setWeight(instance.weight() * factor);
    }
    FastKMeans original = TestData.built(data, c.options().text());
    FastKMeans heavier = TestData.built(scaled, c.options().text());
    assertArrayEquals(original.getAssignments(), heavier.getAssignments());
    assertSameBits(centroids(original), centroids(heavier));
    double[] sizes = original.getClusterSizes();
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] *= factor;
    }
    assertArrayEquals(sizes, heavier.getClusterSizes(), 0);
    assertEquals(original.getSquaredError() * factor, heavier.getSquaredError(), 0);
    assertEquals(original.getNumIterations(), heavier.getNumIterations());
  }

  @Provide
  Arbitrary<Double> weightFactors() {
    return Arbitraries.of(0.125, 0.5, 2.0, 4.0, 1024.0);
  }

  /**
   * The number of threads changes not a bit. The rows are repeated (with small shifts) to more than
   * two chunks of 512, so that several threads really share the work.
   */
  @Property(tries = 50)
  void threadCountChangesNoBit(@ForAll("cases") Case c, @ForAll("slotPairs") List<Integer> slots)
      throws Exception {
    if (mustFail(c)) {
      return;
    }
    Instances data = c.data();
    Instances large = new Instances(data, 1100);
    Random shifts = new Random(c.options().seed());
    while (large.numInstances() < 1100) {
      for (Instance instance : data) {
        Instance copy = (Instance) instance.copy();
        for (int a = 0; a < data.numAttributes(); a++) {
          if (data.attribute(a).isNumeric() && !copy.isMissing(a)) {
            copy.setValue(a, copy.value(a) * (1 + 1e-3 * shifts.nextGaussian()));
          }
        }
        large.add(copy);
      }
    }
    FastKMeans first = TestData.built(large, c.options().withSlots(slots.get(0)).text());
    FastKMeans second = TestData.built(large, c.options().withSlots(slots.get(1)).text());
    assertArrayEquals(first.getAssignments(), second.getAssignments());
    assertSameBits(centroids(first), centroids(second));
    assertEquals(first.getSquaredError(), second.getSquaredError(), 0);
    assertEquals(first.getNumIterations(), second.getNumIterations());
    assertArrayEquals(first.getClusterSizes(), second.getClusterSizes(), 0);
  }

  @Provide
  Arbitrary<List<Integer>> slotPairs() {
    return Arbitraries.integers()
        .between(1, 4)
        .list()
        .ofSize(2)
        .filter(p -> !p.get(0).equals(p.get(1)));
  }

  /**
   * The generators make every kind of case the properties are meant to cover, often enough. The
   * coverage checks fail the property; the table of percentages is not printed on success.
   */
  @Property(tries = 200)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void generatorsCoverTheIntendedCases(@ForAll("cases") Case c) {
    Instances data = c.data();
    boolean missing = false;
    boolean duplicates = false;
    java.util.Set<String> rows = new java.util.HashSet<>();
    for (Instance instance : data) {
      missing |= instance.hasMissingValue();
      duplicates |= !rows.add(Arrays.toString(instance.toDoubleArray()));
    }
    boolean zeroWeight = Arrays.stream(c.weights()).anyMatch(w -> w == 0);
    boolean fractionalWeight = Arrays.stream(c.weights()).anyMatch(w -> w != Math.rint(w));
    boolean nominal = !c.shape().nominalSizes().isEmpty();
    Statistics.label("missing values").collect(missing);
    Statistics.label("duplicate rows").collect(duplicates);
    Statistics.label("a zero weight").collect(zeroWeight);
    Statistics.label("a fractional weight").collect(fractionalWeight);
    Statistics.label("nominal attributes").collect(nominal);
    Statistics.label("a class").collect(c.shape().hasClass());
    Statistics.label("must be refused").collect(mustFail(c));
    for (String label :
        List.of(
            "missing values",
            "duplicate rows",
            "a zero weight",
            "a fractional weight",
            "nominal attributes",
            "a class",
            "must be refused")) {
      Statistics.label(label)
          .coverage(
              coverage -> {
                // Refusals (k > n, no positive weight) are rarer by design: most tries should fit.
                double least = label.equals("must be refused") ? 2 : 5;
                coverage.check(true).percentage(p -> p >= least);
                coverage.check(false).percentage(p -> p >= least);
              });
    }
  }
}
