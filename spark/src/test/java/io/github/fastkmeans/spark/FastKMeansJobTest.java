package io.github.fastkmeans.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.clusterers.ClusterEvaluation;
import weka.core.SerializationHelper;

/** The command-line job: a full run, and a clear error for each kind of bad input. */
class FastKMeansJobTest {

  @TempDir static Path folder;
  private static Path csv;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void data() throws IOException {
    SparkTests.session();
    csv = folder.resolve("points.csv");
    StringBuilder text = new StringBuilder("id,a,b,label\n");
    Random random = new Random(4);
    for (int i = 0; i < 600; i++) {
      int group = i % 3;
      text.append(i)
          .append(',')
          .append(10 * group + random.nextGaussian())
          .append(',')
          .append(-5 * group + random.nextGaussian())
          .append(",g")
          .append(group)
          .append('\n');
    }
    Files.writeString(csv, text);
  }

  private int run(String... args) {
    return FastKMeansJob.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void clustersACsvAndWritesAModelWekaReads() throws Exception {
    Path model = folder.resolve("points.model");
    Path assignments = folder.resolve("assignments.parquet");
    int status =
        run(
            "--input",
            csv.toString(),
            "--k",
            "3",
            "--features",
            "a,b",
            "-normalize",
            "range",
            "--model",
            model.toString(),
            "--assignments",
            assignments.toString());
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, errors());
    assertTrue(printed.contains("iteration 1: "), printed);
    assertTrue(printed.contains("distances computed"), printed);
    assertTrue(printed.contains("rows moved"), printed);
    assertEquals(600, SparkTests.session().read().parquet(assignments.toString()).count());
    Object[] read = SerializationHelper.readAll(model.toString());
    assertEquals(3, ((weka.clusterers.FastKMeans) read[0]).numberOfClusters());
    Path arff = folder.resolve("new.arff");
    Files.writeString(
        arff, "@relation n\n@attribute a numeric\n@attribute b numeric\n@data\n0,0\n20,-10\n");
    String evaluation =
        ClusterEvaluation.evaluateClusterer(
            new weka.clusterers.FastKMeans(),
            new String[] {"-l", model.toString(), "-T", arff.toString()});
    assertTrue(evaluation.contains("Clustered Instances"), evaluation);
  }

  /**
   * An output over the input is refused before anything is written: Spark's overwrite had emptied
   * it.
   */
  @Test
  void anOutputOverTheInputIsRefusedAndTheInputKept() throws IOException {
    Path copy = folder.resolve("kept.csv");
    Files.copy(csv, copy);
    String text = Files.readString(copy);
    for (String option : new String[] {"--assignments", "--spark-model", "--model"}) {
      err.reset();
      assertEquals(1, run("--input", copy.toString(), "--k", "3", option, copy.toString()));
      assertTrue(
          errors().contains("Option " + option + " names " + copy + ", which would overwrite"),
          errors());
      assertEquals(text, Files.readString(copy), option);
    }
    assertTrue(FastKMeansJob.overlaps("data/in", "./data/in/part-0.parquet"));
    assertTrue(FastKMeansJob.overlaps("hdfs://h/d/", "hdfs://h/d"));
    assertFalse(FastKMeansJob.overlaps("data/in", "data/input"));
  }

  /** Weights of 0 everywhere leave nothing to cluster; fewer usable rows than k, empty clusters. */
  @Test
  void weightsThatLeaveTooLittleAreRefusedOrWarnedOf() throws IOException {
    Path zero = folder.resolve("zero-weights.csv");
    Files.writeString(zero, "a,w\n1,0\n2,0\n3,0\n");
    assertEquals(1, run("--input", zero.toString(), "--k", "2", "--weight", "w"));
    assertTrue(
        errors().contains("No row has a positive weight in column 'w'; k-means needs one."),
        errors());
    Path two = folder.resolve("two-weighted.csv");
    Files.writeString(two, "a,w\n1,1\n2,0\n3,0\n9,1\n");
    assertEquals(0, run("--input", two.toString(), "--k", "3", "--weight", "w"), errors());
    assertTrue(
        output().contains("Warning: 1 of the 3 clusters hold no row of positive weight"), output());
  }

