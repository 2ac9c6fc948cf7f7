package io.github.fastkmeans.parallel;

/** Counts the live threads of a name, for tests that check no worker is left behind. */
public final class LiveThreads {

  private LiveThreads() {}

  /** The number of threads alive now whose names start with {@code prefix}. */
  public static long named(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith(prefix) && thread.isAlive())
        .count();
  }
}
