package io.github.fastkmeans.engine;

/**
 * The vector kernel once the JIT has compiled it, the plain kernel before ({@link
 * BlockSweeps#vectorCompiled}). Until C2 compiles it, the Vector API runs as ordinary Java that
 * allocates an object per vector operation, a hundred times slower than plain Java: a fit that
 * started it cold lost seconds on its first pass. Both kernels choose the same centres, so a switch
 * between blocks changes no result.
 */
final class WarmingBlockSweep extends BlockSweep {

  private final BlockSweep vector;
  private final BlockSweep plain;

  /** Sweeps with {@code vector} once compiled and with {@code plain} before; same k and columns. */
  WarmingBlockSweep(BlockSweep vector, BlockSweep plain) {
    super(vector.k, vector.columns);
    this.vector = vector;
    this.plain = plain;
  }

  /**
   * The vector kernel's name, and that a JVM's first blocks go to the plain kernel: which blocks
   * did depends on when the JIT finished, so the text says what may happen rather than counting it,
   * and the same fit always prints the same text.
   */
  @Override
  String kernel() {
    return vector.kernel() + "; plain Java for a JVM's first blocks, until the JIT has compiled it";
  }

  @Override
  void update(double[] centres, double[] squaredNorms) {
    vector.update(centres, squaredNorms);
    plain.update(centres, squaredNorms);
  }

  @Override
  void limitPasses(int passes) {
    vector.limitPasses(passes);
    plain.limitPasses(passes);
  }

  @Override
  long keptBytes() {
    return vector.keptBytes() + plain.keptBytes();
  }

  @Override
  int blockRows() {
    // The vector kernel's blocks: it sweeps all but a JVM's first ones.
    return vector.blockRows();
  }

  @Override
  Estimates newEstimates(int rows) {
    return new EitherEstimates(vector.newEstimates(rows), plain.newEstimates(rows));
  }

  @Override
  void estimate(
      double[] values, int offset, int rows, double[] rowNorms, int firstNorm, Estimates out) {
    EitherEstimates either = (EitherEstimates) out;
    // Decided once per block: the candidate search must read the estimates this call wrote.
    either.vectorWrote = BlockSweeps.vectorCompiled();
    if (either.vectorWrote) {
      vector.estimate(values, offset, rows, rowNorms, firstNorm, either.vector);
    } else {
      plain.estimate(values, offset, rows, rowNorms, firstNorm, either.plain);
    }
  }

  @Override
  void estimateRows(double[] values, int[] rows, int count, double[] rowNorms, Estimates out) {
    EitherEstimates either = (EitherEstimates) out;
    either.vectorWrote = BlockSweeps.vectorCompiled();
    if (either.vectorWrote) {
      vector.estimateRows(values, rows, count, rowNorms, either.vector);
    } else {
      plain.estimateRows(values, rows, count, rowNorms, either.plain);
    }
  }

  @Override
  double nearestUpperBound(Estimates estimates, int row) {
    EitherEstimates either = (EitherEstimates) estimates;
    return either.vectorWrote
        ? vector.nearestUpperBound(either.vector, row)
        : plain.nearestUpperBound(either.plain, row);
  }

  @Override
  double othersLowerBound(Estimates estimates, int row, int nearest) {
    EitherEstimates either = (EitherEstimates) estimates;
    return either.vectorWrote
        ? vector.othersLowerBound(either.vector, row, nearest)
        : plain.othersLowerBound(either.plain, row, nearest);
  }

  @Override
  int soleCandidate(Estimates estimates, int row) {
    EitherEstimates either = (EitherEstimates) estimates;
    return either.vectorWrote
        ? vector.soleCandidate(either.vector, row)
        : plain.soleCandidate(either.plain, row);
  }

  @Override
  int nextCandidate(Estimates estimates, int row, int from) {
    EitherEstimates either = (EitherEstimates) estimates;
    return either.vectorWrote
        ? vector.nextCandidate(either.vector, row, from)
        : plain.nextCandidate(either.plain, row, from);
  }

  /** Room for the estimates of either kernel, and which one wrote the last block. */
  private static final class EitherEstimates extends Estimates {
    private final Estimates vector;
    private final Estimates plain;
    private boolean vectorWrote;

    private EitherEstimates(Estimates vector, Estimates plain) {
      // No per-row answers of its own: soleCandidate reads those of the kernel that wrote.
      super(vector.rows, null);
      this.vector = vector;
      this.plain = plain;
    }
  }
}
