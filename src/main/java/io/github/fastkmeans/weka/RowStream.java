package io.github.fastkmeans.weka;

import io.github.fastkmeans.coreset.MergeReduceCoreset;
import io.github.fastkmeans.coreset.SummaryShape;
import io.github.fastkmeans.coreset.WeightedPoints;
import io.github.fastkmeans.engine.DataMatrix;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.WekaException;

/**
 * The rows of one stream of updates (Weka's {@code UpdateableClusterer}): the rows the stream
 * started with, then every row added, checked as it arrives and kept in compact form ({@link
 * KeptRows}) while they fit the build's {@code -stream-budget}; the model is then exactly the batch
 * model of the same rows. The row that would pass the budget turns the stream into a summary: the
 * encoding (scaling, replacements for missing values) is learnt from the rows kept so far, they and
 * every later row are encoded and added to a {@link MergeReduceCoreset} of bounded size, and the
 * model is fitted to that weighted summary. Rows are numbered from 1 in the order they reached the
 * stream, the starting rows first; every refusal names the row. A summarising stream reduces on
 * worker threads: {@link #close} it when it ends.
 */
public final class RowStream implements AutoCloseable {

  /** Rows sampled into {@link #startingSample} at most: all of a data set up to this size. */
  private static final int STARTING_SAMPLE = 64;

  private final Instances header;
  private final FitPipeline pipeline;
  private final long budgetBytes;

  /** The rows the stream started with, read in place until the first row is added. */
  private Instances starting;

  /**
   * Instances of {@link #starting} at evenly spaced rows, by identity: the first row added checks
   * that the caller did not delete, add or reorder the rows meanwhile.
   */
  private Instance[] startingSample;

  /** Every row once one has been added; null before. */
  private KeptRows kept;

  /**
   * The data set of the last row added whose header matched; checked again only when it changes.
   */
  private Instances matchedDataset;

  /** Once the stream is summarised: the encoding learnt from the rows kept until then. */
  private InstanceEncoder encoder;

  /** Once the stream is summarised: the header's clustered attributes. */
  private int[] clustered;

  /** Once the stream is summarised: the statistics of every row. */
  private StreamedStatistics statistics;

  /** Once the stream is summarised: the summary of every row. */
  private MergeReduceCoreset coreset;

  /** Once the stream is summarised: the number of rows kept before. */
  private int keptBeforeSummary;

  /** Whether a row after the kept ones missed a clustered value, replaced by the kept rows'. */
  private boolean missingAfterKept;

  private long count;

  private RowStream(Instances data, FitPipeline pipeline) {
    this.header = new Instances(data, 0);
    // A start from a header keeps none of the caller's: rows it adds later are the stream's own.
    this.starting = data.numInstances() == 0 ? header : data;
    this.pipeline = pipeline;
    this.budgetBytes = budgetBytes(pipeline.options().get(OptionTable.STREAM_BUDGET));
    this.count = data.numInstances();
    this.startingSample = new Instance[(int) Math.min(count, STARTING_SAMPLE)];
    for (int i = 0; i < startingSample.length; i++) {
      startingSample[i] = data.instance(sampledRow(i));
    }
  }

  /** The row of the starting data whose instance is sample {@code i}. */
  private int sampledRow(int i) {
    return startingSample.length == 1
        ? 0
        : (int) ((long) i * (starting.numInstances() - 1) / (startingSample.length - 1));
  }

  /** The budget of {@code mebibytes} MiB in bytes; for 0, a fifth of the maximum heap. */
  static long budgetBytes(double mebibytes) {
    return mebibytes > 0 ? (long) (mebibytes * (1 << 20)) : Runtime.getRuntime().maxMemory() / 5;
  }

  /**
   * A stream whose first rows are those of {@code data} (none, for a stream started from a header),
   * fitted by {@code pipeline}, whose options (the budget among them) and seed it uses throughout;
   * with {@code capabilities} (unless null) the header's attributes are tested first.
   *
   * @throws WekaException naming an attribute the capabilities refuse, when the header has no
   *     attribute to cluster, or, for a stream's start, when the centres file of -init given cannot
   *     be opened
   */
  public static RowStream startingWith(
      Instances data, FitPipeline pipeline, Capabilities capabilities) throws WekaException {
    if (data == null) {
      throw new WekaException("No data were given (null).");
    }
    if (capabilities != null) {
      KeptRows.testHeader(data, capabilities);
    }
    // Refused here, not at the fit: a header with nothing to cluster (Weka's command line removes
    // the class first, and with it a file's only attribute) would otherwise fail on its rows.
    InstanceEncoder.columnsOf(data);
    if (data.numInstances() == 0) {
      // A stream's start: a centres file that cannot be opened would fail after its last row.
      pipeline.givenCentresFile();
    }
    return new RowStream(data, pipeline);
  }

  /** The number of rows in the stream so far. */
  public long count() {
    return count;
  }

  /**
   * Adds {@code instance} as the next row.
   *
   * @throws WekaException naming the row when it is null, has other attributes than the stream's
   *     header, comes from a data set with another header, or has a weight FastKMeans cannot use
   *     (negative, NaN, infinite or subnormal), or when the rows of the build that started the
   *     stream were deleted, added to or reordered before this first row; the stream is then
   *     unchanged
   */
  public void add(Instance instance) throws WekaException, InterruptedException {
    long row = count + 1;
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
    if (!DataMatrix.isUsableWeight(weight)) {
      throw new WekaException(
          "Row " + row + " of the stream has weight " + weight + AttributeSums.USABLE_WEIGHTS);
    }
    if (coreset != null) {
      double[] encoded;
      try {
        encoded = encoder.encode(instance);
      } catch (WekaException e) {
        throw new WekaException("Row " + row + " of the stream: " + e.getMessage(), e);
      }
      statistics.add(instance);
      coreset.add(encoded, 0, weight);
      missingAfterKept |= hasMissingClusteredValue(instance);
      count++;
      return;
    }
    keepStartingRows();
    if (kept.count() == Integer.MAX_VALUE
        || (kept.count() + 1) * kept.bytesPerRow() > budgetBytes) {
      summarise();
      add(instance);
      return;
    }
    kept.add(instance);
    count++;
  }

