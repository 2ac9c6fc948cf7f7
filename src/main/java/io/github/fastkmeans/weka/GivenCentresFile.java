package io.github.fastkmeans.weka;

import java.io.File;
import weka.core.Instances;
import weka.core.WekaException;
import weka.core.converters.ConverterUtils.DataSource;

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
    Instances centres;
    try {
      centres = DataSource.read(file.getPath());
    } catch (Exception e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new WekaException(
          "The file of initial centres " + file + " could not be read as ARFF: " + reason, e);
    }
    if (centres == null) {
      throw new WekaException(
          "The file of initial centres "
              + file
              + " could not be read as ARFF (or another format Weka reads): no data found in it.");
    }
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
              + " attributes instead of "
              + header.numAttributes()
              + ".");
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
}
