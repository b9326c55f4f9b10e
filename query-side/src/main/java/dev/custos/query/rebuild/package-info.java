/** Rebuilding the read tables from the event store through the projections themselves: the replay proof. */
package dev.custos.query.rebuild;
