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
