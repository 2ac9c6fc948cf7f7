package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.choosek.KSearchTable;
import io.github.fastkmeans.testing.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.clusterers.FastKMeans;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

/**
 * Saved models: written with Weka's SerializationHelper and with -d on Weka's command line, read in
 * a fresh JVM, they answer exactly as the model in memory; a file of another model format fails
 * with a clear message.
 */
class SavedModelTest {

  private static final String OPTIONS = "-N 3 -restarts 2 -S 7 -init kmeans++ -V";

  @TempDir Path temp;

  private static Path iris() {
    return TestData.folder("iris").resolve("iris.arff");
  }

  /** Runs {@code mainClass args} in a fresh JVM with this test's class path. */
  private static ChildJvm.Result java(String mainClass, String... args) throws Exception {
    ChildJvm jvm =
        ChildJvm.withThisClassPath()
            .withFlags("-Xmx512m", "--add-opens=java.base/sun.net.www.protocol.jar=ALL-UNNAMED")
            .withProperty("java.awt.headless", "true")
            .withProperty("weka.packageManager.offline", "true")
            .withTimeout(Duration.ofMinutes(3));
    String wekaHome = System.getProperty("WEKA_HOME");
    if (wekaHome != null) {
      jvm = jvm.withProperty("WEKA_HOME", wekaHome);
    }
    return jvm.run(mainClass, args);
  }

