/** Insurance claims: the rules of opening a claim, attaching its evidence and assembling its dossiers. */
package dev.custos.command.insurance;
