package io.github.fastkmeans.weka;

import weka.core.WekaException;

/** An option on the command line or in {@code setOptions} that FastKMeans cannot accept. */
public final class InvalidOptionException extends WekaException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the option. */
  public InvalidOptionException(String message) {
    super(message);
  }

  /** Creates the exception with a message that names the option and the underlying cause. */
  public InvalidOptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
