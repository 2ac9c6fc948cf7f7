package io.github.fastkmeans.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Chooses the {@link BlockSweep} of this JVM, once: the Vector API kernel when the module {@code
 * jdk.incubator.vector} is in the boot layer (the JVM was started with {@code --add-modules
 * jdk.incubator.vector}) and its class loads and runs, the plain Java kernel otherwise, with the
 * reason kept for the model output.
 *
 * <p>The vector kernel is compiled for Java 17 apart from the engine, which compiles for Java 11,
 * so it is reached by name alone: on a JVM without the module it is never loaded.
 */
final class BlockSweeps {

  /** The module the vector kernel needs. */
  static final String VECTOR_MODULE = "jdk.incubator.vector";

  private static final String VECTOR_CLASS = "io.github.fastkmeans.engine.VectorBlockSweep";

  private static final String TILE_CLASS = "io.github.fastkmeans.engine.VectorTileSweep";

  /** The vector kernel's constructor (k, columns); null when it cannot run here. */
  private static final Constructor<? extends BlockSweep> VECTOR;

  /** Which kernel {@link #create} makes, and why, for the model output. */
  private static final String DESCRIPTION;

  /**
   * Set to false, the vector kernel is used from its first block on, compiled or not (for tests
   * that must exercise it on small data); by default blocks go to the plain kernel until the JIT
   * has compiled the vector one.
   */
  static final String WARM_UP_PROPERTY = "fastkmeans.vectorKernel.warmUp";

  /** The name of the warm-up's thread. */
  static final String WARM_UP_THREAD = "FastKMeans vector kernel warm-up";

  /** The columns of the warm-up's block: few, so that its calls before compilation are short. */
  private static final int COLUMNS_WARMED = 8;

  /** A warm-up call on the probe block took less than this once the JIT compiled the kernel. */
  private static final long COMPILED_NANOS_PER_CALL = 5_000;

  /** The warm-up gives up after this long: the JIT did not compile the kernel (say, -Xint). */
  private static final long WARM_UP_LIMIT_NANOS = 120_000_000_000L;

  /** Whether fits sweep with the plain kernel until the JIT has compiled the vector one. */
  private static final boolean WARMS_UP = !"false".equals(System.getProperty(WARM_UP_PROPERTY));

  /**
   * Whether the JIT has compiled the vector kernel: its calls run at vector speed. A fact about
   * this JVM, set once by the warm-up.
   */
  private static final AtomicBoolean VECTOR_COMPILED = new AtomicBoolean();

  /** Whether the vector kernel's tiles run with this JVM's vectors. */
  private static final boolean TILES_FIT;

  /** Whether the warm-up saw the tiles' bounds run at compiled speed. A fact about this JVM. */
  private static final AtomicBoolean TILES_COMPILED = new AtomicBoolean();

