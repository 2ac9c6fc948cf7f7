package io.github.fastkmeans.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * A synthetic set of isotropic Gaussian clusters (standard deviation 1 in every attribute) with
 * known centres, generated deterministically from its seed for the choose-k benchmark.
 *
 * <p>Centres are drawn uniformly in a cube and rejected while closer than {@code separation}
 * standard deviations to one already placed, so every pair of centres is at least that far apart;
 * the cube grows when rejection stalls. Cluster sizes follow a geometric sequence whose largest
 * over smallest is {@code imbalance} (1: equal sizes). Rows are shuffled.
 *
 * @param name the set's name in the tables
 * @param rows number of rows n
 * @param dimensions number of attributes d
 * @param clusters true number of clusters k
 * @param imbalance largest cluster size over smallest
 * @param separation least distance between two centres, in standard deviations
 * @param seed seed of the generator
 */
record BlobSet(
    String name,
    int rows,
    int dimensions,
    int clusters,
    double imbalance,
    double separation,
    long seed) {

  /** Centres at least this many standard deviations apart count as well separated. */
  static final double WELL_SEPARATED = 6.0;

  /** A set named from its parameters: {@code sep|ovl-d<d>-k<k>-n<n>-r<imbalance>}. */
  static BlobSet of(int rows, int dimensions, int clusters, double imbalance, double separation) {
    String name =
        String.format(
            Locale.ROOT,
            "%s-d%d-k%d-n%d-r%d",
            separation >= WELL_SEPARATED ? "sep" : "ovl",
            dimensions,
            clusters,
            rows,
            Math.round(imbalance));
    long seed = 1_000_003L * dimensions + 10_007L * clusters + rows + Math.round(100 * separation);
    return new BlobSet(name, rows, dimensions, clusters, imbalance, separation, seed);
  }

  /**
   * Whether every pair of centres is at least {@link #WELL_SEPARATED} standard deviations apart.
   */
  boolean wellSeparated() {
    return separation >= WELL_SEPARATED;
  }

  /** The generated data and its true centres. */
  record Generated(Instances data, double[][] centres) {}

  /** Generates the set; the same parameters always give the same rows in the same order. */
  Generated generate() {
    Random random = new Random(seed);
    double[][] centres = centres(random);
    int[] sizes = sizes();
    int[] labels = new int[rows];
    int row = 0;
    for (int c = 0; c < clusters; c++) {
      for (int i = 0; i < sizes[c]; i++) {
        labels[row++] = c;
      }
    }
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = labels[i];
      labels[i] = labels[j];
      labels[j] = swap;
    }
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int j = 0; j < dimensions; j++) {
      attributes.add(new Attribute("x" + j));
    }
    Instances data = new Instances(name, attributes, rows);
    for (int label : labels) {
      double[] values = new double[dimensions];
      for (int j = 0; j < dimensions; j++) {
        values[j] = centres[label][j] + random.nextGaussian();
      }
      data.add(new DenseInstance(1.0, values));
    }
    return new Generated(data, centres);
  }

  /** k centres at least {@code separation} apart, in a cube that grows while rejection stalls. */
  private double[][] centres(Random random) {
    double side = separation * Math.max(2.0, 2.0 * Math.pow(clusters, 1.0 / dimensions));
    while (true) {
      List<double[]> placed = new ArrayList<>();
      int attempts = 0;
      while (placed.size() < clusters && attempts < 100_000) {
        attempts++;
        double[] candidate = new double[dimensions];
        for (int j = 0; j < dimensions; j++) {
          candidate[j] = side * random.nextDouble();
        }
        boolean farEnough = true;
        for (double[] other : placed) {
          double squared = 0;
          for (int j = 0; j < dimensions; j++) {
            double diff = candidate[j] - other[j];
            squared += diff * diff;
          }
          if (squared < separation * separation) {
            farEnough = false;
            break;
          }
        }
        if (farEnough) {
          placed.add(candidate);
        }
      }
      if (placed.size() == clusters) {
        return placed.toArray(new double[0][]);
      }
      side *= 1.2;
    }
  }

  /** Cluster sizes summing to n, geometric from smallest to largest = imbalance x smallest. */
  private int[] sizes() {
    double[] weights = new double[clusters];
    double total = 0;
    for (int c = 0; c < clusters; c++) {
      weights[c] = clusters == 1 ? 1 : Math.pow(imbalance, c / (double) (clusters - 1));
      total += weights[c];
    }
    int[] sizes = new int[clusters];
    int assigned = 0;
    for (int c = 0; c < clusters; c++) {
      sizes[c] = (int) Math.floor(rows * weights[c] / total);
      assigned += sizes[c];
    }
    sizes[clusters - 1] += rows - assigned;
    return sizes;
  }
}
