/** Events of the operator surface (role assignments) and the metadata every operator action carries onto its events. */
package dev.custos.events.operator;
