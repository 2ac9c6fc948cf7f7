/**
 * Choosing the number of clusters: fits over a range of k, grown one centre at a time, scored by a
 * criterion, with the table of every k tried.
 */
package io.github.fastkmeans.choosek;
