package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.DataMatrix;
import io.github.fastkmeans.parallel.ChunkRunner;
import io.github.fastkmeans.parallel.RowChunks;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import weka.core.Instances;
import weka.core.WekaException;

/**
 * A build's encoding of its training rows: learns the {@link InstanceEncoder} and encodes the rows
 * in one read of each instance, on the build's threads, with the same bits as learning the encoder
 * first and encoding after.
 */
public final class OnePassEncoding {

  /**
   * Row chunks per thread below which encoding stays on fewer threads: a chunk of rows is encoded
   * in microseconds, and starting a thread costs tens of them.
   */
  private static final int CHUNKS_PER_ENCODING_THREAD = 16;

  /**
   * Matrix values per encoding thread: with fewer, starting and joining a second thread costs more
   * than it saves (100,000 x 2, warm: 1.2 ms on one thread, 1.7 ms on two; 200,000 x 16: 11.1 and
   * 10.9 ms; 200,000 x 32: 21 and 14 ms; 1,000,000 x 8: 27 and 18 ms). A second thread from 4
   * million values on.
   */
  private static final long VALUES_PER_ENCODING_THREAD = 2L << 20;

  /**
   * The values of a block of rows copied from the instances and then summed while they stay in the
   * first-level cache (32 KB).
   */
  private static final int SUMMED_BLOCK_VALUES = 4096;

  private OnePassEncoding() {}

  /** An encoding learnt from training rows, and those rows encoded by it. */
  public static final class Encoded {
    /** The encoding learnt. */
    public final InstanceEncoder encoder;

    /** The training rows encoded, with their weights. */
    public final DataMatrix matrix;

    /** The ranges of the matrix's columns. */
    public final ColumnRanges ranges;

    private Encoded(InstanceEncoder encoder, DataMatrix matrix, ColumnRanges ranges) {
      this.encoder = encoder;
      this.matrix = matrix;
      this.ranges = ranges;
    }
  }

  /**
   * Learns the encoding of {@code rows} and encodes them, reading each row once, on up to {@code
   * threads} threads: the raw values go straight into the matrix while their sums are taken, and a
   * pass over the matrix then replaces them by their encoding. The encoder is that of {@link
   * InstanceEncoder#fit(TrainingRows, Normalization)} and the matrix that of {@link
   * InstanceEncoder#encode(TrainingRows)}, bit for bit, whatever the thread count (when every
   * weight is 1 the matrix holds no weights, and gives 1 for each); a refused value or weight is
   * reported for the first row that holds one. Nobody may change the rows meanwhile.
   *
   * @throws WekaException as {@link InstanceEncoder#fit(TrainingRows, Normalization)} and {@link
   *     InstanceEncoder#encode(TrainingRows)}
   */
  public static Encoded of(TrainingRows rows, Normalization normalization, int threads)
      throws WekaException, InterruptedException {
    return of(rows, normalization, threads, VALUES_PER_ENCODING_THREAD);
  }

