/** The evidence read model: evidence objects, bundles and their members. */
package dev.custos.query.evidence;
