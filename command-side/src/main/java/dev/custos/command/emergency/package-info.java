/** Emergency runs: their lifecycle, their scope grants and their record packs, decided on one aggregate per run. */
package dev.custos.command.emergency;
