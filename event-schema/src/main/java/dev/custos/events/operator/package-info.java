/** Events of the operator surface: role assignments and the contract every audited operator action follows. */
package dev.custos.events.operator;
