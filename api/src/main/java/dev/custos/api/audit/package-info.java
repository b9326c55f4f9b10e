/** The auditors' surface: the chained event stream, signed checkpoints, and the key that signs them. */
package dev.custos.api.audit;
