package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.EmptyClusterPolicy;
import io.github.fastkmeans.engine.SwapRefinement;
import io.github.fastkmeans.init.GivenCentres;
import io.github.fastkmeans.init.Initializers;
import java.util.List;
import weka.core.SelectedTag;
import weka.core.Tag;

/**
 * The enumerated options as Weka tags: each has a string id for the command line and a readable
 * name for the GUI drop-down. Ids keep their case (Weka upper-cases them unless told not to).
 *
 * <p>Weka's {@link Tag} is mutable (it has setters) and so is any array, so the tags are never kept
 * in a shared field: {@link #initializers()}, {@link #normalizations()}, {@link
 * #emptyClusterPolicies()}, {@link #algorithms()} and {@link #refinements()} build new ones on
 * every call, from ids and names held in immutable lists.
 */
public final class OptionTags {

  /** The initializers: ids and readable names, alternating, in tag-number order. */
  private static final List<String> INITIALIZERS =
      List.of(
          Initializers.RANDOM, "random instances",
          Initializers.KMEANS_PLUS_PLUS, "k-means++ (greedy D^2 sampling)",
          Initializers.FARTHEST_FIRST, "farthest first",
          Initializers.KMEANS_PARALLEL, "k-means|| (oversampling rounds, weighted k-means++)",
          Initializers.AFK_MC2, "AFK-MC2 (Markov chain D^2 sampling)",
          GivenCentres.ID, "given centres (from -init-file)");

  /**
   * The empty-cluster policies: ids and names, alternating, in {@link EmptyClusterPolicy} order.
   */
  private static final List<String> EMPTY_CLUSTER_POLICIES =
      List.of(
          EmptyClusterPolicy.RELOCATE.id(), "relocate to the farthest instance",
          EmptyClusterPolicy.KEEP.id(), "keep the previous centre",
          EmptyClusterPolicy.FAIL.id(), "fail with an error");

  /** The assignment algorithms: ids and readable names, alternating, in tag-number order. */
  private static final List<String> ALGORITHMS =
      List.of(
          Algorithm.AUTO.id(), "auto (chosen by data size)",
          Algorithm.LLOYD.id(), "Lloyd (every distance)",
          Algorithm.HAMERLY.id(), "Hamerly (one bound per instance)",
          Algorithm.ELKAN.id(), "Elkan (one bound per instance and cluster)",
          Algorithm.EXPONION.id(), "Exponion (Hamerly's bound, ball search)",
          Algorithm.KD_TREE.id(), "k-d tree filtering (few attributes)");

  /** The id of no refinement. */
  public static final String NO_REFINEMENT = "none";

  /** The refinements: ids and readable names, alternating, in tag-number order. */
  private static final List<String> REFINEMENTS =
      List.of(
          NO_REFINEMENT,
          "none (k-means only)",
          SwapRefinement.ID,
          "swap (D^2 sampled centre swaps, each followed by k-means)");

  private OptionTags() {}

  private static Tag[] tags(List<String> idsAndNames) {
    Tag[] tags = new Tag[idsAndNames.size() / 2];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = new Tag(i, idsAndNames.get(2 * i), idsAndNames.get(2 * i + 1), false);
    }
    return tags;
  }

  /** New tags of the initializers. */
  public static Tag[] initializers() {
    return tags(INITIALIZERS);
  }

  /** New tags of the normalizations, in {@link Normalization} order. */
  public static Tag[] normalizations() {
    Normalization[] values = Normalization.values();
    Tag[] tags = new Tag[values.length];
    for (int i = 0; i < values.length; i++) {
      tags[i] = new Tag(i, values[i].id(), values[i].description(), false);
    }
    return tags;
  }

  /** New tags of the empty-cluster policies, in {@link EmptyClusterPolicy} order. */
  public static Tag[] emptyClusterPolicies() {
    return tags(EMPTY_CLUSTER_POLICIES);
  }

  /** New tags of the assignment algorithms. */
  public static Tag[] algorithms() {
    return tags(ALGORITHMS);
  }

  /** New tags of the refinements. */
  public static Tag[] refinements() {
    return tags(REFINEMENTS);
  }

  /**
   * The id of the tag of {@code tags} whose id (or readable name) is {@code text}, ignoring case.
   *
   * @throws InvalidOptionException naming the option and its valid ids when none matches
   */
  public static String select(String option, String text, Tag[] tags)
      throws InvalidOptionException {
    for (Tag tag : tags) {
      if (tag.getIDStr().equalsIgnoreCase(text.trim())
          || tag.getReadable().equalsIgnoreCase(text.trim())) {
        return tag.getIDStr();
      }
    }
    throw new InvalidOptionException(
        "Option -" + option + " does not accept '" + text + "'; valid values: " + ids(tags) + ".");
  }

  /** The selection of the tag with id {@code id} among {@code tags}. */
  public static SelectedTag selected(String id, Tag[] tags) {
    for (Tag tag : tags) {
      if (tag.getIDStr().equals(id)) {
        return new SelectedTag(tag.getID(), tags);
      }
    }
    throw new IllegalArgumentException("No tag '" + id + "' among " + ids(tags) + ".");
  }

  /** The ids of {@code tags}, separated by '|'. */
  public static String ids(Tag[] tags) {
    StringBuilder ids = new StringBuilder();
    for (Tag tag : tags) {
      if (ids.length() > 0) {
        ids.append('|');
      }
      ids.append(tag.getIDStr());
    }
    return ids.toString();
  }

  /**
   * The id of the tag selected in {@code selection}, which must be one of {@code tags}. Tags are
   * matched by id, not by identity: a copy made by serialisation holds copies of the tags.
   *
   * @throws IllegalArgumentException when no tag of {@code tags} has that id
   */
  public static String idOf(SelectedTag selection, Tag[] tags) {
    String id = selection.getSelectedTag().getIDStr();
    for (Tag tag : tags) {
      if (tag.getIDStr().equals(id)) {
        return id;
      }
    }
    throw new IllegalArgumentException("'" + id + "' is not one of " + ids(tags) + ".");
  }
}
