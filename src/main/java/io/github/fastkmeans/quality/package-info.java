/**
 * Measures that describe a finished clustering (sum of squares, silhouette, Davies-Bouldin,
 * Calinski-Harabasz, per-cluster means and deviations); the k-means iteration never uses them.
 */
package io.github.fastkmeans.quality;
