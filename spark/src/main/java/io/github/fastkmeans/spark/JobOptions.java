package io.github.fastkmeans.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of {@link FastKMeansJob}: {@code --name value} pairs, where FastKMeans' Weka
 * flags ({@code -N}, {@code -I}, {@code -S}, ...) are accepted as aliases of the long names.
 */
final class JobOptions {

  /** Every option: long name, Weka alias (or null), meaning. */
  static final List<String[]> OPTIONS =
      List.of(
          new String[] {"input", null, "data file or folder: .csv (header row), .parquet, .arff"},
          new String[] {"format", null, "csv, parquet or arff, when the name does not say"},
          new String[] {"k", "-N", "number of clusters (required)"},
          new String[] {
            "features", null, "comma-separated feature columns (default: every numeric one)"
          },
          new String[] {"weight", null, "instance weight column (default: none)"},
          new String[] {
            "model", "-d", "Weka model file to write (weka.Run FastKMeans -l reads it)"
          },
          new String[] {"spark-model", null, "folder to save the Spark ML model in"},
          new String[] {"assignments", null, "Parquet folder for the rows with their cluster"},
          new String[] {"max-iter", "-I", "most iterations (default 500)"},
          new String[] {"tol", "-tolerance", "stop when the centres move less (default 0)"},
          new String[] {"seed", "-S", "random seed (default 10)"},
          new String[] {
            "init", "-init", "k-means|| (or kmeans-parallel), random (default k-means||)"
          },
          new String[] {"init-steps", "-init-rounds", "k-means|| rounds (default 5)"},
          new String[] {"init-oversampling", "-init-oversampling", "k-means|| oversampling (2)"},
          new String[] {
            "algorithm", "-algorithm", "auto, lloyd, hamerly, elkan, exponion, yinyang, kdtree"
          },
          new String[] {"empty", "-empty", "relocate, keep or fail (default relocate)"},
          new String[] {"normalize", "-normalize", "none, range or standardize (default none)"},
          new String[] {
            "partitions",
            null,
            "at most this many partitions: the input's, coalesced (keeps row order)"
          });

  private final Map<String, String> values = new LinkedHashMap<>();

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException naming an unknown option, one without a value or one given
   *     twice
   */
  JobOptions(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String name = longName(args[i]);
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + args[i] + " needs a value.");
      }
      String value = args[++i];
      String earlier = values.put(name, value);
      if (earlier != null) {
        // Which one was meant cannot be known: neither is taken silently.
        throw new IllegalArgumentException(
            "Option --" + name + " is given twice (" + earlier + " and " + value + ").");
      }
    }
  }

  private static String longName(String flag) {
    for (String[] option : OPTIONS) {
      if (flag.equals("--" + option[0]) || flag.equals(option[1])) {
        return option[0];
      }
    }
    throw new IllegalArgumentException("Unknown option " + flag + ".\n" + usage());
  }

  /** The value of {@code name}, or null. */
  String get(String name) {
    return values.get(name);
  }

  /** The value of {@code name}, or an error saying it is needed. */
  String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("Option --" + name + " is required.\n" + usage());
    }
    return value;
  }

  /** The integer value of {@code name}, or null. */
  Integer integer(String name) {
    Long value = longInteger(name);
    if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
      throw new IllegalArgumentException(
          "Option --" + name + " got " + value + ", beyond the integers it takes.");
    }
    return value == null ? null : value.intValue();
  }

  /** The value of {@code name} as a long integer (a seed), or null. */
  Long longInteger(String name) {
    String value = values.get(name);
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Option --" + name + " needs an integer, got '" + value + "'.", e);
    }
  }

  /** The real value of {@code name}, or null. */
  Double real(String name) {
    String value = values.get(name);
    if (value == null) {
      return null;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Option --" + name + " needs a number, got '" + value + "'.", e);
    }
  }

  /** What option {@code name} means, as the usage says it. */
  static String meaning(String name) {
    for (String[] option : OPTIONS) {
      if (option[0].equals(name)) {
        return option[2];
      }
    }
    throw new IllegalArgumentException("No option --" + name + ".");
  }

  /** The help text. */
  static String usage() {
    StringBuilder text =
        new StringBuilder(
            "Usage: spark-submit --class io.github.fastkmeans.spark.FastKMeansJob <jar>"
                + " --input data.csv --k 20 [options]\n");
    for (String[] option : OPTIONS) {
      text.append(
          String.format(
              Locale.ROOT,
              "  --%-18s %-20s %s%n",
              option[0],
              option[1] == null ? "" : "(" + option[1] + ")",
              option[2]));
    }
    return text.toString();
  }
}
