package io.github.fastkmeans.weka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weka.clusterers.CheckClusterer;
import weka.clusterers.Clusterer;
import weka.clusterers.FastKMeans;
import weka.clusterers.MakeDensityBasedClusterer;
import weka.core.CheckGOE;
import weka.core.CheckOptionHandler;
import weka.core.OptionHandler;
import weka.core.WeightedInstancesHandler;

/** Weka's CheckClusterer, CheckOptionHandler and CheckGOE on FastKMeans: no check may fail. */
class WekaCheckersTest {

  /** One check's outcome: its name, whether it passed, whether a refusal was acceptable. */
  record Outcome(String name, boolean passed, boolean acceptableRefusal) {

    /** Whether Weka counts this outcome as a failure ("no" without an acceptable error message). */
    boolean failed() {
      return !passed && !acceptableRefusal;
    }

    /** The outcome as the checker prints it. */
    @Override
    public String toString() {
      String verdict = acceptableRefusal ? "no (OK error message)" : "FAILED";
      return name + ": " + (passed ? "yes" : verdict);
    }
  }

  /** CheckClusterer that records each check's outcome and keeps its report rather than print it. */
  static final class RecordingCheckClusterer extends CheckClusterer {

    final List<Outcome> outcomes = new ArrayList<>();
    final StringBuilder report = new StringBuilder();

    /** Keeps the checker's text instead of writing it to System.out. */
    @Override
    protected void print(Object msg) {
      report.append(msg);
    }

    /** Keeps the outcome of the check {@code name} and returns its result unchanged. */
    private boolean[] record(String name, boolean[] result) {
      outcomes.add(new Outcome(name, result[0], result[1]));
      return result;
    }

    /** Records the serialVersionUID check. */
    @Override
    protected boolean[] declaresSerialVersionUID() {
      return record("serialVersionUID", super.declaresSerialVersionUID());
    }

    /** Records a basic-predict check for one attribute type. */
    @Override
    protected boolean[] canPredict(
        boolean nom, boolean num, boolean str, boolean dat, boolean rel, boolean multi) {
      return record(
          "basic predict" + types(nom, num, str, dat, rel),
          super.canPredict(nom, num, str, dat, rel, multi));
    }

    /** Records the instance-weights check; a WeightedInstancesHandler must pass it outright. */
    @Override
    protected boolean[] instanceWeights(
        boolean nom, boolean num, boolean str, boolean dat, boolean rel, boolean multi) {
      return record(
          "clusterer uses instance weights" + types(nom, num, str, dat, rel),
          super.instanceWeights(nom, num, str, dat, rel, multi));
    }

    /** Records the zero-training-instances check. */
    @Override
    protected boolean[] canHandleZeroTraining(
        boolean nom, boolean num, boolean str, boolean dat, boolean rel, boolean multi) {
      return record(
          "handle zero training instances" + types(nom, num, str, dat, rel),
          super.canHandleZeroTraining(nom, num, str, dat, rel, multi));
    }

    /** Records a missing-values check (20% or 100%). */
    @Override
    protected boolean[] canHandleMissing(
        boolean nom,
        boolean num,
        boolean str,
        boolean dat,
        boolean rel,
        boolean multi,
        boolean predictorMissing,
        int missingLevel) {
      return record(
          missingLevel + "% missing predictor values" + types(nom, num, str, dat, rel),
          super.canHandleMissing(nom, num, str, dat, rel, multi, predictorMissing, missingLevel));
    }

    /** Records the repeated-buildClusterer check. */
    @Override
    protected boolean[] correctBuildInitialisation(
        boolean nom, boolean num, boolean str, boolean dat, boolean rel, boolean multi) {
      return record(
          "correct initialisation during buildClusterer" + types(nom, num, str, dat, rel),
          super.correctBuildInitialisation(nom, num, str, dat, rel, multi));
    }

    /** Records the check that training leaves the data unchanged. */
    @Override
    protected boolean[] datasetIntegrity(
        boolean nom,
        boolean num,
        boolean str,
        boolean dat,
        boolean rel,
        boolean multi,
        boolean predictorMissing) {
      return record(
          "clusterer doesn't alter original datasets" + types(nom, num, str, dat, rel),
          super.datasetIntegrity(nom, num, str, dat, rel, multi, predictorMissing));
    }

    /** Records the incremental-versus-batch check (only run for updateable clusterers). */
    @Override
    protected boolean[] updatingEquality(
        boolean nom, boolean num, boolean str, boolean dat, boolean rel, boolean multi) {
      return record(
          "incremental training equals batch training" + types(nom, num, str, dat, rel),
          super.updatingEquality(nom, num, str, dat, rel, multi));
    }

