package dev.custos.verify;

import dev.custos.events.chain.ChainEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 public keys the auditor trusts, by key id: only these verify checkpoints, never the keys the
 * checkpoints file lists beside them (whoever could forge the checkpoints could list their own key there too).
 */
public final class PublicKeys {

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN PUBLIC KEY-----([^-]*)-----END PUBLIC KEY-----");

    private final Map<String, PublicKey> byId;

    private PublicKeys(Map<String, PublicKey> byId) {
        this.byId = byId;
    }

    /** Every "PUBLIC KEY" block of every file; a file without one, or a key that is not Ed25519, is refused. */
    public static PublicKeys read(List<Path> files) throws IOException, KeyException {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (Path file : files) {
            // Latin-1 reads any bytes, so a binary file is refused below as holding no PEM block, not as undecodable.
            Matcher block = PEM_BLOCK.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            int found = 0;
            while (block.find()) {
                byte[] spki = decode(block.group(1), file);
                keys.put(keyId(spki), ed25519(spki, file));
                found++;
            }
            if (found == 0) {
                throw new KeyException(file + " holds no PEM \"PUBLIC KEY\" block");
            }
        }
        return new PublicKeys(Collections.unmodifiableMap(keys));
    }

    /** A key's id, as the service computes it: the first 16 hex digits of sha256 of its SubjectPublicKeyInfo DER. */
    public static String keyId(byte[] subjectPublicKeyInfo) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subjectPublicKeyInfo);
            return ChainEncoding.hex(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    Set<String> ids() {
        return byId.keySet();
    }

    boolean has(String keyId) {
        return byId.containsKey(keyId);
    }

    /** Whether {@code signature} over {@code signed} verifies with the key {@code keyId}, which must be one given. */
    boolean verifies(String keyId, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(byId.get(keyId));
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (SignatureException malformed) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime since 15 verifies Ed25519", e);
        }
    }

    private static byte[] decode(String base64, Path file) throws KeyException {
        try {
            return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new KeyException(file + ": a \"PUBLIC KEY\" block is not base64");
        }
    }

    private static PublicKey ed25519(byte[] spki, Path file) throws KeyException {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new KeyException(file + ": a \"PUBLIC KEY\" block is not an Ed25519 key");
        }
    }
}
