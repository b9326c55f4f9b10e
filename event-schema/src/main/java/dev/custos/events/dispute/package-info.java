/** Events of disputes: opening a dispute, adding its materials, assembling its defense packs. */
package dev.custos.events.dispute;
