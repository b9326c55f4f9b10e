/** Events of insurance claims: opening a claim, attaching evidence to it, assembling its immutable dossiers. */
package dev.custos.events.insurance;