    /** The attribute types of a check, as CheckClusterer prints them. */
    private static String types(boolean nom, boolean num, boolean str, boolean dat, boolean rel) {
      List<String> types = new ArrayList<>();
      if (num) {
        types.add("numeric");
      }
      if (nom) {
        types.add("nominal");
      }
      if (str) {
        types.add("string");
      }
      if (dat) {
        types.add("date");
      }
      if (rel) {
        types.add("relational");
      }
      return " (" + String.join(" & ", types) + " predictors)";
    }
  }

  /** CheckOptionHandler that records the outcome of every check and keeps its report. */
  static final class RecordingCheckOptionHandler extends CheckOptionHandler {

    final List<Outcome> outcomes = new ArrayList<>();
    final StringBuilder report = new StringBuilder();

    /** Keeps the checker's text instead of writing it to System.out. */
    @Override
    protected void print(Object msg) {
      report.append(msg);
    }

    /** Keeps the outcome of the check {@code name} and returns it unchanged. */
    private boolean record(String name, boolean passed) {
      outcomes.add(new Outcome(name, passed, false));
      return passed;
    }

    /** Records the listOptions check. */
    @Override
    public boolean checkListOptions() {
      return record("ListOptions", super.checkListOptions());
    }

    /** Records the setOptions check. */
    @Override
    public boolean checkSetOptions() {
      return record("SetOptions", super.checkSetOptions());
    }

    /** Records the default-options check. */
    @Override
    public boolean checkDefaultOptions() {
      return record("Default options", super.checkDefaultOptions());
    }

    /** Records the remaining-options check. */
    @Override
    public boolean checkRemainingOptions() {
      return record("Remaining options", super.checkRemainingOptions());
    }

    /** Records the canonical-user-options check. */
    @Override
    public boolean checkCanonicalUserOptions() {
      return record("Canonical user options", super.checkCanonicalUserOptions());
    }

    /** Records the resetting-options check. */
    @Override
    public boolean checkResettingOptions() {
      return record("Resetting options", super.checkResettingOptions());
    }
  }

  /** CheckGOE that records the outcome of every check and keeps its report. */
  static final class RecordingCheckGoe extends CheckGOE {

    final List<Outcome> outcomes = new ArrayList<>();
    final StringBuilder report = new StringBuilder();

    /** Keeps the checker's text instead of writing it to System.out. */
    @Override
    protected void print(Object msg) {
      report.append(msg);
    }

    /** Keeps the outcome of the check {@code name} and returns it unchanged. */
    private boolean record(String name, boolean passed) {
      outcomes.add(new Outcome(name, passed, false));
      return passed;
    }

    /** Records the globalInfo check. */
    @Override
    public boolean checkGlobalInfo() {
      return record("Global info", super.checkGlobalInfo());
    }

    /** Records the tool-tips check. */
    @Override
    public boolean checkToolTips() {
      return record("Tool tips", super.checkToolTips());
    }
  }

  /** CheckClusterer on default FastKMeans: each check passes or refuses with an OK message. */
  @Test
  void checkClustererFindsNoFailure() {
    assertClustererPasses(new FastKMeans());
  }

  /**
   * CheckClusterer on FastKMeans inside Weka's MakeDensityBasedClusterer, whose empty build reaches
   * FastKMeans' question about a model of no instances: the message must speak of training.
   */
  @Test
  void checkClustererFindsNoFailureInsideMakeDensityBasedClusterer() {
    MakeDensityBasedClusterer wrapped = new MakeDensityBasedClusterer();
    wrapped.setClusterer(new FastKMeans());
    assertClustererPasses(wrapped);
  }

  /** User options for CheckOptionHandler: none (the defaults) and two non-default sets. */
  static Stream<Arguments> userOptions() {
    return Stream.of(
        Arguments.of((Object) new String[0]),
        Arguments.of(
            (Object)
                new String[] {
                  "-N",
                  "3",
                  "-I",
                  "50",
                  "-init",
                  "farthest-first",
                  "-restarts",
                  "4",
                  "-tolerance",
                  "1.0E-4",
                  "-normalize",
                  "standardize",
                  "-empty",
                  "keep",
                  "-num-slots",
                  "3",
                  "-V",
                  "-S",
                  "7",
                  "-output-debug-info"
                }),
        Arguments.of(
            (Object)
                new String[] {
                  "-N",
                  "5",
                  "-init",
                  "given",
                  "-init-file",
                  "centres.arff",
                  "-normalize",
                  "none",
                  "-empty",
                  "fail",
                  "-num-slots",
                  "1",
                  "-do-not-check-capabilities"
                }));
  }

