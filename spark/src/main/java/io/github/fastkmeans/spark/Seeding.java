package io.github.fastkmeans.spark;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.init.KMeansPlusPlus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The starting centres of a distributed fit, in the scaled space: the given ones, k distinct rows
 * drawn at random, or Bahmani et al.'s k-means|| run on the cluster (each round keeps each row with
 * probability min(1, l w d^2 / phi), drawn from a random stream per chunk and round, so the draw is
 * deterministic for a seed; the candidates, weighted by the rows nearest to them, are reduced to k
 * by the engine's weighted k-means++ on the driver).
 *
 * <p>B. Bahmani, B. Moseley, A. Vattani, R. Kumar, S. Vassilvitskii, "Scalable k-means++", VLDB
 * 2012.
 */
final class Seeding {

  private final FastKMeansParams params;
  private final DistributedData data;
  private final int k;

  Seeding(FastKMeansParams params, DistributedData data) {
    this.params = params;
    this.data = data;
    this.k = params.getK();
  }

  /** The k starting centres, row-major, scaled. */
  double[] initialCentres() {
    switch (params.getInitMode()) {
      case "given":
        return given();
      case "random":
        return randomRows(new Random(params.getSeed()));
      default:
        return parallel();
    }
  }

  private double[] given() {
    double[][] centres = params.getInitialCenters();
    if (centres == null) {
      throw new IllegalArgumentException("initMode given needs initialCenters.");
    }
    if (centres.length != k) {
      throw new IllegalArgumentException(
          centres.length + " initial centres were given but k is " + k + ".");
    }
    double[] out = new double[k * data.columns];
    for (int c = 0; c < k; c++) {
      if (centres[c].length != data.columns) {
        throw new IllegalArgumentException(
            "Initial centre "
                + c
                + " has "
                + centres[c].length
                + " values but the rows have "
                + data.columns
                + " features.");
      }
      double[] scaled = data.scaling.apply(centres[c].clone());
      System.arraycopy(scaled, 0, out, c * data.columns, data.columns);
    }
    return out;
  }

  /** k distinct rows, drawn uniformly by position. */
  private double[] randomRows(Random random) {
    TreeSet<Long> chosen = new TreeSet<>();
    while (chosen.size() < k) {
      chosen.add((long) (random.nextDouble() * data.rows));
    }
    return rowsAt(chosen.stream().mapToLong(Long::longValue).toArray());
  }

  private double[] rowsAt(long[] positions) {
    int columns = data.columns;
    List<double[]> found = data.blocks.map(block -> block.rowsAt(positions)).collect();
    double[] out = new double[positions.length * columns];
    for (double[] part : found) {
      // Each block returns (position, values...) records of the positions it holds.
      for (int i = 0; i < part.length; i += columns + 1) {
        int index = Arrays.binarySearch(positions, (long) part[i]);
        System.arraycopy(part, i + 1, out, index * columns, columns);
      }
    }
    return out;
  }

  private double[] parallel() {
    int columns = data.columns;
    long seed = params.getSeed();
    double oversampling = params.getInitOversampling() * k;
    Random random = new Random(seed);
    List<double[]> candidates = new ArrayList<>();
    double[] first = rowsAt(new long[] {(long) (random.nextDouble() * data.rows)});
    candidates.add(first);
    double[] fresh = first;
    for (int round = 0; round < params.getInitSteps(); round++) {
      double[] newest = fresh;
      boolean reset = round == 0;
      double phi = sumInChunkOrder(data.blocks.map(b -> b.seedUpdate(newest, reset)).collect());
      if (!(phi > 0)) {
        break;
      }
      int r = round;
      List<double[]> drawn =
          data.blocks.map(b -> b.seedSample(seed, r, oversampling, phi)).collect();
      List<double[]> rows = new ArrayList<>();
      for (double[] part : drawn) {
        for (int i = 0; i < part.length; i += columns) {
          rows.add(Arrays.copyOfRange(part, i, i + columns));
        }
      }
      candidates.addAll(rows);
      fresh = new double[rows.size() * columns];
      for (int i = 0; i < rows.size(); i++) {
        System.arraycopy(rows.get(i), 0, fresh, i * columns, columns);
      }
    }
    double[] all = new double[candidates.size() * columns];
    for (int i = 0; i < candidates.size(); i++) {
      System.arraycopy(candidates.get(i), 0, all, i * columns, columns);
    }
    if (candidates.size() < k) {
      // Too few candidates (tiny or duplicate-heavy data): fall back to distinct random rows.
      return randomRows(random);
    }
    double[] weights = new double[candidates.size()];
    for (double[] part : data.blocks.map(b -> b.seedWeights(all)).collect()) {
      for (int c = 0; c < weights.length; c++) {
        weights[c] += part[c];
      }
    }
    try {
      return new KMeansPlusPlus()
          .initialCentres(DataMatrix.of(candidates.size(), columns, all, weights), k, random);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Seeding was interrupted.", e);
    }
  }

  /** Sums per-chunk partials of consecutive blocks in chunk order (blocks come in that order). */
  private static double sumInChunkOrder(List<double[]> perBlock) {
    double total = 0;
    for (double[] partials : perBlock) {
      for (double partial : partials) {
        total += partial;
      }
    }
    return total;
  }
}
