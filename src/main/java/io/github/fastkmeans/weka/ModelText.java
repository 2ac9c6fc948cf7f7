package io.github.fastkmeans.weka;

import io.github.fastkmeans.choosek.KCriterion;
import io.github.fastkmeans.choosek.KSearchTable;
import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.KMeansResult;
import io.github.fastkmeans.init.InitializerKind;
import io.github.fastkmeans.quality.ClusterSpread;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.Utils;

/** The text a FastKMeans model shows in the Explorer and on the command line. */
public final class ModelText {

  /**
   * What a model fitted on a stream's coreset says of its figures: they are of the summary's
   * weighted points, without the spread of the rows each point stands for.
   */
  static final String SUMMARY_NOTE =
      "Note: the squared error, deviations, value counts, cluster sizes by k and quality measures"
          + " below are of the coreset's weighted points, not of the instances: the spread within"
          + " each point is not counted, so errors and deviations are smaller than the instances'"
          + " own.";

  /** A date attribute's values are milliseconds; its deviations print in days. */
  private static final double MILLISECONDS_PER_DAY = 86_400_000;

  private ModelText() {}

  /**
   * Describes {@code model} in the shape of SimpleKMeans' output, plus how the model was obtained.
   *
   * @param showSpread add standard deviations of numeric attributes and value counts of nominal
   *     ones
   * @param showTrace add the squared error after every iteration
   * @param decimals decimal places of the centroid table
   */
  public static String describe(
      FittedModel model, boolean showSpread, boolean showTrace, int decimals) {
    KMeansResult result = model.result();
    StringBuilder text = new StringBuilder();
    text.append("\nFastKMeans\n==========\n\n");
    for (String warning : model.warnings()) {
      text.append("Warning: ").append(warning).append('\n');
    }
    if (model.warnings().length > 0) {
      text.append('\n');
    }
    if (model.trainingSource() != null) {
      text.append("Training data: ").append(model.trainingSource()).append('\n');
    }
    if (model.fromSummary()) {
      text.append(SUMMARY_NOTE).append('\n');
    }
    text.append("Number of clusters: ").append(result.k()).append('\n');
    text.append("Initialization: ").append(model.initializerId());
    text.append(" (best of ").append(model.restarts());
    text.append(model.restarts() == 1 ? " start)\n" : " starts)\n");
    if (result.swapTrials() > 0) {
      text.append("Refinement: swap, ").append(result.swapsKept()).append(" of ");
      text.append(result.swapTrials()).append(result.swapTrials() == 1 ? " trial" : " trials");
      text.append(" accepted\n");
    } else if (InitializerKind.GIVEN.id().equals(model.initializerId())) {
      // -refine auto: no swaps after given centres; the user asked for k-means from them.
      text.append("Refinement: none (k-means from the given centres)\n");
    } else {
      text.append("Refinement: none\n");
    }
    text.append("Normalization: ").append(model.encoder().normalization().id()).append('\n');
    text.append("Algorithm: ")
        .append(result.algorithm().id())
        .append(" on ")
        .append(model.threads());
    text.append(model.threads() == 1 ? " thread\n" : " threads\n");
    if (result.kernel() != null) {
      text.append("Assignment kernel: ").append(result.kernel()).append('\n');
    }
    text.append(
        String.format(
            Locale.ROOT,
            "Distances computed: %.2f%% of instances x clusters per iteration%s%n",
            100 * result.distanceRatio(),
            // The tree weighs centres at its nodes too; on a few instances that is more than Lloyd.
            result.algorithm() == Algorithm.KD_TREE
                ? ", a centre weighed at a tree node as one"
                : ""));

    text.append("Number of iterations: ").append(result.iterations());
    if (result.swapsKept() > 0) {
      // -I limits each k-means run; the kept fit is the first run and one after each kept swap.
      text.append(" in ").append(result.swapsKept() + 1).append(" k-means runs");
    }
    if (result.converged()) {
      text.append(" (converged)\n");
    } else {
      text.append(result.swapsKept() > 0 ? " (the last run " : " (").append("stopped at the");
      text.append(" iteration limit)\n");
    }
    text.append("Within cluster sum of squared errors: ").append(result.squaredError());
    text.append(model.fromSummary() ? " (of the coreset's points)\n" : "\n");
    if (result.relocations() > 0) {
      text.append("Empty clusters relocated: ").append(result.relocations()).append('\n');
    }
    if (result.emptyClusters() > 0) {
      text.append("Clusters left empty: ").append(result.emptyClusters()).append('\n');
    }
    // Weka's ClusterEvaluation ignores lines starting "Elapsed time" when it compares two runs.
    text.append(
        String.format(
            Locale.ROOT,
            "Elapsed time: %.3f s to build the model, %.3f ms per iteration on average%n",
            model.elapsedNanos() / 1e9,
            meanMillis(result.iterationNanos())));

    if (model.kSearch() != null) {
      text.append(kSearch(model.kSearch(), model.encoder().normalization(), showTrace));
    }
    text.append("\nInitial starting points (").append(model.initializerId()).append("):\n\n");
    Instances initial = model.initialCentroids();
    for (int c = 0; c < initial.numInstances(); c++) {
      text.append("Cluster ").append(c).append(": ").append(initial.instance(c)).append('\n');
    }
    if (model.missingValuesReplaced()) {
      text.append("\nMissing values globally replaced with mean/mode\n");
    }
    text.append("\nFinal cluster centroids:\n");
    text.append(centroidTable(model, showSpread, decimals));
    if (model.quality() != null) {
      text.append('\n');
      text.append(
          QualityText.describe(
              model.quality(), model.encoder().normalization(), model.fromSummary()));
    }
    if (showTrace) {
      text.append("\nIterations (squared error measured by the assignment pass):\n");
      text.append(trace(result));
    }
    return endWithTwoBlankLines(text);
  }

