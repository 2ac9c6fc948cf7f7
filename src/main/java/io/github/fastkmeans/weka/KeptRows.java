package io.github.fastkmeans.weka;

import java.util.Arrays;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.WekaException;

/**
 * Rows kept as they arrive from a stream, in compact form: only the clustered attributes' raw
 * values (nominal values as indices, missing values as NaN) and the weight, in blocks of {@link
 * #BLOCK_ROWS} rows so that growing never copies what is already kept.
 */
final class KeptRows implements TrainingRows {

  /** Rows per block; a power of two, so that a row's block and place are a shift and a mask. */
  static final int BLOCK_ROWS = 4096;

  private static final int BLOCK_SHIFT = Integer.numberOfTrailingZeros(BLOCK_ROWS);

  private final Instances header;

  /** The header indices of the kept attributes, in order. */
  private final int[] attributes;

  /** For each header index, its place among the kept attributes, or -1 when it is not kept. */
  private final int[] slot;

  private double[][] values = new double[0][];
  private double[][] weights = new double[0][];
  private int count;

  /** No rows yet, for data with the attributes of {@code header}. */
  KeptRows(Instances header) {
    this.header = new Instances(header, 0);
    this.attributes = ClusteredAttributes.of(header);
    this.slot = new int[header.numAttributes()];
    Arrays.fill(slot, -1);
    for (int a = 0; a < attributes.length; a++) {
      slot[attributes[a]] = a;
    }
  }

  /** Keeps the values and the weight of {@code instance}, which has the header's attributes. */
  void add(Instance instance) {
    int block = count >>> BLOCK_SHIFT;
    int place = count & (BLOCK_ROWS - 1);
    if (block == values.length) {
      values = Arrays.copyOf(values, block + 1);
      weights = Arrays.copyOf(weights, block + 1);
      values[block] = new double[BLOCK_ROWS * attributes.length];
      weights[block] = new double[BLOCK_ROWS];
    }
    int base = place * attributes.length;
    for (int a = 0; a < attributes.length; a++) {
      values[block][base + a] = instance.value(attributes[a]);
    }
    weights[block][place] = instance.weight();
    count++;
  }

  /** The bytes a kept row takes: its kept values and its weight. */
  long bytesPerRow() {
    return 8L * (attributes.length + 1);
  }

  @Override
  public Instances header() {
    return header;
  }

  @Override
  public int count() {
    return count;
  }

  @Override
  public double value(int row, int attribute) {
    int a = slot[attribute];
    if (a < 0) {
      // Not a clustered attribute (the class, a string): nothing reads it.
      return Double.NaN;
    }
    return values[row >>> BLOCK_SHIFT][(row & (BLOCK_ROWS - 1)) * attributes.length + a];
  }

  /** Consecutive clustered attributes are kept side by side: a span is one array copy. */
  @Override
  public void copyValues(int row, int attribute, int count, double[] into, int at) {
    int first = slot[attribute];
    if (first < 0 || slot[attribute + count - 1] != first + count - 1) {
      TrainingRows.super.copyValues(row, attribute, count, into, at);
      return;
    }
    int from = (row & (BLOCK_ROWS - 1)) * attributes.length + first;
    System.arraycopy(values[row >>> BLOCK_SHIFT], from, into, at, count);
  }

  @Override
  public double weight(int row) {
    return weights[row >>> BLOCK_SHIFT][row & (BLOCK_ROWS - 1)];
  }

  /** Tests the header's attributes (the rows hold no other kind of value). */
  @Override
  public void test(Capabilities capabilities) throws WekaException {
    testHeader(header, capabilities);
  }

  /**
   * Tests the attributes of {@code header} against {@code capabilities}, as a build on data with
   * this header would.
   *
   * @throws WekaException naming the refused attribute
   */
  static void testHeader(Instances header, Capabilities capabilities) throws WekaException {
    CapabilityCheck.run(
        () -> {
          for (int i = 0; i < header.numAttributes(); i++) {
            capabilities.testWithFail(header.attribute(i), i == header.classIndex());
          }
        });
  }
}
