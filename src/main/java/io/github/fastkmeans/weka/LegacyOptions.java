package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.Choice;
import java.io.File;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamField;
import java.util.Map;

/**
 * Reads the options of a FastKMeans saved before they were kept as {@link FitOptions}, from the
 * fields that held one option each. The list of those fields is frozen: it is the saved form of
 * that version, not a place to add options.
 */
public final class LegacyOptions {

  /** The fields of that version and the options they held. */
  private static final Map<String, OptionSpec<?>> FIELDS =
      Map.ofEntries(
          Map.entry("numClusters", OptionTable.CLUSTERS),
          Map.entry("maxIterations", OptionTable.MAX_ITERATIONS),
          Map.entry("initializerId", OptionTable.INITIALIZER),
          Map.entry("initFile", OptionTable.INIT_FILE),
          Map.entry("restarts", OptionTable.RESTARTS),
          Map.entry("initOversampling", OptionTable.INIT_OVERSAMPLING),
          Map.entry("initRounds", OptionTable.INIT_ROUNDS),
          Map.entry("initChain", OptionTable.INIT_CHAIN),
          Map.entry("refinementId", OptionTable.REFINEMENT),
          Map.entry("refineTrials", OptionTable.REFINE_TRIALS),
          Map.entry("tolerance", OptionTable.TOLERANCE),
          Map.entry("normalization", OptionTable.NORMALIZATION),
          Map.entry("emptyClusterPolicy", OptionTable.EMPTY_CLUSTERS),
          Map.entry("numExecutionSlots", OptionTable.THREADS),
          Map.entry("algorithm", OptionTable.ALGORITHM),
          Map.entry("elkanMemory", OptionTable.ELKAN_MEMORY),
          Map.entry("displayStdDevs", OptionTable.SHOW_SPREAD),
          Map.entry("displayQuality", OptionTable.QUALITY));

  private LegacyOptions() {}

  /** Whether {@code fields}, a saved FastKMeans's own, hold one option each (the old form). */
  public static boolean isLegacy(ObjectInputStream.GetField fields) {
    return fields.getObjectStreamClass().getField("numClusters") != null;
  }

  /**
   * The options held by the old fields in {@code fields}; an option whose field the stream lacks
   * (saved before the option existed) has its default.
   *
   * @throws InvalidObjectException if a field holds a value no option accepts
   */
  public static FitOptions read(ObjectInputStream.GetField fields) throws IOException {
    FitOptions options = FitOptions.defaults();
    for (Map.Entry<String, OptionSpec<?>> field : FIELDS.entrySet()) {
      ObjectStreamField saved = fields.getObjectStreamClass().getField(field.getKey());
      if (saved != null) {
        options = withText(options, field.getValue(), text(fields, saved));
      }
    }
    return options;
  }

  private static <T> FitOptions withText(FitOptions options, OptionSpec<T> spec, String text)
      throws InvalidObjectException {
    try {
      return options.with(spec, spec.parse(text));
    } catch (InvalidOptionException | IllegalArgumentException e) {
      InvalidObjectException invalid =
          new InvalidObjectException("The saved FastKMeans holds a bad option: " + e.getMessage());
      invalid.initCause(e);
      throw invalid;
    }
  }

  /** The saved value of {@code field} as an option's text. */
  private static String text(ObjectInputStream.GetField fields, ObjectStreamField field)
      throws IOException {
    String name = field.getName();
    switch (field.getTypeCode()) {
      case 'I':
        return Integer.toString(fields.get(name, 0));
      case 'D':
        return Double.toString(fields.get(name, 0.0));
      case 'Z':
        return Boolean.toString(fields.get(name, false));
      default:
        Object value = fields.get(name, (Object) null);
        if (value instanceof Choice) {
          return ((Choice) value).id();
        }
        return value instanceof File ? ((File) value).getPath() : String.valueOf(value);
    }
  }
}
