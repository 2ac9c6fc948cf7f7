package io.github.fastkmeans.weka;

import weka.core.Capabilities;
import weka.core.Instances;
import weka.core.WekaException;

/**
 * Training data as a build reads them: a header and, for each row, its raw Weka values (nominal
 * values as indices, missing values as NaN) and its weight. Batch data and a stream's kept rows are
 * read through this one view, so the two are encoded and fitted by the same code.
 */
public interface TrainingRows {

  /** The attributes and the class index (no instances). */
  Instances header();

  /** The number of rows. */
  int count();

  /** The raw value of attribute {@code attribute} (a header index) in row {@code row}. */
  double value(int row, int attribute);

  /**
   * Copies the raw values of the {@code count} attributes from {@code attribute} (a header index)
   * on, in row {@code row}, into {@code into} from {@code at}.
   */
  default void copyValues(int row, int attribute, int count, double[] into, int at) {
    for (int i = 0; i < count; i++) {
      into[at + i] = value(row, attribute + i);
    }
  }

  /** The weight of row {@code row}. */
  double weight(int row);

  /**
   * Tests the rows against a scheme's capabilities.
   *
   * @throws WekaException naming what the capabilities refuse
   */
  void test(Capabilities capabilities) throws WekaException;

  /**
   * What these rows stand for when they are not the training instances themselves (a coreset
   * summarising a stream), for the model output; null when every instance is a row.
   */
  default String source() {
    return null;
  }

  /** The rows of {@code data}, read in place (never copied nor modified). */
  static TrainingRows of(Instances data) {
    return new InstancesRows(data);
  }
}
