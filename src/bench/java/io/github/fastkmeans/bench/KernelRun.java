package io.github.fastkmeans.bench;

import java.util.List;
import java.util.Locale;

/**
 * One Python peer's algorithm timed under one {@link PythonPeer.KernelSetting}; {@link #best} keeps
 * the faster of a peer's runs and notes the others.
 */
final class KernelRun {

  final String algorithm;
  final PythonPeer.KernelSetting setting;
  final Measurement measurement;

  KernelRun(String algorithm, PythonPeer.KernelSetting setting, Measurement measurement) {
    this.algorithm = algorithm;
    this.setting = setting;
    this.measurement = measurement;
  }

  /**
   * The run with the lowest median among those that succeeded (the first of equal ones), its kernel
   * labelled with its setting and the other runs' kernels and medians in its note; a failed run's
   * row when none succeeded.
   *
   * @throws IllegalArgumentException when {@code runs} is empty
   */
  static KernelRun best(List<KernelRun> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("No run to choose from");
    }
    KernelRun best = null;
    for (KernelRun r : runs) {
      if (r.measurement.ok()
          && (best == null || r.measurement.median() < best.measurement.median())) {
        best = r;
      }
    }
    if (best == null) {
      return runs.get(0);
    }
    StringBuilder note = new StringBuilder(best.measurement.note);
    for (KernelRun r : runs) {
      if (r == best) {
        continue;
      }
      note.append(note.length() == 0 ? "" : "; ")
          .append(
              r.measurement.ok()
                  ? String.format(
                      Locale.ROOT,
                      "with %s (%s): median %.3f s",
                      r.measurement.kernel,
                      r.setting.label(),
                      r.measurement.median())
                  : "with " + r.setting.label() + ": " + r.measurement.note);
    }
    Measurement m = best.measurement.withNote(note.toString());
    m.kernel = best.measurement.kernel + " (" + best.setting.label() + ")";
    return new KernelRun(best.algorithm, best.setting, m);
  }
}
