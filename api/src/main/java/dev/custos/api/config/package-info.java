/** Wiring: the databases and their roles, the embedded default, Axon's processors and the clock. */
package dev.custos.api.config;
