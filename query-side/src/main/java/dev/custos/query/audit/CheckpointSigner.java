package dev.custos.query.audit;

/** Signs checkpoints: the service's Ed25519 key, which the query side never holds itself. */
public interface CheckpointSigner {

    /** The key's id, as published beside its public key. */
    String keyId();

    /** The public key, PEM ("PUBLIC KEY", X.509 SubjectPublicKeyInfo). */
    String publicKeyPem();

    /** The base64 signature over {@code bytes}. */
    String sign(byte[] bytes);
}
