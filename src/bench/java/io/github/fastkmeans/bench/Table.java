package io.github.fastkmeans.bench;

import java.util.ArrayList;
import java.util.List;

/** One data set's rows: the SSE check, the ratios and the Markdown table. */
final class Table {

  private final Dataset data;
  private final List<Measurement> rows;
  private final Measurement reference;

  Table(Dataset data, List<Measurement> rows) {
    this.data = data;
    this.rows = rows;
    Measurement ref = null;
    Measurement engine = null;
    for (Measurement m : rows) {
      if (m.ok() && Double.isNaN(m.sse)) {
        m.sse = sse(data, m.centres);
      }
      if (ref == null && m.ok() && m.system.equals("FastKMeans")) {
        ref = m;
      }
      if (engine == null && m.ok() && m.system.startsWith("FastKMeans")) {
        engine = m;
      }
    }
    // The build's first row; the engine's when no build ran (--systems fastkmeans-engine).
    this.reference = ref != null ? ref : engine;
  }

  /** Rows per chunk of the SSE's parallel pass. */
  private static final int SSE_CHUNK = 4096;

  /**
   * The sum over rows of the squared distance to the nearest centre: per chunk of rows in row
   * order, the chunks' sums added in chunk order (the same value on any number of threads). A
   * centre's partial sum is dropped once it reaches the best so far (terms are never negative, so
   * the minimum is the same).
   */
  static double sse(Dataset data, double[] centres) {
    int chunks = (data.rows + SSE_CHUNK - 1) / SSE_CHUNK;
    double[] partial = new double[chunks];
    java.util.stream.IntStream.range(0, chunks)
        .parallel()
        .forEach(
            chunk ->
                partial[chunk] =
                    sse(
                        data,
                        centres,
                        chunk * SSE_CHUNK,
                        Math.min(data.rows, (chunk + 1) * SSE_CHUNK)));
    double total = 0;
    for (double p : partial) {
      total += p;
    }
    return total;
  }

