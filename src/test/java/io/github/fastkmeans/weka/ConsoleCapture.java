package io.github.fastkmeans.weka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs a block with {@code System.out} and {@code System.err} redirected, so that a test can assert
 * what the code under test printed (and the build log stays clean).
 */
final class ConsoleCapture {

  /** A block that may throw, as the code under test does. */
  @FunctionalInterface
  interface Block<T> {
    T run() throws Throwable;
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Runs {@code block} with both streams captured, restores them, and returns its result. */
  <T> T during(Block<T> block) throws Throwable {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    try (PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      System.setOut(capturedOut);
      System.setErr(capturedErr);
      return block.run();
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  /** What was printed to standard output. */
  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What was printed to standard error. */
  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
