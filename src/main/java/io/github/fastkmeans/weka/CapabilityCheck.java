package io.github.fastkmeans.weka;

import weka.core.WekaException;

/**
 * Weka's capability tests, declared to throw any exception, with their refusals as {@link
 * WekaException}s: a refusal that is one passes as it is, any other is wrapped with its message.
 */
final class CapabilityCheck {

  /** A call to Weka's capability tests. */
  @FunctionalInterface
  interface Check {
    /** Tests, throwing the refusal. */
    void run() throws Exception;
  }

  private CapabilityCheck() {}

  /**
   * Runs {@code check}.
   *
   * @throws WekaException the check's refusal
   */
  static void run(Check check) throws WekaException {
    try {
      check.run();
    } catch (WekaException e) {
      throw e;
    } catch (Exception e) {
      throw new WekaException(e.getMessage(), e);
    }
  }
}
