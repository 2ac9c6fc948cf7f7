package io.github.fastkmeans.weka;

import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.WekaException;

/**
 * The rows of one stream of updates (Weka's {@code UpdateableClusterer}): the rows the stream
 * started with, then every row added, checked as it arrives and kept in compact form ({@link
 * KeptRows}) until the fit reads them through {@link #rows()}. Rows are numbered from 1 in the
 * order they reached the stream, the starting rows first; every refusal names the row.
 */
public final class RowStream {

  private final Instances header;

  /** The rows the stream started with, read in place until the first row is added. */
  private Instances starting;

  /** Every row once one has been added; null before. */
  private KeptRows kept;

  /**
   * The data set of the last row added whose header matched; checked again only when it changes.
   */
  private Instances matchedDataset;

  private RowStream(Instances data) {
    this.header = new Instances(data, 0);
    this.starting = data;
  }

  /**
   * A stream whose first rows are those of {@code data} (none, for a stream started from a header);
   * with {@code capabilities} (unless null) the header's attributes are tested first.
   *
   * @throws WekaException naming an attribute the capabilities refuse
   */
  public static RowStream startingWith(Instances data, Capabilities capabilities)
      throws WekaException {
    if (data == null) {
      throw new WekaException("No data were given (null).");
    }
    if (capabilities != null) {
      KeptRows.testHeader(data, capabilities);
    }
    return new RowStream(data);
  }

  /** The number of rows in the stream so far. */
  public long count() {
    return kept != null ? kept.count() : starting.numInstances();
  }

  /**
   * Adds {@code instance} as the next row.
   *
   * @throws WekaException naming the row when it is null, has other attributes than the stream's
   *     header, comes from a data set with another header, or has a weight that is not finite and
   *     non-negative; the stream is then unchanged
   */
  public void add(Instance instance) throws WekaException {
    long row = count() + 1;
    if (instance == null) {
      throw new WekaException("Row " + row + " of the stream is null.");
    }
    if (instance.numAttributes() != header.numAttributes()) {
      throw new WekaException(
          "Row "
              + row
              + " of the stream has "
              + instance.numAttributes()
              + " attributes but the stream's header has "
              + header.numAttributes()
              + "; every row must have the header given to buildClusterer.");
    }
    Instances dataset = instance.dataset();
    if (dataset != null && dataset != matchedDataset) {
      String difference = header.equalHeadersMsg(dataset);
      if (difference != null) {
        throw new WekaException(
            "Row "
                + row
                + " of the stream comes from a data set with another header than the one given"
                + " to buildClusterer: "
                + difference);
      }
      matchedDataset = dataset;
    }
    double weight = instance.weight();
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new WekaException(
          "Row "
              + row
              + " of the stream has weight "
              + weight
              + "; FastKMeans needs weights that are finite and >= 0.");
    }
    if (row > Integer.MAX_VALUE) {
      throw new WekaException(
          "Row " + row + " of the stream is one more than FastKMeans can keep; cluster a sample.");
    }
    keepStartingRows();
    kept.add(instance);
  }

  /** Copies the starting rows into the kept rows, once, so that the stream owns them all. */
  private void keepStartingRows() {
    if (kept != null) {
      return;
    }
    kept = new KeptRows(header);
    for (int row = 0; row < starting.numInstances(); row++) {
      kept.add(starting.instance(row));
    }
    starting = null;
  }

  /** The rows of the stream so far, for a fit. */
  public TrainingRows rows() {
    return kept != null ? kept : TrainingRows.of(starting);
  }
}
