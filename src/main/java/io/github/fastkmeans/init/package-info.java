/**
 * Ways to choose the starting centres of k-means, each behind the one-method {@link
 * io.github.fastkmeans.init.Initializer} interface and selected by a string id.
 */
package io.github.fastkmeans.init;
