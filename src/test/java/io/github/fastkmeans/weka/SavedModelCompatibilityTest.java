package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.clusterers.FastKMeans;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * Models saved by an earlier version (savedmodels/README.md) load and give every answer they gave
 * when they were saved.
 */
class SavedModelCompatibilityTest {

  private static Path folder() throws URISyntaxException {
    return Paths.get(
            SavedModelCompatibilityTest.class.getResource("/savedmodels/README.md").toURI())
        .getParent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"iris-mixed-default", "iris-mixed-quality", "iris-mixed-given"})
  void modelSavedByFormatThreeAnswersAsItDidWhenSaved(String name) throws Exception {
    Path folder = folder();
    Instances data = ModelAnswers.readArff(folder.resolve("iris-mixed.arff").toString());
    data.setClassIndex(data.numAttributes() - 1);
    FastKMeans loaded =
        (FastKMeans) SerializationHelper.read(folder.resolve(name + ".model").toString());
    String expected =
        new String(Files.readAllBytes(folder.resolve(name + ".answers")), StandardCharsets.UTF_8);
    assertEquals(
        withoutTrailingEmptyLines(expected),
        withoutTrailingEmptyLines(ModelAnswers.of(loaded, data)));
  }

  /**
   * The answers with the empty lines that end the model text (before the centroids, which start
   * with "@relation") reduced to one: they are layout, and the model text now ends with two, as
   * SimpleKMeans' does, so that Weka's classes-to-clusters output does not run into it.
   */
  private static String withoutTrailingEmptyLines(String answers) {
    return answers.replaceFirst("\n+@relation", "\n\n@relation");
  }
}
