package io.github.fastkmeans.quality;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.Interruption;
import java.util.Arrays;

/**
 * The weighted mean silhouette of a set of labelled rows, with Euclidean distances.
 *
 * <p>For a row i of cluster A, a(i) is the weighted mean distance from i to the other rows of A and
 * b(i) the smallest, over the other clusters B holding a row, of the weighted mean distance from i
 * to the rows of B; s(i) = (b(i) - a(i)) / max(a(i), b(i)), and 0 when both are 0 (i and every row
 * around it coincide). A row alone in its cluster has s(i) = 0 (Rousseeuw's convention). The result
 * is the mean of s(i) weighted by the rows' weights. With unit weights this is exactly the
 * silhouette of Rousseeuw and of scikit-learn's {@code silhouette_score}.
 *
 * <p>Each row's s(i) is computed on one thread and the mean is taken in row order afterwards, so
 * the result does not depend on the number of threads.
 *
 * <p>P. J. Rousseeuw, "Silhouettes: a graphical aid to the interpretation and validation of cluster
 * analysis", Journal of Computational and Applied Mathematics 20, 1987.
 */
final class Silhouette {

  /**
   * Rows per chunk: every row costs a pass over all rows measured, so few rows already amortise a
   * hand-off, and a few thousand rows still make enough chunks to keep every thread busy.
   */
  private static final int CHUNK_ROWS = 64;

  private Silhouette() {}

  /**
   * The weighted mean silhouette of the rows {@code members} (IN, distinct row indices of positive
   * weight) of {@code data}, grouped by {@code labels} (each in [0, k)); NaN when fewer than two
   * clusters hold one of them, since nothing then separates clusters. Costs members^2 distances.
   *
   * @throws InterruptedException if the calling thread is interrupted; the measure is abandoned
   */
  static double mean(DataMatrix data, int[] labels, int k, int[] members, ChunkRunner runner)
      throws InterruptedException {
    int[] counts = new int[k];
    for (int row : members) {
      counts[labels[row]]++;
    }
    int occupied = 0;
    for (int count : counts) {
      if (count > 0) {
        occupied++;
      }
    }
    if (occupied < 2) {
      return Double.NaN;
    }
    int size = members.length;
    double[] scores = new double[size];
    int chunkCount = (size + CHUNK_ROWS - 1) / CHUNK_ROWS;
    // Batches of chunks, so that an interruption is noticed within a fraction of the run.
    int batch = 4 * runner.threads();
    for (int first = 0; first < chunkCount; first += batch) {
      Interruption.check("Measuring the silhouette");
      runner.run(
          first,
          Math.min(chunkCount, first + batch),
          (chunk, slot) ->
              score(
                  data,
                  labels,
                  k,
                  members,
                  counts,
                  chunk * CHUNK_ROWS,
                  Math.min(size, (chunk + 1) * CHUNK_ROWS),
                  scores));
    }
    double weightedSum = 0;
    double totalWeight = 0;
    for (int i = 0; i < size; i++) {
      double weight = data.weight(members[i]);
      weightedSum += weight * scores[i];
      totalWeight += weight;
    }
    return weightedSum / totalWeight;
  }

  /** Writes s(i) of members {@code [from, to)} into {@code scores} (OUT, indexed like members). */
  private static void score(
      DataMatrix data,
      int[] labels,
      int k,
      int[] members,
      int[] counts,
      int from,
      int to,
      double[] scores) {
    double[] values = data.values();
    int columns = data.columns();
    double[] distanceSums = new double[k];
    double[] weightSums = new double[k];
    for (int i = from; i < to; i++) {
      int row = members[i];
      int own = labels[row];
      if (counts[own] == 1) {
        scores[i] = 0;
        continue;
      }
      Arrays.fill(distanceSums, 0);
      Arrays.fill(weightSums, 0);
      for (int j = 0; j < members.length; j++) {
        if (j == i) {
          continue;
        }
        int other = members[j];
        double weight = data.weight(other);
        int cluster = labels[other];
        distanceSums[cluster] +=
            weight
                * Math.sqrt(
                    SquaredEuclidean.distance(
                        values, row * columns, values, other * columns, columns));
        weightSums[cluster] += weight;
      }
      double within = distanceSums[own] / weightSums[own];
      double nearest = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && counts[c] > 0) {
          nearest = Math.min(nearest, distanceSums[c] / weightSums[c]);
        }
      }
      double larger = Math.max(within, nearest);
      scores[i] = larger > 0 ? (nearest - within) / larger : 0;
    }
  }
}
