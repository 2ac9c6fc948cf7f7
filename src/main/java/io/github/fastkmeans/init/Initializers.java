package io.github.fastkmeans.init;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The initializers that need nothing but the data, by their string ids. */
public final class Initializers {

  /** Id of {@link RandomRows}. */
  public static final String RANDOM = "random";

  /** Id of {@link KMeansPlusPlus}. */
  public static final String KMEANS_PLUS_PLUS = "kmeans++";

  /** Id of {@link FarthestFirst}. */
  public static final String FARTHEST_FIRST = "farthest-first";

  /** Id of {@link KMeansParallel}. */
  public static final String KMEANS_PARALLEL = "kmeans||";

  /** Id of {@link AfkMc2}. */
  public static final String AFK_MC2 = "afk-mc2";

  /** The ids {@link #forId} accepts. */
  public static final List<String> IDS =
      Collections.unmodifiableList(
          Arrays.asList(RANDOM, KMEANS_PLUS_PLUS, FARTHEST_FIRST, KMEANS_PARALLEL, AFK_MC2));

  private Initializers() {}

  /**
   * The initializer with the given id and default options.
   *
   * @throws IllegalArgumentException naming the valid ids when none matches
   */
  public static Initializer forId(String id) {
    return forId(id, InitializerOptions.DEFAULTS);
  }

  /**
   * The initializer with the given id, tuned by {@code options} where it takes any.
   *
   * @throws IllegalArgumentException naming the valid ids when none matches
   */
  public static Initializer forId(String id, InitializerOptions options) {
    switch (id) {
      case RANDOM:
        return new RandomRows();
      case KMEANS_PLUS_PLUS:
        return new KMeansPlusPlus();
      case FARTHEST_FIRST:
        return new FarthestFirst();
      case KMEANS_PARALLEL:
        return new KMeansParallel(options.oversampling(), options.rounds(), options.threads());
      case AFK_MC2:
        return new AfkMc2(options.chainLength());
      default:
        throw new IllegalArgumentException(
            "Unknown initializer '" + id + "'; use one of " + String.join(", ", IDS) + ".");
    }
  }
}
