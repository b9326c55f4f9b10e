/** The read model: projections that build the cc_ tables, and readers that serve them under row-level security. */
package dev.custos.query;
