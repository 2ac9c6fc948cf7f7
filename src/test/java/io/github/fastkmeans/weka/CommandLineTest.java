package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.clusterers.ClusterEvaluation;
import weka.clusterers.FastKMeans;
import weka.clusterers.SimpleKMeans;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WekaException;
import weka.core.converters.CSVSaver;
import weka.core.converters.ConverterUtils.DataSource;

/** Weka's command line as FastKMeans runs it ({@link CommandLine}), on real files. */
class CommandLineTest {

  @TempDir Path temp;

  /** What one command printed, and its exit status. */
  private static final class Run {
    int status;
    String out;
    String err;
    String console;
  }

  /** Runs FastKMeans' command line with {@code options}, capturing every stream. */
  private static Run run(String options) throws Throwable {
    return run(new FastKMeans(), options, CommandLine.CLASS_MAPPING_NOTE_MILLIS);
  }

  /** FastKMeans counting the rows streamed into it. */
  private static final class CountingFastKMeans extends FastKMeans {
    private static final long serialVersionUID = 1L;
    int updates;

    @Override
    public void updateClusterer(Instance instance) throws WekaException {
      updates++;
      super.updateClusterer(instance);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-N 3", "-N 3 -c last", "-max-clusters 5"})
  void theCommandLineStreamsTheTrainingFileIntoTheBatchModel(String options) throws Throwable {
    CountingFastKMeans streamed = new CountingFastKMeans();
    Run stream =
        run(streamed, "-t " + iris() + " " + options, CommandLine.CLASS_MAPPING_NOTE_MILLIS);
    CountingFastKMeans batch = new CountingFastKMeans();
    Run forced =
        run(
            batch,
            "-t " + iris() + " " + options + " -force-batch-training",
            CommandLine.CLASS_MAPPING_NOTE_MILLIS);
    assertEquals(0, stream.status, stream.err);
    assertEquals(0, forced.status, forced.err);
    assertEquals(150, streamed.updates, "Weka streamed every row of the file");
    assertEquals(0, batch.updates, "-force-batch-training builds in one batch");
    assertEquals(
        forced.out.replaceAll("Elapsed time.*", ""), stream.out.replaceAll("Elapsed time.*", ""));
    assertTrue(stream.out.contains("Training data: 150 instances, all clustered (exact)"));
  }

  /**
   * As {@link #run(String)}, with the class-mapping note due {@code noteAfterMillis} after the fit.
   */
  private static Run run(String options, long noteAfterMillis) throws Throwable {
    return run(new FastKMeans(), options, noteAfterMillis);
  }

  /** As {@link #run(String, long)}, with {@code clusterer}. */
  private static Run run(FastKMeans clusterer, String options, long noteAfterMillis)
      throws Throwable {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ConsoleCapture console = new ConsoleCapture();
    Run run = new Run();
    run.status =
        console.during(
            () ->
                CommandLine.run(
                    clusterer,
                    Utils.splitOptions(options),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    noteAfterMillis));
    run.out = out.toString(StandardCharsets.UTF_8);
    run.err = err.toString(StandardCharsets.UTF_8);
    run.console = console.out() + console.err();
    return run;
  }

  private static String iris() {
    return TestData.folder("iris").resolve("iris.arff").toString();
  }

  @Test
  void aWrongOptionIsNamedBeforeAndAfterTheHelp() throws Throwable {
    Run run = run("-t " + iris() + " -N 3 -init foo");
    assertEquals(1, run.status, run.err);
    String message = "Option -init does not accept 'foo'; valid values:";
    assertTrue(run.err.trim().startsWith(message), run.err);
    assertTrue(run.err.contains("General options:"), run.err);
    String lastLine = run.err.trim().substring(run.err.trim().lastIndexOf('\n') + 1);
    assertTrue(lastLine.startsWith(message), lastLine);
  }

  @Test
  void theDebugOptionIsDescribedAsItWorksHere() throws Throwable {
    Run run = run("-h");
    assertTrue(run.out.contains("-output-debug-info\n\tAdd a table of every iteration"), run.out);
    assertTrue(run.out.contains("0 turns the refinement off"), run.out);
  }

  @Test
  void aCentresFileWithoutAnArffHeaderIsReportedInOneMessageWithoutATrace() throws Throwable {
    Path centres = temp.resolve("notarff.arff");
    Files.writeString(centres, "5.0,3.4,1.5,0.2\n5.9,2.8,4.4,1.4\n6.6,3.0,5.6,2.1\n");
    Run run = run("-t " + iris() + " -N 3 -c last -init given -init-file " + centres);
    assertEquals(1, run.status, run.err);
    assertEquals("", run.out);
    assertEquals(
        "\nError: The file of initial centres "
            + centres
            + " could not be read as ARFF: Unable to determine structure as arff (Reason: keyword"
            + " @relation expected, read Token[5.0], line 1).\n",
        run.err);
    assertEquals("", run.console, "nothing besides the message, such as a loader's stack trace");
  }

  /**
   * Weka's classes-to-clusters evaluation prints "Clustered Instances" straight after the model
   * text: FastKMeans' text leaves the same two empty lines before it as SimpleKMeans'.
   */
  @Test
  void classesToClustersLeavesTheEmptyLinesSimpleKMeansLeaves() throws Throwable {
    Run fast = run("-t " + iris() + " -N 3 -c last");
    assertEquals(0, fast.status, fast.err);
    String simple =
        ClusterEvaluation.evaluateClusterer(
            new SimpleKMeans(), Utils.splitOptions("-t " + iris() + " -N 3 -c last"));
    assertEquals(2, emptyLinesBefore("Clustered Instances", simple), simple);
    assertEquals(2, emptyLinesBefore("Clustered Instances", fast.out), fast.out);
    assertEquals("", fast.console);
    assertEquals("", fast.err, "no note: Weka's class mapping took no time");
  }

  /**
   * a1 in 15 clusters: Weka's search of every class-to-cluster mapping of its 20 classes takes
   * about 1.7 s here after a fit of 0.4 s (a1 in 20 clusters: 89 s). With the note due 100 ms after
   * the fit, it comes, once, on standard error, and the output is Weka's as ever.
   */
  @Test
  void aLongClassMappingGetsOneNoteOnStandardError() throws Throwable {
    String a1 = TestData.folder("a1").resolve("a1.arff").toString();
    Run run = run("-t " + a1 + " -N 15 -c last", 100);
    assertEquals(0, run.status, run.err);
    assertTrue(run.out.contains("Classes to Clusters:"), run.out);
    assertTrue(
        Pattern.compile(
                "^\nNote: the clusters were found \\d+ s ago; Weka's classes-to-clusters"
                    + " evaluation \\(-c\\) is still running\\. [^\n]*\n$")
            .matcher(run.err)
            .matches(),
        run.err);
    assertEquals("", run.console);
  }

  /**
   * Predictions from a saved model for a file without the model's class attribute: Weka's own
   * command line lists every row as "Unclustered" and succeeds; FastKMeans' fails with Weka's
   * message on incompatible headers. A file with the model's header still gets its predictions.
   */
  @Test
  void predictionsForAFileOfAnotherHeaderFailWithWekasMessage() throws Throwable {
    Path model = temp.resolve("iris.model");
    Run saved = run("-t " + iris() + " -N 3 -d " + model);
    assertEquals(0, saved.status, saved.err);

    Instances irisData = DataSource.read(iris());
    irisData.deleteAttributeAt(irisData.numAttributes() - 1);
    Path noClass = temp.resolve("iris-without-class.arff");
    Files.writeString(noClass, irisData.toString());

    String weka =
        ClusterEvaluation.evaluateClusterer(
            new FastKMeans(), Utils.splitOptions("-l " + model + " -T " + noClass + " -p 0"));
    assertTrue(weka.startsWith("0 Unclustered"), "Weka's own command line\n" + weka);

    Run refused = run("-l " + model + " -T " + noClass + " -p 0");
    assertEquals(1, refused.status, refused.out);
    assertEquals("", refused.out);
    assertEquals(
        "\nError: Training and testing data are not compatible\n"
            + "Different number of attributes: 5 != 4\n",
        refused.err);

    Run predicted = run("-l " + model + " -T " + iris() + " -p 0");
    assertEquals(0, predicted.status, predicted.err);
    assertTrue(predicted.out.startsWith("0 "), predicted.out);
    assertFalse(predicted.out.contains("Unclustered"), predicted.out);
  }

  /**
   * A training file with a bad row: Weka's data source prints the read error and takes it for the
   * file's end, so Weka alone clusters the rows before it and succeeds (in a stream) or passes the
   * scheme no data (in a batch); the command fails with the read error. The same for a CSV file
   * whose class gets a label after the loader's first 100 rows fixed its labels.
   */
  @Test
  void aFileCutShortByAReadErrorFailsTheCommandWithTheError() throws Throwable {
    List<String> lines = Files.readAllLines(Path.of(iris()));
    int last = lines.size() - 1;
    lines.set(last, lines.get(last).replace("Iris-virginica", "Iris-virginca"));
    Path typo = temp.resolve("iris-typo.arff");
    Files.write(typo, lines);
    String weka =
        ClusterEvaluation.evaluateClusterer(
            new FastKMeans(), Utils.splitOptions("-t " + typo + " -N 3"));
    assertTrue(weka.contains("Clustered Instances"), "Weka's own command line\n" + weka);

    PrintStream before = System.err;
    for (String batch : new String[] {"", " -force-batch-training"}) {
      Run cut = run("-t " + typo + " -N 3" + batch);
      assertEquals(1, cut.status, cut.out);
      assertEquals("", cut.out);
      assertTrue(
          cut.err.contains(
              "Error: Weka could not read the data past an error (printed above):"
                  + " java.io.IOException: nominal value not declared in header, read"
                  + " Token[Iris-virginca], line "),
          cut.err);
      // In a batch Weka then passes no data: that failure follows the read error, named.
      assertTrue(
          cut.err.endsWith(
              ". FastKMeans gives no result from the part before it."
                  + (batch.isEmpty()
                      ? ""
                      : " Weka's evaluation then stopped: No data were given (null).")
                  + "\n"),
          cut.err);
    }
    assertSame(before, System.err, "standard error is given back");

    Path csv = temp.resolve("iris.csv");
    CSVSaver saver = new CSVSaver();
    saver.setInstances(DataSource.read(iris()));
    saver.setFile(csv.toFile());
    saver.writeBatch();
    Run labels = run("-t " + csv + " -N 3 -c last");
    assertEquals(1, labels.status, labels.out);
    assertTrue(
        labels.err.contains(
            "past an error (printed above): java.io.IOException: Read unknown nominal value"),
        labels.err);
  }

  /**
   * A test instance the model refuses: Weka counts it, or lists it as "Unclustered", without the
   * reason; the command line adds the first such instance's number and reason, for a model trained
   * here and one loaded with -l. A file the model clusters whole gets no note.
   */
  @Test
  void unclusteredTestInstancesAreExplained() throws Throwable {
    Path train = temp.resolve("train.arff");
    Files.writeString(
        train,
        "@relation t\n@attribute x numeric\n@attribute y numeric\n@data\n1,1\n2,2\n10,10\n11,11\n");
    Path test = temp.resolve("test.arff");
    Files.writeString(
        test,
        "@relation t\n@attribute x numeric\n@attribute y numeric\n@data\n1,1\nInfinity,2\n10,10\n");
    String reason =
        ", the first Weka lists as unclustered, was refused: Attribute 'x' holds Infinity;"
            + " FastKMeans needs finite numbers.\n";
    Path model = temp.resolve("t.model");
    for (String options :
        new String[] {
          "-t " + train + " -T " + test + " -N 2 -d " + model,
          "-t " + train + " -T " + test + " -N 2 -p 0",
          "-l " + model + " -T " + test
        }) {
      Run run = run(options);
      assertEquals(0, run.status, run.err);
      // Weka's predictions count from 0 ("1 Unclustered"), and so does the note beside them.
      boolean predictions = options.contains("-p");
      assertTrue(run.out.contains(predictions ? "\n1 Unclustered" : "Unclustered Instances : 1"));
      String number =
          predictions ? "1 of " + test + " (counted from 0)" : "2 of " + test + " (counted from 1)";
      assertEquals("Note: instance " + number + reason, run.err, options);
    }
    Run whole = run("-l " + model + " -T " + train);
    assertEquals(0, whole.status, whole.err);
    assertEquals("", whole.err);
  }

  /**
   * Predictions from a training file whose fit fails: Weka streams the file in, the fit runs in
   * {@code updateFinished}, which may not throw, and Weka's own command line lists every row as
   * "Unclustered" and succeeds; FastKMeans' fails with the reason, as it does without {@code -p}.
   */
  @ParameterizedTest
  @ValueSource(strings = {"-p 0", "-p 0 -T IRIS", ""})
  void predictionsFromAFitThatFailedFailWithItsReason(String predictions) throws Throwable {
    // Centres of another attribute: refused only once the stream's rows are encoded, at its end.
    Path centres = temp.resolve("other-centres.arff");
    Files.writeString(centres, "@relation c\n@attribute z numeric\n@data\n1\n2\n3\n");
    String options =
        "-t " + iris() + " -N 3 -init-file " + centres + " " + predictions.replace("IRIS", iris());
    if (!predictions.isEmpty()) {
      String weka =
          ClusterEvaluation.evaluateClusterer(new FastKMeans(), Utils.splitOptions(options));
      assertTrue(weka.startsWith("0 Unclustered"), "Weka's own command line\n" + weka);
    }

    Run refused = run(options);
    assertEquals(1, refused.status, refused.out);
    assertEquals("", refused.out);
    assertTrue(
        refused.err.startsWith("\nError: The initial centres in ")
            && refused.err.contains("do not have the training attributes"),
        refused.err);
  }

  /**
   * An empty training file with predictions: no row to list, and the command fails with the reason
   * instead of printing nothing and succeeding.
   */
  @Test
  void predictionsFromAnEmptyTrainingFileFailWithItsReason() throws Throwable {
    Instances header = new Instances(DataSource.read(iris()), 0);
    Path empty = temp.resolve("iris-header-only.arff");
    Files.writeString(empty, header.toString());
    for (String options : new String[] {" -N 3 -p 0", " -N 1", " -N 1 -force-batch-training"}) {
      Run refused = run("-t " + empty + options);
      assertEquals(1, refused.status, refused.out);
      assertEquals("", refused.out);
      assertTrue(refused.err.startsWith("\nError: "), refused.err);
      assertTrue(
          refused.err.contains("without instances") || refused.err.contains("no instances"),
          options + ": " + refused.err);
    }
  }

  /**
   * A file whose only attribute is the class, clustered with {@code -c}: Weka removes the class
   * before it streams the rows, and the command says what is missing instead of blaming a row.
   */
  @Test
  void aFileWithOnlyItsClassIsRefusedNamingWhatIsMissing() throws Throwable {
    Path classOnly = temp.resolve("class-only.arff");
    Files.writeString(classOnly, "@relation t\n@attribute c {a,b}\n@data\na\nb\na\n");
    for (String options : new String[] {" -c last", " -c last -force-batch-training"}) {
      Run refused = run("-t " + classOnly + options);
      assertEquals(1, refused.status, refused.out);
      assertEquals(
          "\nError: FastKMeans needs at least one numeric, date or nominal attribute besides the"
              + " class.\n",
          refused.err,
          options);
    }
  }

  /**
   * A program that calls the scheme's {@code run} from its own {@code main} (here the test
   * runner's) is not shut down when the command fails: only Weka's {@code weka.Run} and the
   * scheme's own {@code main} own the JVM.
   */
  @Test
  void aFailingCommandDoesNotEndAHostsJvm() throws Throwable {
    assertFalse(CommandLine.ownsTheJvm(), Thread.currentThread().getName());
    FastKMeans clusterer = new FastKMeans();
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      clusterer.run(clusterer, new String[] {"-t", temp.resolve("no-such.arff").toString()});
    } finally {
      System.setErr(err);
    }
    // Weka's own message for a training file it cannot open.
    assertTrue(
        captured.toString(StandardCharsets.UTF_8).contains("Error: ClusterEvaluation:"),
        captured.toString(StandardCharsets.UTF_8));
  }

  /** The number of empty lines right before the first line that is {@code heading}. */
  private static int emptyLinesBefore(String heading, String text) {
    Matcher m =
        Pattern.compile("(?m)\\S[^\\n]*\\n(\\n*)" + Pattern.quote(heading) + "$").matcher(text);
    assertTrue(m.find(), "no line '" + heading + "' after a non-empty line in\n" + text);
    assertFalse(m.group(1).contains(" "));
    return m.group(1).length();
  }
}
