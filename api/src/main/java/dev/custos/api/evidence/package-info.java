/** Evidence over HTTP: streaming upload, reading, sealing, verification, destruction and bundles. */
package dev.custos.api.evidence;