  @Test
  void anOptionGivenTwiceIsRefusedNamingBothValues() {
    assertEquals(1, run("--input", csv.toString(), "--k", "2", "-N", "3"));
    assertEquals("FastKMeansJob: Option --k is given twice (2 and 3).\n", errors());
  }

  @Test
  void aModelFileThatCannotBeWrittenIsRefusedBeforeTheFit() throws IOException {
    String nowhere = folder.resolve("no-such-folder").resolve("x.model").toString();
    assertEquals(1, run("--input", csv.toString(), "--k", "3", "--model", nowhere));
    assertEquals(
        "FastKMeansJob: Option --model names "
            + nowhere
            + ", which is in a folder that does not"
            + " exist.\n",
        errors());
    assertFalse(output().contains("iteration"), "refused before the fit: " + output());
    err.reset();
    Path models = Files.createDirectories(folder.resolve("models"));
    assertEquals(1, run("--input", csv.toString(), "--k", "3", "--model", models.toString()));
    assertTrue(errors().contains("which is a folder; give a file name."), errors());
  }

  /**
   * Names with a dot (R's "Sepal.Length") are names, not a struct's fields; non-numbers are told.
   */
  @Test
  void dottedColumnNamesClusterAndColumnsLeftOutAreNamed() throws IOException {
    Path dotted = folder.resolve("dotted.csv");
    Files.writeString(
        dotted, Files.readString(csv).replaceFirst("id,a,b,label", "id,x.a,x.b,label"));
    assertEquals(
        0, run("--input", dotted.toString(), "--k", "3", "--features", "x.a,x.b"), errors());
    assertTrue(output().contains("Cluster sizes: [200, 200, 200]"), output());
    out.reset();
    assertEquals(0, run("--input", dotted.toString(), "--k", "3"), errors());
    assertTrue(output().contains("Not clustered, not numeric: label (string)"), output());
  }

  @Test
  void aMissingValueIsNamedByRowAndFeature() throws IOException {
    Path gaps = folder.resolve("gaps.csv");
    Files.writeString(gaps, "a,b\n1,2\n3,\n5,6\n");
    assertEquals(1, run("--input", gaps.toString(), "--k", "2"));
    assertTrue(
        errors().contains("Feature 1 of row 1 is NaN; k-means needs finite numbers"), errors());
  }

  @Test
  void emptyFailAndBadChoicesAreOneLineNamingTheOption() throws IOException {
    Path same = folder.resolve("same.csv");
    Files.writeString(same, "a\n1\n1\n1\n2\n");
    assertEquals(1, run("--input", same.toString(), "--k", "3", "--empty", "fail"));
    assertTrue(errors().startsWith("FastKMeansJob: EmptyClusterException: Cluster "), errors());
    assertEquals(1, errors().lines().count(), errors());
    err.reset();
    assertEquals(1, run("--input", csv.toString(), "--k", "3", "--algorithm", "foo"));
    assertEquals(
        "FastKMeansJob: Option --algorithm does not accept 'foo': auto, lloyd, hamerly, elkan,"
            + " exponion, yinyang, kdtree.\n",
        errors());
  }

  /** An ARFF file's instance weights count, as in Weka: the rows of weight 0 take no part. */
  @Test
  void anArffFilesInstanceWeightsAreUsed() throws IOException {
    Path arff = folder.resolve("weighted.arff");
    StringBuilder text = new StringBuilder("@relation w\n@attribute x numeric\n@data\n");
    for (int i = 0; i < 8; i++) {
      text.append(100 + i).append(",{0}\n");
    }
    text.append("0,{1}\n10,{2}\n");
    Files.writeString(arff, text);
    assertEquals(0, run("--input", arff.toString(), "--k", "2"), errors());
    assertTrue(output().contains("squared error 0.00000"), output());
    assertTrue(
        output().contains("Cluster sizes: [1, 1]") || output().contains("Cluster sizes: [1, 2]"),
        output());
    assertFalse(output().contains("Not clustered"), output());
  }

