package io.github.fastkmeans.bench;

import java.util.List;

/**
 * A system under test; it measures itself on one data set and gives one or more rows of the table.
 */
interface Contender {

  /** A short lower-case id, matched by the --systems and --skip options (e.g. "elki-hamerly"). */
  String id();

  /**
   * Why this system is left out on {@code data} unless named in --systems (it would take minutes
   * there); null if it is not.
   */
  default String tooSlowFor(Dataset data) {
    return null;
  }

  /** The row of a system that was left out. */
  default List<Measurement> skipped(String reason) {
    return List.of(Measurement.skipped(id(), "", "", reason));
  }

  /** Whether the system runs without being named in --systems (slow extras do not). */
  default boolean byDefault() {
    return true;
  }

  /**
   * Fits {@code data} from {@code start} (row-major k x d, never modified) for {@code
   * data.iterations} iterations, untimed warm-ups first, then timed runs, as {@code plan} says.
   */
  List<Measurement> measure(Dataset data, double[] start, Plan plan) throws Exception;
}
