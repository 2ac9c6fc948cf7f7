package io.github.fastkmeans.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Maven settings of this project ({@code .mvn/}) applied to a build that does nothing: a quiet
 * build ({@code mvn -q}, as README's {@code mvn -q -Ptry package}) prints nothing at all. Maven
 * 3.8's console library otherwise ends every run with two colour resets, {@code ESC[0m}, which show
 * as a stray escape sequence wherever the output is captured.
 */
class MavenOutputIT {

  @TempDir Path temp;

  @Test
  void aQuietBuildPrintsNothing() throws Exception {
    Path mvn = onPath("mvn");
    if (mvn == null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("mvn is not on the PATH; CI must install Maven (see .ci/run).");
      }
      assumeTrue(false, "mvn is not on the PATH");
    }
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

    Path out = temp.resolve("stdout.txt");
    Path err = temp.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(mvn.toString(), "-o", "-q", "validate");
    builder.directory(project.toFile());
    // Set by the Maven running this test; the inner one must find its own project folder.
    builder.environment().remove("MAVEN_BASEDIR");
    builder.environment().remove("MAVEN_PROJECTBASEDIR");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process = builder.start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "mvn -q validate did not finish in 2 minutes");
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    String report = "--- stdout\n" + stdout.replace("\u001b", "ESC") + "\n--- stderr\n" + stderr;
    assertEquals(0, process.exitValue(), report);
    assertEquals("", stdout, report);
    assertEquals("", stderr, report);
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
