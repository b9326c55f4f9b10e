/** Legal holds, and the registry through which destruction asks whether anything still holds an object. */
package dev.custos.command.legal;