  /**
   * Ends the text with two empty lines, as SimpleKMeans' does: Weka's classes-to-clusters
   * evaluation prints "Clustered Instances" right after the model text, with no line between.
   */
  private static String endWithTwoBlankLines(StringBuilder text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '\n') {
      end--;
    }
    text.setLength(end);
    return text.append("\n\n\n").toString();
  }

  /**
   * One line per iteration: squared error, distances computed and their share, time. The error is
   * only measured when the model was built with the debug output on; otherwise it shows as "-".
   */
  private static String trace(KMeansResult result) {
    double[] history = result.squaredErrorHistory();
    long[] distances = result.distanceComputations();
    long[] nanos = result.iterationNanos();
    double all = (double) result.rows() * result.k();
    TextTable table = new TextTable();
    table.add("Iteration", "Squared error", "Distances", "% of n*k", "ms");
    for (int i = 0; i < distances.length; i++) {
      table.add(
          Integer.toString(i + 1),
          i < history.length ? Double.toString(history[i]) : "-",
          Long.toString(distances[i]),
          String.format(Locale.ROOT, "%.2f", 100 * distances[i] / all),
          String.format(Locale.ROOT, "%.3f", nanos[i] / 1e6));
    }
    return table.toString();
  }

  /**
   * The table of a search for k: every k tried with its squared error and criteria, the chosen one
   * marked; with the debug output, the time of every k too.
   */
  private static String kSearch(
      KSearchTable search, Normalization normalization, boolean showTimes) {
    List<KSearchTable.Row> rows = search.rows();
    StringBuilder text = new StringBuilder();
    text.append("\nChoosing k by ").append(search.criterion()).append(": tried k = ");
    text.append(rows.get(0).k()).append("..").append(rows.get(rows.size() - 1).k());
    text.append(", chose k = ").append(search.chosen().k()).append(" (marked *)\n");
    if (!search.chosen().isEligible()) {
      text.append("Note: every k tried left a cluster empty or of a single row.\n");
    } else if (search.rows().stream().anyMatch(row -> !row.isEligible())) {
      text.append(
          "A k whose fit leaves a cluster empty or of a single row (an outlier) is not chosen.\n");
    }
    if (search.mayImproveBeyond()) {
      // The search only stops early past its best k: a best at the end is the top of the range.
      text.append("Note: the criterion was still improving at the largest k tried; a larger");
      text.append(" -max-clusters may find a better k.\n");
      if (search.criterion().equals(KCriterion.BIC.id()) && normalization != Normalization.NONE) {
        // Groups round in the data's units become long ones once each attribute is scaled to
        // its own spread, and a spherical model splits a long group into several.
        text.append("BIC takes clusters as spheres in the scaled units, and splits clusters the");
        text.append(" scaling stretched: with attributes in one unit, -normalize none may suit");
        text.append(" it better, or another -k-criterion.\n");
      }
    }
    text.append('\n');
    TextTable table = new TextTable();
    List<String> header =
        new ArrayList<>(
            List.of(
                "k", "Squared error", "BIC", "Silhouette", "Calinski-Harabasz", "Non-Gaussian"));
    header.add("Smallest cluster");
    header.add("Iterations");
    if (showTimes) {
      header.add("ms");
    }
    table.add(header.toArray(new String[0]));
    for (KSearchTable.Row row : rows) {
      List<String> cells = new ArrayList<>();
      cells.add((row == search.chosen() ? "* " : "  ") + row.k());
      cells.add(String.format(Locale.ROOT, "%.6g", row.squaredError()));
      cells.add(String.format(Locale.ROOT, "%.1f", row.bic()));
      cells.add(Double.isNaN(row.silhouette()) ? "-" : format(row.silhouette(), 4));
      cells.add(format(row.calinskiHarabasz(), 2));
      cells.add(row.nonGaussianClusters() < 0 ? "-" : Integer.toString(row.nonGaussianClusters()));
      cells.add(row.smallestCluster() < 0 ? "-" : Integer.toString(row.smallestCluster()));
      cells.add(Integer.toString(row.iterations()));
      if (showTimes) {
        cells.add(String.format(Locale.ROOT, "%.1f", row.nanos() / 1e6));
      }
      table.add(cells.toArray(new String[0]));
    }
    return text.append(table).toString();
  }

  private static String format(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static double meanMillis(long[] nanos) {
    long total = 0;
    for (long n : nanos) {
      total += n;
    }
    return nanos.length == 0 ? 0 : total / 1e6 / nanos.length;
  }

  private static String centroidTable(FittedModel model, boolean showSpread, int decimals) {
    InstanceEncoder encoder = model.encoder();
    KMeansResult result = model.result();
    // Measured only by a build with -V; a model built without it has no deviations to show.
    ClusterSpread spread = showSpread ? model.spread() : null;
    int k = result.k();
    double[] centres = result.centres();
    double[] weights = result.clusterWeights();
    double totalWeight = 0;
    for (double w : weights) {
      totalWeight += w;
    }

    TextTable table = new TextTable();
    String[] header = new String[k + 2];
    String[] sizes = new String[k + 2];
    String[] clusterLabel = new String[k + 2];
    header[0] = "Attribute";
    header[1] = "Full Data";
    sizes[0] = "";
    sizes[1] = "(" + number(totalWeight, decimals) + ")";
    clusterLabel[0] = "";
    clusterLabel[1] = "";
    for (int c = 0; c < k; c++) {
      header[c + 2] = Integer.toString(c);
      sizes[c + 2] = "(" + number(weights[c], decimals) + ")";
      clusterLabel[c + 2] = c == 0 ? "Cluster#" : "";
    }
    table.add(clusterLabel);
    table.add(header);
    table.add(sizes);
    table.rule();

    for (int a = 0; a < encoder.clusteredAttributeCount(); a++) {
      Attribute attribute = encoder.header().attribute(encoder.attributeIndex(a));
      String[] row = new String[k + 2];
      row[0] = attribute.name();
      if (encoder.isAbsent(a)) {
        // No value was present in training: nothing to show.
        for (int c = 1; c < k + 2; c++) {
          row[c] = "?";
        }
        table.add(row);
      } else if (attribute.isNominal()) {
        row[1] = attribute.value((int) encoder.meanOrMode(a));
        for (int c = 0; c < k; c++) {
          row[c + 2] = attribute.value(Utils.maxIndex(encoder.decodeFrequencies(a, centres, c)));
        }
        table.add(row);
        if (spread != null) {
          double[] overallFrequencies = encoder.decodeFrequencies(a, spread.overallMeans(), 0);
          for (int v = 0; v < attribute.numValues(); v++) {
            String[] counts = new String[k + 2];
            counts[0] = "  " + attribute.value(v);
            counts[1] = number(overallFrequencies[v] * totalWeight, decimals);
            for (int c = 0; c < k; c++) {
              counts[c + 2] =
                  number(encoder.decodeFrequencies(a, centres, c)[v] * weights[c], decimals);
            }
            table.add(counts);
          }
        }
      } else {
        int column = encoder.firstColumn(a);
        row[1] = value(attribute, encoder.meanOrMode(a), decimals);
        for (int c = 0; c < k; c++) {
          row[c + 2] =
              value(
                  attribute,
                  encoder.decodeNumeric(a, centres[c * encoder.columns() + column]),
                  decimals);
        }
        table.add(row);
        if (spread != null) {
          String[] deviations = new String[k + 2];
          deviations[0] = "  +/-";
          deviations[1] =
              deviation(attribute, spread.overallDeviation(column) * encoder.scale(a), decimals);
          for (int c = 0; c < k; c++) {
            deviations[c + 2] =
                deviation(
                    attribute, spread.clusterDeviation(c, column) * encoder.scale(a), decimals);
          }
          table.add(deviations);
        }
      }
    }
    String text = table.toString();
    if (showSpread && spread == null) {
      text +=
          "\nStandard deviations and value counts were not measured: build with -V to see them.\n";
    }
    return text;
  }

  /**
   * A numeric attribute's value as the data show it: a date in the attribute's own format (as the
   * starting points print), any other number with {@code decimals} places.
   */
  private static String value(Attribute attribute, double value, int decimals) {
    return attribute.isDate() ? attribute.formatDate(value) : number(value, decimals);
  }

  /**
   * A numeric attribute's standard deviation: for a date, whose values are milliseconds, in days;
   * any other with {@code decimals} places.
   */
  private static String deviation(Attribute attribute, double deviation, int decimals) {
    return attribute.isDate()
        ? number(deviation / MILLISECONDS_PER_DAY, decimals) + " days"
        : number(deviation, decimals);
  }

  private static String number(double value, int decimals) {
    return Utils.doubleToString(value, decimals);
  }
}
