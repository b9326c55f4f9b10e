package dev.custos.verify;

import dev.custos.events.chain.ChainEncoding;
import java.util.UUID;

/**
 * One checkpoint as published. Its signature covers the tenant, {@code seq}, {@code hash}, {@code signedAt},
 * {@code prevSignature} and {@code keyId}, but not {@code number}: the order of checkpoints is proven by each
 * one signing the previous signature, the number only says where to look.
 */
record SignedCheckpoint(
        long number, long seq, String hash, String signedAt, String signature, String prevSignature, String keyId) {

    static SignedCheckpoint read(JsonFields fields) throws VerificationFailure {
        long number = fields.positiveNumber("number");
        JsonFields named = fields.at("checkpoint " + number);
        return new SignedCheckpoint(
                number,
                named.positiveNumber("seq"),
                named.hash("hash"),
                named.text("signed_at"),
                named.text("signature"),
                named.nullableText("prev_signature"),
                named.text("key_id"));
    }

    byte[] signedBytes(UUID tenantId) {
        return ChainEncoding.checkpointBytes(tenantId, seq, hash, signedAt, prevSignature, keyId);
    }

    /** How failures name it, e.g. "checkpoint 2 (seq 40)". */
    String label() {
        return "checkpoint " + number + " (seq " + seq + ")";
    }
}
