package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
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
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The table of hostile inputs (README, Reliability): each is either refused with a {@link
 * WekaException} (Weka's capability and option exceptions are WekaExceptions too) whose message
 * names the problem, or accepted with a model whose answers are checked here. No other exception
 * type may escape: assertThrows fails on a NullPointerException, an ArrayIndexOutOfBoundsException
 * or an engine's IllegalArgumentException.
 */
class HostileInputTest {

  @TempDir static Path temp;

  /** Something done with FastKMeans, given a scratch folder. */
  @FunctionalInterface
  interface Scenario {
    void run(Path dir) throws Exception;
  }

  // ---- data ----

  /** Numeric attributes x0, x1, ... holding {@code rows}, unit weights. */
  static Instances numeric(double[]... rows) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int a = 0; a < rows[0].length; a++) {
      attributes.add(new Attribute("x" + a));
    }
    Instances data = new Instances("points", attributes, rows.length);
    for (double[] row : rows) {
      data.add(new DenseInstance(1, row.clone()));
    }
    return data;
  }

  /** One numeric attribute x0 holding {@code values}. */
  static Instances column(double... values) {
    double[][] rows = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      rows[i] = new double[] {values[i]};
    }
    return numeric(rows);
  }

  static Instances withWeights(Instances data, double... weights) {
    for (int i = 0; i < weights.length; i++) {
      data.instance(i).setWeight(weights[i]);
    }
    return data;
  }

  static Instances empty() {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("x0"));
    return new Instances("empty", attributes, 0);
  }

  /** Six points in two well-separated groups on x0 and x1. */
  static Instances twoGroups() {
    return numeric(
        new double[] {0, 0},
        new double[] {0, 1},
        new double[] {1, 0},
        new double[] {10, 10},
        new double[] {10, 11},
        new double[] {11, 10});
  }

  static Instances withString() {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("x0"));
    attributes.add(new Attribute("name", (List<String>) null));
    Instances data = new Instances("strings", attributes, 3);
    for (int i = 0; i < 3; i++) {
      double name = data.attribute(1).addStringValue("n" + i);
      data.add(new DenseInstance(1, new double[] {i, name}));
    }
    return data;
  }

  static Instances withRelational() {
    ArrayList<Attribute> inner = new ArrayList<>();
    inner.add(new Attribute("v"));
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("x0"));
    attributes.add(new Attribute("bag", new Instances("bag", inner, 0)));
    Instances data = new Instances("relational", attributes, 3);
    for (int i = 0; i < 3; i++) {
      Instances bag = new Instances(data.attribute(1).relation(), 1);
      bag.add(new DenseInstance(1, new double[] {i}));
      double index = data.attribute(1).addRelation(bag);
      data.add(new DenseInstance(1, new double[] {i, index}));
    }
    return data;
  }

  static Instances onlyClass() {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("class", Arrays.asList("a", "b")));
    Instances data = new Instances("class only", attributes, 4);
    for (double v : new double[] {0, 1, 0, 1}) {
      data.add(new DenseInstance(1, new double[] {v}));
    }
    data.setClassIndex(0);
    return data;
  }

  static Instances colours(double... values) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("colour", Arrays.asList("red", "green", "blue")));
    Instances data = new Instances("colours", attributes, values.length);
    for (double v : values) {
      data.add(new DenseInstance(1, new double[] {v}));
    }
    return data;
  }

  static FastKMeans kmeans(String options) throws Exception {
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions(options));
    return kmeans;
  }

  static Path write(Path file, String text) throws Exception {
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  static Path centres(Path file, Instances header, double[]... rows) throws Exception {
    Instances out = new Instances(header, rows.length);
    for (double[] row : rows) {
      out.add(new DenseInstance(1, row.clone()));
    }
    return write(file, out.toString());
  }

  static Scenario build(Instances data, String options) {
    return dir -> TestData.built(data, options);
  }

  /** A single instance of {@code attributes} holding {@code values}, attached to a data set. */
  static Instance foreign(List<Attribute> attributes, double... values) {
    Instances header = new Instances("foreign", new ArrayList<>(attributes), 1);
    header.add(new DenseInstance(1, values));
    return header.instance(0);
  }

  // ---- refused inputs ----

  static Arguments refused(String input, String messagePart, Scenario scenario) {
    return Arguments.of(Named.of(input, scenario), messagePart);
  }

  static Stream<Arguments> refusedInputs() {
    return Stream.of(
        refused(
            "empty data set: a stream without rows, asked for clusters",
            "FastKMeans was built on training data without instances, and none was added since",
            dir -> TestData.built(empty(), "").numberOfClusters()),
        refused(
            "empty data set: a stream finished without rows",
            "The training data hold no instances: there is nothing to cluster.",
            dir -> {
              FastKMeans kmeans = TestData.built(empty(), "-do-not-check-capabilities");
              kmeans.updateFinished();
              kmeans.numberOfClusters();
            }),
        refused("null data", "No data were given", dir -> new FastKMeans().buildClusterer(null)),
        refused(
            "k larger than the number of instances",
            "Cannot form 5 clusters from 3 instances",
            build(column(1, 2, 3), "-N 5")),
        refused("string attribute", "Cannot handle string attributes", build(withString(), "")),
        refused(
            "relational attribute",
            "Cannot handle relational attributes",
            build(withRelational(), "")),
        refused(
            "only the class attribute",
            "needs at least one numeric, date or nominal attribute besides the class",
            build(onlyClass(), "")),
        refused(
            "only the class attribute, a header alone (a stream's start)",
            "needs at least one numeric, date or nominal attribute besides the class",
            build(new Instances(onlyClass(), 0), "")),
        refused(
            "no attribute at all (what Weka's command line streams from a file whose only"
                + " attribute is the class)",
            "needs at least one numeric, date or nominal attribute besides the class",
            build(new Instances("nothing", new ArrayList<>(), 0), "")),
        refused(
            "only nominal attributes declared without values, and the class",
            "needs at least one numeric, date or nominal attribute besides the class; nominal"
                + " attributes 'none', 'nothing' declare no values, and take no part.",
            dir -> {
              ArrayList<Attribute> attributes = new ArrayList<>();
              attributes.add(new Attribute("none", new ArrayList<String>()));
              attributes.add(new Attribute("nothing", new ArrayList<String>()));
              attributes.add(new Attribute("class", Arrays.asList("a", "b")));
              Instances data = new Instances("empty nominals", attributes, 1);
              data.setClassIndex(2);
              data.add(new DenseInstance(1, new double[] {Double.NaN, Double.NaN, 0}));
              TestData.built(data, "");
            }),
        refused(
            "only a string attribute, capabilities not checked",
            "needs at least one numeric, date or nominal attribute",
            dir -> {
              Instances data = withString();
              data.deleteAttributeAt(0);
              TestData.built(data, "-do-not-check-capabilities");
            }),
        refused(
            "all weights zero",
            "All instance weights are zero",
            build(withWeights(column(1, 2, 3), 0, 0, 0), "")),
        refused(
            "negative weight",
            "Instance 2 has weight -1.0",
            build(withWeights(column(1, 2, 3), 1, -1, 1), "")),
        refused(
            "subnormal weight, whose sums lose precision",
            "Instance 2 has weight 1.0E-320; FastKMeans needs weights that are 0 or finite and at"
                + " least 2.2250738585072014E-308",
            build(withWeights(column(1, 2, 3), 1, 1e-320, 1), "")),
        refused(
            "NaN weight",
            "Instance 3 has weight NaN",
            build(withWeights(column(1, 2, 3), 1, 1, Double.NaN), "")),
        refused(
            "infinite weight",
            "Instance 1 has weight Infinity",
            build(withWeights(column(1, 2, 3), Double.POSITIVE_INFINITY, 1, 1), "")),
        refused(
            "weights whose sum overflows",
            "weights add up to more than the largest double",
            build(withWeights(column(1, 2, 3), 1e308, 1e308, 1e308), "")),
        refused(
            "weights so large that weighted sums overflow",
            "too large for double precision",
            build(withWeights(column(1, 2, 3), 1e307, 1e307, 1e307), "")),
        refused(
            "+Infinity value",
            "Attribute 'x1' of instance 2 holds Infinity",
            build(
                numeric(
                    new double[] {0, 0},
                    new double[] {1, Double.POSITIVE_INFINITY},
                    new double[] {2, 2}),
                "")),
        refused(
            "-Infinity value",
            "Attribute 'x0' of instance 3 holds -Infinity",
            build(column(1, 2, Double.NEGATIVE_INFINITY), "")),
        refused(
            "Infinity read from an ARFF file",
            "Attribute 'x' of instance 2 holds Infinity",
            dir -> {
              Path arff =
                  write(
                      dir.resolve("infinite.arff"),
                      "@relation r\n@attribute x numeric\n@data\n1\nInfinity\n3\n");
              TestData.built(DataSource.read(arff.toString()), "");
            }),
        refused(
            "1e309 read from an ARFF file (overflows to Infinity)",
            "Attribute 'x' of instance 1 holds Infinity",
            dir -> {
              Path arff =
                  write(
                      dir.resolve("overflow.arff"),
                      "@relation r\n@attribute x numeric\n@data\n1e309\n2\n3\n");
              TestData.built(DataSource.read(arff.toString()), "");
            }),
        refused(
            "magnitudes near 1e300, -normalize none",
            "too large for double precision: attribute 'x0' spans 2.0E300 after -normalize none",
            build(column(1e300, -1e300, 5e299, 0), "-normalize none")),
        refused(
            "magnitudes near 1e-300, -normalize none",
            "too small for double precision: the widest attribute, 'x0', spans only 2.0E-300",
            build(column(1e-300, -1e-300, 5e-301, 0), "-normalize none")),
        refused(
            "span beyond the largest double",
            "a span larger than the largest double",
            build(column(1.7e308, -1.7e308, 0), "-normalize range")),
        refused(
            "nominal value that is no value of the attribute",
            "Attribute 'colour' of instance 2 holds 7.0, which is not the index of one of its 3 values",
            build(colours(0, 7, 1), "")),
        refused(
            "fewer distinct instances than k, -empty fail",
            "has no instances",
            build(column(1, 1, 1, 2), "-N 3 -init random -empty fail")),
        refused(
            "-init given without -init-file",
            "needs an ARFF file of centres (-init-file)",
            build(twoGroups(), "-init given")),
        refused(
            "-init given, missing file",
            "does not exist",
            dir ->
                TestData.built(
                    twoGroups(), "-init given -init-file " + dir.resolve("no-such.arff"))),
        refused(
            "-init given, a directory",
            "is a directory, not an ARFF file",
            dir -> TestData.built(twoGroups(), "-init given -init-file " + dir)),
        refused(
            "-init given, a text file that is not ARFF",
            "could not be read as ARFF: Unable to determine structure as arff (Reason: keyword"
                + " @relation expected, read Token[these], line 1)",
            dir ->
                TestData.built(
                    twoGroups(),
                    "-init given -init-file "
                        + write(dir.resolve("garbage.arff"), "these are not centres\n"))),
        refused(
            "-init given, centres without an ARFF header",
            "could not be read as ARFF: Unable to determine structure as arff (Reason: keyword"
                + " @relation expected, read Token[0], line 1)",
            dir ->
                TestData.built(
                    twoGroups(),
                    "-init given -init-file "
                        + write(dir.resolve("headless.arff"), "0,0\n10,10\n"))),
        refused(
            "-init given, an empty file",
            "could not be read as ARFF: Unable to determine structure as arff (Reason: premature"
                + " end of file",
            dir ->
                TestData.built(
                    twoGroups(), "-init given -init-file " + write(dir.resolve("empty.arff"), ""))),
        refused(
            "-init given, a binary file",
            "could not be read as ARFF: Weka has no reader for files named like it",
            dir -> {
              Path binary = dir.resolve("centres.bin");
              Files.write(binary, new byte[] {0, 1, 2, (byte) 0xff, 10});
              TestData.built(twoGroups(), "-init given -init-file " + binary);
            }),
        refused(
            "-init given, file without instances",
            "holds no instances",
            dir ->
                TestData.built(
                    twoGroups(),
                    "-init given -init-file " + centres(dir.resolve("none.arff"), twoGroups()))),
        refused(
            "-init given, other attributes",
            "do not have the training attributes",
            dir ->
                TestData.built(
                    twoGroups(),
                    "-init given -init-file "
                        + centres(
                            dir.resolve("other.arff"),
                            column(0),
                            new double[] {0},
                            new double[] {9}))),
        refused(
            "-init given, same count of attributes but other types",
            "do not have the training attributes",
            dir -> {
              ArrayList<Attribute> attributes = new ArrayList<>();
              attributes.add(new Attribute("x0"));
              attributes.add(new Attribute("x1", Arrays.asList("a", "b")));
              Instances other = new Instances("other", attributes, 0);
              TestData.built(
                  twoGroups(),
                  "-init given -init-file "
                      + centres(
                          dir.resolve("types.arff"),
                          other,
                          new double[] {0, 0},
                          new double[] {9, 1}));
            }),
        refused(
            "-init given, number of centres other than k",
            "holds 2 centres but 3 clusters",
            dir ->
                TestData.built(
                    twoGroups(),
                    "-N 3 -init given -init-file "
                        + centres(
                            dir.resolve("two.arff"),
                            twoGroups(),
                            new double[] {0, 0},
                            new double[] {10, 10}))),
        refused(
            "-init given, a centre holding Infinity",
            "cannot be used: Attribute 'x1' holds Infinity",
            dir ->
                TestData.built(
                    twoGroups(),
                    "-init given -init-file "
                        + write(
                            dir.resolve("inf.arff"),
                            "@relation c\n@attribute x0 numeric\n"
                                + "@attribute x1 numeric\n@data\n0,0\n10,Infinity\n"))),
        refused(
            "-init given, centres far outside the data, -normalize none",
            "The initial centres lie too far from the training data for double precision: centre 2"
                + " in the file, attribute 'x0', lies 1.0E300 outside the data's range",
            dir ->
                TestData.built(
                    twoGroups(),
                    "-normalize none -init given -init-file "
                        + centres(
                            dir.resolve("far.arff"),
                            twoGroups(),
                            new double[] {0, 0},
                            new double[] {1e300, 10}))),
        refused("-init foo", "Option -init does not accept 'foo'", dir -> kmeans("-init foo")),
        refused("-init without a value", "-init", dir -> kmeans("-init")),
        refused("-N x", "Option -N needs an integer, got 'x'", dir -> kmeans("-N x")),
        refused("-N 0", "Option -N must be at least 1, got 0", dir -> kmeans("-N 0")),
        refused("-N -4", "Option -N must be at least 1, got -4", dir -> kmeans("-N -4")),
        refused("-N 2.5", "Option -N needs an integer, got '2.5'", dir -> kmeans("-N 2.5")),
        refused(
            "-init-file -N 3: the next option taken for the file",
            "Option -init-file needs a value, but -N follows it.",
            dir -> kmeans("-init-file -N 3")),
        refused(
            "-N -S 5: the seed taken for the number of clusters",
            "Option -N needs a value, but -S follows it.",
            dir -> kmeans("-N -S 5")),
        refused(
            "-init-file -output-debug-info: Weka's own flag taken for the file",
            "Option -init-file needs a value, but -output-debug-info follows it.",
            dir -> kmeans("-init-file -output-debug-info")),
        refused(
            "-algorithm -init kmeans++",
            "Option -algorithm needs a value, but -init follows it.",
            dir -> kmeans("-algorithm -init kmeans++")),
        refused(
            "-N 99999999999",
            "Option -N got 99999999999, above the largest integer (2147483647).",
            dir -> kmeans("-N 99999999999")),
        refused(
            "-S -99999999999",
            "Option -S got -99999999999, below the smallest integer (-2147483648).",
            dir -> kmeans("-S -99999999999")),
        refused("-I -3", "Option -I must be at least 1, got -3", dir -> kmeans("-I -3")),
        refused(
            "-num-slots 0",
            "Option -num-slots must be at least 1, got 0",
            dir -> kmeans("-num-slots 0")),
        refused("-restarts 0", "Option -restarts must be at least 1", dir -> kmeans("-restarts 0")),
        refused(
            "-tolerance NaN",
            "Option -tolerance needs a finite number >= 0",
            dir -> kmeans("-tolerance NaN")),
        refused(
            "-tolerance Infinity",
            "Option -tolerance needs a finite number >= 0",
            dir -> kmeans("-tolerance Infinity")),
        refused(
            "-tolerance -1",
            "Option -tolerance needs a finite number >= 0",
            dir -> kmeans("-tolerance -1")),
        refused(
            "-normalize sideways",
            "Option -normalize does not accept 'sideways'",
            dir -> kmeans("-normalize sideways")),
        refused(
            "-empty never", "Option -empty does not accept 'never'", dir -> kmeans("-empty never")),
        refused("-S abc", "Option -S needs an integer, got 'abc'", dir -> kmeans("-S abc")),
        refused("unknown option -Q", "-Q", dir -> kmeans("-Q")),
        refused(
            "clusterInstance before buildClusterer",
            "has not been built yet",
            dir -> new FastKMeans().clusterInstance(twoGroups().instance(0))),
        refused(
            "distributionForInstance before buildClusterer",
            "has not been built yet",
            dir -> new FastKMeans().distributionForInstance(twoGroups().instance(0))),
        refused(
            "distancesToCentroids before buildClusterer",
            "has not been built yet",
            dir -> new FastKMeans().distancesToCentroids(twoGroups().instance(0))),
        refused(
            "numberOfClusters before buildClusterer",
            "has not been built yet",
            dir -> new FastKMeans().numberOfClusters()),
        refused(
            "getClusterCentroids before buildClusterer",
            "has not been built yet",
            dir -> new FastKMeans().getClusterCentroids()),
        refused(
            "clusterInstance after a failed rebuild",
            "has not been built yet",
            dir -> {
              FastKMeans kmeans = TestData.built(twoGroups(), "");
              assertThrows(
                  WekaException.class,
                  () -> kmeans.buildClusterer(new Instances(twoGroups(), 0, 1)));
              kmeans.clusterInstance(twoGroups().instance(0));
            }),
        refused(
            "clusterInstance(null)",
            "No instance was given",
            dir -> TestData.built(twoGroups(), "").clusterInstance(null)),
        refused(
            "instance with another number of attributes",
            "The instance has 3 attributes but the model was trained on 2",
            dir ->
                TestData.built(twoGroups(), "")
                    .clusterInstance(numeric(new double[] {0, 0, 0}).instance(0))),
        refused(
            "instance with a nominal attribute where the model has a numeric one",
            "Attribute 2 of the instance ('x1') is nominal but the model was trained on a numeric"
                + " attribute 'x1'",
            dir ->
                TestData.built(twoGroups(), "")
                    .clusterInstance(
                        foreign(
                            List.of(
                                new Attribute("x0"), new Attribute("x1", Arrays.asList("a", "b"))),
                            0,
                            1))),
        refused(
            "distancesToCentroids on a nominal attribute where the model has a numeric one",
            "is nominal but the model was trained on a numeric",
            dir ->
                TestData.built(twoGroups(), "")
                    .distancesToCentroids(
                        foreign(
                            List.of(
                                new Attribute("x0"), new Attribute("x1", Arrays.asList("a", "b"))),
                            0,
                            1))),
        refused(
            "instance with a numeric attribute where the model has a nominal one",
            "is numeric but the model was trained on a nominal attribute 'colour'",
            dir ->
                TestData.built(colours(0, 1, 2), "")
                    .clusterInstance(foreign(List.of(new Attribute("colour")), 1))),
        refused(
            "instance with a string attribute where the model has a numeric one",
            "is string but the model was trained on a numeric",
            dir -> {
              Attribute name = new Attribute("x1", (List<String>) null);
              name.addStringValue("s");
              TestData.built(twoGroups(), "")
                  .clusterInstance(foreign(List.of(new Attribute("x0"), name), 0, 0));
            }),
        refused(
            "instance whose nominal attribute has other values",
            "has the values {blue,green,red} but the model was trained on {red,green,blue}",
            dir ->
                TestData.built(colours(0, 1, 2), "")
                    .clusterInstance(
                        foreign(
                            List.of(new Attribute("colour", Arrays.asList("blue", "green", "red"))),
                            0))),
        refused(
            "instance without a data set holding an invalid nominal index",
            "holds 5.0, which is not the index of one of its 3 values",
            dir ->
                TestData.built(colours(0, 1, 2), "")
                    .clusterInstance(new DenseInstance(1, new double[] {5}))),
        refused(
            "instance holding Infinity",
            "Attribute 'x0' holds Infinity",
            dir -> {
              Instances data = twoGroups();
              Instance instance = new DenseInstance(1, new double[] {Double.POSITIVE_INFINITY, 0});
              instance.setDataset(data);
              TestData.built(data, "").clusterInstance(instance);
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedInputs")
  void refusedWithAMessageNamingTheProblem(Scenario scenario, String messagePart) throws Throwable {
    ConsoleCapture console = new ConsoleCapture();
    WekaException e =
        console.during(() -> assertThrows(WekaException.class, () -> scenario.run(temp)));
    assertNotNull(e.getMessage());
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    // The message is the whole report: nothing (such as a loader's stack trace) reaches the
    // console.
    assertEquals("", console.err(), "printed to standard error");
    assertEquals("", console.out(), "printed to standard output");
  }

  /**
   * Under root, chmod 000 does not stop reading, so this runs (and is meaningful) only for other
   * users; the directory and non-ARFF cases above cover unreadable input for everyone.
   */
  @Test
  void unreadableCentresFileIsRefusedWhenPermissionsApply() throws Exception {
    Path file =
        centres(
            temp.resolve("locked.arff"), twoGroups(), new double[] {0, 0}, new double[] {10, 10});
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(file), "running as root: file permissions do not apply");
      WekaException e =
          assertThrows(
              WekaException.class,
              () -> TestData.built(twoGroups(), "-init given -init-file " + file));
      assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
    } finally {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /**
   * The mean of ten copies of 0.1 is 0.09999999999999999, so those rows sit a rounding error away
   * from their centre. Relocating an empty cluster onto one of them would let the next pass move
   * all ten onto that exact copy and empty the other cluster, and so on until -I; relocation
   * therefore passes over rows that sit on their centre up to rounding, and the fit converges at
   * once.
   */
  @Test
  void fewerDistinctInstancesThanKConvergeUnderRelocate() throws Exception {
    double[] values = new double[11];
    Arrays.fill(values, 0.1);
    values[10] = 7;
    FastKMeans kmeans = TestData.built(column(values), "-N 3 -normalize none -empty relocate");
    assertTrue(kmeans.toString().contains("(converged)"), kmeans.toString());
    assertTrue(kmeans.getNumIterations() < 10, kmeans.toString());
  }

  // ---- accepted inputs ----

  static Arguments accepted(String input, Scenario scenario) {
    return Arguments.of(Named.of(input, scenario));
  }

  static Stream<Arguments> acceptedInputs() {
    return Stream.of(
        accepted("fewer distinct instances than k (random)", dir -> fewerDistinct("random")),
        accepted("fewer distinct instances than k (kmeans++)", dir -> fewerDistinct("kmeans++")),
        accepted(
            "fewer distinct instances than k (farthest-first)",
            dir -> fewerDistinct("farthest-first")),
        accepted(
            "fewer distinct instances than k (-empty keep)",
            dir -> fewerDistinct("random -empty keep")),
        accepted(
            "all instances identical",
            dir -> {
              FastKMeans kmeans = TestData.built(column(4, 4, 4, 4), "-N 2");
              assertEquals(0, kmeans.getSquaredError(), 0);
              for (Instance centroid : kmeans.getClusterCentroids()) {
                assertEquals(4, centroid.value(0), 0);
              }
              assertArrayEquals(new double[] {4, 0}, kmeans.getClusterSizes(), 0);
              assertTrue(kmeans.toString().contains("only 1 distinct instance"), kmeans.toString());
            }),
        accepted(
            "a nominal attribute without values, first, in the middle or last, batch and streamed",
            dir -> {
              Instances data = twoGroups();
              FastKMeans reference = TestData.built(data, "-N 2");
              for (int at : new int[] {0, 1, 2}) {
                Instances withEmpty = new Instances(data);
                withEmpty.insertAttributeAt(new Attribute("empty", new ArrayList<String>()), at);
                FastKMeans batch = TestData.built(withEmpty, "-N 2");
                assertArrayEquals(reference.getAssignments(), batch.getAssignments(), "at " + at);
                FastKMeans streamed = new FastKMeans();
                streamed.setOptions(Utils.splitOptions("-N 2"));
                streamed.buildClusterer(new Instances(withEmpty, 0));
                for (Instance instance : withEmpty) {
                  streamed.updateClusterer(instance);
                }
                streamed.updateFinished();
                assertArrayEquals(reference.getAssignments(), streamed.getAssignments());
                assertEquals(
                    reference.clusterInstance(data.instance(3)),
                    batch.clusterInstance(withEmpty.instance(3)));
              }
            }),
        accepted(
            "an attribute with every value missing",
            dir -> {
              Instances data = twoGroups();
              for (Instance instance : data) {
                instance.setMissing(1);
              }
              FastKMeans kmeans = TestData.built(data, "-N 2");
              FastKMeans reference = TestData.built(withoutAttribute(data, 1), "-N 2");
              assertArrayEquals(reference.getAssignments(), kmeans.getAssignments());
              assertEquals(reference.getSquaredError(), kmeans.getSquaredError(), 0);
              for (Instance centroid : kmeans.getClusterCentroids()) {
                assertTrue(centroid.isMissing(1), centroid.toString());
              }
              String text = kmeans.toString();
              assertTrue(text.contains("attribute 'x1' has no values (all missing)"), text);
              assertTrue(text.contains("Missing values globally replaced"), text);
              // A new value of that attribute changes nothing: it takes no part in distances.
              Instance probe = (Instance) data.instance(0).copy();
              double[] before = kmeans.distancesToCentroids(probe);
              probe.setValue(1, 1e6);
              assertArrayEquals(before, kmeans.distancesToCentroids(probe), 0);
            }),
        accepted(
            "a nominal attribute with every value missing",
            dir -> {
              Instances data = twoGroups();
              data.insertAttributeAt(new Attribute("colour", Arrays.asList("red", "green")), 2);
              FastKMeans kmeans = TestData.built(data, "-N 2");
              FastKMeans reference = TestData.built(withoutAttribute(data, 2), "-N 2");
              assertArrayEquals(reference.getAssignments(), kmeans.getAssignments());
              assertEquals(reference.getSquaredError(), kmeans.getSquaredError(), 0);
              assertTrue(kmeans.getClusterCentroids().instance(0).isMissing(2));
              String text = kmeans.toString();
              assertTrue(text.contains("attribute 'colour' has no values (all missing)"), text);
              Instance probe = (Instance) data.instance(0).copy();
              double[] before = kmeans.distancesToCentroids(probe);
              probe.setValue(2, 1);
              assertArrayEquals(before, kmeans.distancesToCentroids(probe), 0);
            }),
        accepted(
            "every value missing",
            dir -> {
              Instances data = twoGroups();
              for (Instance instance : data) {
                instance.setMissing(0);
                instance.setMissing(1);
              }
              FastKMeans kmeans = TestData.built(data, "-N 2");
              assertEquals(0, kmeans.getSquaredError(), 0);
              assertTrue(kmeans.toString().contains("only 1 distinct instance"), kmeans.toString());
              assertTrue(kmeans.getClusterCentroids().instance(0).isMissing(0));
            }),
        accepted("a constant attribute, -normalize range", dir -> constantAttribute("range", true)),
        accepted(
            "a constant attribute, -normalize standardize",
            dir -> constantAttribute("standardize", true)),
        accepted("a constant attribute, -normalize none", dir -> constantAttribute("none", false)),
        accepted("magnitudes near 1e300, -normalize range", dir -> scaledLikeSmall(1e300, "range")),
        accepted(
            "magnitudes near 1e300, -normalize standardize",
            dir -> scaledLikeSmall(1e300, "standardize")),
        accepted(
            "magnitudes near 1e-300, every normalization",
            dir -> {
              scaledLikeSmall(1e-300, "range");
              scaledLikeSmall(1e-300, "standardize");
            }),
        accepted(
            "values near the largest double, -normalize range",
            dir -> {
              FastKMeans kmeans =
                  TestData.built(column(1.7e308, 1.69e308, 1.5e308, 1.51e308), "-N 2");
              assertTrue(Double.isFinite(kmeans.getSquaredError()));
              int[] labels = kmeans.getAssignments();
              assertEquals(labels[0], labels[1]);
              assertEquals(labels[2], labels[3]);
              assertTrue(labels[0] != labels[2]);
            }),
        accepted(
            "an instance so far away that its squared distances overflow",
            dir -> {
              FastKMeans kmeans =
                  TestData.built(column(0, 1, 1e150, 1e150 + 1e140), "-N 2 -normalize none");
              int far = kmeans.getAssignments()[2];
              Instance probe = kmeans.getClusterCentroids().instance(0);
              probe.setValue(0, 1e155);
              assertEquals(far, kmeans.clusterInstance(probe));
              double[] distances = kmeans.distancesToCentroids(probe);
              for (double d : distances) {
                assertTrue(Double.isFinite(d), Arrays.toString(distances));
              }
              assertTrue(distances[far] < distances[1 - far], Arrays.toString(distances));
            }),
        accepted(
            "some zero weights",
            dir -> {
              Instances data = withWeights(column(0, 1, 100, 10, 11), 1, 1, 0, 1, 1);
              FastKMeans kmeans = TestData.built(data, "-N 2 -normalize none -init farthest-first");
              // The weightless instance at 100 is assigned but moves no centroid.
              double[] centroids = {
                kmeans.getClusterCentroids().instance(0).value(0),
                kmeans.getClusterCentroids().instance(1).value(0)
              };
              Arrays.sort(centroids);
              assertArrayEquals(new double[] {0.5, 10.5}, centroids, 1e-12);
              assertEquals(4, Arrays.stream(kmeans.getClusterSizes()).sum(), 0);
            }),
        accepted(
            "weights adding up to 1 or less, -normalize standardize",
            dir -> {
              Instances data = withWeights(column(1, 3, 5, 7), 0.25, 0.25, 0.25, 0.25);
              FastKMeans kmeans = TestData.built(data, "-N 1 -normalize standardize");
              // Population deviation sqrt(5): SSE = 0.25 * (9 + 1 + 1 + 9) / 5 = 1, not raw units
              // (5).
              assertEquals(1.0, kmeans.getSquaredError(), 1e-12);
            }),
        accepted(
            "a data set with a class attribute set to a numeric attribute",
            dir -> {
              Instances data = twoGroups();
              data.setClassIndex(1);
              FastKMeans kmeans = TestData.built(data, "-N 2");
              assertEquals(2, kmeans.numberOfClusters());
            }),
        accepted(
            "an instance with missing values, or without a data set",
            dir -> {
              FastKMeans kmeans = TestData.built(twoGroups(), "-N 2");
              Instance missing = (Instance) twoGroups().instance(5).copy();
              missing.setMissing(0);
              assertEquals(2, kmeans.distributionForInstance(missing).length);
              Instance bare = new DenseInstance(1, new double[] {10, 10});
              assertEquals(kmeans.getAssignments()[3], kmeans.clusterInstance(bare));
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedInputs")
  void acceptedWithASaneModel(Scenario scenario) throws Exception {
    scenario.run(temp);
  }

  private static Instances withoutAttribute(Instances data, int index) {
    Instances copy = new Instances(data);
    copy.deleteAttributeAt(index);
    return copy;
  }

  /** Two distinct values for three clusters: the fit succeeds, warns and keeps k centres. */
  private static void fewerDistinct(String init) throws Exception {
    Instances data = column(1, 1, 1, 2, 2);
    FastKMeans kmeans = TestData.built(data, "-N 3 -init " + init);
    assertEquals(3, kmeans.numberOfClusters());
    assertEquals(3, kmeans.getClusterCentroids().numInstances());
    double[] sizes = kmeans.getClusterSizes();
    assertEquals(5, Arrays.stream(sizes).sum(), 0);
    assertEquals(1, Arrays.stream(sizes).filter(s -> s == 0).count(), Arrays.toString(sizes));
    assertEquals(0, kmeans.getSquaredError(), 0);
    String text = kmeans.toString();
    assertTrue(text.contains("Warning: only 2 distinct instances"), text);
    assertTrue(text.contains("for 3 clusters; at least 1 cluster is empty."), text);
    assertTrue(text.contains("Clusters left empty: 1"), text);
    for (Instance instance : data) {
      int cluster = kmeans.clusterInstance(instance);
      assertEquals(instance.value(0), kmeans.getClusterCentroids().instance(cluster).value(0), 0);
    }
  }

  /**
   * A constant attribute: the fit equals the one without it, the centroids hold the constant, and
   * no division by zero shows anywhere. Under range and standardize a new instance's value of it
   * takes no part in distances (as in Weka's EuclideanDistance); under none raw differences count.
   */
  private static void constantAttribute(String normalization, boolean ignoredForNewInstances)
      throws Exception {
    Instances data = twoGroups();
    data.insertAttributeAt(new Attribute("constant"), 1);
    for (Instance instance : data) {
      instance.setValue(1, 7.5);
    }
    String options = "-N 2 -init farthest-first -normalize " + normalization;
    FastKMeans kmeans = TestData.built(data, options);
    FastKMeans reference = TestData.built(withoutAttribute(data, 1), options);
    assertArrayEquals(reference.getAssignments(), kmeans.getAssignments());
    assertEquals(reference.getSquaredError(), kmeans.getSquaredError(), 0);
    for (Instance centroid : kmeans.getClusterCentroids()) {
      assertEquals(7.5, centroid.value(1), 0);
    }
    String text = kmeans.toString();
    assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
    Instance probe = (Instance) data.instance(0).copy();
    double[] before = kmeans.distancesToCentroids(probe);
    probe.setValue(1, 8.5);
    double[] after = kmeans.distancesToCentroids(probe);
    if (ignoredForNewInstances) {
      assertArrayEquals(before, after, 0);
    } else {
      for (int c = 0; c < before.length; c++) {
        assertEquals(before[c] * before[c] + 1, after[c] * after[c], 1e-9);
      }
    }
  }

  /**
   * Data multiplied by {@code factor} cluster exactly like the originals under a scale-free
   * normalization: same assignments, same squared error (in normalised units), centroids scaled.
   */
  private static void scaledLikeSmall(double factor, String normalization) throws Exception {
    double[][] small = {{0, 0}, {0, 1}, {1, 0}, {10, 10}, {10, 11}, {11, 10}, {5, 4}};
    double[][] large = new double[small.length][];
    for (int i = 0; i < small.length; i++) {
      large[i] = new double[] {small[i][0] * factor, small[i][1] * factor};
    }
    String options = "-N 2 -restarts 2 -normalize " + normalization;
    FastKMeans reference = TestData.built(numeric(small), options);
    FastKMeans kmeans = TestData.built(numeric(large), options);
    assertArrayEquals(reference.getAssignments(), kmeans.getAssignments());
    assertEquals(reference.getSquaredError(), kmeans.getSquaredError(), 1e-12);
    for (int c = 0; c < 2; c++) {
      for (int a = 0; a < 2; a++) {
        double expected = reference.getClusterCentroids().instance(c).value(a) * factor;
        double actual = kmeans.getClusterCentroids().instance(c).value(a);
        assertEquals(expected, actual, Math.abs(expected) * 1e-12 + 1e-12 * factor);
      }
    }
  }
}
