package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import weka.clusterers.FastKMeans;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;

/**
 * After building, clusterInstance, distributionForInstance and distancesToCentroids may be called
 * from many threads at once: 8 threads, each over every instance several times in its own order,
 * get exactly the single-threaded answers.
 */
class ConcurrentUseTest {

  private static final int THREADS = 8;
  private static final int ROUNDS = 3;

  @Test
  void predictionsFromEightThreadsEqualTheSingleThreadedOnes() throws Exception {
    // s1: 5000 instances; with missing values and a class, so every path of the encoder runs.
    Instances data = TestData.load("s1");
    for (int i = 0; i < data.numInstances(); i += 97) {
      data.instance(i).setMissing(i % 2);
    }
    FastKMeans kmeans = new FastKMeans();
    kmeans.setOptions(Utils.splitOptions("-N 15 -S 3 -num-slots 2"));
    kmeans.buildClusterer(data);

    // Weka's evaluation asks for clusters of instances with the class removed.
    Remove remove = new Remove();
    remove.setAttributeIndices(Integer.toString(data.classIndex() + 1));
    remove.setInputFormat(data);
    Instances withoutClass = Filter.useFilter(data, remove);
    List<Instance> probes = new ArrayList<>();
    probes.addAll(data);
    probes.addAll(withoutClass);

    int n = probes.size();
    int[] clusters = new int[n];
    double[][] distributions = new double[n][];
    double[][] distances = new double[n][];
    for (int i = 0; i < n; i++) {
      clusters[i] = kmeans.clusterInstance(probes.get(i));
      distributions[i] = kmeans.distributionForInstance(probes.get(i));
      distances[i] = kmeans.distancesToCentroids(probes.get(i));
    }

    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int checked = 0;
                  for (int round = 0; round < ROUNDS; round++) {
                    // Each thread walks the instances in its own order, with its own stride.
                    int stride = 2 * thread + 1;
                    while (gcd(stride, n) != 1) {
                      stride += 2;
                    }
                    for (int step = 0; step < n; step++) {
                      int i = (int) ((thread * 611L + (long) step * stride) % n);
                      Instance probe = probes.get(i);
                      switch ((step + round + thread) % 3) {
                        case 0:
                          assertEquals(clusters[i], kmeans.clusterInstance(probe), "instance " + i);
                          break;
                        case 1:
                          assertArrayEquals(
                              distributions[i], kmeans.distributionForInstance(probe), 0);
                          break;
                        default:
                          assertArrayEquals(distances[i], kmeans.distancesToCentroids(probe), 0);
                          break;
                      }
                      checked++;
                    }
                  }
                  return checked;
                }));
      }
      int total = 0;
      for (Future<Integer> result : results) {
        total += result.get(2, TimeUnit.MINUTES);
      }
      assertEquals(THREADS * ROUNDS * n, total);
    } finally {
      pool.shutdownNow();
    }
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
