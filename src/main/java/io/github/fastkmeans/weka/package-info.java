/**
 * The adapter between Weka and the engine: turning {@code Instances} into a weighted matrix and
 * back, the named option values, and the text of a model.
 */
package io.github.fastkmeans.weka;
