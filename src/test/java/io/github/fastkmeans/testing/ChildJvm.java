package io.github.fastkmeans.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a fresh JVM, the way a user starts Java, and collects what it did. Tests use
 * it when they need a clean start: Weka loading its packages, a model read by a JVM that never
 * built it, a deliberately small heap. Immutable: each method that configures it returns a changed
 * copy.
 *
 * <p>The child's standard input is closed at once, so a child that reads it sees the end instead of
 * waiting; both output streams are drained concurrently, so a child that writes much to either
 * never blocks on a full pipe. A child that outlives the timeout is killed and the test fails with
 * what it had printed.
 */
public final class ChildJvm {

  /** The timeout unless one is set: Weka's slowest start, on a busy machine, with room to spare. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /** How long a killed child gets to die and release its streams before the test gives up. */
  private static final Duration KILL_GRACE = Duration.ofSeconds(10);

  private final String classPath;
  private final List<String> jvmFlags;
  private final Map<String, String> systemProperties;

  /** Variables to set in the child's environment; a null value removes the variable. */
  private final Map<String, String> environment;

  private final Path workingDirectory;
  private final Duration timeout;

  private ChildJvm(
      String classPath,
      List<String> jvmFlags,
      Map<String, String> systemProperties,
      Map<String, String> environment,
      Path workingDirectory,
      Duration timeout) {
    this.classPath = classPath;
    this.jvmFlags = jvmFlags;
    this.systemProperties = systemProperties;
    this.environment = environment;
    this.workingDirectory = workingDirectory;
    this.timeout = timeout;
  }

  /** A child JVM on {@code classPath}, with no flags, this JVM's working directory and env. */
  public static ChildJvm withClassPath(String classPath) {
    return new ChildJvm(
        classPath,
        List.of(),
        Collections.emptyMap(),
        Collections.emptyMap(),
        null,
        DEFAULT_TIMEOUT);
  }

  /** A child JVM on this JVM's class path (the test classes and their dependencies). */
  public static ChildJvm withThisClassPath() {
    return withClassPath(System.getProperty("java.class.path"));
  }

  /** A copy that also passes {@code flags} (such as {@code -Xmx96m}) to the JVM, in order. */
  public ChildJvm withFlags(String... flags) {
    List<String> all = new ArrayList<>(jvmFlags);
    all.addAll(Arrays.asList(flags));
    return new ChildJvm(
        classPath, List.copyOf(all), systemProperties, environment, workingDirectory, timeout);
  }

  /** A copy that sets system property {@code name} ({@code -Dname=value}), replacing any value. */
  public ChildJvm withProperty(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(systemProperties);
    all.put(name, value);
    return new ChildJvm(
        classPath,
        jvmFlags,
        Collections.unmodifiableMap(all),
        environment,
        workingDirectory,
        timeout);
  }

  /** A copy that sets environment variable {@code name} in the child. */
  public ChildJvm withEnvironment(String name, String value) {
    return withVariable(name, value);
  }

  /** A copy whose child does not inherit environment variable {@code name}. */
  public ChildJvm withoutEnvironment(String name) {
    return withVariable(name, null);
  }

  private ChildJvm withVariable(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(environment);
    all.put(name, value);
    return new ChildJvm(
        classPath,
        jvmFlags,
        systemProperties,
        Collections.unmodifiableMap(all),
        workingDirectory,
        timeout);
  }

  /** A copy whose child starts in {@code directory}. */
  public ChildJvm inDirectory(Path directory) {
    return new ChildJvm(classPath, jvmFlags, systemProperties, environment, directory, timeout);
  }

  /** A copy whose child is killed, and the test failed, after {@code limit}. */
  public ChildJvm withTimeout(Duration limit) {
    return new ChildJvm(
        classPath, jvmFlags, systemProperties, environment, workingDirectory, limit);
  }

  /** The command line that runs {@code mainClass} with {@code args}. */
  private List<String> command(String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    for (Map.Entry<String, String> property : systemProperties.entrySet()) {
      command.add("-D" + property.getKey() + "=" + property.getValue());
    }
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(Arrays.asList(args));
    return command;
  }

  /**
   * Runs {@code mainClass} with {@code args} and waits for it to end.
   *
   * @throws AssertionError if the child, or its output streams, outlive the timeout; the child is
   *     killed and the message holds what it printed until then
   */
  public Result run(String mainClass, String... args) throws IOException, InterruptedException {
    List<String> command = command(mainClass, args);
    String commandLine = String.join(" ", command);
    long deadline = System.nanoTime() + timeout.toNanos();
    Process process = start(command);
    Drain stdout = new Drain(process.getInputStream());
    Drain stderr = new Drain(process.getErrorStream());
    stdout.start();
    stderr.start();
    boolean finished;
    try {
      // A grandchild (such as a javadoc Ant forks) may hold the streams open after the child ends.
      finished =
          process.waitFor(remainingNanos(deadline), TimeUnit.NANOSECONDS)
              && stdout.finishBy(deadline)
              && stderr.finishBy(deadline);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
    if (!finished) {
      process.destroyForcibly().waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      long graceEnd = System.nanoTime() + KILL_GRACE.toNanos();
      stdout.finishBy(graceEnd);
      stderr.finishBy(graceEnd);
      int status = process.isAlive() ? -1 : process.exitValue();
      throw new AssertionError(
          "The child JVM, or a process holding its output open, did not finish within "
              + timeout.toSeconds()
              + " s\n"
              + new Result(commandLine, status, stdout.text(), stderr.text()));
    }
    return new Result(commandLine, process.exitValue(), stdout.text(), stderr.text());
  }

  /** Starts {@code command} with this child's directory and environment, its stdin closed. */
  private Process start(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    if (workingDirectory != null) {
      builder.directory(workingDirectory.toFile());
    }
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      if (variable.getValue() == null) {
        builder.environment().remove(variable.getKey());
      } else {
        builder.environment().put(variable.getKey(), variable.getValue());
      }
    }
    Process process = builder.start();
    // Closed at once: a child that reads stdin sees its end instead of waiting for input.
    process.getOutputStream().close();
    return process;
  }

  private static long remainingNanos(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  /**
   * What a finished child JVM did.
   *
   * @param command the command line that started it
   * @param exitCode its exit status (-1 if it could not be killed after a timeout)
   * @param stdout everything it printed to standard output
   * @param stderr everything it printed to standard error
   */
  public record Result(String command, int exitCode, String stdout, String stderr) {

    /** The command, the exit status and both output streams: enough to see why a test failed. */
    @Override
    public String toString() {
      return command + "\nexit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }

  /** Reads one output stream of the child to its end, on its own thread. */
  private static final class Drain extends Thread {
    private final InputStream stream;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Drain(InputStream stream) {
      this.stream = stream;
      // A drain stuck on a stream that a stray grandchild holds must not keep the test JVM alive.
      setDaemon(true);
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try (InputStream in = stream) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          bytes.write(buffer, 0, n);
        }
      } catch (IOException e) {
        // The stream broke because the child was killed: what was read so far is kept.
      }
    }

    /** Waits until the stream has been read to its end or {@code deadline}; whether it was. */
    boolean finishBy(long deadline) throws InterruptedException {
      long millis = TimeUnit.NANOSECONDS.toMillis(remainingNanos(deadline));
      join(Math.max(1, millis));
      return !isAlive();
    }

    /** What was read so far, as UTF-8 text. */
    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
