package io.github.fastkmeans.bench;

/**
 * Reads the thread pools a Python peer printed from threadpoolctl's {@code threadpool_info()}, one
 * line each: {@code threadpool USER_API INTERNAL_API VERSION ARCHITECTURE THREADS FILEPATH} ("-"
 * for an absent value).
 */
final class ThreadPools {

  private ThreadPools() {}

  /**
   * The BLAS kernel a library computed with, e.g. "openblas 0.3.30 SkylakeX": of the BLAS pools in
   * {@code output}, the first whose file path contains {@code pathWord} (the library's own), else
   * the first; "BLAS unknown" when threadpoolctl reported none.
   */
  static String kernel(String output, String pathWord) {
    String first = null;
    for (String line : output.split("\n")) {
      String[] f = line.trim().split("\\s+", 7);
      if (f.length < 7 || !f[0].equals("threadpool") || !f[1].equals("blas")) {
        continue;
      }
      String kernel =
          f[2] + (f[3].equals("-") ? "" : " " + f[3]) + (f[4].equals("-") ? "" : " " + f[4]);
      if (f[6].contains(pathWord)) {
        return kernel;
      }
      if (first == null) {
        first = kernel;
      }
    }
    return first == null ? "BLAS unknown" : first;
  }
}
