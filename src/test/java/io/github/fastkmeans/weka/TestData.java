package io.github.fastkmeans.weka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import weka.clusterers.FastKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The data sets shipped in test resources (see datasets/README.md), files derived from them, and
 * FastKMeans built on data.
 */
public final class TestData {

  private TestData() {}

  /** A FastKMeans with the command-line {@code options}, built on {@code data}. */
  public static FastKMeans built(Instances data, String options) throws Exception {
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions(options));
    kmeans.buildClusterer(data);
    return kmeans;
  }

  /**
   * Instances of a numeric attribute 'x' and a nominal attribute 'colour' with the values red,
   * green and blue, one instance per index; NaN and null are missing values.
   */
  public static Instances xAndColour(double[] x, String[] colour, double[] weights) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("x"));
    attributes.add(new Attribute("colour", List.of("red", "green", "blue")));
    Instances data = new Instances("x and colour", attributes, x.length);
    for (int i = 0; i < x.length; i++) {
      double colourIndex =
          colour[i] == null ? Utils.missingValue() : data.attribute(1).indexOfValue(colour[i]);
      if (colourIndex < 0) {
        throw new IllegalArgumentException("No colour " + colour[i]);
      }
      data.add(new DenseInstance(weights[i], new double[] {x[i], colourIndex}));
    }
    return data;
  }

  /** The folder of data set {@code name}. */
  public static Path folder(String name) {
    URL url = TestData.class.getResource("/datasets/" + name + "/meta.json");
    if (url == null) {
      throw new IllegalArgumentException("No test data set " + name);
    }
    try {
      return Paths.get(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Data set {@code name} with its last attribute (the true label) set as class. */
  public static Instances load(String name) throws Exception {
    Path folder = folder(name);
    Path arff = folder.resolve(name + ".arff");
    if (!Files.exists(arff)) {
      arff = folder.resolve(name + ".arff.gz");
    }
    Instances data = DataSource.read(arff.toString());
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  /** Data set {@code name} without its label attribute and with no class set. */
  public static Instances loadUnlabelled(String name) throws Exception {
    Instances data = load(name);
    int label = data.classIndex();
    data.setClassIndex(-1);
    data.deleteAttributeAt(label);
    return data;
  }

  /** The rows of a whitespace-separated numeric text file of data set {@code name}. */
  public static double[][] readMatrix(String name, String file) {
    try {
      List<double[]> rows = new ArrayList<>();
      for (String line : Files.readAllLines(folder(name).resolve(file), StandardCharsets.UTF_8)) {
        String trimmed = line.trim();
        if (trimmed.isEmpty()) {
          continue;
        }
        String[] tokens = trimmed.split("\\s+");
        double[] row = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
          row[i] = Double.parseDouble(tokens[i]);
        }
        rows.add(row);
      }
      return rows.toArray(new double[0][]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Lloyd oracle of data set {@code name}, read from its meta.json. */
  public static Oracle oracle(String name) {
    try (InputStream in = Files.newInputStream(folder(name).resolve("meta.json"))) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String block = json.substring(json.indexOf("\"lloyd_oracle\""));
      block = block.substring(0, block.indexOf('}'));
      return new Oracle(
          text(block, "init"),
          text(block, "centroids_file"),
          Integer.parseInt(text(block, "iterations_until_assignment_stable")),
          Double.parseDouble(text(block, "sse")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":\\s*\"?([^\",\\n]+)\"?").matcher(json);
    if (!m.find()) {
      throw new IllegalArgumentException("No " + key + " in " + json);
    }
    return m.group(1).trim();
  }

  /**
   * Writes {@code centres} (one row per centre, one value per non-class attribute in order) as an
   * ARFF file with the header of {@code data}; the class attribute, if any, is missing.
   */
  public static Path writeCentres(Instances data, double[][] centres, Path file)
      throws IOException {
    Instances out = new Instances(data, centres.length);
    for (double[] centre : centres) {
      double[] values = new double[data.numAttributes()];
      int next = 0;
      for (int a = 0; a < values.length; a++) {
        values[a] = a == data.classIndex() ? Utils.missingValue() : centre[next++];
      }
      out.add(new DenseInstance(1.0, values));
    }
    Files.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
    return file;
  }

  /** A Lloyd oracle: start file, end centroids file, assignment passes and final SSE. */
  public static final class Oracle {
    /** File of the starting centroids. */
    public final String initFile;

    /** File of the centroids Lloyd reaches. */
    public final String centroidsFile;

    /** Assignment passes, counting the last one that changed nothing. */
    public final int passes;

    /** The SSE after convergence, raw units. */
    public final double sse;

    Oracle(String initFile, String centroidsFile, int passes, double sse) {
      this.initFile = initFile;
      this.centroidsFile = centroidsFile;
      this.passes = passes;
      this.sse = sse;
    }
  }
}