  /**
   * Learns the encoding from the kept rows, moves them into a coreset sized to the budget, and lets
   * them go.
   */
  private void summarise() throws WekaException, InterruptedException {
    encoder =
        InstanceEncoder.fit(kept, pipeline.options().get(OptionTable.NORMALIZATION))
            .keepingEveryValue();
    clustered = ClusteredAttributes.of(header);
    statistics = new StreamedStatistics(header, clustered);
    int columns = encoder.columns();
    long pointsInBudget = Math.max(2, budgetBytes / (8L * (columns + 1)));
    coreset =
        new MergeReduceCoreset(
            columns,
            SummaryShape.forPoints(pointsInBudget, columns, pipeline.largestK()),
            pipeline.seed(),
            pipeline.threads());
    keptBeforeSummary = kept.count();
    for (int row = 0; row < kept.count(); row++) {
      double[] encoded = new double[columns];
      encoder.encodeRow(kept, row, encoded);
      statistics.add(kept, row);
      coreset.add(encoded, 0, kept.weight(row));
    }
    kept = null;
  }

  /**
   * The model of the stream so far: exactly the batch model of its rows while they are kept; the
   * model of its summary once summarised.
   *
   * @throws WekaException as {@link FitPipeline#fit(TrainingRows)}
   */
  public FittedModel fit() throws WekaException {
    if (coreset == null) {
      return pipeline.fit(rows());
    }
    WeightedPoints points;
    try {
      points = coreset.points();
    } catch (InterruptedException e) {
      // Keep the flag for the caller (the Explorer's or KnowledgeFlow's stop).
      Thread.currentThread().interrupt();
      throw new WekaException("FastKMeans was interrupted; no model was built.", e);
    }
    InstanceEncoder allRows =
        InstanceEncoder.fromSummaries(
            header,
            pipeline.options().get(OptionTable.NORMALIZATION),
            statistics.attributes(),
            statistics.summaries());
    DataMatrix matrix =
        DataMatrix.of(
            points.count(),
            points.columns(),
            allRows.recode(points.copyOfValues(), points.count(), encoder),
            points.copyOfWeights());
    return pipeline.fitSummary(allRows, matrix, summarySource(points.count()));
  }

  /** Releases the summary's worker threads; the stream takes no more rows. */
  @Override
  public void close() {
    if (coreset != null) {
      coreset.close();
    }
  }

  /** What a summarised model stands for, for the model output. */
  private String summarySource(int points) {
    String text =
        String.format(
            Locale.ROOT,
            "a coreset of %,d weighted points summarising %,d instances (approximate: the kept"
                + " instances passed -stream-budget %s MiB at instance %,d); scaling from all"
                + " instances",
            points,
            count,
            budgetText(),
            keptBeforeSummary + 1);
    if (!missingAfterKept) {
      return text;
    }
    return text
        + String.format(
            Locale.ROOT,
            ", missing values after the first %,d replaced by those instances' means and modes",
            keptBeforeSummary);
  }

  /** The budget in MiB as -stream-budget gave it, or the default's to four digits. */
  private String budgetText() {
    double given = pipeline.options().get(OptionTable.STREAM_BUDGET);
    BigDecimal mebibytes =
        given > 0
            ? BigDecimal.valueOf(given)
            : BigDecimal.valueOf(budgetBytes / (double) (1 << 20)).round(new MathContext(4));
    return mebibytes.stripTrailingZeros().toPlainString();
  }

  /** Whether {@code instance} misses a value of an attribute that is clustered. */
  private boolean hasMissingClusteredValue(Instance instance) {
    for (int a : clustered) {
      if (instance.isMissing(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Copies the starting rows into the kept rows, once, so that the stream owns them all.
   *
   * @throws WekaException when the caller deleted, added or reordered them since the build
   */
  private void keepStartingRows() throws WekaException {
    if (kept != null) {
      return;
    }
    checkStartingRowsUnchanged();
    kept = new KeptRows(header);
    for (int row = 0; row < starting.numInstances(); row++) {
      kept.add(starting.instance(row));
    }
    starting = null;
    startingSample = null;
  }

  /**
   * Refuses to continue from starting rows the caller deleted, added to or reordered since the
   * build, which the model would otherwise take for the rows it was built on.
   */
  private void checkStartingRowsUnchanged() throws WekaException {
    int now = starting.numInstances();
    String change = null;
    if (now != count) {
      change = "it had " + BuildRefusals.instances(count) + " and now has " + now;
    } else {
      for (int i = 0; change == null && i < startingSample.length; i++) {
        if (starting.instance(sampledRow(i)) != startingSample[i]) {
          change = "its instances were reordered or replaced";
        }
      }
    }
    if (change != null) {
      throw new WekaException(
          "The data given to buildClusterer changed before the first update: "
              + change
              + ". The stream cannot continue from rows it no longer has; build again on the"
              + " data as they are now (or on a copy, to change them meanwhile).");
    }
  }

  /** The rows of the stream so far, while they are kept. */
  private TrainingRows rows() {
    return kept != null ? kept : TrainingRows.of(starting);
  }
}
