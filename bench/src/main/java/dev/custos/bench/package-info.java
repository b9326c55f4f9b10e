/** The bench: drives the built jar over HTTP and measures each hot path against baselines taken in the same run. */
package dev.custos.bench;
