/** Dead letters of the streaming processors: counted, shown in health, listed and retried by a platform admin. */
package dev.custos.api.deadletter;
