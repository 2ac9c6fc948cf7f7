package io.github.fastkmeans.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A plain Weka installation for integration tests: Weka's class path as Maven resolved it, and a
 * throw-away Weka home. Every command runs in a fresh JVM, offline, as a user would run it.
 */
public final class WekaInstallation {

  private final String classPath;
  private final Path wekaHome;

  private WekaInstallation(String classPath, Path wekaHome) {
    this.classPath = classPath;
    this.wekaHome = wekaHome;
  }

  /**
   * Weka 3.8 (the version the package is built against) with a new, empty home under {@code dir}.
   */
  public static WekaInstallation weka38(Path dir) throws IOException {
    String classPath =
        Files.readString(Paths.get(property("fastkmeans.weka.classpath")), StandardCharsets.UTF_8)
            .trim();
    return new WekaInstallation(classPath, Files.createDirectories(dir.resolve("wekafiles")));
  }

  /** Weka 3.9 (weka-dev) with a new, empty home under {@code dir}. */
  public static WekaInstallation weka39(Path dir) throws IOException {
    List<String> jars = new ArrayList<>();
    File[] files = new File(property("fastkmeans.weka39.dir")).listFiles();
    if (files == null) {
      throw new IOException("No Weka 3.9 jars in " + property("fastkmeans.weka39.dir"));
    }
    for (File jar : files) {
      jars.add(jar.getAbsolutePath());
    }
    return new WekaInstallation(
        String.join(File.pathSeparator, jars), Files.createDirectories(dir.resolve("wekafiles")));
  }

  /** A system property the build sets for integration tests. */
  public static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          name + " is not set; run the integration tests through Maven.");
    }
    return value;
  }

  /**
   * The Java options the build gives every Weka command (pom.xml's {@code weka.jvm.args}, which the
   * try profile uses too): the module opening Weka needs on JDK 17 and the quiet netlib setting.
   */
  public static List<String> jvmArgs() {
    List<String> args = new ArrayList<>();
    for (String arg : property("fastkmeans.weka.jvm.args").trim().split("\\s+")) {
      if (!arg.isEmpty()) {
        args.add(arg);
      }
    }
    return args;
  }

  /** The package zip built by this build. */
  public static Path packageZip() {
    return Paths.get(property("fastkmeans.package.zip"));
  }

  /** The project's base directory. */
  public static Path baseDir() {
    return Paths.get(property("fastkmeans.basedir"));
  }

  /** The throw-away Weka home. */
  public Path home() {
    return wekaHome;
  }

  /** Weka's class path (without the package, which Weka loads from its home). */
  public String classPath() {
    return classPath;
  }

  /** Runs {@code mainClass} with {@code args} on Weka's class path. */
  public Result run(String mainClass, String... args) throws IOException, InterruptedException {
    return runWith(classPath, mainClass, args);
  }

  /** Runs {@code mainClass} with {@code args} on {@code fullClassPath} (Weka's and more). */
  public Result runWith(String fullClassPath, String mainClass, String... args)
      throws IOException, InterruptedException {
    return runIn(null, fullClassPath, mainClass, args);
  }

  /** Like {@link #runWith}, started in {@code workingDir} (null: this JVM's working directory). */
  public Result runIn(Path workingDir, String fullClassPath, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(jvmArgs());
    command.add("-DWEKA_HOME=" + wekaHome);
    command.add("-Dweka.packageManager.offline=true");
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(fullClassPath);
    command.add(mainClass);
    command.addAll(Arrays.asList(args));
    Path out = Files.createTempFile(wekaHome.getParent(), "stdout", ".txt");
    Path err = Files.createTempFile(wekaHome.getParent(), "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command);
    if (workingDir != null) {
      builder.directory(workingDir.toFile());
    }
    builder.environment().put("WEKA_HOME", wekaHome.toString());
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("Timed out: " + String.join(" ", command));
    }
    return new Result(
        String.join(" ", command),
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Installs the package zip with Weka's package manager. */
  public Result install(Path zip) throws IOException, InterruptedException {
    return run("weka.core.WekaPackageManager", "-offline", "-install-package", zip.toString());
  }

  /** What a finished command did. */
  public static final class Result {
    /** The command line. */
    public final String command;

    /** The exit status. */
    public final int exitCode;

    /** Everything printed to standard output. */
    public final String stdout;

    /** Everything printed to standard error. */
    public final String stderr;

    Result(String command, int exitCode, String stdout, String stderr) {
      this.command = command;
      this.exitCode = exitCode;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    @Override
    public String toString() {
      return command + "\nexit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }
}
