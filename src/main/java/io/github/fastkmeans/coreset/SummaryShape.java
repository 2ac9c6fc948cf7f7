package io.github.fastkmeans.coreset;

/**
 * The sizes of a {@link MergeReduceCoreset}: its bucket, its number of lower levels and its top
 * level; the summary holds at most {@code top + (levels + 1) x bucket} points.
 */
public final class SummaryShape {

  /**
   * The largest bucket (unless {@link #MIN_POINTS_PER_CLUSTER} per cluster need more): the lower
   * levels' reductions cost about 8 x bucket x columns operations per row.
   */
  static final int MAX_BUCKET = 256;

  /** The fewest points a bucket holds per cluster fitted: fewer would merge clusters. */
  static final int MIN_POINTS_PER_CLUSTER = 8;

  /** The most points of a summary, whatever the budget. */
  static final long MAX_POINTS = 4096;

  /** The most values (points x columns) of a summary, whatever the budget. */
  static final long MAX_VALUES = 1L << 17;

  /**
   * How many times the lower levels' cost per row the top level's reductions may cost: a top level
   * of a few thousand points then needs only a few lower levels, and a row costs at most three
   * times what it costs in the lower levels alone (8 x bucket x columns operations). Measured, not
   * derived: since the reductions skip most comparisons, 2 in place of 4 gives birch1 and birch2 a
   * second lower level (a top level of 1,696 points reduced once per 4 buckets, not 2,496 once per
   * 2) and KDD Cup a fourth (a top level of 1,849 points, not 2,169), summarising them 30-45%
   * faster at the same error; 1 shrank letter's and pendigits' summaries and raised their error
   * (letter +1.4% to +3.2% against the batch fit).
   */
  static final double TOP_COST_RATIO = 2;

  /** The most lower levels. */
  static final int MAX_LEVELS = 30;

  private final int bucket;
  private final int levels;
  private final int top;

  /**
   * A shape of buckets of {@code bucket} points, {@code levels} lower levels and a top level of at
   * most {@code top} points.
   */
  SummaryShape(int bucket, int levels, int top) {
    this.bucket = bucket;
    this.levels = levels;
    this.top = top;
  }

  /**
   * The shape of a summary of rows of {@code columns} values, fitted with up to {@code clusters}
   * clusters, in about {@code points} points (the budget's).
   *
   * <p>Buckets of a quarter of the points, at most {@link #MAX_BUCKET} unless {@link
   * #MIN_POINTS_PER_CLUSTER} per cluster need more. The top level gets the points the lower levels
   * leave: it is where most of a long stream ends up, so it decides the summary's resolution. A
   * reduction of the top level, once per 2^levels buckets, costs about 4 x top x (top + bucket) x
   * columns operations, so there are as few lower levels as keep that, per row, within {@link
   * #TOP_COST_RATIO} times what the lower levels cost (8 x bucket x columns). Beyond {@link
   * #MAX_POINTS} points or {@link #MAX_VALUES} values the points are capped; below two buckets they
   * are raised to two buckets.
   */
  public static SummaryShape forPoints(long points, int columns, int clusters) {
    int width = Math.max(1, columns);
    long capped = Math.min(points, Math.min(MAX_POINTS, Math.max(1, MAX_VALUES / width)));
    long fewest = (long) MIN_POINTS_PER_CLUSTER * Math.max(1, clusters);
    long wanted = Math.max(capped / 4, fewest);
    int bucket = (int) Math.max(1, Math.min(Math.max(MAX_BUCKET, fewest), wanted));
    long total = Math.max(capped, 2L * bucket);
    double allowed = TOP_COST_RATIO * 8.0 * bucket * width;
    int levels = 0;
    while (levels < MAX_LEVELS) {
      long top = total - (long) (levels + 1) * bucket;
      double topCost = 4.0 * top * (top + bucket) * width / (Math.pow(2, levels) * bucket);
      if (topCost <= allowed || total - (long) (levels + 2) * bucket < bucket) {
        break;
      }
      levels++;
    }
    long top = Math.max(bucket, total - (long) (levels + 1) * bucket);
    return new SummaryShape(bucket, levels, (int) top);
  }

  /** The points of a bucket. */
  public int bucket() {
    return bucket;
  }

  /** The number of lower levels, each holding at most one bucket. */
  public int levels() {
    return levels;
  }

  /** The most points of the top level. */
  public int top() {
    return top;
  }

  /** The most points the summary holds. */
  public long capacity() {
    return top + (long) (levels + 1) * bucket;
  }

  /** The sizes, in words. */
  @Override
  public String toString() {
    return "buckets of " + bucket + ", " + levels + " lower levels, a top level of " + top;
  }
}
