/**
 * The k-means E-M iteration engine: a weighted row-major matrix, the assignment and update steps,
 * and the driver loop. Nothing here depends on Weka, so other front ends can reuse it.
 */
package io.github.fastkmeans.engine;
