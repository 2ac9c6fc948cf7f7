package io.github.fastkmeans.weka;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.regex.Pattern;

/**
 * Watches standard error while Weka's evaluation runs, for the read errors that Weka's {@code
 * DataSource} prints and then takes for the data's end: a file with a bad row halfway would
 * otherwise be clustered from its first part, and the command succeed.
 */
final class DataReadWatch implements AutoCloseable {

  /** The frame of Weka's {@code DataSource} in the stack trace it prints of a read error. */
  private static final String DATA_SOURCE_FRAME =
      "\tat weka.core.converters.ConverterUtils$DataSource.";

  /** The first line of a printed stack trace: a throwable's class name, then its message. */
  private static final Pattern THROWABLE_LINE =
      Pattern.compile("[\\w$]+(\\.[\\w$]+)*(Exception|Error)(: .*)?");

  /** Text kept of standard error: a read error's trace comes in the first few kilobytes of it. */
  private static final int KEPT_BYTES = 1 << 20;

  private final PrintStream original;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

  private DataReadWatch(PrintStream original) {
    this.original = original;
  }

  /** Starts watching: standard error goes on to where it went, and is kept too. */
  static DataReadWatch start() {
    DataReadWatch watch = new DataReadWatch(System.err);
    OutputStream both =
        new OutputStream() {
          @Override
          public void write(int b) {
            watch.original.write(b);
            watch.keep(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            watch.original.write(bytes, offset, length);
            watch.keep(bytes, offset, length);
          }

          @Override
          public void flush() {
            watch.original.flush();
          }
        };
    System.setErr(new PrintStream(both, true, Charset.defaultCharset()));
    return watch;
  }

  private synchronized void keep(byte[] bytes, int offset, int length) {
    int room = KEPT_BYTES - kept.size();
    if (room > 0) {
      kept.write(bytes, offset, Math.min(room, length));
    }
  }

  /**
   * Throws when Weka printed a read error of its data source while watched, with that error's
   * message, and {@code failure} (the evaluation's own, or null) as the cause.
   *
   * @throws Exception naming the read error
   */
  synchronized void failIfDataWereCut(Exception failure) throws Exception {
    String text = kept.toString(Charset.defaultCharset());
    int frame = text.indexOf(DATA_SOURCE_FRAME);
    if (frame < 0) {
      return;
    }
    throw new Exception(
        "Weka could not read the data past an error (printed above): "
            + sentence(errorLine(text, frame))
            + " FastKMeans gives no result from the part before it.",
        failure);
  }

  /**
   * The line that opens the stack trace holding the frame at {@code frame}: the error's class and
   * message. Some loaders' messages hold lines of frames themselves, so it is found by its form.
   */
  private static String errorLine(String text, int frame) {
    int end = frame;
    while (end > 0) {
      int start = text.lastIndexOf('\n', end - 1) + 1;
      String line = text.substring(start, end).trim();
      if (THROWABLE_LINE.matcher(line).matches()) {
        return line;
      }
      end = start - 1;
    }
    return "(not found in what Weka printed)";
  }

  /** {@code text} ended by a full stop, unless it has one. */
  private static String sentence(String text) {
    return text.endsWith(".") ? text : text + ".";
  }

  /** Stops watching: standard error is what it was. */
  @Override
  public void close() {
    System.setErr(original);
  }
}
