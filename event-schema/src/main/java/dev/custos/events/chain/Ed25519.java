package dev.custos.events.chain;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 (RFC 8032) keys and signatures from the raw bytes notes carry, with the JDK's own provider: notes name a
 * public key by its 32 bytes, while the JDK reads keys only in their DER wrappings, whose fixed prefixes are these.
 */
public final class Ed25519 {

    /** The length of a raw public key and of a private key's seed. */
    public static final int KEY_BYTES = 32;
    /** The length of a signature. */
    public static final int SIGNATURE_BYTES = 64;

    /** An Ed25519 SubjectPublicKeyInfo is this 12-byte prefix and the 32-byte public key (RFC 8410). */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** An Ed25519 PKCS#8 v1 key is this 16-byte prefix and the 32-byte seed (RFC 8410). */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519() {}

    /** The public key with these 32 raw bytes. */
    public static PublicKey publicKey(byte[] raw) {
        requireLength(raw, KEY_BYTES, "an Ed25519 public key is 32 bytes");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The private key with this 32-byte seed. */
    public static PrivateKey privateKey(byte[] seed) {
        requireLength(seed, KEY_BYTES, "an Ed25519 private key seed is 32 bytes");
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key seed", e);
        }
    }

    /** The 32 raw bytes of a public key, the last bytes of its X.509 encoding. */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        boolean edwards = "Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm());
        if (!edwards
                || encoded.length != SPKI_PREFIX.length + KEY_BYTES
                || !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
    }

    /** The signature of {@code message} by {@code key}; Ed25519 is deterministic, so the same inputs sign alike. */
    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * Whether {@code signature} is the signature of {@code message} by the key with these 32 raw bytes. Anything
     * malformed (a key that is no curve point, a signature of the wrong length or not canonical) does not verify.
     */
    public static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        if (rawPublicKey == null
                || rawPublicKey.length != KEY_BYTES
                || signature == null
                || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(rawPublicKey));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static void requireLength(byte[] bytes, int length, String message) {
        if (bytes == null || bytes.length != length) {
            throw new IllegalArgumentException(message);
        }
    }
}
