/** Evidence custody: evidence objects and the bundles that seal several of them under one manifest. */
package dev.custos.command.evidence;
