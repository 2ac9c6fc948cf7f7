package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weka.core.Instances;
import weka.core.converters.AbstractFileLoader;
import weka.core.converters.ArffLoader;

/**
 * Tests of {@link BlockReadArffLoader} and its {@link BlockReader}: every file gives the instances
 * Weka's own loader gives, value for value and weight for weight, or the same error.
 */
class BlockReadArffLoaderTest {

  @TempDir Path temp;

  /** Files of every kind of attribute and row the ARFF format has, and broken ones. */
  static Stream<Arguments> files() {
    StringBuilder large = new StringBuilder("@relation large\n");
    for (int j = 0; j < 32; j++) {
      large.append("@attribute x").append(j).append(" numeric\n");
    }
    large.append("@data\n");
    Random random = new Random(3);
    for (int c = 0; c < 1_000; c++) {
      for (int j = 0; j < 32; j++) {
        // Values of every length, so that blocks of the reader end inside them.
        large.append(j > 0 ? "," : "").append(random.nextGaussian() * Math.pow(10, j % 9 - 4));
      }
      large.append(c % 3 == 0 ? "\r\n" : "\n");
    }
    return Stream.of(
        Arguments.of("numeric.arff", large.toString()),
        Arguments.of(
            "mixed.arff",
            "% a comment\n@RELATION 'mixed one'\n@attribute x numeric\n"
                + "@attribute 'colour name' {red,'dark blue',green}\n@attribute when date"
                + " 'yyyy-MM-dd'\n@attribute note string\n@data\n"
                + "1.5,red,2020-01-02,'a, b'\n?,'dark blue',?,\"c\"\n\n"
                + "-0.0 , green , 2021-12-31 , d % trailing comment\n3e-7,red,2020-01-02,e,{2.5}\n"),
        Arguments.of(
            "sparse.arff",
            "@relation s\n@attribute a numeric\n@attribute b numeric\n@attribute c {x,y}\n"
                + "@data\n{0 1.5, 2 y}\n{1 -3}\n{}\n{0 ?}, {0.25}\n"),
        Arguments.of("too-many-values.arff", "@relation t\n@attribute a numeric\n@data\n1\n2,3\n"),
        Arguments.of("not-a-number.arff", "@relation t\n@attribute a numeric\n@data\n1\nabc\n"),
        Arguments.of("no-data.arff", "@relation t\n@attribute a numeric\n"),
        Arguments.of("garbage.arff", "these are not centres\n"),
        Arguments.of("empty.arff", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void readsWhatWekasLoaderReads(String name, String text) throws Exception {
    Path plain = temp.resolve(name);
    Files.writeString(plain, text, StandardCharsets.UTF_8);
    Path compressed = temp.resolve(name + ".gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(compressed))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    for (Path file : new Path[] {plain, compressed}) {
      Object expected = load(new ArffLoader(), file);
      Object actual = load(new BlockReadArffLoader(), file);
      if (expected instanceof String) {
        assertEquals(expected, actual, file.toString());
      } else {
        assertSameInstances((Instances) expected, (Instances) actual);
      }
    }
  }

  /** The instances {@code loader} reads from {@code file}, or the message of its failure. */
  private static Object load(AbstractFileLoader loader, Path file) {
    try {
      loader.setSource(file.toFile());
      return loader.getDataSet();
    } catch (IOException | RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static void assertSameInstances(Instances expected, Instances actual) {
    assertEquals(null, expected.equalHeadersMsg(actual));
    assertEquals(expected.relationName(), actual.relationName());
    assertEquals(expected.numInstances(), actual.numInstances());
    for (int i = 0; i < expected.numInstances(); i++) {
      assertEquals(expected.instance(i).weight(), actual.instance(i).weight(), 0, "weight " + i);
      double[] want = expected.instance(i).toDoubleArray();
      double[] got = actual.instance(i).toDoubleArray();
      assertEquals(want.length, got.length);
      for (int j = 0; j < want.length; j++) {
        assertEquals(
            Double.doubleToRawLongBits(want[j]),
            Double.doubleToRawLongBits(got[j]),
            "instance " + i + ", attribute " + j);
      }
    }
    assertEquals(expected.toString(), actual.toString());
  }

  @Test
  void handsOutEveryCharacterOnceWhateverTheCallsMix() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append((char) ('a' + i % 26));
    }
    BlockReader reader = new BlockReader(new StringReader(text.toString()));
    StringBuilder read = new StringBuilder();
    char[] chunk = new char[3_001];
    assertEquals(0, reader.read(chunk, 0, 0));
    for (int i = 0; ; i++) {
      if (i % 2 == 0) {
        int c = reader.read();
        if (c < 0) {
          break;
        }
        read.append((char) c);
      } else {
        int count = reader.read(chunk, 1, chunk.length - 1);
        if (count < 0) {
          break;
        }
        read.append(chunk, 1, count);
      }
    }
    assertEquals(text.toString(), read.toString());
    assertEquals(-1, reader.read());
    assertEquals(-1, reader.read(chunk, 0, chunk.length));
    reader.close();
    assertThrows(IOException.class, reader::read);
  }
}
