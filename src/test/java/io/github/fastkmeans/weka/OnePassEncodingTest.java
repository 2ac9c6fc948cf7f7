package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.WekaException;

/**
 * {@link OnePassEncoding#of}, which learns the encoding and encodes the rows in one read of them on
 * several threads, gives exactly the encoder and matrix of learning and encoding apart.
 */
class OnePassEncodingTest {

  /**
   * Rows enough for many runs of summed rows (at least 512 rows each), with missing values, weights
   * of several magnitudes, a nominal attribute and values far from the origin, so that the order of
   * the sums shows in their last bits.
   */
  private static Instances data(int rows, long seed) {
    Random random = new Random(seed);
    double[] x = new double[rows];
    String[] colour = new String[rows];
    double[] weights = new double[rows];
    String[] colours = {"red", "green", "blue"};
    for (int row = 0; row < rows; row++) {
      x[row] = random.nextInt(10) == 0 ? Double.NaN : 1e6 + random.nextGaussian() * 1e3;
      colour[row] = random.nextInt(12) == 0 ? null : colours[random.nextInt(3)];
      weights[row] =
          random.nextInt(5) == 0 ? 0 : Math.scalb(random.nextDouble(), random.nextInt(9));
    }
    return TestData.xAndColour(x, colour, weights);
  }

  @ParameterizedTest
  @EnumSource(Normalization.class)
  void oneReadGivesTheEncoderAndMatrixOfTwo(Normalization normalization) throws Exception {
    Instances data = data(20_000, 7);
    InstanceEncoder apart = InstanceEncoder.fit(data, normalization);
    DataMatrix expected = apart.encode(data);
    for (int threads : new int[] {1, 2, 3}) {
      OnePassEncoding.Encoded together = encodeOnThreads(data, normalization, threads);
      assertArrayEquals(expected.values(), together.matrix.values(), 0, threads + " threads");
      for (int r = 0; r < expected.rows(); r++) {
        assertEquals(expected.weight(r), together.matrix.weight(r), 0);
      }
      // The same encoder: the same encoding of a new row and the same decoding of a centre.
      double[] row = together.encoder.encode(data.instance(3));
      assertArrayEquals(apart.encode(data.instance(3)), row, 0);
      assertArrayEquals(apart.decodeCentre(row, 0), together.encoder.decodeCentre(row, 0), 0);
      assertEquals(apart.missingValuesReplaced(), together.encoder.missingValuesReplaced());
    }
  }

