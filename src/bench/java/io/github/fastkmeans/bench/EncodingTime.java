package io.github.fastkmeans.bench;

import io.github.fastkmeans.weka.Normalization;
import io.github.fastkmeans.weka.OnePassEncoding;
import io.github.fastkmeans.weka.TrainingRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * How long reading Weka instances into the engine's matrix takes ({@link OnePassEncoding#of},
 * {@code -normalize none}, one thread): Gaussian values made as {@link BuildOverhead} makes its
 * sets' instances, medians of 31 encodings, three rounds.
 *
 * <p>{@code java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp "$(cat target/bench-classpath.txt)"
 * io.github.fastkmeans.bench.EncodingTime COLUMNS ROWS [moved] [weighted]}
 *
 * <p>By default a full collection follows the making of the instances, which leaves them on the
 * heap in the order they were made; {@code moved} has young collections copy them instead, as the
 * garbage of a session's builds does, which scatters them. {@code weighted} gives every third
 * instance a weight of 2.
 */
public final class EncodingTime {

  private static final int ENCODINGS = 31;
  private static final int ROUNDS = 3;

  /** Allocated and dropped to have young collections copy the instances. */
  private static volatile double[] garbage;

  private EncodingTime() {}

  /** Runs the measurement and prints one line per round. */
  public static void main(String[] args) throws Exception {
    int columns = Integer.parseInt(args[0]);
    int rows = Integer.parseInt(args[1]);
    boolean moved = Arrays.asList(args).contains("moved");
    boolean weighted = Arrays.asList(args).contains("weighted");
    Instances data = instances(columns, rows, weighted);
    if (moved) {
      // About 2 GB of short-lived arrays: several young collections, each copying the survivors.
      for (int i = 0; i < 2_000; i++) {
        garbage = new double[128 << 10];
      }
    } else {
      System.gc();
    }
    TrainingRows training = TrainingRows.of(data);
    for (int round = 0; round < ROUNDS; round++) {
      long[] times = new long[ENCODINGS];
      for (int i = 0; i < ENCODINGS; i++) {
        long start = System.nanoTime();
        OnePassEncoding.of(training, Normalization.NONE, 1);
        times[i] = System.nanoTime() - start;
      }
      Arrays.sort(times);
      System.out.printf(
          "%d x %d%s%s: median %.2f ms%n",
          rows,
          columns,
          moved ? ", moved" : "",
          weighted ? ", weighted" : "",
          times[ENCODINGS / 2] / 1e6);
    }
  }

  private static Instances instances(int columns, int rows, boolean weighted) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int j = 0; j < columns; j++) {
      attributes.add(new Attribute("x" + j));
    }
    Instances data = new Instances("encoding", attributes, rows);
    Random random = new Random(1);
    double[] values = new double[columns];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        values[j] = random.nextGaussian();
      }
      double weight = weighted && i % 3 == 0 ? 2 : 1;
      data.add(new DenseInstance(weight, values.clone()));
    }
    return data;
  }
}
