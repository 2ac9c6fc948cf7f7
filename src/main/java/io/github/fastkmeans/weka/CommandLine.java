package io.github.fastkmeans.weka;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.ObjectInputStream;
import java.io.PrintStream;
import weka.clusterers.ClusterEvaluation;
import weka.clusterers.Clusterer;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Runs a clusterer from the command line as Weka's {@code runClusterer} does, but tells failure
 * apart: a bad option prints the message and Weka's usual option help, any other error prints its
 * message, and the exit status is non-zero in both cases. Predictions from a saved model for a file
 * of another header fail as Weka's statistics for it do, instead of listing every row as
 * "Unclustered".
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
      checkPredictionHeader(args);
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

  /**
   * With a saved model, a test file and predictions ({@code -l model -T file -p range}), checks
   * that the test file has the model's training header. Weka checks this before statistics but not
   * before predictions, where every row the model refuses prints as "Unclustered" and the command
   * succeeds; the message is Weka's own.
   *
   * @throws Exception if the test file's header differs from the one saved with the model
   */
  private static void checkPredictionHeader(String[] args) throws Exception {
    String[] options = args.clone();
    String modelFile;
    String testFile;
    String predictions;
    try {
      modelFile = Utils.getOption('l', options);
      testFile = Utils.getOption('T', options);
      predictions = Utils.getOption('p', options);
    } catch (Exception badOption) {
      return; // Weka reports it, with its option help
    }
    if (modelFile.isEmpty() || testFile.isEmpty() || predictions.isEmpty()) {
      return;
    }
    Instances trainHeader = savedHeader(modelFile);
    if (trainHeader == null) {
      return;
    }
    Instances testHeader = new DataSource(testFile).getStructure();
    if (!trainHeader.equalHeaders(testHeader)) {
      throw new Exception(
          "Training and testing data are not compatible\n"
              + trainHeader.equalHeadersMsg(testHeader));
    }
  }

  /**
   * The training header Weka saves after the model ({@code -d}), or null when the file has none.
   * Classes resolve through this class's loader, which sees the package's classes.
   */
  private static Instances savedHeader(String modelFile) throws Exception {
    try (ObjectInputStream in =
        new ObjectInputStream(new BufferedInputStream(new FileInputStream(modelFile)))) {
      in.readObject();
      Object header = in.readObject();
      return header instanceof Instances ? (Instances) header : null;
    } catch (EOFException noHeader) {
      return null;
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
