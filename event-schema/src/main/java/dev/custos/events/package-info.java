/** Past-tense event records: the append-only record of everything Custos has decided; never rename or move one. */
package dev.custos.events;