  static {
    Constructor<? extends BlockSweep> vector = null;
    String description;
    if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
      try {
        vector =
            Class.forName(VECTOR_CLASS)
                .asSubclass(BlockSweep.class)
                .getDeclaredConstructor(int.class, int.class);
        description = probe(vector).kernel();
      } catch (InvocationTargetException e) {
        vector = null;
        description = "plain Java (the vector kernel failed: " + e.getCause() + ")";
      } catch (ReflectiveOperationException | LinkageError e) {
        vector = null;
        description = "plain Java (the vector kernel did not load: " + e + ")";
      }
    } else {
      description =
          "plain Java (the JVM runs without "
              + VECTOR_MODULE
              + "; --add-modules "
              + VECTOR_MODULE
              + " enables the vector kernel)";
    }
    VECTOR = vector;
    DESCRIPTION = description;
    TILES_FIT = vector != null && tilesFitTheVectors();
    if (vector != null) {
      if (!WARMS_UP) {
        VECTOR_COMPILED.set(true);
      } else {
        Thread warmUp = new Thread(BlockSweeps::warmUp, WARM_UP_THREAD);
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
      }
    }
  }

  /**
   * Calls the vector kernel on a small block until a call runs at compiled speed, so that the JIT
   * compiles it without a fit waiting on the uncompiled code; then lets fits use it, and warms the
   * tiles' bounds up the same way ({@link TileWarmUp}).
   */
  private static void warmUp() {
    BlockSweep sweep = vector(16, COLUMNS_WARMED);
    int rows = 9;
    double[] values = new double[rows * COLUMNS_WARMED];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 7;
    }
    double[] centres = new double[16 * COLUMNS_WARMED];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = i % 5;
    }
    double[] centreNorms = new double[16];
    for (int c = 0; c < 16; c++) {
      centreNorms[c] = CentreColumns.squaredNorm(centres, c * COLUMNS_WARMED, COLUMNS_WARMED);
    }
    double[] rowNorms = new double[rows];
    for (int r = 0; r < rows; r++) {
      rowNorms[r] = CentreColumns.squaredNorm(values, r * COLUMNS_WARMED, COLUMNS_WARMED);
    }
    sweep.update(centres, centreNorms);
    BlockSweep.Estimates estimates = sweep.newEstimates(rows);
    // A second copy of the rows: a kernel may keep the rows it met first and read them there
    // after; the copy it did not keep takes the way of rows met once, so both ways get compiled.
    double[] copy = values.clone();
    long started = System.nanoTime();
    boolean compiled =
        UntilCompiled.repeat(
            call -> {
              sweep.estimate(call % 2 == 0 ? values : copy, 0, rows, rowNorms, 0, estimates);
              sweep.nextCandidate(estimates, call % rows, 0);
            },
            COMPILED_NANOS_PER_CALL,
            WARM_UP_LIMIT_NANOS);
    if (compiled) {
      VECTOR_COMPILED.set(true);
      // Then the tiles' bounds, which fits reach later than the kernel.
      TILES_COMPILED.set(TileWarmUp.run(WARM_UP_LIMIT_NANOS - (System.nanoTime() - started)));
    }
  }

  /**
   * Whether the JIT has compiled the vector kernel (or the warm-up was switched off): until then
   * {@link #create}'s sweeps use the plain kernel.
   */
  static boolean vectorCompiled() {
    return VECTOR_COMPILED.get();
  }

  /** Whether the warm-up saw the tiles' bounds run at compiled speed (false without a warm-up). */
  static boolean tilesCompiled() {
    return TILES_COMPILED.get();
  }

  private BlockSweeps() {}

  /**
   * A vector kernel made and run once on a tiny block, so that a class that loads but cannot link
   * or run fails here and not in a fit.
   */
  private static BlockSweep probe(Constructor<? extends BlockSweep> vector)
      throws ReflectiveOperationException {
    BlockSweep sweep = vector.newInstance(3, 2);
    sweep.update(new double[] {0, 0, 1, 1, 2, 2}, new double[] {0, 2, 8});
    BlockSweep.Estimates estimates = sweep.newEstimates(9);
    double[] values = new double[18];
    sweep.estimate(values, 0, 9, new double[9], 0, estimates);
    sweep.nextCandidate(estimates, 0, 0);
    return sweep;
  }

  /**
   * Initialises this class, if it is not yet, on the calling thread: chooses the kernel and starts
   * the vector kernel's warm-up ({@link AssignmentKernel#prepare}). A call is all it takes.
   */
  static void initialize() {
    // The static initializer above does the work, once, on the first thread that gets here.
  }

  /** Which kernel {@link #create} makes, and why when it is the plain one. */
  static String description() {
    return DESCRIPTION;
  }

  /** Whether {@link #create} makes the vector kernel. */
  static boolean vectorKernel() {
    return VECTOR != null;
  }

  /**
   * The kernel of this JVM for {@code k} centres in {@code columns} dimensions: the vector kernel
   * (the plain one while the JIT compiles it) or the plain one, each describing itself for the
   * model output.
   */
  static BlockSweep create(int k, int columns) {
    if (VECTOR == null) {
      return new PlainBlockSweep(k, columns, DESCRIPTION);
    }
    if (!WARMS_UP) {
      return vector(k, columns);
    }
    return new WarmingBlockSweep(vector(k, columns), new PlainBlockSweep(k, columns));
  }

  /**
   * Whether {@link #tileSweep} makes the vector kernel's tiles now: the kernel runs here, the tiles
   * fit its vectors and the JIT has compiled it.
   */
  static boolean tilesRun() {
    return VECTOR != null && TILES_FIT && vectorCompiled();
  }

  /** Whether the vector kernel's tiles run with this JVM's vectors (asked once the kernel runs). */
  private static boolean tilesFitTheVectors() {
    try {
      return (boolean) Class.forName(TILE_CLASS).getDeclaredMethod("fitsTheVectors").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      // Only reached once the kernel itself loaded and ran, from the same build: the tiles are
      // an optimisation, and without them fits bound rows one by one, with the same results.
      return false;
    }
  }

  /**
   * The vector kernel's tiles for {@code rows} rows against {@code k} centres in {@code columns}
   * dimensions, the centre {@code centreAt[p]} (IN, kept) at position p; null where the vector
   * kernel does not run here, the JIT has not compiled it yet, or the JVM's vectors are too narrow
   * for tiles (a fit then bounds rows one by one).
   */
  static TileSweep tileSweep(int k, int columns, int[] centreAt, int rows) {
    if (!tilesRun()) {
      return null;
    }
    try {
      return construct(
          "The vector kernel's tiles",
          Class.forName(TILE_CLASS)
              .asSubclass(TileSweep.class)
              .getDeclaredConstructor(int.class, int.class, int[].class, int.class),
          k,
          columns,
          centreAt,
          rows);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("The vector kernel's tiles did not load: " + e, e);
    }
  }

  /**
   * The vector kernel for {@code k} centres in {@code columns} dimensions.
   *
   * @throws IllegalStateException if it cannot run in this JVM
   */
  static BlockSweep vector(int k, int columns) {
    if (VECTOR == null) {
      throw new IllegalStateException(DESCRIPTION);
    }
    return construct("The vector kernel", VECTOR, k, columns);
  }

  /**
   * A new instance by {@code constructor} from {@code arguments}; an error it throws is thrown as
   * it is, any other failure as an {@link IllegalStateException} naming {@code what}.
   */
  private static <T> T construct(String what, Constructor<T> constructor, Object... arguments) {
    try {
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(what + " failed: " + cause, cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(what + " did not load: " + e, e);
    }
  }
}