  /** CheckOptionHandler on FastKMeans with the given user options: all six option checks pass. */
  @ParameterizedTest(name = "user options {0}")
  @MethodSource("userOptions")
  void checkOptionHandlerFindsNoFailure(String[] userOptions) {
    assertOptionHandlerPasses(new FastKMeans(), userOptions);
  }

  /** CheckGOE on FastKMeans: it has a globalInfo and a tip text for every property. */
  @Test
  void checkGoeFindsNoFailure() {
    assertGoePasses(new FastKMeans());
  }

  /** Runs CheckClusterer on {@code clusterer} and fails unless every check it ran passed. */
  static void assertClustererPasses(Clusterer clusterer) {
    RecordingCheckClusterer checker = new RecordingCheckClusterer();
    checker.setClusterer(clusterer);
    checker.setNumInstances(20);
    checker.setDebug(true);
    checker.doTests();
    List<Outcome> outcomes = checker.outcomes;
    String context = summary(outcomes) + "\n\nCheckClusterer said:" + highlights(checker.report);

    assertTrue(
        outcomes.stream().noneMatch(Outcome::failed), "CheckClusterer failed checks: " + context);
    // Without a single predictable attribute type CheckClusterer silently skips everything else.
    assertTrue(
        outcomes.stream().anyMatch(o -> o.name().startsWith("basic predict") && o.passed()),
        "no attribute type could be clustered: " + context);
    for (String check :
        new String[] {
          "handle zero training instances",
          "20% missing predictor values",
          "correct initialisation during buildClusterer",
          "clusterer doesn't alter original datasets"
        }) {
      assertTrue(
          outcomes.stream().anyMatch(o -> o.name().startsWith(check)),
          "check '" + check + "' did not run: " + context);
    }
    if (clusterer instanceof WeightedInstancesHandler) {
      assertTrue(
          outcomes.stream()
              .anyMatch(o -> o.name().startsWith("clusterer uses instance weights") && o.passed()),
          "a WeightedInstancesHandler must change its model when weights change: " + context);
    }
  }

  /** Runs CheckOptionHandler on {@code handler} with {@code userOptions}; fails unless all pass. */
  static void assertOptionHandlerPasses(OptionHandler handler, String[] userOptions) {
    RecordingCheckOptionHandler checker = new RecordingCheckOptionHandler();
    checker.setOptionHandler(handler);
    checker.setUserOptions(userOptions);
    checker.setDebug(true);
    checker.doTests();
    String context =
        summary(checker.outcomes) + "\n\nCheckOptionHandler said:" + highlights(checker.report);

    assertTrue(checker.getSuccess(), "CheckOptionHandler failed: " + context);
    assertTrue(
        checker.outcomes.size() == 6 && checker.outcomes.stream().noneMatch(Outcome::failed),
        "CheckOptionHandler did not pass all six checks: " + context);
  }

  /** Runs CheckGOE on {@code object} and fails unless both checks pass. */
  static void assertGoePasses(Object object) {
    RecordingCheckGoe checker = new RecordingCheckGoe();
    checker.setObject(object);
    checker.setSilent(false);
    checker.doTests();
    String context = summary(checker.outcomes) + "\n\n=== CheckGOE report ===\n" + checker.report;

    assertTrue(checker.getSuccess(), "CheckGOE failed: " + context);
    assertTrue(
        checker.outcomes.size() == 2 && checker.outcomes.stream().noneMatch(Outcome::failed),
        "CheckGOE did not pass both checks: " + context);
  }

  /** The check lines and the reasons given for failures in a checker's debug report. */
  private static String highlights(CharSequence report) {
    return report
        .toString()
        .lines()
        .filter(
            line ->
                line.contains("...")
                    || line.startsWith("Problem during")
                    || line.startsWith("Results ")
                    || line.startsWith("Error message doesn't mention")
                    || line.startsWith("Default options:")
                    || line.startsWith("User options:")
                    || line.contains("Exception")
                    || line.contains("problem found")
                    || line.contains(" set: ")
                    || line.contains(" != "))
        .collect(Collectors.joining("\n  ", "\n  ", ""));
  }

  /** One line per recorded outcome. */
  private static String summary(List<Outcome> outcomes) {
    return outcomes.stream().map(Outcome::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}
