package io.github.fastkmeans.weka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * The encoding of numeric Weka instances alone: the per-attribute sums of a matrix of rows, taken
 * value by value ({@link AttributeSums#addValue}) and a block of rows at a time ({@link
 * AttributeSums#addRows}) on one thread, and the whole {@link OnePassEncoding#of} on the given
 * threads. The values are uniform in [0, 100), or with {@code clamped} Gaussian around 50 and
 * clamped to [0, 100], so that many equal the least or the greatest. The fastest of {@code repeats}
 * counts; for figures free of the heap's growth, run with {@code -Xms} as large as {@code -Xmx} and
 * {@code -XX:+AlwaysPreTouch}.
 *
 * <pre>
 * java -Xmx14g -Xms14g -XX:+AlwaysPreTouch -cp "$(cat target/bench-classpath.txt)" \
 *     io.github.fastkmeans.weka.AttributeSumsTime rows columns threads [uniform|clamped] [repeats]
 * </pre>
 */
public final class AttributeSumsTime {

  private static final int BLOCK_ROWS = 64;

  private AttributeSumsTime() {}

  /** Times the sums and the encoding on the shape the arguments give. */
  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[0]);
    int columns = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    boolean clamped = args.length > 3 && args[3].equals("clamped");
    int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 8;
    ArrayList<Attribute> attributes = new ArrayList<>();
    int[] used = new int[columns];
    for (int j = 0; j < columns; j++) {
      attributes.add(new Attribute("x" + j));
      used[j] = j;
    }
    Instances data = new Instances("timed", attributes, rows);
    Random random = new Random(1);
    double[] values = new double[rows * columns];
    for (int i = 0; i < values.length; i++) {
      values[i] =
          clamped
              ? Math.max(0, Math.min(100, 50 + 30 * random.nextGaussian()))
              : random.nextDouble() * 100;
    }
    for (int r = 0; r < rows; r++) {
      data.add(new DenseInstance(1, Arrays.copyOfRange(values, r * columns, (r + 1) * columns)));
    }
    double[] weights = new double[rows];
    Arrays.fill(weights, 1);
    long byValue = Long.MAX_VALUE;
    long byBlock = Long.MAX_VALUE;
    long encoding = Long.MAX_VALUE;
    for (int repeat = 0; repeat < repeats; repeat++) {
      long start = System.nanoTime();
      AttributeSums valueSums = new AttributeSums(data, used);
      for (int r = 0; r < rows; r++) {
        valueSums.addWeight(r, 1);
        for (int a = 0; a < columns; a++) {
          valueSums.addValue(a, r, values[r * columns + a], 1);
        }
      }
      long middle = System.nanoTime();
      AttributeSums blockSums = new AttributeSums(data, used);
      for (int from = 0; from < rows; from += BLOCK_ROWS) {
        blockSums.addRows(values, columns, used, weights, from, Math.min(rows, from + BLOCK_ROWS));
      }
      long end = System.nanoTime();
      OnePassEncoding.of(TrainingRows.of(data), Normalization.NONE, threads);
      long encoded = System.nanoTime();
      if (!Arrays.equals(valueSums.plainSum, blockSums.plainSum)
          || !Arrays.equals(valueSums.min, blockSums.min)) {
        throw new IllegalStateException("The two ways of summing disagree.");
      }
      byValue = Math.min(byValue, middle - start);
      byBlock = Math.min(byBlock, end - middle);
      encoding = Math.min(encoding, encoded - end);
    }
    System.out.printf(
        Locale.ROOT,
        "%,d x %d (%s), fastest of %d: sums value by value %.1f ms, by blocks %.1f ms (one"
            + " thread); OnePassEncoding.of on %d thread(s) %.1f ms%n",
        rows,
        columns,
        clamped ? "clamped" : "uniform",
        repeats,
        byValue / 1e6,
        byBlock / 1e6,
        threads,
        encoding / 1e6);
  }
}
