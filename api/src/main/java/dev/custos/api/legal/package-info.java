/** Legal holds over HTTP, and the registry destruction consults before it may commit. */
package dev.custos.api.legal;
