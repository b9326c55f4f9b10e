/**
 * Witness cosigning of the audit log's signed tree heads, by the C2SP {@code tlog-witness} protocol: each configured
 * witness is sent a new checkpoint with a consistency proof from the last head it cosigned, and answers with a
 * cosignature only if the log still extends what it saw. Its refusal is evidence of a forked log.
 */
package dev.custos.api.audit.witness;
