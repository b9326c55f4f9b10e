/** Disputes: the rules of opening a dispute, adding its materials and recording its defense packs. */
package dev.custos.command.dispute;
