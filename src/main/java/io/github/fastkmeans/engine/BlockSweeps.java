package io.github.fastkmeans.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

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

  /** The vector kernel's constructor (k, columns); null when it cannot run here. */
  private static final Constructor<? extends BlockSweep> VECTOR;

  /** Which kernel {@link #create} makes, and why, for the model output. */
  private static final String DESCRIPTION;

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
    double[][] estimates = new double[9][sweep.estimateLength()];
    double[] values = new double[18];
    sweep.estimate(values, 0, 9, new double[9], 0, estimates, new double[9]);
    return sweep;
  }

  /** Which kernel {@link #create} makes, and why when it is the plain one. */
  static String description() {
    return DESCRIPTION;
  }

  /** Whether {@link #create} makes the vector kernel. */
  static boolean vectorKernel() {
    return VECTOR != null;
  }

  /** The kernel of this JVM for {@code k} centres in {@code columns} dimensions. */
  static BlockSweep create(int k, int columns) {
    return VECTOR == null ? new PlainBlockSweep(k, columns) : vector(k, columns);
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
    try {
      return VECTOR.newInstance(k, columns);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException("The vector kernel failed: " + cause, cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("The vector kernel did not load: " + e, e);
    }
  }
}
