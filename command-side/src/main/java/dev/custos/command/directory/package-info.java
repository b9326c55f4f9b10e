/** The tenant aggregate: directory membership, circles and operator role assignments, decided in one place. */
package dev.custos.command.directory;
