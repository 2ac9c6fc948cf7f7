package io.github.fastkmeans.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Maven itself prints for this project. A quiet build ({@code mvn -q}, as README's {@code mvn
 * -q -Ptry package}) with the project's settings ({@code .mvn/}) prints nothing at all: Maven 3.8's
 * console library otherwise ends every run with two colour resets, {@code ESC[0m}, which show as a
 * stray escape sequence wherever the output is captured. A profile that needs the shared data says
 * in one line which option points at them.
 */
class MavenOutputIT {

  @TempDir Path temp;

  @Test
  void aQuietBuildPrintsNothing() throws Exception {
    Path mvn = requireMaven();
    Path project = Files.createDirectories(temp.resolve("empty-project"));
    Files.createDirectories(project.resolve(".mvn"));
    Files.copy(
        WekaInstallation.baseDir().resolve(".mvn/jvm.config"), project.resolve(".mvn/jvm.config"));
    Files.writeString(
        project.resolve("pom.xml"),
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
            + "  <modelVersion>4.0.0</modelVersion>\n"
            + "  <groupId>test</groupId>\n"
            + "  <artifactId>empty</artifactId>\n"
            + "  <version>1</version>\n"
            + "  <packaging>pom</packaging>\n"
            + "</project>\n",
        StandardCharsets.UTF_8);

    MavenRun run = maven(mvn, project, "-o", "-q", "validate");
    assertEquals(0, run.exitCode, run.toString());
    assertEquals("", run.stdout, run.toString());
    assertEquals("", run.stderr, run.toString());
  }

  /**
   * The quality profile in a clone without the shared data folder (here: pointed at a folder that
   * does not exist) stops before compiling, with one line naming the option that points at the
   * data, and no stack trace.
   */
  @Test
  void theQualityProfileWithoutItsDataNamesTheOptionInOneLine() throws Exception {
    Path mvn = requireMaven();
    Path missing = temp.resolve("no-shared-data");
    MavenRun run =
        maven(
            mvn,
            WekaInstallation.baseDir(),
            "-o",
            "-q",
            "-B",
            "-Pquality",
            "validate",
            "-Dquality.data=" + missing);
    assertEquals(1, run.exitCode, run.toString());
    String output = run.stdout + run.stderr;
    String firstLine = output.lines().findFirst().orElse("");
    assertTrue(
        firstLine.contains(
            "No UEF data sets (s1/s1.arff and the others) in "
                + missing
                + ": give their folder with -Dquality.data=DIR"),
        run.toString());
    assertFalse(output.contains("\tat ") || output.contains("    at "), run.toString());
    assertFalse(output.contains("Exception in thread"), run.toString());
  }

  /** Maven's launcher; fails on CI (which installs it) and skips elsewhere when it is missing. */
  private static Path requireMaven() {
    Path mvn = onPath("mvn");
    if (mvn == null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("mvn is not on the PATH; CI must install Maven (see .ci/run).");
      }
      assumeTrue(false, "mvn is not on the PATH");
    }
    return mvn;
  }

  /** Runs Maven in {@code project} with {@code args} and waits for it. */
  private MavenRun maven(Path mvn, Path project, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(mvn.toString());
    command.addAll(Arrays.asList(args));
    Path out = Files.createTempFile(temp, "stdout", ".txt");
    Path err = Files.createTempFile(temp, "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.directory(project.toFile());
    // Set by the Maven running this test; the inner one must find its own project folder.
    builder.environment().remove("MAVEN_BASEDIR");
    builder.environment().remove("MAVEN_PROJECTBASEDIR");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process = builder.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail(String.join(" ", command) + " did not finish in 3 minutes");
    }
    return new MavenRun(
        String.join(" ", command),
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** What a finished Maven run printed. */
  private static final class MavenRun {
    final String command;
    final int exitCode;
    final String stdout;
    final String stderr;

    MavenRun(String command, int exitCode, String stdout, String stderr) {
      this.command = command;
      this.exitCode = exitCode;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    /** The command, its status and output, with escape characters made visible. */
    @Override
    public String toString() {
      return (command
              + "\nexit "
              + exitCode
              + "\n--- stdout\n"
              + stdout
              + "\n--- stderr\n"
              + stderr)
          .replace("\u001b", "ESC");
    }
  }

  /** The first executable called {@code name} on the PATH, or null. */
  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Paths.get(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }
}
