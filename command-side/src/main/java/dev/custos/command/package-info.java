/** The write model: commands and the aggregates that accept or refuse them. */
package dev.custos.command;
