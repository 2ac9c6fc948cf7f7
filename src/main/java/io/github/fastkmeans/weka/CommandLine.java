package io.github.fastkmeans.weka;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.ObjectInputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import weka.clusterers.ClusterEvaluation;
import weka.clusterers.Clusterer;
import weka.core.Instances;
import weka.core.SerializationHelper;
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

  /**
   * How long Weka's classes-to-clusters evaluation ({@code -c}) may run after the fit before a note
   * says what it is doing. The evaluation then clusters every instance and reads the file twice (a
   * few seconds for half a million rows), and searches every mapping of classes to clusters: see
   * {@link ClassMappingNote}.
   */
  static final long CLASS_MAPPING_NOTE_MILLIS = 10_000;

  /** The classes whose {@code main} starts a JVM for one command: Weka's and the scheme's. */
  private static final Set<String> LAUNCHERS = Set.of("weka.Run", "weka.clusterers.FastKMeans");

  private CommandLine() {}

  /**
   * Evaluates {@code clusterer} with {@code args} as Weka's ClusterEvaluation does, printing the
   * result to {@code out} and problems to {@code err}.
   *
   * @return the exit status: 0 on success, 1 on any error
   */
  public static int run(Clusterer clusterer, String[] args, PrintStream out, PrintStream err) {
    return run(clusterer, args, out, err, CLASS_MAPPING_NOTE_MILLIS);
  }

  /**
   * As {@link #run(Clusterer, String[], PrintStream, PrintStream)}, with the note on Weka's class
   * mapping printed once the evaluation has run {@code noteAfterMillis} past the fit.
   */
  static int run(
      Clusterer clusterer, String[] args, PrintStream out, PrintStream err, long noteAfterMillis) {
    // Read before Weka's evaluation, which blanks the options it reads.
    GeneralOptions general = GeneralOptions.of(args);
    ClassMappingNote note = general.classes.isEmpty() ? null : new ClassMappingNote(clusterer, err);
    try {
      if (note != null) {
        note.start(noteAfterMillis);
      }
      checkPredictionHeader(general);
      String result = evaluate(clusterer, args);
      if (general.trainsHere()) {
        checkTrainedModel(clusterer);
      }
      out.println(result);
      explainUnclustered(clusterer, general, result, err);
      return 0;
    } catch (InvalidOptionException e) {
      // Repeated after the help, which is long enough to scroll the message out of sight.
      err.println("\n" + e.getMessage() + "\n" + optionHelp(clusterer) + "\n" + e.getMessage());
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
    } finally {
      if (note != null) {
        note.stop();
      }
    }
  }

  /**
   * Weka's evaluation of {@code clusterer} with {@code args}, failing when Weka cut a data file
   * short at a read error it only printed.
   *
   * @throws Exception the evaluation's failure, or the read error that cut the data
   */
  private static String evaluate(Clusterer clusterer, String[] args) throws Exception {
    try (DataReadWatch watch = DataReadWatch.start()) {
      String result;
      try {
        result = ClusterEvaluation.evaluateClusterer(clusterer, args);
      } catch (Exception failure) {
        // A batch read gives the clusterer no data after the error: the error is the reason.
        watch.failIfDataWereCut(failure);
        throw failure;
      }
      watch.failIfDataWereCut(null);
      return result;
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
  private static void checkPredictionHeader(GeneralOptions general) throws Exception {
    if (general.model.isEmpty() || general.test.isEmpty() || general.predictions.isEmpty()) {
      return;
    }
    Instances trainHeader = savedHeader(general.model);
    if (trainHeader == null) {
      return;
    }
    Instances testHeader = new DataSource(general.test).getStructure();
    if (!trainHeader.equalHeaders(testHeader)) {
      throw new Exception(
          "Training and testing data are not compatible\n"
              + trainHeader.equalHeadersMsg(testHeader));
    }
  }

  /**
   * The general options of Weka's evaluation that this command line looks at, read once from a copy
   * of the arguments: all empty where they cannot be read, which Weka reports with its help.
   */
  private static final class GeneralOptions {
    private final String train;
    private final String model;
    private final String test;
    private final String predictions;
    private final String classes;

    private GeneralOptions(
        String train, String model, String test, String predictions, String classes) {
      this.train = train;
      this.model = model;
      this.test = test;
      this.predictions = predictions;
      this.classes = classes;
    }

    static GeneralOptions of(String[] args) {
      String[] options = args.clone();
      try {
        return new GeneralOptions(
            Utils.getOption('t', options),
            Utils.getOption('l', options),
            Utils.getOption('T', options),
            Utils.getOption('p', options),
            Utils.getOption('c', options));
      } catch (Exception badOption) {
        return new GeneralOptions("", "", "", "", "");
      }
    }

    /** Whether the clusterer given is trained here: {@code -t} without a saved model. */
    boolean trainsHere() {
      return !train.isEmpty() && model.isEmpty();
    }
  }

  /**
   * Asks {@code clusterer}, trained by Weka's evaluation, for its model, so that a fit that failed
   * fails the command. Weka streams the training file into an updateable clusterer, whose fit runs
   * in {@code updateFinished}, which may not throw: the failure surfaces at the next question, and
   * with predictions ({@code -p}) Weka prints every row as "Unclustered" in place of it and
   * succeeds.
   *
   * @throws Exception the reason the fit failed
   */
  private static void checkTrainedModel(Clusterer clusterer) throws Exception {
    clusterer.numberOfClusters();
  }

  /**
   * After an evaluation that left instances unclustered ("Unclustered" in Weka's statistics or
   * predictions), prints the reason the model gave for the first of them. Not with {@code -c},
   * whose class Weka removes before clustering.
   */
  private static void explainUnclustered(
      Clusterer clusterer, GeneralOptions general, String result, PrintStream err) {
    String file = general.test.isEmpty() ? general.train : general.test;
    if (!UnclusteredRows.anyIn(result) || !general.classes.isEmpty() || file.isEmpty()) {
      return;
    }
    try {
      Clusterer model =
          general.model.isEmpty() ? clusterer : (Clusterer) SerializationHelper.read(general.model);
      String note =
          UnclusteredRows.firstRefusal(model, file, general.predictions.isEmpty() ? 1 : 0);
      if (note != null) {
        err.println(note);
      }
    } catch (Exception unreadable) {
      // The evaluation succeeded; only the note is lost, and the reason for that is told.
      err.println(
          "Note: the reason for the unclustered instances could not be found: " + unreadable);
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
   * main thread and its outermost frame is the {@code main} method of Weka's {@code weka.Run} or of
   * the scheme itself. Inside Weka's SimpleCLI, a program that embeds Weka and calls {@code run},
   * or a test runner, the host must not be shut down.
   */
  public static boolean ownsTheJvm() {
    Thread thread = Thread.currentThread();
    if (!"main".equals(thread.getName())) {
      return false;
    }
    StackTraceElement[] stack = thread.getStackTrace();
    if (stack.length == 0) {
      return false;
    }
    StackTraceElement outermost = stack[stack.length - 1];
    return "main".equals(outermost.getMethodName()) && LAUNCHERS.contains(outermost.getClassName());
  }

  /**
   * A note on standard error while Weka's classes-to-clusters evaluation runs long after the fit.
   *
   * <p>Weka's {@code ClusterEvaluation.mapClasses} finds the mapping of classes to clusters with
   * the fewest errors by trying every one: each cluster takes no class or one of the classes among
   * its instances that no earlier cluster took. The count of mappings grows combinatorially with
   * the number of clusters and of classes that share clusters (26 letter classes: 28 s at k = 7,
   * over 600 s at k = 9), and the command prints nothing until the search ends. The note does not
   * change what Weka does or prints; it says, once, on standard error, why the command is still
   * running.
   */
  private static final class ClassMappingNote {

    private final Clusterer clusterer;
    private final PrintStream err;
    private final Object lock = new Object();
    private Thread watcher;
    private boolean stopped;

    /** A note on {@code err} for a command that asks for classes to clusters ({@code -c}). */
    ClassMappingNote(Clusterer clusterer, PrintStream err) {
      this.clusterer = clusterer;
      this.err = err;
    }

    /**
     * Starts watching: once the clusterer reports a model, and the command has not ended {@code
     * afterMillis} later, the note is printed.
     */
    void start(long afterMillis) {
      watcher = new Thread(() -> watch(afterMillis), "FastKMeans class-mapping note");
      watcher.setDaemon(true);
      watcher.start();
    }

    /** Ends the watch; the note is not printed after this returns. */
    void stop() {
      synchronized (lock) {
        stopped = true;
        lock.notifyAll();
      }
    }

    private void watch(long afterMillis) {
      long poll = Math.max(10, Math.min(200, afterMillis / 4));
      long builtAt = -1;
      synchronized (lock) {
        while (!stopped) {
          long now = System.nanoTime();
          if (builtAt < 0 && isBuilt()) {
            builtAt = now;
          }
          if (builtAt >= 0 && now - builtAt >= afterMillis * 1_000_000L) {
            err.println(text((now - builtAt) / 1e9));
            return;
          }
          try {
            lock.wait(poll);
          } catch (InterruptedException e) {
            // The watcher is this note's own thread: an interrupt can only mean the JVM is ending
            // it, and a note is not worth holding it up for.
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }

    /** Whether the clusterer has a model (FastKMeans refuses to answer before it has one). */
    private boolean isBuilt() {
      try {
        clusterer.numberOfClusters();
        return true;
      } catch (Exception notYet) {
        return false;
      }
    }

    /** The note, {@code seconds} after the fit ended. */
    static String text(double seconds) {
      return String.format(
          Locale.ROOT,
          "%nNote: the clusters were found %.0f s ago; Weka's classes-to-clusters evaluation (-c)"
              + " is still running. It tries every mapping of classes to clusters, which can take"
              + " hours with more than about 8 clusters when the clusters mix many classes. To"
              + " avoid it, leave out -c and compare the clusters with the class afterwards, e.g."
              + " with the AddCluster filter (README, 'Limits worth knowing').",
          seconds);
    }
  }
}
