package io.github.fastkmeans.engine;

import io.github.fastkmeans.bench.SweepSpeed;
import java.util.Locale;
import java.util.Random;

/**
 * The block kernel alone, on one thread: the time of one sweep of every row's estimates against
 * every centre, with nothing of a fit around it (no exact distances, no sums), and the share of
 * rows left with several candidates. {@link SweepSpeed}'s Gaussian blobs around k means, the
 * centres k random rows. The kernel is this JVM's ({@code --add-modules jdk.incubator.vector} for
 * the vector one, compiled before the first timed sweep); the fastest of {@code repeats} sweeps
 * counts. Put an earlier build's engine classes before this class's on the class path to time its
 * kernel.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp "$(cat target/bench-classpath.txt)" \
 *     io.github.fastkmeans.engine.BlockSweepTime rows columns k [repeats]
 * </pre>
 */
public final class BlockSweepTime {

  private BlockSweepTime() {}

  /** Times the kernel on the shape the arguments give. */
  public static void main(String[] args) {
    int rows = Integer.parseInt(args[0]);
    int columns = Integer.parseInt(args[1]);
    int k = Integer.parseInt(args[2]);
    int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    double[] values = SweepSpeed.blobs(rows, columns, k, 1).values();
    Random random = new Random(7);
    double[] centres = new double[k * columns];
    for (int c = 0; c < k; c++) {
      System.arraycopy(values, random.nextInt(rows) * columns, centres, c * columns, columns);
    }
    BlockSweep sweep = BlockSweeps.vectorKernel() ? BlockSweeps.vector(k, columns) : null;
    if (sweep == null) {
      sweep = new PlainBlockSweep(k, columns);
    }
    // The kernels ignore the double norms they are given; only their length matters.
    sweep.update(centres, new double[k]);
    double[] rowNorms = new double[rows];
    int blockRows = sweep.blockRows();
    BlockSweep.Estimates estimates = sweep.newEstimates(blockRows);
    int swept = rows / blockRows * blockRows;
    long fastest = Long.MAX_VALUE;
    long several = 0;
    for (int repeat = 0; repeat < repeats; repeat++) {
      long started = System.nanoTime();
      several = 0;
      for (int first = 0; first < swept; first += blockRows) {
        sweep.estimate(values, first * columns, blockRows, rowNorms, first, estimates);
        for (int r = 0; r < blockRows; r++) {
          several += sweep.soleCandidate(estimates, r) == BlockSweep.SEVERAL ? 1 : 0;
        }
      }
      fastest = Math.min(fastest, System.nanoTime() - started);
    }
    double flops = 2.0 * swept * k * columns;
    System.out.printf(
        Locale.ROOT,
        "%d x %d, k = %d, blocks of %d rows: %.1f ms a sweep, %.1f GFLOP/s on one thread,"
            + " %.2f%% of rows with several candidates; kernel: %s%n",
        rows,
        columns,
        k,
        blockRows,
        fastest / 1e6,
        flops / fastest,
        100.0 * several / swept,
        sweep.kernel());
  }
}
