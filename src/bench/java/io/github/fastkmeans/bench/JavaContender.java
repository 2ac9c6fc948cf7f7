package io.github.fastkmeans.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A system that runs in this JVM: the data are converted once (untimed), each run is made ready
 * (untimed: fresh copies of the start, a new algorithm object, a garbage collection), and only the
 * fit itself is timed with {@link System#nanoTime()}.
 */
abstract class JavaContender implements Contender {

  /** One prepared system on one data set. */
  interface Fit {
    /** Untimed: gets one run ready from {@code start}, which it must not modify. */
    void ready(double[] start, int iterations) throws Exception;

    /** Timed: the fit itself. */
    Outcome run() throws Exception;
  }

  /** What one fit ended with. */
  static final class Outcome {
    final double[] centres;

    /** As {@link Measurement#iterations}; -1 when the system does not tell. */
    final int iterations;

    final boolean converged;
    final String note;

    Outcome(double[] centres, int iterations, boolean converged, String note) {
      this.centres = centres;
      this.iterations = iterations;
      this.converged = converged;
      this.note = note;
    }
  }

  abstract String system();

  abstract String algorithm();

  abstract String threads();

  /** Untimed: converts the data into the system's own form. */
  abstract Fit prepare(Dataset data) throws Exception;

  /** The number of timed runs for this system, given the number asked for. */
  int timedRuns(int runs) {
    return runs;
  }

  /**
   * Data sets with more columns than this are left to the k-d and BBD tree systems on request only.
   */
  static final int TREE_MAX_COLUMNS = 64;

  @Override
  public List<Measurement> skipped(String reason) {
    return List.of(Measurement.skipped(system(), algorithm(), threads(), reason));
  }

  /** Whether this system always does every timed run asked for, whatever the time budget. */
  boolean ignoresBudget() {
    return false;
  }

  @Override
  public List<Measurement> measure(Dataset data, double[] start, Plan plan) throws Exception {
    Fit fit = prepare(data);
    for (int w = 0; w < plan.warmups; w++) {
      fit.ready(start, plan.warmupIterations(data));
      fit.run();
    }
    List<Double> seconds = new ArrayList<>();
    Outcome last = null;
    Outcome counted = null;
    double spent = 0;
    CpuMonitor cpu = CpuMonitor.snapshot();
    long window = System.nanoTime();
    for (int r = 0, n = timedRuns(plan.runs); r < n; r++) {
      if (r > 0 && !ignoresBudget() && !plan.another(r, spent, seconds.get(r - 1))) {
        break;
      }
      fit.ready(start, data.iterations);
      System.gc();
      long begin = System.nanoTime();
      last = fit.run();
      double s = (System.nanoTime() - begin) / 1e9;
      if (counted == null && last.iterations >= 0) {
        counted = last;
      }
      seconds.add(s);
      spent += s;
    }
    double others = cpu.othersSince(CpuMonitor.snapshot());
    Outcome shown = last;
    if (counted == null) {
      counted = shown;
    }
    Measurement m =
        new Measurement(
            system(),
            algorithm(),
            threads(),
            seconds,
            counted.iterations,
            counted.converged,
            shown.centres,
            shown.note);
    // /proc counts in 10 ms steps: too short a window says nothing.
    m.othersCpu =
        (System.nanoTime() - window) / 1e9 >= CpuMonitor.MIN_WINDOW_SECONDS ? others : Double.NaN;
    return List.of(m);
  }
}
