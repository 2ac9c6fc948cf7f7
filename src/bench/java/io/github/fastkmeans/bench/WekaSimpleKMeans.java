package io.github.fastkmeans.bench;

import java.util.ArrayList;
import java.util.Arrays;
import weka.clusterers.SimpleKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.EuclideanDistance;
import weka.core.Instances;

/**
 * Weka's SimpleKMeans 3.8.6 on the raw data (EuclideanDistance with -D, i.e. {@code -normalize
 * none}), one execution slot, its random initialisation with the benchmark's seed.
 *
 * <p>SimpleKMeans has no "given centres" option. Instead its own random initialisation (k distinct
 * instances drawn with the seed) chooses the starting points, {@link #startingPoints} reads them
 * from its protected {@code m_initialStartPoints}, and every other system starts from those. Each
 * timed run checks that SimpleKMeans started from the same points again.
 */
final class WekaSimpleKMeans extends JavaContender {

  private final int seed;
  private final int runsCap;

  /**
   * @param runsCap at most this many timed runs (a SimpleKMeans fit on a large set takes a minute)
   */
  WekaSimpleKMeans(int seed, int runsCap) {
    this.seed = seed;
    this.runsCap = runsCap;
  }

  /** SimpleKMeans' random starting points for {@code data}, row-major k x d. */
  static double[] startingPoints(Dataset data, int seed) throws Exception {
    Inspectable simple = configured(data.k, seed, 1);
    simple.buildClusterer(instances(data));
    Instances start = simple.startPoints();
    if (start.numInstances() != data.k) {
      throw new IllegalStateException(
          data.name
              + ": SimpleKMeans found only "
              + start.numInstances()
              + " distinct starting points");
    }
    return flatten(start, data.columns);
  }

  @Override
  public String id() {
    return "weka-simplekmeans";
  }

  @Override
  public String tooSlowFor(Dataset data) {
    return data.large ? LARGE_SET : null;
  }

  @Override
  String system() {
    return "Weka SimpleKMeans";
  }

  @Override
  String algorithm() {
    return "lloyd";
  }

  @Override
  String threads() {
    return "1";
  }

  @Override
  int timedRuns(int runs) {
    return Math.min(runs, runsCap);
  }

  @Override
  Fit prepare(Dataset data) {
    Instances instances = instances(data);
    return new Fit() {
      private Inspectable simple;
      private double[] start;

      @Override
      public void ready(double[] initialCentres, int iterations) throws Exception {
        simple = configured(data.k, seed, iterations);
        start = initialCentres;
      }

      @Override
      public Outcome run() throws Exception {
        simple.buildClusterer(instances);
        String note = null;
        if (!Arrays.equals(start, flatten(simple.startPoints(), data.columns))) {
          note = "STARTED ELSEWHERE: SimpleKMeans' starting points differ from the shared ones";
        }
        int clusters = simple.getClusterCentroids().numInstances();
        if (clusters < data.k) {
          note =
              (note == null ? "" : note + "; ")
                  + "dropped "
                  + (data.k - clusters)
                  + " empty cluster(s)";
        }
        int done = simple.iterations();
        return new Outcome(
            flatten(simple.getClusterCentroids(), data.columns),
            done,
            done < data.iterations,
            note);
      }
    };
  }

  private static Inspectable configured(int k, int seed, int iterations) throws Exception {
    Inspectable simple = new Inspectable();
    simple.setNumClusters(k);
    simple.setSeed(seed);
    simple.setMaxIterations(iterations);
    simple.setNumExecutionSlots(1);
    EuclideanDistance distance = new EuclideanDistance();
    distance.setDontNormalize(true);
    simple.setDistanceFunction(distance);
    return simple;
  }

  /** The data as Weka instances of numeric attributes x0, x1, ... (a copy). */
  static Instances instances(Dataset data) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int j = 0; j < data.columns; j++) {
      attributes.add(new Attribute("x" + j));
    }
    Instances instances = new Instances(data.name, attributes, data.rows);
    for (int i = 0; i < data.rows; i++) {
      double[] row = Arrays.copyOfRange(data.values, i * data.columns, (i + 1) * data.columns);
      instances.add(new DenseInstance(1.0, row));
    }
    return instances;
  }

  private static double[] flatten(Instances rows, int columns) {
    double[] out = new double[rows.numInstances() * columns];
    for (int i = 0; i < rows.numInstances(); i++) {
      for (int j = 0; j < columns; j++) {
        out[i * columns + j] = rows.instance(i).value(j);
      }
    }
    return out;
  }

  /** SimpleKMeans with its starting points and iteration count made readable. */
  private static final class Inspectable extends SimpleKMeans {
    private static final long serialVersionUID = 1L;

    Instances startPoints() {
      return m_initialStartPoints;
    }

    /** Assignment passes, counted as FastKMeans counts them. */
    int iterations() {
      return m_Iterations;
    }
  }
}
