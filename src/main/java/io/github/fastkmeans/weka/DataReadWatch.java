package io.github.fastkmeans.weka;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import weka.core.WekaException;

/**
 * Watches what a thread writes to standard error while Weka's evaluation runs in it, for the read
 * errors that Weka's {@code DataSource} prints and then takes for the data's end: a file with a bad
 * row halfway would otherwise be clustered from its first part, and the command succeed.
 *
 * <p>Standard error is replaced by one stream for all watches at once, which passes every byte on
 * to the stream it replaced and gives each watched thread's lines to its watch; the last watch to
 * close puts the replaced stream back, unless someone else has replaced it since.
 */
final class DataReadWatch implements AutoCloseable {

  /**
   * Frames of the {@code DataSource} methods that print a read error and go on as if the data had
   * ended: the incremental reader's, and the batch reader's, which gives no data instead.
   */
  private static final Pattern READ_FRAME =
      Pattern.compile(
          "\\s*at weka\\.core\\.converters\\.ConverterUtils\\$DataSource\\."
              + "(hasMoreElements|nextElement|getDataSet)\\(.*");

  /** The first line of a printed stack trace: a throwable's class name, then its message. */
  private static final Pattern THROWABLE_LINE =
      Pattern.compile("[\\w$]+(\\.[\\w$]+)*(Exception|Error)(: .*)?");

  /** The longest line read: a read error's first line is far shorter. */
  private static final int MAX_LINE_BYTES = 1 << 16;

  /** Standard error as the watches share it. */
  private static final SharedError SHARED = new SharedError();

  private final Thread thread = Thread.currentThread();
  private final Charset charset = errorCharset();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private String lastThrowableLine;
  private String readError;

  private DataReadWatch() {}

  /** Starts watching what this thread writes to standard error; close the watch after. */
  static DataReadWatch start() {
    DataReadWatch watch = new DataReadWatch();
    SHARED.open(watch);
    return watch;
  }

  /**
   * Throws when Weka printed, in the watched thread, a read error of its data source, naming it;
   * {@code failure}, the evaluation's own failure (or null), follows it in the message.
   *
   * @throws WekaException naming the read error
   */
  synchronized void failIfDataWereCut(Exception failure) throws WekaException {
    if (readError == null) {
      return;
    }
    String then = failure == null ? "" : " Weka's evaluation then stopped: " + failure.getMessage();
    throw new WekaException(
        "Weka could not read the data past an error (printed above): "
            + sentence(readError)
            + " FastKMeans gives no result from the part before it."
            + then,
        failure);
  }

  /** Stops watching; the last watch open puts standard error back. */
  @Override
  public void close() {
    SHARED.close(this);
  }

  /** Takes a byte the watched thread wrote: a line is read once it ends. */
  private synchronized void take(int b) {
    if (b != '\n') {
      if (line.size() < MAX_LINE_BYTES) {
        line.write(b);
      }
      return;
    }
    String text = line.toString(charset).trim();
    line.reset();
    if (THROWABLE_LINE.matcher(text).matches()) {
      lastThrowableLine = text;
    } else if (readError == null && READ_FRAME.matcher(text).matches()) {
      readError =
          lastThrowableLine == null ? "(not found in what Weka printed)" : lastThrowableLine;
    }
  }

  /** The encoding of standard error: the console's where the JVM names one. */
  private static Charset errorCharset() {
    for (String property : new String[] {"stderr.encoding", "sun.stderr.encoding"}) {
      String name = System.getProperty(property);
      if (name != null && Charset.isSupported(name)) {
        return Charset.forName(name);
      }
    }
    return Charset.defaultCharset();
  }

  /** {@code text} ended by a full stop, unless it has one. */
  private static String sentence(String text) {
    return text.endsWith(".") ? text : text + ".";
  }

  /**
   * Standard error while watches are open: one replacement for all of them, since the JVM has one
   * standard error, and the watches by the thread they watch.
   */
  private static final class SharedError {
    private final Map<Thread, DataReadWatch> watches = new ConcurrentHashMap<>();

    /** The stream standard error was before the first of the open watches; null when none is. */
    private PrintStream replaced;

    /** The stream that stands for standard error while watches are open. */
    private PrintStream watching;

    synchronized void open(DataReadWatch watch) {
      if (watches.isEmpty()) {
        replaced = System.err;
        watching = new PrintStream(new PassingOn(replaced, watches), true, watch.charset);
        System.setErr(watching);
      }
      watches.put(watch.thread, watch);
    }

    synchronized void close(DataReadWatch watch) {
      if (watches.remove(watch.thread, watch) && watches.isEmpty()) {
        if (System.err == watching) {
          System.setErr(replaced);
        }
        replaced = null;
        watching = null;
      }
    }
  }

  /** Passes every byte on to the stream it stands for, and a watched thread's to its watch. */
  private static final class PassingOn extends OutputStream {
    private final PrintStream target;
    private final Map<Thread, DataReadWatch> watches;

    PassingOn(PrintStream target, Map<Thread, DataReadWatch> watches) {
      this.target = target;
      this.watches = watches;
    }

    @Override
    public void write(int b) {
      target.write(b);
      DataReadWatch watch = watches.get(Thread.currentThread());
      if (watch != null) {
        watch.take(b & 0xff);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      target.write(bytes, offset, length);
      DataReadWatch watch = watches.get(Thread.currentThread());
      if (watch != null) {
        for (int i = offset; i < offset + length; i++) {
          watch.take(bytes[i] & 0xff);
        }
      }
    }

    @Override
    public void flush() {
      target.flush();
    }
  }
}
