package dev.custos.query.audit;

import java.util.UUID;

/**
 * Signs checkpoints: the service's Ed25519 key, which the query side never holds itself, and the names the signed
 * notes give the log and the key.
 */
public interface CheckpointSigner {

    /** The key's id, as published beside its public key. */
    String keyId();

    /** The public key, PEM ("PUBLIC KEY", X.509 SubjectPublicKeyInfo). */
    String publicKeyPem();

    /** The raw 32-byte Ed25519 public key. */
    byte[] publicKey();

    /** The base64 signature over {@code bytes}. */
    String sign(byte[] bytes);

    /** The signed notes' key name: the host of the public base URL and {@code /custos}, unless configured. */
    String noteKeyName();

    /** The origin line of a tenant's signed tree heads: {@code <host>/custos/<tenant id>}. */
    String noteOrigin(UUID tenantId);
}
