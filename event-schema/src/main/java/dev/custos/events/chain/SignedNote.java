package dev.custos.events.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * C2SP {@code signed-note} and {@code tlog-checkpoint}, as far as the service writes them: a checkpoint's text
 * ({@code <origin>\n<size>\n<root, base64>\n}), a signature line ({@code — <key name> <base64(key id || signature)>}),
 * a key's 4-byte id and its {@code note_verifier_key}. The formats are those of the specifications, so existing note
 * verifiers (Go's {@code golang.org/x/mod/sumdb/note}, transparency-dev's) read what Custos signs.
 */
public final class SignedNote {

    /** The signature type of a plain Ed25519 note signature. */
    public static final byte ED25519 = 0x01;
    /** The signature type of a C2SP {@code tlog-cosignature} (version 1, Ed25519 over a timestamped message). */
    public static final byte COSIGNATURE_V1 = 0x04;
    /** Every signature line starts with an em dash (U+2014) and a space. */
    public static final String SIGNATURE_PREFIX = "\u2014 ";

    private SignedNote() {}

    /** The checkpoint body a log signs: origin, tree size in decimal, root hash in padded base64, each line ending in LF. */
    public static String checkpointText(String origin, long treeSize, byte[] rootHash) {
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("an origin is one non-empty line");
        }
        if (treeSize < 0 || rootHash.length != 32) {
            throw new IllegalArgumentException("a tree size is not negative and a root is 32 bytes");
        }
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** A key's id: the first 4 bytes of SHA-256(key name || 0x0A || type || public key). */
    public static byte[] keyId(String keyName, byte type, byte[] publicKey) {
        requireKeyName(keyName);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(keyName.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0x0A);
            digest.update(type);
            digest.update(publicKey);
            return Arrays.copyOf(digest.digest(), 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The verifier key of an Ed25519 note key: {@code <name>+<key id, 8 hex digits>+<base64(0x01 || public key)>}. */
    public static String verifierKey(String keyName, byte[] publicKey) {
        byte[] typed = new byte[publicKey.length + 1];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return keyName + "+" + HexFormat.of().formatHex(keyId(keyName, ED25519, publicKey)) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    /** One signature line, with its LF: {@code — <name> <base64(key id || signature bytes)>}. */
    public static String signatureLine(String keyName, byte[] keyId, byte[] signature) {
        requireKeyName(keyName);
        byte[] joined = new byte[keyId.length + signature.length];
        System.arraycopy(keyId, 0, joined, 0, keyId.length);
        System.arraycopy(signature, 0, joined, keyId.length, signature.length);
        return SIGNATURE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(joined) + "\n";
    }

    /**
     * The Ed25519 signature line, with its LF, of {@code key} (a verifier key of type {@code 0x01}) over the note
     * {@code text}, signed with its private key.
     */
    public static String ed25519SignatureLine(NoteVerifierKey key, PrivateKey privateKey, String text) {
        if (key.type() != ED25519) {
            throw new IllegalArgumentException("a note signing key's verifier key has type 0x01");
        }
        byte[] signature = Ed25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
        return signatureLine(
                key.name(), ByteBuffer.allocate(4).putInt(key.keyId()).array(), signature);
    }

    /** A key name is non-empty and holds no white space and no {@code +}. */
    public static void requireKeyName(String keyName) {
        if (!isKeyName(keyName)) {
            throw new IllegalArgumentException("a note key name is non-empty, without spaces or '+'");
        }
    }

    /**
     * Whether this is a valid key name: non-empty, no {@code +}, and no Unicode space of any kind. Java's notion of
     * white space and of space characters each miss some that Go's {@code unicode.IsSpace} (the reference verifier)
     * counts, so a name passes only if neither sees one, nor is it NEL (U+0085).
     */
    public static boolean isKeyName(String keyName) {
        return keyName != null
                && !keyName.isEmpty()
                && keyName.codePoints()
                        .noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85 || c == '+');
    }
}
