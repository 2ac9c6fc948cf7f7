package io.github.fastkmeans.weka;

import java.io.File;
import java.io.IOException;
import weka.core.Instances;
import weka.core.WekaException;
import weka.core.converters.AbstractFileLoader;
import weka.core.converters.ArffLoader;
import weka.core.converters.ConverterUtils;

/** Reads the centres of the 'given' initializer from an ARFF (or other Weka-readable) file. */
public final class GivenCentresFile {

  private GivenCentresFile() {}

  /**
   * Reads {@code file}, checks it has the training attributes, and encodes its instances:
   * row-major, {@link InstanceEncoder#columns()} values per centre. Missing values are replaced as
   * in the training data.
   *
   * @throws WekaException if the file is missing, a directory, unreadable, not in a format Weka
   *     reads, empty, has other attributes or holds a value that cannot be encoded
   */
  public static double[] readEncoded(File file, InstanceEncoder encoder) throws WekaException {
    checkOpenable(file);
    Instances centres = load(file);
    if (centres.numInstances() == 0) {
      throw new WekaException("The file of initial centres " + file + " holds no instances.");
    }
    Instances header = encoder.header();
    if (centres.numAttributes() != header.numAttributes()) {
      throw new WekaException(
          "The initial centres in "
              + file
              + " do not have the training attributes: "
              + centres.numAttributes()
              + (centres.numAttributes() == 1 ? " attribute" : " attributes")
              + " instead of "
              + header.numAttributes()
              + "."
              + extraAttributeHint(centres, header));
    }
    centres.setClassIndex(header.classIndex());
    String difference = header.equalHeadersMsg(centres);
    if (difference != null) {
      throw new WekaException(
          "The initial centres in " + file + " do not have the training attributes: " + difference);
    }
    int columns = encoder.columns();
    double[] values = new double[centres.numInstances() * columns];
    for (int c = 0; c < centres.numInstances(); c++) {
      double[] centre;
      try {
        centre = encoder.encode(centres.instance(c));
      } catch (WekaException e) {
        throw new WekaException(
            "Centre " + (c + 1) + " in " + file + " cannot be used: " + e.getMessage(), e);
      }
      System.arraycopy(centre, 0, values, c * columns, columns);
    }
    return values;
  }

  /**
   * Checks that {@code file} is a file that can be read.
   *
   * @throws WekaException if it is missing, a directory or unreadable
   */
  public static void checkOpenable(File file) throws WekaException {
    if (file.isDirectory()) {
      throw new WekaException(
          "The file of initial centres " + file + " is a directory, not an ARFF file.");
    }
    if (!file.isFile()) {
      throw new WekaException("The file of initial centres " + file + " does not exist.");
    }
    if (!file.canRead()) {
      throw new WekaException("The file of initial centres " + file + " cannot be read.");
    }
  }

  /**
   * Where {@code centres} has the training attributes and one more, which one, and that Weka
   * removed it before clustering: the class, with {@code -c} or the Explorer's classes-to-clusters
   * evaluation, or an ignored attribute. Empty otherwise.
   */
  private static String extraAttributeHint(Instances centres, Instances header) {
    if (centres.numAttributes() != header.numAttributes() + 1) {
      return "";
    }
    for (int extra = 0; extra < centres.numAttributes(); extra++) {
      Instances without = new Instances(centres, 0);
      without.setClassIndex(-1);
      without.deleteAttributeAt(extra);
      without.setClassIndex(header.classIndex());
      if (header.equalHeaders(without)) {
        return " The file's attribute '"
            + centres.attribute(extra).name()
            + "' is not among them: Weka removes the class (-c, or the Explorer's classes to"
            + " clusters evaluation) and ignored attributes before clustering; leave it out of the"
            + " centres file.";
      }
    }
    return "";
  }

  /**
   * The instances in {@code file}, read by the Weka loader its name calls for. Weka's {@code
   * DataSource.read} prints a stack trace and returns null when the loader fails; the loader itself
   * throws, and its message is what the user needs to fix the file.
   */
  private static Instances load(File file) throws WekaException {
    AbstractFileLoader loader = ConverterUtils.getLoaderForFile(file);
    if (loader == null) {
      throw new WekaException(
          "The file of initial centres "
              + file
              + " could not be read as ARFF: Weka has no reader for files named like it (an ARFF"
              + " file's name ends in .arff).");
    }
    String format = loader instanceof ArffLoader ? "ARFF" : loader.getFileDescription();
    if (loader.getClass() == ArffLoader.class) {
      // Weka's parser still reads the file, without a lock per character.
      loader = new BlockReadArffLoader();
    }
    Instances centres;
    try {
      loader.setSource(file);
      centres = loader.getDataSet();
    } catch (IOException | RuntimeException e) {
      throw new WekaException(
          "The file of initial centres "
              + file
              + " could not be read as "
              + format
              + ": "
              + readerSaid(e),
          e);
    }
    if (centres == null) {
      throw new WekaException(
          "The file of initial centres " + file + " could not be read as " + format + ".");
    }
    return centres;
  }

  /** The loader's message, without the exception class names Weka's loaders embed in it. */
  private static String readerSaid(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.replace("java.io.IOException: ", "");
  }
}
