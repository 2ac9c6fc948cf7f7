/** Measures of a finished clustering (silhouette, indices, spread); k-means never uses them. */
package io.github.fastkmeans.quality;
