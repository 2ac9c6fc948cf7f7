/**
 * Weighted summaries of data streams too large to keep: merge-and-reduce over buckets of weighted
 * points, each reduction replacing points by the weighted means of micro-clusters. No Weka import.
 */
package io.github.fastkmeans.coreset;
