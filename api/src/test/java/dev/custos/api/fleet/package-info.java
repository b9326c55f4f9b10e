/**
 * The fleet fault suite: the packaged service as separate JVMs over one PostgreSQL that the suite owns, driven over
 * plain HTTP while it is hurt (an instance killed with SIGKILL, the database stopped with SIGQUIT, every connection
 * terminated, a poison event in the store, races spread over instances). Each {@code *FaultIT} starts its own
 * {@link dev.custos.api.fleet.Fleet} under {@code target/fleet/<name>/} (instance logs, PostgreSQL's data and log)
 * and appends its figures to {@code target/fleet/figures.md}.
 *
 * <p>Run with {@code ./mvnw -B verify -Pfaults -pl api -am} (the profile skips the other integration tests; the
 * default build never runs these). {@code -Dit.test=KilledInstanceFaultIT} picks one;
 * {@code -Dcustos.fleet.load-seconds=N} sets the load window (20 s by default).
 */
package dev.custos.api.fleet;
