package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.parallel.Interruption;
import io.github.fastkmeans.parallel.RowChunks;
import java.io.Serializable;
import java.util.Arrays;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WekaException;

/**
 * Turns Weka instances into rows of the engine's matrix and centres back into attribute values.
 *
 * <p>Numeric and date attributes become one column each, scaled by the chosen {@link
 * Normalization}. A nominal attribute with m values becomes m columns holding {@code 1/sqrt(2)} for
 * the instance's value and 0 elsewhere, so that a mismatch adds exactly 1 to the squared distance,
 * as in Weka's EuclideanDistance; a centre then holds the weighted frequency of each value times
 * {@code 1/sqrt(2)}, which is the exact minimiser of the squared error. Missing values are replaced
 * by the weighted training mean (numeric) or mode (nominal). The class attribute, when set, is left
 * out. The encoder is fixed by the training data and never modifies the instances it reads.
 *
 * <p>An attribute that carries no information is encoded as zeros for every instance, training or
 * new, so that it takes no part in distances: one with no present training value (numeric or
 * nominal), and, under range and standardize, a numeric one whose training values are all equal (as
 * Weka's EuclideanDistance ignores a zero range). Under {@code none} a constant attribute keeps its
 * raw values, so a new instance that differs from the constant is that much farther from every
 * centre.
 *
 * <p>Fitting checks the training data and refuses, with a {@link WekaException} naming the
 * attribute or instance: a weight that is negative, NaN or infinite; weights whose sum overflows;
 * an infinite numeric value; a nominal value that is not the index of one of the attribute's
 * values; and a numeric attribute whose range exceeds the largest double.
 */
