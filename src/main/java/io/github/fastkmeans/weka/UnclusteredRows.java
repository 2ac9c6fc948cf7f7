package io.github.fastkmeans.weka;

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

  /**
   * The note on the first instance of {@code file} that {@code clusterer} refuses, read one
   * instance at a time: its number (from 1) and the reason; null when it clusters them all.
   *
   * @throws Exception if the file cannot be read
   */
  static String firstRefusal(Clusterer clusterer, String file) throws Exception {
    DataSource source = new DataSource(file);
    Instances structure = source.getStructure();
    long number = 0;
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
            + ", the first Weka lists as unclustered, was refused: "
            + refused.getMessage();
      }
    }
    return null;
  }
}
