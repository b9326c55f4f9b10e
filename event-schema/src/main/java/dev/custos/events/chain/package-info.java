/**
 * The audit chain's encoding: the bytes every event and checkpoint is hashed and signed over, shared by the service
 * and the offline verifier; and the C2SP signed notes, checkpoints and witness cosignatures that publish its tree
 * heads, written and read.
 */
package dev.custos.events.chain;
