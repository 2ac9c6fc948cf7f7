package io.github.fastkmeans.parallel;

/** The check for an interrupt that long loops make between units of work. */
public final class Interruption {

  private Interruption() {}

  /**
   * Returns if the calling thread has not been interrupted.
   *
   * @throws InterruptedException naming {@code what} was interrupted; the flag is cleared, as by
   *     every method that throws it
   */
  public static void check(String what) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException(what + " was interrupted.");
    }
  }
}