public final class InstanceEncoder implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The one-hot value of a nominal attribute's present category: two mismatches then add to 1. */
  static final double NOMINAL_LEVEL = Math.sqrt(0.5);

  private final Instances header;
  private final Normalization normalization;

  /** Attribute indices that are clustered, in column order. */
  private final int[] attributes;

  /** First matrix column of each clustered attribute. */
  private final int[] firstColumn;

  /** For numeric attributes: the value subtracted before scaling. */
  private final double[] offset;

  /** For numeric attributes: the value divided by after the offset (never 0). */
  private final double[] scale;

  /** Replacement for a missing value: the weighted mean (numeric) or mode index (nominal). */
  private final double[] replacement;

  /** For numeric attributes: encoded as 0 for every instance (no present value, or no spread). */
  private final boolean[] flat;

  /** No training value was present: the attribute is encoded as zeros and decoded as missing. */
  private final boolean[] absent;

  /** Whether some clustered training value was missing and replaced. */
  private final boolean missingValuesReplaced;

  private final int columns;

  private InstanceEncoder(
      Instances header,
      Normalization normalization,
      int[] attributes,
      int[] firstColumn,
      double[] offset,
      double[] scale,
      double[] replacement,
      boolean[] flat,
      boolean[] absent,
      boolean missingValuesReplaced,
      int columns) {
    this.header = header;
    this.normalization = normalization;
    this.attributes = attributes;
    this.firstColumn = firstColumn;
    this.offset = offset;
    this.scale = scale;
    this.replacement = replacement;
    this.flat = flat;
    this.absent = absent;
    this.missingValuesReplaced = missingValuesReplaced;
    this.columns = columns;
  }

  /**
   * The encoding of data whose attributes are all numeric (none the class), learnt elsewhere (on a
   * cluster): attribute {@code a} is encoded as {@code (value - offset[a]) / scale[a]}, or 0 where
   * {@code flat[a]}, and a missing value is replaced by {@code mean[a]}.
   *
   * @throws IllegalArgumentException if an attribute is not numeric, an array's length is not the
   *     number of attributes, or a scale is not positive
   */
  public static InstanceEncoder ofNumeric(
      Instances header,
      Normalization normalization,
      double[] offset,
      double[] scale,
      boolean[] flat,
      double[] mean) {
    int count = header.numAttributes();
    if (header.classIndex() >= 0) {
      throw new IllegalArgumentException("The header of a numeric encoding has no class.");
    }
    if (offset.length != count
        || scale.length != count
        || flat.length != count
        || mean.length != count) {
      throw new IllegalArgumentException(
          "The header has " + count + " attributes but the scaling has other lengths.");
    }
    int[] used = new int[count];
    for (int a = 0; a < count; a++) {
      if (!header.attribute(a).isNumeric()) {
        throw new IllegalArgumentException(
            "Attribute '" + header.attribute(a).name() + "' is not numeric.");
      }
      if (!(scale[a] > 0) || Double.isInfinite(scale[a])) {
        throw new IllegalArgumentException(
            "Attribute '" + header.attribute(a).name() + "' has scale " + scale[a] + ".");
      }
      used[a] = a;
    }
    return new InstanceEncoder(
        new Instances(header, 0),
        normalization,
        used,
        used.clone(),
        offset.clone(),
        scale.clone(),
        mean.clone(),
        flat.clone(),
        new boolean[count],
        false,
        count);
  }

  /**
   * Learns the encoding of {@code data}: which attributes are clustered, their scaling and the
   * replacements for missing values.
   *
   * @throws WekaException if no attribute is left to cluster, or the data hold a value or weight
   *     that cannot be clustered (see the class comment)
   */
  public static InstanceEncoder fit(Instances data, Normalization normalization)
      throws WekaException, InterruptedException {
    return fit(TrainingRows.of(data), normalization);
  }

  /**
   * Learns the encoding of {@code rows}, as {@link #fit(Instances, Normalization)} learns that of a
   * data set holding the same rows.
   *
   * @throws WekaException as {@link #fit(Instances, Normalization)}
   */
  public static InstanceEncoder fit(TrainingRows rows, Normalization normalization)
      throws WekaException, InterruptedException {
    Instances data = rows.header();
    int[] used = ClusteredAttributes.required(data);
    // Only standardisation needs the deviations, which cost a second pass over the rows.
    boolean withDeviations = normalization == Normalization.STANDARDIZE;
    return fromSummaries(
        data, normalization, used, AttributeSummary.of(rows, used, withDeviations));
  }

  /**
   * The number of matrix columns of data with {@code header}: as many as {@link #columns()} of an
   * encoding learnt from them.
   *
   * @throws WekaException if no attribute can be clustered, or the coordinates are more than an
   *     array holds
   */
  public static int columnsOf(Instances header) throws WekaException {
    int[] used = ClusteredAttributes.required(header);
    return columnLayout(header, used, new int[used.length]);
  }

  /**
   * Whether every raw training value is its own encoding, so that encoding the rows in place would
   * leave every bit as it is: all clustered attributes numeric, kept ({@code -normalize none}:
   * offset +0, scale 1, not flat), and no value missing. {@code (v - 0.0) / 1} is {@code v} for
   * every finite {@code v}, -0.0 included.
   */
  boolean encodesRawValuesAsThemselves() {
    if (missingValuesReplaced) {
      return false;
    }
    for (int a = 0; a < attributes.length; a++) {
      if (header.attribute(attributes[a]).isNominal()
          || flat[a]
          || Double.doubleToRawLongBits(offset[a]) != 0
          || scale[a] != 1) {
        return false;
      }
    }
    return true;
  }

  /** Which clustered attributes are nominal, looked up once rather than for every row. */
  boolean[] nominalAttributes() {
    boolean[] nominal = new boolean[attributes.length];
    for (int a = 0; a < attributes.length; a++) {
      nominal[a] = header.attribute(attributes[a]).isNominal();
    }
    return nominal;
  }

  /**
   * Replaces the raw values of the row at {@code base} of {@code values}, each attribute's raw
   * value (NaN if missing) at its first column and zeros elsewhere, by their encoding: the values
   * {@link #encodeInto} writes for them. {@code nominal} is {@link #nominalAttributes()}.
   */
  void encodeRawInPlace(double[] values, int base, boolean[] nominal) {
    for (int a = 0; a < attributes.length; a++) {
      int column = base + firstColumn[a];
      double given = values[column];
      double value = Double.isNaN(given) ? replacement[a] : given;
      if (nominal[a]) {
        values[column] = 0;
        if (!absent[a]) {
          values[column + (int) value] = NOMINAL_LEVEL;
        }
      } else {
        values[column] = flat[a] ? 0 : (value - offset[a]) / scale[a];
      }
    }
  }

  /**
   * Writes into {@code firstColumn} the first matrix column of each clustered attribute {@code
   * used} of {@code header} (a nominal attribute takes one column per value, the others one) and
   * returns the number of columns.
   *
   * @throws WekaException if the coordinates are more than an array holds
   */
  static int columnLayout(Instances header, int[] used, int[] firstColumn) throws WekaException {
    long columns = 0;
    for (int a = 0; a < used.length; a++) {
      firstColumn[a] = (int) columns;
      Attribute attribute = header.attribute(used[a]);
      columns += attribute.isNominal() ? attribute.numValues() : 1;
      if (columns > Integer.MAX_VALUE) {
        throw new WekaException(
            "The attributes need " + columns + " coordinates, more than FastKMeans can hold.");
      }
    }
    return (int) columns;
  }

  /** Refuses a matrix of {@code rows} rows of {@code columns} values that no array can hold. */
  static void checkMatrixSize(int rows, int columns) throws WekaException {
    if ((long) rows * columns > Integer.MAX_VALUE - 8) {
      throw new WekaException(
          rows
              + " instances of "
              + columns
              + " coordinates each are more values than one Java array holds ("
              + (Integer.MAX_VALUE - 8)
              + "); cluster a sample or fewer attributes.");
    }
  }

  /**
   * The encoding of data with {@code header} whose clustered attributes {@code used} have the
   * statistics {@code summaries}.
   *
   * @throws WekaException if a numeric attribute's span is larger than the largest double, or the
   *     coordinates are more than an array holds
   */
  static InstanceEncoder fromSummaries(
      Instances header, Normalization normalization, int[] used, AttributeSummary[] summaries)
      throws WekaException {
    Instances data = header;
    int[] firstColumn = new int[used.length];
    double[] offset = new double[used.length];
    double[] scale = new double[used.length];
    double[] replacement = new double[used.length];
    boolean[] flat = new boolean[used.length];
    boolean[] absent = new boolean[used.length];
    boolean missingValuesReplaced = false;
    int columns = columnLayout(data, used, firstColumn);
    for (int a = 0; a < used.length; a++) {
      Attribute attribute = data.attribute(used[a]);
      AttributeSummary summary = summaries[a];
      missingValuesReplaced |= summary.missing() > 0;
      absent[a] = summary.present() == 0;
      if (attribute.isNominal()) {
        replacement[a] = summary.mode();
        scale[a] = 1;
      } else {
        if (!Double.isFinite(summary.max() - summary.min())) {
          throw new WekaException(
              "Attribute '"
                  + attribute.name()
                  + "' ranges from "
                  + summary.min()
                  + " to "
                  + summary.max()
                  + ", a span larger than the largest double; rescale it.");
        }
        flat[a] =
            absent[a] || (normalization != Normalization.NONE && summary.max() == summary.min());
        replacement[a] = summary.mean();
        switch (normalization) {
          case RANGE:
            offset[a] = summary.min();
            scale[a] = nonZero(summary.max() - summary.min());
            break;
          case STANDARDIZE:
            offset[a] = summary.mean();
            scale[a] = nonZero(summary.standardDeviation());
            break;
          case NONE:
            scale[a] = 1;
            break;
          default:
            throw new IllegalStateException("Unhandled normalization " + normalization);
        }
      }
    }
    return new InstanceEncoder(
        new Instances(data, 0),
        normalization,
        used,
        firstColumn,
        offset,
        scale,
        replacement,
        flat,
        absent,
        missingValuesReplaced,
        columns);
  }

  /** A constant attribute has zero spread; dividing by 1 then maps it to a constant column. */
  private static double nonZero(double spread) {
    return spread > 0 && Double.isFinite(spread) ? spread : 1;
  }

  /**
   * This encoding with every value kept: no attribute encoded as constant zeros for having no
   * spread or no value in the rows it was learnt from (it may have them in rows still to come);
   * such attributes keep their raw values (offset 0, scale 1). For summarising a stream while its
   * statistics are still incomplete.
   */
  InstanceEncoder keepingEveryValue() {
    double[] keptOffset = offset.clone();
    double[] keptScale = scale.clone();
    for (int a = 0; a < attributes.length; a++) {
      if (absent[a]) {
        keptOffset[a] = 0;
        keptScale[a] = 1;
      }
    }
    return new InstanceEncoder(
        header,
        normalization,
        attributes,
        firstColumn,
        keptOffset,
        keptScale,
        replacement,
        new boolean[attributes.length],
        new boolean[attributes.length],
        missingValuesReplaced,
        columns);
  }

  /**
   * Re-expresses, in this encoding, {@code count} points (row-major) encoded by {@code from}, an
   * encoding of the same header: numeric coordinates are taken back to original units and scaled
   * anew; nominal ones are kept, or zeroed where this encoding has no value for the attribute.
   * Weighted means of points stay weighted means, since the change is affine per column.
   */
  double[] recode(double[] points, int count, InstanceEncoder from) {
    double[] out = new double[count * columns];
    for (int p = 0; p < count; p++) {
      for (int a = 0; a < attributes.length; a++) {
        int column = firstColumn[a];
        if (header.attribute(attributes[a]).isNominal()) {
          int values = header.attribute(attributes[a]).numValues();
          if (!absent[a]) {
            System.arraycopy(points, p * columns + column, out, p * columns + column, values);
          }
        } else if (!flat[a]) {
          double raw = points[p * columns + column] * from.scale[a] + from.offset[a];
          out[p * columns + column] = (raw - offset[a]) / scale[a];
        }
      }
    }
    return out;
  }

  /** The training header (no instances). */
  public Instances header() {
    return header;
  }

  /** The normalization in force. */
  public Normalization normalization() {
    return normalization;
  }

  /** The number of matrix columns. */
  public int columns() {
    return columns;
  }

  /** Whether some clustered training value was missing and replaced by the mean or mode. */
  public boolean missingValuesReplaced() {
    return missingValuesReplaced;
  }

  /**
   * Whether clustered attribute {@code a} had no present training value; it then takes no part in
   * distances (every instance, training or new, is encoded as zeros there) and its centroid values
   * are missing.
   */
  public boolean isAbsent(int a) {
    return absent[a];
  }

  /** The clustered attribute that matrix column {@code column} belongs to. */
  public int attributeOfColumn(int column) {
    int a = Arrays.binarySearch(firstColumn, column);
    // Columns of a nominal attribute after its first are not keys: they lie after its first column.
    return a >= 0 ? a : -a - 2;
  }

  /**
   * The weighted mean of clustered attribute {@code a}'s present training values, in the
   * attribute's own units, or for a nominal attribute the index of its most frequent value: the
   * value a missing one is replaced by, and the model output's "Full Data" column.
   */
  public double meanOrMode(int a) {
    return replacement[a];
  }

  /** The number of attributes that are clustered. */
  public int clusteredAttributeCount() {
    return attributes.length;
  }

  /** The header index of the {@code a}-th clustered attribute. */
  public int attributeIndex(int a) {
    return attributes[a];
  }

  /**
   * Encodes all of {@code data} (which must have the training header) into a new matrix with the
   * instance weights.
   */
  public DataMatrix encode(Instances data) throws WekaException, InterruptedException {
    checkHeader(data);
    return encode(TrainingRows.of(data));
  }

  /**
   * Encodes all of {@code training} (which must have the training header) into a new matrix with
   * the row weights.
   */
  public DataMatrix encode(TrainingRows training) throws WekaException, InterruptedException {
    checkHeader(training.header());
    int rows = training.count();
    checkMatrixSize(rows, columns);
    double[] values = new double[rows * columns];
    double[] weights = new double[rows];
    for (int row = 0; row < rows; row++) {
      if (row % RowChunks.CHUNK_ROWS == 0) {
        Interruption.check("Encoding the data");
      }
      int at = row;
      encodeInto(index -> training.value(at, index), row, values, row * columns);
      weights[row] = training.weight(row);
    }
    return DataMatrix.of(rows, columns, values, weights);
  }

  /**
   * Encodes row {@code row} of {@code training} (which must have the training header) into {@code
   * out[0 .. columns())}, which must hold zeros.
   */
  void encodeRow(TrainingRows training, int row, double[] out) throws WekaException {
    encodeInto(index -> training.value(row, index), row, out, 0);
  }

  /**
   * Encodes one instance into a new row of {@link #columns()} values. The instance has either the
   * training attributes or, when the training data had a class, all but the class: Weka's cluster
   * evaluation removes the class before it asks for clusters.
   */
  public double[] encode(Instance instance) throws WekaException {
    if (instance == null) {
      throw new WekaException("No instance was given (null).");
    }
    int classIndex = header.classIndex();
    boolean classRemoved =
        classIndex >= 0 && instance.numAttributes() == header.numAttributes() - 1;
    if (instance.numAttributes() != header.numAttributes() && !classRemoved) {
      throw new WekaException(
          "The instance has "
              + instance.numAttributes()
              + " attributes but the model was trained on "
              + header.numAttributes()
              + ".");
    }
    int removedIndex = classRemoved ? classIndex : -1;
    checkTypes(instance, removedIndex);
    double[] row = new double[columns];
    encodeInto(
        index -> instance.value(removedIndex >= 0 && index > removedIndex ? index - 1 : index),
        -1,
        row,
        0);
    return row;
  }

  /**
   * Checks, when {@code instance} belongs to a data set, that each clustered attribute has the
   * training type and, if nominal, the training values in the training order. An instance without a
   * data set can only be checked by its number of attributes and its values.
   */
  private void checkTypes(Instance instance, int removedIndex) throws WekaException {
    Instances dataset = instance.dataset();
    if (dataset == null) {
      return;
    }
    for (int index : attributes) {
      int position = removedIndex >= 0 && index > removedIndex ? index - 1 : index;
      Attribute trained = header.attribute(index);
      Attribute given = dataset.attribute(position);
      if (given == trained) {
        continue;
      }
      if (given.type() != trained.type()) {
        throw new WekaException(
            "Attribute "
                + (position + 1)
                + " of the instance ('"
                + given.name()
                + "') is "
                + Attribute.typeToString(given)
                + " but the model was trained on a "
                + Attribute.typeToString(trained)
                + " attribute '"
                + trained.name()
                + "'.");
      }
      if (trained.isNominal() && !sameValues(trained, given)) {
        throw new WekaException(
            "Nominal attribute '"
                + given.name()
                + "' of the instance has the values "
                + values(given)
                + " but the model was trained on "
                + values(trained)
                + ".");
      }
    }
  }

  private static boolean sameValues(Attribute a, Attribute b) {
    if (a.numValues() != b.numValues()) {
      return false;
    }
    for (int v = 0; v < a.numValues(); v++) {
      if (!a.value(v).equals(b.value(v))) {
        return false;
      }
    }
    return true;
  }

  private static String values(Attribute attribute) {
    StringBuilder text = new StringBuilder("{");
    for (int v = 0; v < attribute.numValues(); v++) {
      text.append(v == 0 ? "" : ",").append(attribute.value(v));
    }
    return text.append('}').toString();
  }

  /** The raw values of one row, by training attribute index (NaN for a missing value). */
  @FunctionalInterface
  private interface RawValues {
    double of(int attribute);
  }

  /**
   * Writes the encoding of the row whose raw values are {@code raw} to {@code out[base ..]}; {@code
   * row} is its index in the training data, for messages, or -1.
   */
  private void encodeInto(RawValues raw, int row, double[] out, int base) throws WekaException {
    for (int a = 0; a < attributes.length; a++) {
      int index = attributes[a];
      double given = raw.of(index);
      double value = Double.isNaN(given) ? replacement[a] : given;
      int column = base + firstColumn[a];
      Attribute attribute = header.attribute(index);
      if (attribute.isNominal()) {
        if (!AttributeValues.isValueIndex(attribute, value)) {
          throw AttributeValues.notAValueIndex(attribute, row, value);
        }
        if (!absent[a]) {
          out[column + (int) value] = NOMINAL_LEVEL;
        }
      } else {
        if (!Double.isFinite(value)) {
          throw AttributeValues.refusal(
              attribute, row, value, "; FastKMeans needs finite numbers.");
        }
        out[column] = flat[a] ? 0 : (value - offset[a]) / scale[a];
      }
    }
  }

  /**
   * Checks that {@code data} has the training attributes.
   *
   * @throws WekaException naming the first difference
   */
  public void checkHeader(Instances data) throws WekaException {
    if (data == header) {
      return;
    }
    String difference = header.equalHeadersMsg(data);
    if (difference != null) {
      throw new WekaException("The data do not match the training data: " + difference);
    }
  }

  /**
   * The value in original units of the numeric clustered attribute {@code a} at encoded {@code x}.
   */
  public double decodeNumeric(int a, double x) {
    return x * scale[a] + offset[a];
  }

  /** The scale factor of clustered attribute {@code a}: original units per encoded unit. */
  public double scale(int a) {
    return scale[a];
  }

  /** The first column of clustered attribute {@code a}. */
  public int firstColumn(int a) {
    return firstColumn[a];
  }

  /**
   * The weighted frequency of each value of nominal clustered attribute {@code a} in an encoded
   * centre (row-major {@code centres}, centre {@code c}).
   */
  public double[] decodeFrequencies(int a, double[] centres, int c) {
    int values = header.attribute(attributes[a]).numValues();
    double[] frequencies = new double[values];
    for (int v = 0; v < values; v++) {
      frequencies[v] = centres[c * columns + firstColumn[a] + v] / NOMINAL_LEVEL;
    }
    return frequencies;
  }

  /**
   * Decodes encoded centre {@code c} of {@code centres} into an instance of the training header:
   * numeric attributes in original units, nominal ones as their most frequent value, the rest
   * missing.
   */
  public double[] decodeCentre(double[] centres, int c) {
    double[] values = new double[header.numAttributes()];
    Arrays.fill(values, Utils.missingValue());
    for (int a = 0; a < attributes.length; a++) {
      int index = attributes[a];
      if (absent[a]) {
        values[index] = Utils.missingValue();
      } else if (header.attribute(index).isNominal()) {
        values[index] = Utils.maxIndex(decodeFrequencies(a, centres, c));
      } else {
        values[index] = decodeNumeric(a, centres[c * columns + firstColumn[a]]);
      }
    }
    return values;
  }
}
