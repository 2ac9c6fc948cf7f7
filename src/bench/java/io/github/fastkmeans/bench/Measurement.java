package io.github.fastkmeans.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The outcome of one system on one data set: timings, iterations done and the final centres. */
final class Measurement {

  final String system;
  final String algorithm;
  final String threads;

  /** Fit times of the timed runs, in seconds. */
  final List<Double> seconds;

  /**
   * Lloyd iterations done, counted as FastKMeans counts them: assignment passes, at most the number
   * asked for, including the pass that changed nothing when the fit converged; -1 when unknown.
   */
  final int iterations;

  final boolean converged;

  /**
   * The final centres of the last timed run, row-major (fewer than k rows if the system dropped
   * some).
   */
  final double[] centres;

  final String note;

  /**
   * Average number of cores that other processes kept busy during the timed runs (NaN: unknown).
   */
  double othersCpu = Double.NaN;

  /** The SSE of {@link #centres}, filled in by {@link Table}. */
  double sse = Double.NaN;

  /** The BLAS kernel a Python peer computed with, and how it was chosen; "" for the others. */
  String kernel = "";

  /** Whether the row is compared by time only (FAISS in float32), not by SSE and iterations. */
  boolean timeOnly;

  /** Whether the row is one of the Python peers (scikit-learn, FAISS) that the targets name. */
  boolean pythonPeer;

  /**
   * GFLOP/s of FastKMeans' brute-force sweep: 2 d flops per distance the engine counted, over the
   * passes' own time (NaN where the engine's counts are not at hand).
   */
  double sweepGflops = Double.NaN;

  Measurement(
      String system,
      String algorithm,
      String threads,
      List<Double> seconds,
      int iterations,
      boolean converged,
      double[] centres,
      String note) {
    this.system = system;
    this.algorithm = algorithm;
    this.threads = threads;
    this.seconds = Collections.unmodifiableList(new ArrayList<>(seconds));
    this.iterations = iterations;
    this.converged = converged;
    this.centres = centres;
    this.note = note == null ? "" : note;
  }

  /**
   * This measurement with the timed runs of {@code earlier} (the same system in an earlier round)
   * before its own; the other fields as they are here, the CPU others used averaged by runs.
   */
  Measurement withEarlierSeconds(Measurement earlier) {
    List<Double> all = new ArrayList<>(earlier.seconds);
    all.addAll(seconds);
    Measurement m =
        withRest(
            new Measurement(system, algorithm, threads, all, iterations, converged, centres, note));
    if (!Double.isNaN(earlier.othersCpu)) {
      m.othersCpu =
          (earlier.othersCpu * earlier.seconds.size() + othersCpu * seconds.size()) / all.size();
    }
    return m;
  }

  /** {@code m} with this measurement's fields besides the constructor's. */
  private Measurement withRest(Measurement m) {
    m.skipped = skipped;
    m.othersCpu = othersCpu;
    m.sse = sse;
    m.kernel = kernel;
    m.timeOnly = timeOnly;
    m.pythonPeer = pythonPeer;
    m.sweepGflops = sweepGflops;
    return m;
  }

  /** Whether the system was left out on purpose (not a failure). */
  boolean skipped;

  /** A failed system: no timing, only the reason. */
  static Measurement failed(String system, String algorithm, String threads, String note) {
    return new Measurement(system, algorithm, threads, List.of(), -1, false, null, note);
  }

  /** A system left out on purpose: no timing, only the reason. */
  static Measurement skipped(String system, String algorithm, String threads, String note) {
    Measurement m = failed(system, algorithm, threads, note);
    m.skipped = true;
    return m;
  }

  /** This measurement with another note (the other fields as they are). */
  Measurement withNote(String newNote) {
    return withRest(
        new Measurement(
            system, algorithm, threads, seconds, iterations, converged, centres, newNote));
  }

  boolean ok() {
    return !seconds.isEmpty() && centres != null;
  }

  double median() {
    List<Double> sorted = new ArrayList<>(seconds);
    Collections.sort(sorted);
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  double min() {
    return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  double max() {
    return seconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  String label() {
    return system + " " + algorithm;
  }
}
