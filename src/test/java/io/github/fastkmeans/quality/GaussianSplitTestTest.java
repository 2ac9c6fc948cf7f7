package io.github.fastkmeans.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fastkmeans.engine.DataMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** G-means' test: one Gaussian passes, two Gaussians or a uniform strip taken as one fail. */
class GaussianSplitTestTest {

  /** n rows of a 2-d Gaussian with standard deviations 3 and 1, moved by {@code shift} in x. */
  private static double[] blob(Random random, int n, double shift) {
    double[] values = new double[2 * n];
    for (int i = 0; i < n; i++) {
      values[2 * i] = shift + 3 * random.nextGaussian();
      values[2 * i + 1] = random.nextGaussian();
    }
    return values;
  }

  private static int failing(double[] values) throws InterruptedException {
    int n = values.length / 2;
    double[] centre = new double[2];
    for (int i = 0; i < n; i++) {
      centre[0] += values[2 * i] / n;
      centre[1] += values[2 * i + 1] / n;
    }
    DataMatrix data = DataMatrix.of(n, 2, values);
    return GaussianSplitTest.nonGaussianClusters(data, new int[n], centre, 1, 0.0001, 1);
  }

  @Test
  void oneGaussianPassesForEverySeed() throws InterruptedException {
    for (int seed = 0; seed < 20; seed++) {
      assertEquals(0, failing(blob(new Random(seed), 400, 0)), "seed " + seed);
    }
  }

  @Test
  void twoSeparatedGaussiansTakenAsOneFail() throws InterruptedException {
    for (int seed = 0; seed < 10; seed++) {
      Random random = new Random(seed);
      double[] left = blob(random, 300, -12);
      double[] right = blob(random, 300, 12);
      double[] both = new double[left.length + right.length];
      System.arraycopy(left, 0, both, 0, left.length);
      System.arraycopy(right, 0, both, left.length, right.length);
      assertEquals(1, failing(both), "seed " + seed);
    }
  }

  @Test
  void aUniformStripFails() throws InterruptedException {
    Random random = new Random(4);
    double[] values = new double[2 * 2000];
    for (int i = 0; i < 2000; i++) {
      values[2 * i] = 10 * random.nextDouble();
      values[2 * i + 1] = 0.1 * random.nextGaussian();
    }
    assertEquals(1, failing(values));
  }

  @Test
  void clustersTooSmallToTestCountAsGaussian() throws InterruptedException {
    double[] values = {0, 0, 100, 0, 0, 100, 100, 100, 50, 50, 0, 50, 50, 0};
    assertEquals(0, failing(values));
  }
}
