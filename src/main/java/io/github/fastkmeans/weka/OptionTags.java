package io.github.fastkmeans.weka;

import io.github.fastkmeans.engine.Algorithm;
import io.github.fastkmeans.engine.EmptyClusterPolicy;
import io.github.fastkmeans.init.GivenCentres;
import io.github.fastkmeans.init.Initializers;
import weka.core.SelectedTag;
import weka.core.Tag;

/**
 * The enumerated options as Weka tags: each has a string id for the command line and a readable name
 * for the GUI drop-down. Ids keep their case (Weka upper-cases them unless told not to).
 */
public final class OptionTags {

  /** The initializers. */
  public static final Tag[] INITIALIZERS = {
    new Tag(0, Initializers.RANDOM, "random instances", false),
    new Tag(1, Initializers.KMEANS_PLUS_PLUS, "k-means++ (greedy D^2 sampling)", false),
    new Tag(2, Initializers.FARTHEST_FIRST, "farthest first", false),
    new Tag(3, GivenCentres.ID, "given centres (from -init-file)", false),
  };

  /** The normalizations, in {@link Normalization} order. */
  public static final Tag[] NORMALIZATIONS = tags(Normalization.values());

  /** The empty-cluster policies, in {@link EmptyClusterPolicy} order. */
  public static final Tag[] EMPTY_CLUSTER_POLICIES = {
    new Tag(0, EmptyClusterPolicy.RELOCATE.id(), "relocate to the farthest instance", false),
    new Tag(1, EmptyClusterPolicy.KEEP.id(), "keep the previous centre", false),
    new Tag(2, EmptyClusterPolicy.FAIL.id(), "fail with an error", false),
  };

  /** The assignment algorithms. */
  public static final Tag[] ALGORITHMS = {
    new Tag(0, Algorithm.AUTO.id(), "auto (chosen by data size)", false),
    new Tag(1, Algorithm.LLOYD.id(), "Lloyd (every distance)", false),
    new Tag(2, Algorithm.HAMERLY.id(), "Hamerly (one bound per instance)", false),
    new Tag(3, Algorithm.ELKAN.id(), "Elkan (one bound per instance and cluster)", false),
    new Tag(4, Algorithm.EXPONION.id(), "Exponion (Hamerly's bound, ball search)", false),
  };

  private OptionTags() {}

  private static Tag[] tags(Normalization[] values) {
    Tag[] tags = new Tag[values.length];
    for (int i = 0; i < values.length; i++) {
      tags[i] = new Tag(i, values[i].id(), values[i].description(), false);
    }
    return tags;
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
