package io.github.fastkmeans.spark;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.BlockAssigner;
import io.github.fastkmeans.engine.ClusterSums;
import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.engine.SquaredEuclidean;
import io.github.fastkmeans.parallel.RowChunks;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The rows of one partition as one flat matrix, whole global chunks of {@link RowChunks#CHUNK_ROWS}
 * rows from {@link #firstRow}, with the assignment state (clusters and bounds) kept between passes.
 * Blocks live in Spark's cache as objects and are changed in place by each pass; a block rebuilt
 * from its input after the cache lost it is detected by its pass count and refused.
 */
final class RowBlock {

  /** Below this share of the coordinates' magnitude a distance is rounding noise (as KMeans). */
  private static final double ROUNDING_LEVEL = 1e-10;

  private final int partition;
  private final long firstRow;
  private final DataMatrix data;
  private BlockAssigner assigner;
  private int passes;

  /** k-means||: each row's squared distance to its nearest candidate so far. */
  private double[] seedDistances;

  RowBlock(int partition, long firstRow, DataMatrix data) {
    this.partition = partition;
    this.firstRow = firstRow;
    this.data = data;
  }

  /** The matrix of the block's rows. */
  DataMatrix data() {
    return data;
  }

  /**
   * The block's rows among the rows {@code i * total / count} of the whole data ({@code total}
   * rows), i from 0 to count - 1, in row order, row-major.
   */
  double[] evenSample(int count, long total) {
    int columns = data.columns();
    // The i whose rows lie in this block, i * total / count in [firstRow, firstRow + rows).
    long first = Math.min(count, (firstRow * count + total - 1) / total);
    long end = Math.min(count, ((firstRow + data.rows()) * count + total - 1) / total);
    double[] values = new double[(int) (end - first) * columns];
    for (long i = first; i < end; i++) {
      int local = (int) (i * total / count - firstRow);
      System.arraycopy(
          data.values(), local * columns, values, (int) (i - first) * columns, columns);
    }
    return values;
  }

  /** The global index of the block's first chunk. */
  int firstChunk() {
    return (int) (firstRow / RowChunks.CHUNK_ROWS);
  }

  /**
   * One assignment pass over the block, the {@code pass}-th of the fit (from 0), against {@code
   * centres}; rows in {@code moves} change cluster first (the driver's relocations).
   *
   * @throws IllegalStateException if this block has not seen the passes before this one (Spark
   *     rebuilt it from its input)
   */
  PassOutcome pass(int pass, Algorithm algorithm, double[] centres, long[] movedRows, int[] movedTo)
      throws InterruptedException {
    checkPass(pass);
    int columns = data.columns();
    int k = centres.length / columns;
    if (pass == 0) {
      assigner = new BlockAssigner(algorithm, data, centres);
    } else {
      for (int i = 0; i < movedRows.length; i++) {
        long local = movedRows[i] - firstRow;
        if (local >= 0 && local < data.rows()) {
          assigner.moveRow((int) local, movedTo[i]);
        }
      }
      assigner.moveCentres(centres);
    }
    long distances = assigner.beginPass();
    List<Integer> chunks = new ArrayList<>();
    List<ClusterSums> sums = new ArrayList<>();
    ClusterSums scratch = new ClusterSums(k, columns);
    int chunk = firstChunk();
    for (int start = 0; start < data.rows(); start += RowChunks.CHUNK_ROWS, chunk++) {
      scratch.clear();
      assigner.assign(start, Math.min(data.rows(), start + RowChunks.CHUNK_ROWS), scratch);
      if (scratch.changed() > 0) {
        // Only chunks whose rows changed cluster have sums to merge; ship those alone.
        chunks.add(chunk);
        sums.add(scratch);
        scratch = new ClusterSums(k, columns);
      } else {
        distances += scratch.distanceComputations();
      }
    }
    assigner.endPass();
    passes++;
    return new PassOutcome(chunks, sums, distances);
  }

  /**
   * The row that an empty cluster would take under the relocation rule of the in-process engine:
   * the farthest from its own centre among rows of positive weight whose cluster is not {@code
   * refilled} and keeps other rows ({@code members} > 1), not on its centre up to rounding; the
   * first in row order on a tie. Rows in {@code moves} count in their new clusters. Null when no
   * row qualifies.
   */
  RelocationCandidate farthest(
      int pass,
      double[] centres,
      boolean[] refilled,
      long[] members,
      long[] movedRows,
      int[] movedTo) {
    checkPass(pass);
    int columns = data.columns();
    double[] values = data.values();
    int farthest = -1;
    double farthestDistance = 0;
    for (int row = 0; row < data.rows(); row++) {
      int label = labelAfterMoves(row, movedRows, movedTo);
      double weight = data.weight(row);
      if (weight > 0 && !refilled[label] && members[label] > 1) {
        double distance =
            SquaredEuclidean.distance(values, row * columns, centres, label * columns, columns);
        if (distance > farthestDistance && !onItsCentre(row, label, centres, distance)) {
          farthest = row;
          farthestDistance = distance;
        }
      }
    }
    if (farthest < 0) {
      return null;
    }
    return new RelocationCandidate(
        firstRow + farthest,
        farthestDistance,
        labelAfterMoves(farthest, movedRows, movedTo),
        data.row(farthest),
        data.weight(farthest));
  }

  private int labelAfterMoves(int row, long[] movedRows, int[] movedTo) {
    long global = firstRow + row;
    int label = assigner.label(row);
    for (int i = 0; i < movedRows.length; i++) {
      if (movedRows[i] == global) {
        label = movedTo[i];
      }
    }
    return label;
  }

  private boolean onItsCentre(int row, int label, double[] centres, double squaredDistance) {
    int columns = data.columns();
    double scale = 0;
    for (int j = 0; j < columns; j++) {
      double value = data.value(row, j);
      double centre = centres[label * columns + j];
      scale += value * value + centre * centre;
    }
    return squaredDistance <= ROUNDING_LEVEL * ROUNDING_LEVEL * scale;
  }

  /**
   * The weighted squared distance of each row to its centre, summed in row order per chunk: one
   * partial per chunk, from the block's first chunk on.
   */
  double[] chunkErrors(int pass, double[] centres) {
    checkPass(pass);
    int columns = data.columns();
    double[] values = data.values();
    int chunks = (data.rows() + RowChunks.CHUNK_ROWS - 1) / RowChunks.CHUNK_ROWS;
    double[] partial = new double[chunks];
    for (int row = 0; row < data.rows(); row++) {
      partial[row / RowChunks.CHUNK_ROWS] +=
          data.weight(row)
              * SquaredEuclidean.distance(
                  values, row * columns, centres, assigner.label(row) * columns, columns);
    }
    return partial;
  }

  /** The cluster of every row of the block, in row order. */
  int[] labels(int pass) {
    checkPass(pass);
    int[] labels = new int[data.rows()];
    for (int row = 0; row < labels.length; row++) {
      labels[row] = assigner.label(row);
    }
    return labels;
  }

  /**
   * The values of the rows at the global {@code positions} (increasing) that this block holds, each
   * as its position followed by its features.
   */
  double[] rowsAt(long[] positions) {
    int columns = data.columns();
    List<Double> out = new ArrayList<>();
    for (long position : positions) {
      long local = position - firstRow;
      if (local >= 0 && local < data.rows()) {
        out.add((double) position);
        for (double value : data.row((int) local)) {
          out.add(value);
        }
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * k-means||: lowers each row's distance to its nearest candidate with the {@code newest}
   * candidates (row-major), from scratch when {@code reset}; returns the weighted cost per chunk.
   */
  double[] seedUpdate(double[] newest, boolean reset) {
    int columns = data.columns();
    if (reset || seedDistances == null) {
      seedDistances = new double[data.rows()];
      java.util.Arrays.fill(seedDistances, Double.POSITIVE_INFINITY);
    }
    double[] values = data.values();
    int count = newest.length / columns;
    double[] partial = new double[(data.rows() + RowChunks.CHUNK_ROWS - 1) / RowChunks.CHUNK_ROWS];
    for (int row = 0; row < data.rows(); row++) {
      double best = seedDistances[row];
      for (int c = 0; c < count; c++) {
        best =
            Math.min(
                best,
                SquaredEuclidean.distance(values, row * columns, newest, c * columns, columns));
      }
      seedDistances[row] = best;
      partial[row / RowChunks.CHUNK_ROWS] += data.weight(row) * best;
    }
    return partial;
  }

  /**
   * k-means||: keeps each row with probability min(1, l w d^2 / phi), drawn from a stream of its
   * chunk and round; returns the kept rows, row-major in row order.
   */
  double[] seedSample(long seed, int round, double oversampling, double phi) {
    int columns = data.columns();
    List<double[]> kept = new ArrayList<>();
    SplittableRandom random = null;
    for (int row = 0; row < data.rows(); row++) {
      if (row % RowChunks.CHUNK_ROWS == 0) {
        long chunk = firstChunk() + row / RowChunks.CHUNK_ROWS;
        random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + round * 1_000_003L + chunk);
      }
      double chance = oversampling * data.weight(row) * seedDistances[row] / phi;
      if (random.nextDouble() < chance) {
        kept.add(data.row(row));
      }
    }
    double[] out = new double[kept.size() * columns];
    for (int i = 0; i < kept.size(); i++) {
      System.arraycopy(kept.get(i), 0, out, i * columns, columns);
    }
    return out;
  }

  /** k-means||: the weight of the rows nearest to each candidate (row-major). */
  double[] seedWeights(double[] candidates) {
    int columns = data.columns();
    int count = candidates.length / columns;
    double[] weights = new double[count];
    double[] values = data.values();
    for (int row = 0; row < data.rows(); row++) {
      weights[SquaredEuclidean.nearest(values, row * columns, candidates, count, columns)] +=
          data.weight(row);
    }
    return weights;
  }

  /**
   * Per-cluster weights and weighted sums of the features, then the same over all rows: {@code k +
   * 1} groups of {@code columns + 1} values (weight first).
   */
  double[] groupSums(int pass, int k) {
    checkPass(pass);
    int columns = data.columns();
    double[] sums = new double[(k + 1) * (columns + 1)];
    for (int row = 0; row < data.rows(); row++) {
      double w = data.weight(row);
      for (int group : new int[] {assigner.label(row), k}) {
        int base = group * (columns + 1);
        sums[base] += w;
        for (int j = 0; j < columns; j++) {
          sums[base + 1 + j] += w * data.value(row, j);
        }
      }
    }
    return sums;
  }

  /**
   * Per-cluster weighted squared deviations of the features from {@code means} ({@code k + 1}
   * groups of {@code columns}, the last over all rows), for the spread shown with Weka's -V.
   */
  double[] groupSquares(int pass, double[] means) {
    checkPass(pass);
    int columns = data.columns();
    int k = means.length / columns - 1;
    double[] squares = new double[means.length];
    for (int row = 0; row < data.rows(); row++) {
      double w = data.weight(row);
      for (int group : new int[] {assigner.label(row), k}) {
        for (int j = 0; j < columns; j++) {
          double diff = data.value(row, j) - means[group * columns + j];
          squares[group * columns + j] += w * diff * diff;
        }
      }
    }
    return squares;
  }

  private void checkPass(int expected) {
    if (passes != expected) {
      throw new IllegalStateException(
          "The cached rows of partition "
              + partition
              + " have seen "
              + passes
              + " passes, not "
              + expected
              + ": Spark lost them from its cache and rebuilt them. Give the executors more"
              + " memory, or use fewer, larger partitions.");
    }
  }
}