  private static double sse(Dataset data, double[] centres, int from, int to) {
    int d = data.columns;
    int k = centres.length / d;
    double[] x = data.values;
    double total = 0;
    for (int i = from; i < to; i++) {
      int o = i * d;
      double best = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        int p = c * d;
        double s = 0;
        // Checked every 8 columns, so that the inner loop stays simple for the JIT.
        for (int j = 0; j < d && s < best; j += 8) {
          for (int end = Math.min(d, j + 8), jj = j; jj < end; jj++) {
            double diff = x[o + jj] - centres[p + jj];
            s += diff * diff;
          }
        }
        if (s < best) {
          best = s;
        }
      }
      total += best;
    }
    return total;
  }

  /** The median time of the fastest FastKMeans row with one thread or with more; NaN if none. */
  double fastest(boolean oneThread) {
    double best = Double.NaN;
    for (Measurement m : rows) {
      if (m.ok() && m.system.equals("FastKMeans") && m.threads.equals("1") == oneThread) {
        best = Double.isNaN(best) ? m.median() : Math.min(best, m.median());
      }
    }
    return best;
  }

  private double simpleKMeans() {
    for (Measurement m : rows) {
      if (m.ok() && m.system.equals("Weka SimpleKMeans")) {
        return m.median();
      }
    }
    return Double.NaN;
  }

  static String ratio(double numerator, double denominator) {
    if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator <= 0) {
      return "–";
    }
    double r = numerator / denominator;
    return r >= 100
        ? String.format("%.0f", r)
        : r >= 0.1 ? String.format("%.2f", r) : String.format("%.3f", r);
  }

  private double relativeDifference(Measurement m) {
    return Math.abs(m.sse - reference.sse) / Math.abs(reference.sse);
  }

  private String check(Measurement m) {
    if (m.skipped) {
      return m.note;
    }
    if (!m.ok()) {
      return m.note.isEmpty() ? "**FAILED**" : "**" + m.note + "**";
    }
    if (m.timeOnly) {
      return "time only (float32)";
    }
    if (reference == null) {
      return "no FastKMeans reference";
    }
    List<String> out = new ArrayList<>();
    double rel = relativeDifference(m);
    if (!(rel <= Benchmark.SSE_TOLERANCE)) {
      out.add(String.format("**SSE MISMATCH** (%.3g vs %.10g)", m.sse, reference.sse));
    }
    if (m.iterations >= 0 && reference.iterations >= 0 && m.iterations != reference.iterations) {
      out.add("**ITERATIONS DIFFER** (" + m.iterations + " vs " + reference.iterations + ")");
    }
    return out.isEmpty() ? "ok" : String.join(" ", out);
  }

  /** Average cores busy with other processes above which a row's timing is flagged. */
  static final double BUSY = 0.1;

  /** The rows timed while other processes used the CPU, for the summary. */
  List<String> cautions() {
    List<String> out = new ArrayList<>();
    for (Measurement m : rows) {
      if (m.ok() && m.othersCpu > BUSY) {
        out.add(
            String.format(
                "%s: %s (%s thr): other processes kept %.2f cores busy",
                data.name, m.label(), m.threads, m.othersCpu));
      }
    }
    return out;
  }

  /** The rows that do not compare like with like, for the summary. */
  List<String> problems() {
    List<String> out = new ArrayList<>();
    for (Measurement m : rows) {
      String c = check(m);
      if (!m.skipped && !c.equals("ok") && !(m.timeOnly && m.ok())) {
        out.add(data.name + ": " + m.label() + " (" + m.threads + " thr): " + c.replace("**", ""));
      }
    }
    return out;
  }

  void print(Report report, Options options) {
    double fkm = fastest(false);
    double fkm1 = fastest(true);
    double skm = simpleKMeans();
    int threads = options.threads;
    report.line("### " + data.name + ": " + data.shape());
    report.line("");
    report.line(data.description + ".");
    if (reference != null) {
      report.line(
          String.format(
              "Reference (%s, %s threads): SSE %.10g after %d iterations (%s).",
              reference.label(),
              reference.threads,
              reference.sse,
              reference.iterations,
              reference.converged ? "converged" : "iteration limit reached"));
    }
    report.line("");
    report.line(
        "| system | algorithm | threads | iterations | median s | min–max s | runs | best FKM "
            + threads
            + " thr ÷ this | best FKM 1 thr ÷ this | speed-up vs SimpleKMeans | SSE rel. diff | check | others' CPU |");
    report.line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
    List<String> notes = new ArrayList<>();
    for (Measurement m : rows) {
      String iterations = m.iterations < 0 ? "?" : m.iterations + (m.converged ? " (conv.)" : "");
      if (m.ok()) {
        report.line(
            String.format(
                "| %s | %s | %s | %s | %.3f | %.3f–%.3f | %d | %s | %s | %s | %s | %s | %s |",
                m.system,
                m.kernel.isEmpty() ? m.algorithm : m.algorithm + " [" + m.kernel + "]",
                m.threads,
                iterations,
                m.median(),
                m.min(),
                m.max(),
                m.seconds.size(),
                ratio(fkm, m.median()),
                ratio(fkm1, m.median()),
                ratio(skm, m.median()),
                reference == null ? "–" : String.format("%.1e", relativeDifference(m)),
                check(m),
                Double.isNaN(m.othersCpu)
                    ? "–"
                    : String.format(m.othersCpu > BUSY ? "**%.2f**" : "%.2f", m.othersCpu)));
        if (!m.note.isEmpty()) {
          notes.add(m.label() + ": " + m.note);
        }
      } else {
        report.line(
            String.format(
                "| %s | %s | %s | – | – | – | 0 | – | – | – | – | %s | – |",
                m.system, m.algorithm, m.threads, check(m)));
      }
    }
    report.line("");
    for (Measurement m : rows) {
      if (m.ok() && !Double.isNaN(m.sweepGflops)) {
        report.line(
            String.format(
                "Brute-force sweep (%s %s, %s thr): %.1f GFLOP per pass (2·n·k·d); %.1f GFLOP/s over"
                    + " the passes' own time (distances the engine counted), %.1f GFLOP/s over the"
                    + " whole fit (%d iterations).",
                m.system,
                m.algorithm,
                m.threads,
                data.flopsPerPass() / 1e9,
                m.sweepGflops,
                data.flopsPerPass() * m.iterations / m.median() / 1e9,
                m.iterations));
        report.line("");
      }
    }
    for (String n : notes) {
      report.line("- " + n);
    }
    if (!notes.isEmpty()) {
      report.line("");
    }
  }
}
