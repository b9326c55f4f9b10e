package dev.custos.api.audit;

import dev.custos.events.chain.SignedNote;
import dev.custos.query.audit.CheckpointSigner;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs checkpoints. From {@code CUSTOS_AUDIT_SIGNING_KEY} when set; otherwise, outside the
 * {@code prod} profile, from {@code audit-signing-key.pem} under the data directory, generated on the first start.
 * Its id is the first 16 hex digits of the sha256 of its public key (X.509 SubjectPublicKeyInfo), so an auditor can
 * tell which key signed what, and a rotated key never reuses an id.
 */
@Component
class AuditSigningKey implements CheckpointSigner {

    private static final Logger log = LoggerFactory.getLogger(AuditSigningKey.class);
    /** An Ed25519 PKCS#8 v1 key is this 16-byte prefix and the 32-byte seed (RFC 8410). */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    /** An Ed25519 SubjectPublicKeyInfo is this 12-byte prefix and the 32-byte public key (RFC 8410). */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    static final String FILE_NAME = "audit-signing-key.pem";

    private final PrivateKey privateKey;
    private final String publicKeyPem;
    private final byte[] publicKey;
    private final String keyId;
    private final String noteHost;
    private final String noteKeyName;

    AuditSigningKey(
            AuditProperties properties,
            @Value("${custos.data-dir:./data}") String dataDir,
            @Value("${custos.public-base-url}") String publicBaseUrl,
            Environment environment) {
        this.noteHost = URI.create(publicBaseUrl).getHost();
        if (noteHost == null) {
            throw new IllegalStateException("CUSTOS_PUBLIC_BASE_URL names no host: " + publicBaseUrl);
        }
        this.noteKeyName = properties.noteKeyName() == null ? noteHost + "/custos" : properties.noteKeyName();
        SignedNote.requireKeyName(noteKeyName);
        byte[] pkcs8;
        if (properties.keyConfigured()) {
            pkcs8 = decode(properties.signingKey());
        } else if (environment.matchesProfiles("prod")) {
            throw new IllegalStateException("The prod profile needs CUSTOS_AUDIT_SIGNING_KEY: the Ed25519 key that "
                    + "signs audit checkpoints (openssl genpkey -algorithm ed25519)");
        } else {
            pkcs8 = fromDataDirectory(Path.of(dataDir).resolve(FILE_NAME));
        }
        byte[] seed = Arrays.copyOfRange(pkcs8, PKCS8_PREFIX.length, pkcs8.length);
        this.publicKey =
                new Ed25519PrivateKeyParameters(seed).generatePublicKey().getEncoded();
        byte[] spki = concat(SPKI_PREFIX, publicKey);
        try {
            this.privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            this.keyId = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(spki))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit signing key is not a usable Ed25519 key", e);
        }
        this.publicKeyPem = pem("PUBLIC KEY", spki);
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public String publicKeyPem() {
        return publicKeyPem;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public String noteKeyName() {
        return noteKeyName;
    }

    @Override
    public String noteOrigin(UUID tenantId) {
        return noteHost + "/custos/" + tenantId;
    }

    /** The {@code note_verifier_key} of this key: what note verifiers are given to trust the signed tree heads. */
    String noteVerifierKey() {
        return SignedNote.verifierKey(noteKeyName, publicKey);
    }

    @Override
    public String sign(byte[] bytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(bytes);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    private static byte[] fromDataDirectory(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            byte[] generated = KeyPairGenerator.getInstance("Ed25519")
                    .generateKeyPair()
                    .getPrivate()
                    .getEncoded();
            Files.createDirectories(file.getParent());
            Files.writeString(file, pem("PRIVATE KEY", generated));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // A file system without POSIX permissions keeps its defaults; the warning below still applies.
            }
            log.warn(
                    "Audit checkpoints are signed with a key generated at {}. Anyone who can read that file can "
                            + "sign checkpoints: set CUSTOS_AUDIT_SIGNING_KEY in production, and keep the key elsewhere.",
                    file.toAbsolutePath());
            return generated;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the audit signing key under the data directory cannot be used", e);
        }
    }

    /** PKCS#8 from PEM or bare base64; refused unless it is an Ed25519 key. The value is never echoed. */
    private static byte[] decode(String value) {
        String base64 =
                value.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("CUSTOS_AUDIT_SIGNING_KEY is neither PEM nor base64");
        }
        if (der.length != PKCS8_PREFIX.length + 32
                || !Arrays.equals(Arrays.copyOf(der, PKCS8_PREFIX.length), PKCS8_PREFIX)) {
            throw new IllegalStateException("CUSTOS_AUDIT_SIGNING_KEY is not an Ed25519 private key (PKCS#8)");
        }
        return der;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
