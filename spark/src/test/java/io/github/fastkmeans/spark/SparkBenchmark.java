package io.github.fastkmeans.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * FastKMeans on Spark against Spark MLlib's KMeans on the same cached data, from the same start,
 * for the same number of iterations (run by hand, docs/spark.md): {@code java ... SparkBenchmark
 * rows columns k partitions repeats [maxIter]}. The master comes from -Dspark.master.
 */
public final class SparkBenchmark {

  private SparkBenchmark() {}

  /** Runs the comparison and prints one line per fit and the medians. */
  public static void main(String[] args) {
    int rows = Integer.parseInt(args[0]);
    int columns = Integer.parseInt(args[1]);
    int k = Integer.parseInt(args[2]);
    int partitions = Integer.parseInt(args[3]);
    int repeats = Integer.parseInt(args[4]);
    int maxIter = args.length > 5 ? Integer.parseInt(args[5]) : 500;
    // "ours": FastKMeans alone, with a line per iteration (for the scaling table).
    boolean oursOnly = args.length > 6 && args[6].equals("ours");
    SparkSession spark = SparkSession.builder().appName("FastKMeans benchmark").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());

    // Blobs: k Gaussian groups (deviation 1) around centres in [-10, 10]^d, generated per
    // partition from its own seed.
    Random random = new Random(1);
    double[] means = new double[k * columns];
    for (int i = 0; i < means.length; i++) {
      means[i] = -10 + 20 * random.nextDouble();
    }
    List<Integer> slices = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      slices.add(p);
    }
    JavaRDD<double[]> points =
        context
            .parallelize(slices, partitions)
            .flatMap(
                p -> {
                  Random local = new Random(1000 + p);
                  int count = rows / partitions + (p < rows % partitions ? 1 : 0);
                  List<double[]> out = new ArrayList<>(count);
                  for (int i = 0; i < count; i++) {
                    int group = local.nextInt(k);
                    double[] x = new double[columns];
                    for (int j = 0; j < columns; j++) {
                      x[j] = means[group * columns + j] + local.nextGaussian();
                    }
                    out.add(x);
                  }
                  return out.iterator();
                });
    JavaRDD<Row> asRows =
        points.map(x -> RowFactory.create(org.apache.spark.ml.linalg.Vectors.dense(x)));
    Dataset<Row> frame =
        spark
            .createDataFrame(asRows, new StructType().add("features", SQLDataTypes.VectorType()))
            .persist(StorageLevel.MEMORY_ONLY());
    JavaRDD<Vector> vectors =
        frame
            .toJavaRDD()
            .map(row -> Vectors.fromML((org.apache.spark.ml.linalg.Vector) row.get(0)))
            .persist(StorageLevel.MEMORY_ONLY());
    System.out.println("rows " + frame.count() + ", MLlib input rows " + vectors.count());

    // The same start for both: k rows drawn at random (our initMode random, seed 3).
    FastKMeansModel warm =
        new FastKMeans().setK(k).setInitMode("random").setSeed(3).setMaxIter(1).fit(frame);
    double[] start = warm.summary().initialCenters();
    double[][] startRows = SparkTests.asArrays(start, columns);

    List<Double> ours = new ArrayList<>();
    List<Double> theirs = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      long t0 = System.nanoTime();
      FastKMeansModel model =
          new FastKMeans()
              .setK(k)
              .setMaxIter(maxIter)
              .setInitialCenters(startRows)
              .setAlgorithm("exponion")
              .setProgress(oursOnly ? System.out::println : progress -> {})
              .fit(frame);
      double oursSeconds = (System.nanoTime() - t0) / 1e9;
      int iterations = model.numIter();

      if (oursOnly) {
        System.out.printf(Locale.ROOT, "run %d: FastKMeans %.2f s%n", r, oursSeconds);
        ours.add(oursSeconds);
        continue;
      }
      Vector[] initial = new Vector[k];
      for (int c = 0; c < k; c++) {
        initial[c] = Vectors.dense(startRows[c]);
      }
      long t1 = System.nanoTime();
      KMeansModel mllib =
          new KMeans()
              .setK(k)
              .setMaxIterations(iterations)
              .setEpsilon(0)
              .setInitialModel(new KMeansModel(initial))
              .run(vectors.rdd());
      double theirsSeconds = (System.nanoTime() - t1) / 1e9;
      double mllibCost = mllib.computeCost(vectors.rdd());
      ours.add(oursSeconds);
      theirs.add(theirsSeconds);
      System.out.printf(
          Locale.ROOT,
          "run %d: FastKMeans %.2f s (%d iterations, cost %.15g), MLlib %.2f s (at most %d"
              + " iterations, cost %.15g)%n",
          r,
          oursSeconds,
          iterations,
          model.trainingCost(),
          theirsSeconds,
          iterations,
          mllibCost);
    }
    ours.sort(null);
    theirs.sort(null);
    double a = ours.get(ours.size() / 2);
    double b = theirs.isEmpty() ? Double.NaN : theirs.get(theirs.size() / 2);
    System.out.printf(
        Locale.ROOT,
        "median: FastKMeans %.2f s, MLlib %.2f s, ratio %.2f (master %s, %d partitions)%n",
        a,
        b,
        b / a,
        spark.sparkContext().master(),
        partitions);
    spark.stop();
  }
}