  private static FastKMeans build(Instances data) throws Exception {
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions(OPTIONS));
    kmeans.buildClusterer(data);
    return kmeans;
  }

  @Test
  void modelsSavedBothWaysAnswerIdenticallyInAFreshJvm() throws Exception {
    Instances data = ModelAnswers.readArff(iris().toString());
    FastKMeans inMemory = build(data);
    String expected = ModelAnswers.of(inMemory, data);

    Path helperFile = temp.resolve("helper.model");
    SerializationHelper.write(helperFile.toString(), inMemory);

    Path commandLineFile = temp.resolve("command-line.model");
    List<String> args =
        new ArrayList<>(List.of("-t", iris().toString(), "-d", commandLineFile.toString()));
    args.addAll(List.of(Utils.splitOptions(OPTIONS)));
    ChildJvm.Result saved = java(FastKMeans.class.getName(), args.toArray(new String[0]));
    assertEquals(0, saved.exitCode(), saved.toString());
    assertTrue(Files.size(commandLineFile) > 0, saved.toString());

    ChildJvm.Result loaded =
        java(
            ModelAnswers.class.getName(),
            iris().toString(),
            helperFile.toString(),
            commandLineFile.toString());
    assertEquals(0, loaded.exitCode(), loaded.toString());
    String[] parts = loaded.stdout().split("(?m)^== .*\n");
    assertEquals(3, parts.length, loaded.toString());
    // The text shows the build time, which differs between the two builds; all else must not.
    String withoutTime = "(?m)^(Time taken to build model|Elapsed time): .*$";
    assertEquals(expected, parts[1], "SerializationHelper");
    assertEquals(expected.replaceAll(withoutTime, ""), parts[2].replaceAll(withoutTime, ""), "-d");
  }

  /** Writes {@code kmeans} with the model's saved form changed by {@code patch}. */
  private static byte[] forged(FastKMeans kmeans, FormPatch patch) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new PatchingStream(bytes, patch)) {
      out.writeObject(kmeans);
    }
    return bytes.toByteArray();
  }

  @FunctionalInterface
  private interface FormPatch {
    Object patch(Object serialForm) throws Exception;
  }

  /** An object stream that hands FittedModel's saved form to a patch before writing it. */
  private static final class PatchingStream extends ObjectOutputStream {
    private final FormPatch patch;

    PatchingStream(OutputStream out, FormPatch patch) throws IOException {
      super(out);
      this.patch = patch;
      enableReplaceObject(true);
    }

    @Override
    protected Object replaceObject(Object obj) throws IOException {
      if (!obj.getClass().getName().equals(FittedModel.class.getName() + "$SerialForm")) {
        return obj;
      }
      try {
        return patch.patch(obj);
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }

  private static Object setField(Object target, String name, Object value) throws Exception {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
    return target;
  }

  private static Object getField(Object target, String name) throws Exception {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(target);
  }

  @Test
  void modelOfAFutureFormatFailsWithAClearMessage() throws Exception {
    FastKMeans kmeans = build(ModelAnswers.readArff(iris().toString()));
    int future = FittedModel.FORMAT_VERSION + 1;
    Path file = temp.resolve("future.model");
    Files.write(file, forged(kmeans, form -> setField(form, "formatVersion", future)));
    String expected =
        "This FastKMeans model was saved by an incompatible version of FastKMeans (model format "
            + future
            + "; this version reads format "
            + FittedModel.FORMAT_VERSION
            + "); rebuild the model with this version.";

    InvalidObjectException e =
        assertThrows(InvalidObjectException.class, () -> SerializationHelper.read(file.toString()));
    assertEquals(expected, e.getMessage());

    // Weka's command line: the message and a failure status, in a fresh JVM.
    ChildJvm.Result result =
        java(FastKMeans.class.getName(), "-l", file.toString(), "-T", iris().toString());
    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains(expected), result.toString());
  }

  @Test
  void aTableOfKFromBeforeFormat8ReadsWithItsSmallestClustersUnknown() throws Exception {
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions("-max-clusters 5 -V"));
    kmeans.buildClusterer(ModelAnswers.readArff(iris().toString()));
    Path file = temp.resolve("format7.model");
    // Format 7 rows had no smallest cluster: reading leaves 0, which would look like an empty one.
    Files.write(file, forged(kmeans, form -> setField(form, "formatVersion", 7)));
    FastKMeans read = (FastKMeans) SerializationHelper.read(file.toString());
    for (KSearchTable.Row row : read.getKSearchTable().rows()) {
      assertEquals(-1, row.smallestCluster(), "k = " + row.k());
      assertTrue(row.isEligible(), "k = " + row.k());
    }
    assertEquals(kmeans.numberOfClusters(), read.getKSearchTable().chosen().k());
    assertFalse(read.toString().contains("single row"), read.toString());
  }

  @Test
  void modelWithoutAFormatNumberFailsWithAClearMessage() throws Exception {
    FastKMeans kmeans = build(ModelAnswers.readArff(iris().toString()));
    Path file = temp.resolve("unversioned.model");
    // The FittedModel itself in place of its saved form: how models were written before formats.
    Files.write(file, forged(kmeans, form -> getField(form, "model")));
    InvalidObjectException e =
        assertThrows(InvalidObjectException.class, () -> SerializationHelper.read(file.toString()));
    assertTrue(
        e.getMessage().contains("incompatible version of FastKMeans (model format none"),
        e.getMessage());
  }

  @Test
  void modelOfThisFormatReadsBackInTheSameJvm() throws Exception {
    Instances data = ModelAnswers.readArff(iris().toString());
    FastKMeans kmeans = build(data);
    Path file = temp.resolve("same.model");
    Files.write(file, forged(kmeans, form -> form));
    FastKMeans copy = (FastKMeans) SerializationHelper.read(file.toString());
    assertEquals(ModelAnswers.of(kmeans, data), ModelAnswers.of(copy, data));
    // Format 7 keeps which kernel ran, which the engine's saved result does not hold.
    String kernelLine = kernelLine(kmeans.toString());
    assertTrue(kernelLine.startsWith("Assignment kernel: "), kmeans.toString());
    assertEquals(kernelLine, kernelLine(copy.toString()));
  }

  @Test
  void aModelWithoutItsSpreadReadsBackFromFormat9OnOnly() throws Exception {
    Instances data = ModelAnswers.readArff(iris().toString());
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions("-N 3 -S 7"));
    kmeans.buildClusterer(data);
    Path file = temp.resolve("without-spread.model");
    Files.write(file, forged(kmeans, form -> form));
    FastKMeans copy = (FastKMeans) SerializationHelper.read(file.toString());
    assertEquals(kmeans.toString(), copy.toString());
    // A format before 9 always held the spread: without it, the file is damaged.
    Path older = temp.resolve("format8-without-spread.model");
    Files.write(older, forged(kmeans, form -> setField(form, "formatVersion", 8)));
    InvalidObjectException e =
        assertThrows(
            InvalidObjectException.class, () -> SerializationHelper.read(older.toString()));
    assertEquals("The FastKMeans model is incomplete or damaged.", e.getMessage());
  }

  private static String kernelLine(String text) {
    return text.lines()
        .filter(line -> line.startsWith("Assignment kernel: "))
        .findFirst()
        .orElse("");
  }
}
