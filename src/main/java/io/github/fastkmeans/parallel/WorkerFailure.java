package io.github.fastkmeans.parallel;

/** Rethrows, on the calling thread, what a worker's task failed with, as what it is. */
final class WorkerFailure {

  private WorkerFailure() {}

  /**
   * {@code cause} thrown as what it is: an interrupt, an unchecked exception or an error; anything
   * else wrapped in an {@link IllegalStateException}. Declared to return, so that callers can write
   * {@code throw rethrown(cause)}; it never does.
   *
   * @throws InterruptedException when the task was interrupted
   */
  static RuntimeException rethrown(Throwable cause) throws InterruptedException {
    if (cause instanceof InterruptedException) {
      InterruptedException interrupted = new InterruptedException(cause.getMessage());
      interrupted.initCause(cause);
      throw interrupted;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    if (cause instanceof RuntimeException) {
      throw (RuntimeException) cause;
    }
    throw new IllegalStateException(cause);
  }
}
