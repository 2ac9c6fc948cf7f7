package io.github.fastkmeans.bench;

import java.util.ArrayList;
import java.util.Collections;
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

    /**
     * Untimed, right after {@link #run}: completes its outcome with what is costly to read out of
     * the system (a model's centres and text); by default the outcome as it is.
     */
    default Outcome describe(Outcome timed) throws Exception {
      return timed;
    }
  }

  /** What one fit ended with. */
  static final class Outcome {
    final double[] centres;

    /** As {@link Measurement#iterations}; -1 when the system does not tell. */
    final int iterations;

    final boolean converged;
    final String note;

    /** As {@link Measurement#sweepGflops}; NaN when unknown. */
    final double sweepGflops;

    Outcome(double[] centres, int iterations, boolean converged, String note) {
      this(centres, iterations, converged, note, Double.NaN);
    }

    Outcome(double[] centres, int iterations, boolean converged, String note, double sweepGflops) {
      this.centres = centres;
      this.iterations = iterations;
      this.converged = converged;
      this.note = note;
      this.sweepGflops = sweepGflops;
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

  /** Why a single-threaded peer or a tree is left out on the large sets unless named. */
  static final String LARGE_SET =
      "one of the large sets (E, F, G): on one thread or with a tree a fit would take many"
          + " minutes";

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
    List<Double> gflops = new ArrayList<>();
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
      last = fit.describe(last);
      gflops.add(last.sweepGflops);
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
    m.sweepGflops = median(gflops);
    // /proc counts in 10 ms steps: too short a window says nothing.
    m.othersCpu =
        (System.nanoTime() - window) / 1e9 >= CpuMonitor.MIN_WINDOW_SECONDS ? others : Double.NaN;
    return List.of(m);
  }

  /** The median of {@code values} (NaN if empty or any is NaN). */
  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    if (n == 0 || sorted.stream().anyMatch(v -> Double.isNaN(v))) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
