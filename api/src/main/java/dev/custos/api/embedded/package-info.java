/**
 * The embedded default's servers as the service sees them, started through the embedded module when it is on the
 * class path, and the start-up check that refuses to run without them or an external database and store.
 */
package dev.custos.api.embedded;
