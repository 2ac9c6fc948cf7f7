package io.github.fastkmeans.init;

import io.github.fastkmeans.engine.Choice;
import io.github.fastkmeans.engine.ChoiceLabel;
import java.util.List;

/** The initializers a front end offers, by id. */
public enum InitializerKind implements Choice {
  /** {@link RandomRows}. */
  RANDOM("random", "random instances", List.of(), options -> new RandomRows()),
  /** {@link KMeansPlusPlus}. */
  KMEANS_PLUS_PLUS(
      "kmeans++",
      "k-means++ (greedy D^2 sampling)",
      List.of(),
      options -> new KMeansPlusPlus(options.threads())),
  /** {@link FarthestFirst}. */
  FARTHEST_FIRST(
      "farthest-first",
      "farthest first",
      List.of(),
      options -> new FarthestFirst(options.threads())),
  /** {@link KMeansParallel}; its paper's name, k-means||, is accepted too. */
  KMEANS_PARALLEL(
      "kmeans-parallel",
      "k-means|| (oversampling rounds, weighted k-means++)",
      List.of("kmeans||"),
      options -> new KMeansParallel(options.oversampling(), options.rounds(), options.threads())),
  /** {@link AfkMc2}. */
  AFK_MC2(
      "afk-mc2",
      "AFK-MC2 (Markov chain D^2 sampling)",
      List.of(),
      options -> new AfkMc2(options.chainLength(), options.threads())),
  /** {@link GivenCentres}, from {@link InitializerOptions#givenCentres()}. */
  GIVEN(
      "given",
      "given centres (from -init-file)",
      List.of(),
      options -> new GivenCentres(options.givenCentres()));

  private final ChoiceLabel label;
  private final Factory factory;

  InitializerKind(String id, String displayName, List<String> aliases, Factory factory) {
    this.label = new ChoiceLabel(id, displayName, aliases.toArray(new String[0]));
    this.factory = factory;
  }

  /** Makes an initializer tuned by the options. */
  @FunctionalInterface
  interface Factory {
    Initializer create(InitializerOptions options);
  }

  @Override
  public ChoiceLabel label() {
    return label;
  }

  /** Whether the starting centres come from the user rather than from the data. */
  public boolean startsGiven() {
    return this == GIVEN;
  }

  /**
   * The initializer of this kind, tuned by {@code options} where it takes any.
   *
   * @throws IllegalArgumentException for {@link #GIVEN} when the options hold no centres
   */
  public Initializer create(InitializerOptions options) {
    return factory.create(options);
  }

  /** The initializer of this kind with default options (none for {@link #GIVEN}). */
  public Initializer create() {
    return create(InitializerOptions.DEFAULTS);
  }

  /**
   * The kind with the given id or alias (case-insensitive).
   *
   * @throws IllegalArgumentException naming the valid ids when none matches
   */
  public static InitializerKind fromId(String id) {
    return Choice.byId(values(), "initializer", id);
  }
}