  @Test
  void aMissingColumnIsNamed() {
    assertEquals(1, run("--input", csv.toString(), "--k", "3", "--features", "a,zz"));
    assertTrue(errors().contains("There is no column 'zz'"), errors());
  }

  @Test
  void aNonNumericFeatureIsNamed() {
    assertEquals(1, run("--input", csv.toString(), "--k", "3", "--features", "a,label"));
    assertTrue(errors().contains("Feature column 'label' holds string values"), errors());
  }

  @Test
  void kLargerThanTheRowCountIsRefused() {
    assertEquals(1, run("--input", csv.toString(), "--k", "601"));
    assertTrue(errors().contains("Cannot form 601 clusters from 600 rows"), errors());
  }

  @Test
  void anUnreadablePathIsNamed() {
    String missing = folder.resolve("nothing-here.csv").toString();
    assertEquals(1, run("--input", missing, "--k", "3"));
    assertTrue(errors().contains("Cannot read csv input '" + missing + "'"), errors());
  }

  @Test
  void aSeedOrPartitionsThatCannotBeUsedAreNamed() {
    assertEquals(1, run("--input", csv.toString(), "--k", "3", "--seed", "abc"));
    assertTrue(errors().contains("Option --seed needs an integer, got 'abc'."), errors());
    assertEquals(
        1,
        run(
            "--input",
            csv.toString(),
            "--k",
            "3",
            "--seed",
            "4294967296",
            "--model",
            folder.resolve("never.model").toString()));
    assertTrue(
        errors()
            .contains("Option --seed got 4294967296, but a Weka model (--model) keeps its seed"),
        errors());
    assertFalse(Files.exists(folder.resolve("never.model")));
    assertEquals(1, run("--input", csv.toString(), "--k", "3", "--partitions", "0"));
    assertTrue(
        errors().contains("Option --partitions needs a positive number of partitions, got 0."),
        errors());
  }

  @Test
  void anUnwritableSparkModelPathIsNamedOnOneLine() throws IOException {
    Path blocked = folder.resolve("a-file-not-a-folder");
    Files.writeString(blocked, "x");
    String target = blocked.resolve("model").toString();
    assertEquals(1, run("--input", csv.toString(), "--k", "3", "--spark-model", target));
    assertTrue(errors().startsWith("FastKMeansJob: "), errors());
    assertTrue(errors().contains(target), errors());
    assertEquals(1, errors().strip().lines().count(), errors());
  }

  @Test
  void anUnknownOptionShowsTheUsage() {
    assertEquals(1, run("--input", csv.toString(), "--k", "3", "--colour", "red"));
    assertTrue(errors().contains("Unknown option --colour"), errors());
    assertTrue(errors().contains("Usage:"), errors());
  }

  @Test
  void readsArffAndParquetAndClustersTheirNumericColumns() throws IOException {
    Path arff = folder.resolve("points.arff");
    StringBuilder text =
        new StringBuilder(
            "@relation points\n@attribute a numeric\n@attribute b numeric\n"
                + "@attribute class {p,q}\n@data\n");
    for (int i = 0; i < 40; i++) {
      text.append(i % 2 == 0 ? i * 0.01 : 50 + i * 0.01)
          .append(',')
          .append(i % 2 == 0 ? 0 : 50)
          .append(i % 2 == 0 ? ",p\n" : ",q\n");
    }
    Files.writeString(arff, text);
    Path assignments = folder.resolve("arff-assignments.parquet");
    assertEquals(
        0,
        run("--input", arff.toString(), "--k", "2", "--assignments", assignments.toString()),
        errors());
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("Cluster sizes: [20, 20]"), printed);

    // The assignments are Parquet with the input's columns: cluster them again from there.
    out.reset();
    assertEquals(
        0,
        run(
            "--input",
            assignments.toString(),
            "--format",
            "parquet",
            "--k",
            "2",
            "--features",
            "a,b"),
        errors());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("Cluster sizes: [20, 20]"));
  }
}
