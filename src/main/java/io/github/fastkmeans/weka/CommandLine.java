package io.github.fastkmeans.weka;

import java.io.PrintStream;
import weka.clusterers.ClusterEvaluation;
import weka.clusterers.Clusterer;

/**
 * Runs a clusterer from the command line as Weka's {@code runClusterer} does, but tells failure
 * apart: a bad option prints the message and Weka's usual option help, any other error prints its
 * message, and the exit status is non-zero in both cases.
 */
public final class CommandLine {

  private CommandLine() {}

  /**
   * Evaluates {@code clusterer} with {@code args} as Weka's ClusterEvaluation does, printing the
   * result to {@code out} and problems to {@code err}.
   *
   * @return the exit status: 0 on success, 1 on any error
   */
  public static int run(Clusterer clusterer, String[] args, PrintStream out, PrintStream err) {
    try {
      out.println(ClusterEvaluation.evaluateClusterer(clusterer, args));
      return 0;
    } catch (InvalidOptionException e) {
      err.println("\n" + e.getMessage() + "\n" + optionHelp(clusterer));
      return 1;
    } catch (Exception e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      if (message.startsWith("Help requested.")) {
        // Asked for, not an error; ClusterEvaluation reports help as an exception.
        out.println(message);
        return 0;
      }
      // Errors in Weka's general options come with the option help already in the message.
      err.println(message.contains("General options") ? message : "\nError: " + message);
      return 1;
    }
  }

  /** Weka's usual text on the general and the scheme's options. */
  private static String optionHelp(Clusterer clusterer) {
    try {
      ClusterEvaluation.evaluateClusterer(clusterer, new String[] {"-h"});
      return "";
    } catch (Exception help) {
      return help.getMessage().replaceFirst("^Help requested\\.", "");
    }
  }

  /**
   * Whether this JVM was started to run the command in this thread: the thread is the launcher's
   * main thread and its outermost frame is a {@code main} method. Inside Weka's SimpleCLI or any
   * other host the command runs on some other thread, and the host must not be shut down.
   */
  public static boolean ownsTheJvm() {
    Thread thread = Thread.currentThread();
    if (!"main".equals(thread.getName())) {
      return false;
    }
    StackTraceElement[] stack = thread.getStackTrace();
    return stack.length > 0 && "main".equals(stack[stack.length - 1].getMethodName());
  }
}
