/**
 * Running work over rows on several threads: fixed chunks of rows, a runner that shares them out,
 * sums reduced in chunk order so that results never depend on the thread count, and the check for
 * interruption between units of work. Knows nothing of k-means.
 */
package io.github.fastkmeans.parallel;
