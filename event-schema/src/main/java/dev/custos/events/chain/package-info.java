/** The audit chain's encoding: the bytes every event and checkpoint is hashed and signed over, shared by the service and the offline verifier. */
package dev.custos.events.chain;
