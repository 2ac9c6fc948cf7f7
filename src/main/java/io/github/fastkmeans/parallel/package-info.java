/** Work over fixed chunks of rows on several threads, with results independent of their number. */
package io.github.fastkmeans.parallel;
