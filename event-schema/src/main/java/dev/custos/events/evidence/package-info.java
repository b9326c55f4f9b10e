/** Events of evidence custody: capture, sealing, integrity checks, destruction and sealed bundles. */
package dev.custos.events.evidence;