  /**
   * Under -normalize none, numeric rows without missing values are their own encoding and are not
   * rewritten: the matrix holds the instances' values bit for bit (-0.0, subnormals and the largest
   * doubles among them) and equals the encoding learnt apart, on any number of threads.
   */
  @Test
  void numericRowsWithoutMissingValuesKeepTheirBitsUnderNone() throws Exception {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("a"));
    attributes.add(new Attribute("b"));
    Instances data = new Instances("numeric", attributes, 20_000);
    Random random = new Random(3);
    double[] special = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, 1e300, -1e300};
    for (int row = 0; row < 20_000; row++) {
      double a = row < special.length ? special[row] : 1e6 + random.nextGaussian() * 1e3;
      double b = random.nextGaussian() * Math.scalb(1.0, random.nextInt(40) - 20);
      data.add(new DenseInstance(1 + random.nextInt(3), new double[] {a, b}));
    }
    InstanceEncoder apart = InstanceEncoder.fit(data, Normalization.NONE);
    long[] expected = bits(apart.encode(data).values());
    long[] raw = new long[2 * data.numInstances()];
    for (int row = 0; row < data.numInstances(); row++) {
      raw[2 * row] = Double.doubleToRawLongBits(data.instance(row).value(0));
      raw[2 * row + 1] = Double.doubleToRawLongBits(data.instance(row).value(1));
    }
    assertArrayEquals(raw, expected);
    for (int threads : new int[] {1, 2, 3}) {
      OnePassEncoding.Encoded together = encodeOnThreads(data, Normalization.NONE, threads);
      assertArrayEquals(expected, bits(together.matrix.values()), threads + " threads");
    }
  }

  /**
   * Numeric attributes only (5 and 12 of them), summed a block of rows at once: the same encoder
   * and matrix as value by value, with unit weights and then other ones (the runs of the weighted
   * part start with unit rows), missing values and an infinite-sum overflow in some blocks (undone
   * and summed value by value), and zeros of both signs, whose minimum and maximum keep Math.min's
   * and Math.max's sign.
   */
  @ParameterizedTest
  @EnumSource(Normalization.class)
  void numericAttributesSummedByBlocksGiveTheEncodingOfValueByValue(Normalization normalization)
      throws Exception {
    for (int columns : new int[] {5, 12}) {
      numericRowsSummedByBlocksGiveTheEncodingOfValueByValue(normalization, columns);
    }
  }

  private static void numericRowsSummedByBlocksGiveTheEncodingOfValueByValue(
      Normalization normalization, int columns) throws Exception {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int j = 0; j < columns; j++) {
      attributes.add(new Attribute("a" + j));
    }
    Instances data = new Instances("numeric", attributes, 30_000);
    Random random = new Random(13);
    for (int row = 0; row < 30_000; row++) {
      double[] values = new double[columns];
      for (int j = 0; j < columns; j++) {
        values[j] = 1e6 + random.nextGaussian() * 1e3 * (j + 1);
      }
      if (row % 4_000 == 17) {
        values[row % columns] = Double.NaN;
      }
      // Attribute 3 is zero of either sign in most rows, its least and greatest values zeros.
      values[3] = row % 3 == 0 ? 0.0 : -0.0;
      if (row % 7_000 == 100) {
        values[3] = 0.0;
      }
      // Attribute 4 overflows its plain sum in the rows from 25,000 (two values of 1e308).
      if (row == 25_000 || row == 25_001) {
        values[4] = 1e308;
      }
      double weight = row < 15_000 ? 1 : Math.scalb(random.nextDouble(), random.nextInt(9));
      data.add(new DenseInstance(weight, values));
    }
    InstanceEncoder apart = InstanceEncoder.fit(data, normalization);
    long[] expected = bits(apart.encode(data).values());
    for (int threads : new int[] {1, 2, 3}) {
      OnePassEncoding.Encoded together = encodeOnThreads(data, normalization, threads);
      assertArrayEquals(
          expected, bits(together.matrix.values()), columns + " columns, " + threads + " threads");
      double[] centre = together.encoder.encode(data.instance(20_000));
      assertArrayEquals(
          bits(apart.decodeCentre(centre, 0)), bits(together.encoder.decodeCentre(centre, 0)));
    }
  }

  /** With numeric attributes only, the first refused row is named as value by value names it. */
  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void theFirstRefusedNumericRowIsNamed(int threads) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int j = 0; j < 4; j++) {
      attributes.add(new Attribute("a" + j));
    }
    Instances data = new Instances("numeric", attributes, 20_000);
    for (int row = 0; row < 20_000; row++) {
      data.add(new DenseInstance(1, new double[] {row, -row, row % 5, Double.NaN}));
    }
    // In one block, a later attribute's refusal in an earlier row comes first.
    data.instance(9_001).setValue(0, Double.NEGATIVE_INFINITY);
    data.instance(9_000).setValue(2, Double.POSITIVE_INFINITY);
    data.instance(12_000).setWeight(-1);
    WekaException refusal =
        assertThrows(WekaException.class, () -> encodeOnThreads(data, Normalization.NONE, threads));
    assertTrue(
        refusal.getMessage().startsWith("Attribute 'a2' of instance 9001 holds Infinity"),
        refusal.getMessage());
  }

  /** Weights that are all 1 are left out of the matrix, which then gives 1 for every row. */
  @Test
  void unitWeightsAreNotKept() throws Exception {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("a"));
    Instances data = new Instances("unit", attributes, 3_000);
    for (int row = 0; row < 3_000; row++) {
      data.add(new DenseInstance(1, new double[] {row % 17}));
    }
    for (int threads : new int[] {1, 3}) {
      DataMatrix unit = encodeOnThreads(data, Normalization.RANGE, threads).matrix;
      assertFalse(unit.hasWeights(), threads + " threads");
      assertEquals(3_000, unit.totalWeight(), 0);
      assertEquals(1, unit.weight(2_999), 0);
    }
    // One weight other than 1, in the last run, and every weight is kept.
    data.instance(2_999).setWeight(2);
    DataMatrix weighted = encodeOnThreads(data, Normalization.RANGE, 3).matrix;
    assertTrue(weighted.hasWeights());
    assertEquals(2, weighted.weight(2_999), 0);
    assertEquals(1, weighted.weight(0), 0);
  }

  /**
   * Numeric data with unit weights, the common case, cost the matrix and little else: fresh memory
   * is slow to touch on some machines (2.7 ms a megabyte on the benchmark's virtual machine), and a
   * scratch array for every run of rows once cost twice the matrix.
   */
  @Test
  void encodingAllocatesLittleBeyondTheMatrix() throws Exception {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("x"));
    attributes.add(new Attribute("y"));
    Instances data = new Instances("two columns", attributes, 100_000);
    Random random = new Random(3);
    for (int row = 0; row < 100_000; row++) {
      data.add(new DenseInstance(1, new double[] {random.nextGaussian(), random.nextGaussian()}));
    }
    com.sun.management.ThreadMXBean allocation =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    // A first encoding loads the classes, whose allocations are the JVM's, once.
    OnePassEncoding.of(TrainingRows.of(data), Normalization.NONE, 1);
    long before = allocation.getCurrentThreadAllocatedBytes();
    // One thread: every allocation is the calling thread's, as the encoder takes it for these data.
    DataMatrix matrix = OnePassEncoding.of(TrainingRows.of(data), Normalization.NONE, 1).matrix;
    long allocated = allocation.getCurrentThreadAllocatedBytes() - before;
    long matrixBytes = 8L * matrix.values().length;
    assertTrue(
        allocated < matrixBytes + matrixBytes / 10,
        allocated + " bytes allocated for a matrix of " + matrixBytes);
  }

  /**
   * {@link OnePassEncoding#of} on {@code threads} threads, however few the values: these data are
   * too small for a second thread by the encoder's own rule.
   */
  private static OnePassEncoding.Encoded encodeOnThreads(
      Instances data, Normalization normalization, int threads) throws Exception {
    return OnePassEncoding.of(TrainingRows.of(data), normalization, threads, 1);
  }

  private static long[] bits(double[] values) {
    long[] bits = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Double.doubleToRawLongBits(values[i]);
    }
    return bits;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void theFirstRefusedRowIsNamedWhateverTheThreads(int threads) {
    Instances data = data(20_000, 11);
    data.instance(15_000).setWeight(-1);
    data.instance(4_321).setWeight(Double.NaN);
    data.instance(17_000).setValue(0, Double.POSITIVE_INFINITY);
    WekaException refusal =
        assertThrows(
            WekaException.class, () -> encodeOnThreads(data, Normalization.RANGE, threads));
    assertTrue(
        refusal.getMessage().startsWith("Instance 4322 has weight NaN"), refusal.getMessage());
  }

  /**
   * Numeric attributes side by side are copied a span at a time: spans broken by the class in the
   * middle, by a nominal attribute (one-hot columns) and by a string attribute left out still put
   * every raw value in its column, as learning and encoding apart do.
   */
  @ParameterizedTest
  @EnumSource(Normalization.class)
  void spansOfAttributesAroundTheClassAndNominalsLandInTheirColumns(Normalization normalization)
      throws Exception {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("a"));
    attributes.add(new Attribute("b"));
    attributes.add(new Attribute("class", List.of("yes", "no")));
    attributes.add(new Attribute("c"));
    attributes.add(new Attribute("d"));
    attributes.add(new Attribute("colour", List.of("red", "green", "blue")));
    attributes.add(new Attribute("e"));
    attributes.add(new Attribute("note", (List<String>) null));
    attributes.add(new Attribute("f"));
    Instances data = new Instances("spans", attributes, 0);
    data.setClassIndex(2);
    Random random = new Random(11);
    for (int row = 0; row < 3_000; row++) {
      double[] values = new double[attributes.size()];
      for (int a = 0; a < values.length; a++) {
        values[a] = random.nextGaussian() * (a + 1) + 10 * a;
      }
      values[2] = random.nextInt(2);
      values[5] = random.nextInt(20) == 0 ? Double.NaN : random.nextInt(3);
      values[7] = data.attribute(7).addStringValue("n" + random.nextInt(4));
      if (random.nextInt(30) == 0) {
        values[4] = Double.NaN;
      }
      data.add(new DenseInstance(1, values));
    }
    DataMatrix expected = InstanceEncoder.fit(data, normalization).encode(data);
    for (int threads : new int[] {1, 2, 3}) {
      OnePassEncoding.Encoded together = encodeOnThreads(data, normalization, threads);
      assertArrayEquals(expected.values(), together.matrix.values(), 0, threads + " threads");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void theDataAreNotModified(int threads) throws Exception {
    Instances data = data(3_000, 5);
    Instances copy = new Instances(data);
    encodeOnThreads(data, Normalization.STANDARDIZE, threads);
    for (int row = 0; row < data.numInstances(); row++) {
      assertArrayEquals(copy.instance(row).toDoubleArray(), data.instance(row).toDoubleArray(), 0);
      assertEquals(copy.instance(row).weight(), data.instance(row).weight(), 0);
    }
  }

  /**
   * Weights other than 1 are kept as the rows are read, each row's weight read once: rows that
   * weigh 1 before the first other weight (a run's earlier blocks, and whole runs) keep 1.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void everyWeightIsReadOnce(int threads) throws Exception {
    // 20 columns: blocks of 204 rows, several to a run of 512 or more.
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int a = 0; a < 20; a++) {
      attributes.add(new Attribute("a" + a));
    }
    Instances data = new Instances("weighted", attributes, 6_000);
    Random random = new Random(11);
    for (int row = 0; row < 6_000; row++) {
      double[] values = new double[20];
      for (int a = 0; a < 20; a++) {
        values[a] = random.nextGaussian();
      }
      double weight = row == 800 ? 0.25 : row < 4_000 ? 1 : random.nextInt(4);
      data.add(new DenseInstance(weight, values));
    }
    CountedWeights rows = new CountedWeights(TrainingRows.of(data));
    DataMatrix matrix = OnePassEncoding.of(rows, Normalization.STANDARDIZE, threads, 1).matrix;
    assertTrue(matrix.hasWeights());
    for (int row = 0; row < data.numInstances(); row++) {
      assertEquals(1, rows.reads.get(row), "reads of row " + row + "'s weight");
      assertEquals(data.instance(row).weight(), matrix.weight(row), 0, "row " + row);
    }
  }

  /** Rows that count how often each row's weight is read. */
  private static final class CountedWeights implements TrainingRows {
    private final TrainingRows rows;
    final AtomicIntegerArray reads;

    CountedWeights(TrainingRows rows) {
      this.rows = rows;
      this.reads = new AtomicIntegerArray(rows.count());
    }

    @Override
    public Instances header() {
      return rows.header();
    }

    @Override
    public int count() {
      return rows.count();
    }

    @Override
    public double value(int row, int attribute) {
      return rows.value(row, attribute);
    }

    @Override
    public double weight(int row) {
      reads.incrementAndGet(row);
      return rows.weight(row);
    }

    @Override
    public void test(Capabilities capabilities) throws WekaException {
      rows.test(capabilities);
    }
  }
}
