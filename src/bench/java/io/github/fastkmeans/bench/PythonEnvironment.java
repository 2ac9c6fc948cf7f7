package io.github.fastkmeans.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Python virtual environment of the benchmarks' Python peers: made with {@code python3 -m venv}
 * and filled by pip from its configured sources with the pinned {@link #REQUIREMENTS}, once; a
 * later run reuses it, and installs again only when the pins changed.
 */
final class PythonEnvironment {

  /**
   * The peers' versions, pinned here only: what pip installs and the benchmark reports.
   * threadpoolctl (which reports the BLAS kernels) and numpy come with scikit-learn.
   */
  static final List<String> REQUIREMENTS = List.of("scikit-learn==1.9.1", "faiss-cpu==1.15.1");

  /** The default folder of the environment, under Maven's target (relative to the project). */
  static final Path DEFAULT_FOLDER = Path.of("target", "bench-venv");

  /** A file in the environment naming the pins it was filled with. */
  private static final String PINS_FILE = "fastkmeans-requirements.txt";

  private PythonEnvironment() {}

  /**
   * The Python of the environment in {@code folder}, made (python3 -m venv) and filled by pip with
   * {@link #REQUIREMENTS} first when it is absent or holds other pins; pip's progress goes to
   * standard error.
   *
   * @throws IOException when venv or pip fails
   */
  static String python(Path folder) throws IOException, InterruptedException {
    Path python = folder.resolve("bin").resolve("python");
    Path pins = folder.resolve(PINS_FILE);
    String wanted = String.join("\n", REQUIREMENTS) + "\n";
    if (Files.isExecutable(python)
        && Files.isRegularFile(pins)
        && Files.readString(pins, StandardCharsets.UTF_8).equals(wanted)) {
      return python.toString();
    }
    if (!Files.isExecutable(python)) {
      System.err.println("Making the Python environment " + folder + " (python3 -m venv)...");
      run(List.of("python3", "-m", "venv", folder.toString()));
    }
    System.err.println("Installing " + REQUIREMENTS + " into " + folder + " with pip...");
    List<String> install =
        new ArrayList<>(List.of(python.toString(), "-m", "pip", "install", "-q"));
    install.addAll(REQUIREMENTS);
    run(install);
    Files.writeString(pins, wanted, StandardCharsets.UTF_8);
    return python.toString();
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    // pip's own output to standard error: standard output is the report.
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.to(new java.io.File("/dev/stderr")))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (process.waitFor() != 0) {
      throw new IOException(
          "Failed (exit " + process.exitValue() + "): " + String.join(" ", command));
    }
  }
}
