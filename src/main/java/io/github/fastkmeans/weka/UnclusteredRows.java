package io.github.fastkmeans.weka;

import java.util.regex.Pattern;
import weka.clusterers.Clusterer;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Why Weka's evaluation left an instance unclustered: it prints such an instance as "Unclustered",
 * or counts it, without the reason the clusterer gave.
 */
final class UnclusteredRows {

  private UnclusteredRows() {}

  /** Weka's marks of unclustered instances: the statistics' count, a prediction's line. */
  private static final Pattern WEKA_MARK =
      Pattern.compile("(?im)^(Unclustered Instances : \\d+|\\d+ Unclustered\\b)");

  /** Whether Weka's evaluation {@code result} lists or counts an instance as unclustered. */
  static boolean anyIn(String result) {
    return WEKA_MARK.matcher(result).find();
  }

  /**
   * The note on the first instance of {@code file} that {@code clusterer} refuses, read one
   * instance at a time: its number, counted from {@code firstNumber} (0 as Weka's predictions
   * count, else 1), and the reason; null when it clusters them all.
   *
   * @throws Exception if the file cannot be read
   */
  static String firstRefusal(Clusterer clusterer, String file, int firstNumber) throws Exception {
    DataSource source = new DataSource(file);
    Instances structure = source.getStructure();
    long number = firstNumber - 1;
    while (source.hasMoreElements(structure)) {
      Instance instance = source.nextElement(structure);
      number++;
      try {
        clusterer.clusterInstance(instance);
      } catch (Exception refused) {
        return "Note: instance "
            + number
            + " of "
            + file
            + " (counted from "
            + firstNumber
            + "), the first Weka lists as unclustered, was refused: "
            + (refused.getMessage() == null ? refused.toString() : refused.getMessage());
      }
    }
    return null;
  }
}