  /**
   * As {@link #of(TrainingRows, Normalization, int)}, with a thread for every {@code
   * valuesPerThread} values of the matrix (tests take several threads on small data).
   */
  static Encoded of(
      TrainingRows rows, Normalization normalization, int threads, long valuesPerThread)
      throws WekaException, InterruptedException {
    Instances header = rows.header();
    int[] used = ClusteredAttributes.required(header);
    int[] firstColumn = new int[used.length];
    int columns = InstanceEncoder.columnLayout(header, used, firstColumn);
    int count = rows.count();
    InstanceEncoder.checkMatrixSize(count, columns);
    double[] values = new double[count * columns];
    int runRows = AttributeSums.rowsPerRun(count, header, used);
    int runs = Math.max(1, (count + runRows - 1) / runRows);
    AttributeSums[] sums = new AttributeSums[runs];
    // A run stops at its first refusal; the lowest run's refusal is the first row's.
    WekaException[] refusals = new WekaException[runs];
    RowChunks chunks = new RowChunks(count);
    int blockRows = Math.max(8, SUMMED_BLOCK_VALUES / columns);
    AttributeSpans spans = new AttributeSpans(used, firstColumn);
    long valueThreads = Math.max(1, (long) count * columns / valuesPerThread);
    int encodingThreads =
        (int) Math.min(valueThreads, chunks.threadsFor(threads, CHUNKS_PER_ENCODING_THREAD));
    // The weights of a block only: the matrix keeps none when all are 1, the usual case, and an
    // array of them all would be fresh memory, slow to touch, written for nothing. One block per
    // thread, not per run: A's 196 runs took 3.1 MB for it, twice the matrix.
    ThreadLocal<double[]> weightsOfBlock = ThreadLocal.withInitial(() -> new double[blockRows]);
    // Every row's weight is kept from the first weight other than 1 on, as the rows are read: a
    // second pass for them would read every instance again. A run that met none writes none.
    AtomicReference<double[]> keptWeights = new AtomicReference<>();
    boolean[] runKeptWeights = new boolean[runs];
    try (ChunkRunner runner = new ChunkRunner(encodingThreads)) {
      runner.run(
          0,
          runs,
          (run, slot) -> {
            AttributeSums runSums = new AttributeSums(header, used);
            sums[run] = runSums;
            int runEnd = Math.min(count, (run + 1) * runRows);
            double[] blockWeights = weightsOfBlock.get();
            try {
              // A block of rows is copied, then summed while it is in the first-level cache.
              for (int from = run * runRows; from < runEnd; from += blockRows) {
                int to = Math.min(runEnd, from + blockRows);
                for (int row = from; row < to; row++) {
                  blockWeights[row - from] = rows.weight(row);
                  spans.copyRow(rows, row, values, row * columns);
                }
                runSums.addRows(values, columns, firstColumn, blockWeights, from, to);
                if (!runSums.unitWeights) {
                  double[] kept = weightsArray(keptWeights, count);
                  if (!runKeptWeights[run]) {
                    // The run's rows before this block all weigh 1.
                    Arrays.fill(kept, run * runRows, from, 1);
                    runKeptWeights[run] = true;
                  }
                  System.arraycopy(blockWeights, 0, kept, from, to - from);
                }
              }
            } catch (WekaException e) {
              refusals[run] = e;
            }
          });
      for (WekaException refusal : refusals) {
        if (refusal != null) {
          throw refusal;
        }
      }
      for (int run = 1; run < runs; run++) {
        sums[0].merge(sums[run]);
      }
      // Unit weights are the matrix's default: without the array every pass over the rows (the
      // fit's, the model's spread) reads a weight of 1 without loading it.
      double[] weights = sums[0].unitWeights ? null : keptWeights.get();
      for (int run = 0; weights != null && run < runs; run++) {
        if (!runKeptWeights[run]) {
          Arrays.fill(weights, run * runRows, Math.min(count, (run + 1) * runRows), 1);
        }
      }
      AttributeSummary.Values raw =
          new AttributeSummary.Values() {
            @Override
            public double value(int row, int a) {
              return values[row * columns + firstColumn[a]];
            }

            @Override
            public double weight(int row) {
              return weights == null ? 1 : weights[row];
            }
          };
      boolean withDeviations = normalization == Normalization.STANDARDIZE;
      InstanceEncoder encoder =
          InstanceEncoder.fromSummaries(
              header,
              normalization,
              used,
              AttributeSummary.of(sums[0], count, raw, withDeviations));
      if (encoder.encodesRawValuesAsThemselves()) {
        // Every raw value was found finite as it was read (a missing one would be replaced), and
        // the sums hold each column's range.
        ColumnRanges ranges = new ColumnRanges(columns);
        for (int a = 0; a < used.length; a++) {
          ranges.widen(firstColumn[a], sums[0].min[a]);
          ranges.widen(firstColumn[a], sums[0].max[a]);
        }
        return new Encoded(
            encoder, DataMatrix.ofFiniteValues(count, columns, values, weights), ranges);
      }
      boolean[] nominal = encoder.nominalAttributes();
      ColumnRanges[] chunkRanges = new ColumnRanges[chunks.count()];
      runner.run(
          0,
          chunks.count(),
          (chunk, slot) -> {
            int from = chunks.start(chunk) * columns;
            int to = chunks.end(chunk) * columns;
            for (int at = from; at < to; at += columns) {
              encoder.encodeRawInPlace(values, at, nominal);
            }
            chunkRanges[chunk] = ColumnRanges.of(values, from, to, columns);
          });
      ColumnRanges ranges = new ColumnRanges(columns);
      for (ColumnRanges chunk : chunkRanges) {
        ranges.widen(chunk);
      }
      // A value the encoding took out of range (an overflow) is reported as the matrix reports it.
      DataMatrix matrix =
          ranges.allFinite()
              ? DataMatrix.ofFiniteValues(count, columns, values, weights)
              : DataMatrix.of(count, columns, values, weights);
      return new Encoded(encoder, matrix, ranges);
    }
  }

  /**
   * The array of every row's weight in {@code kept}, made for {@code count} rows by the first
   * caller.
   */
  private static double[] weightsArray(AtomicReference<double[]> kept, int count) {
    double[] weights = kept.get();
    if (weights == null) {
      kept.compareAndSet(null, new double[count]);
      weights = kept.get();
    }
    return weights;
  }
}
