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

  /** The ids {@link #forId} accepts. */
  public static final List<String> IDS =
      Collections.unmodifiableList(Arrays.asList(RANDOM, KMEANS_PLUS_PLUS, FARTHEST_FIRST));

  private Initializers() {}

  /**
   * The initializer with the given id.
   *
   * @throws IllegalArgumentException naming the valid ids when none matches
   */
  public static Initializer forId(String id) {
    switch (id) {
      case RANDOM:
        return new RandomRows();
      case KMEANS_PLUS_PLUS:
        return new KMeansPlusPlus();
      case FARTHEST_FIRST:
        return new FarthestFirst();
      default:
        throw new IllegalArgumentException(
            "Unknown initializer '" + id + "'; use one of " + String.join(", ", IDS) + ".");
    }
  }
}
