package dev.custos.verify;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A signed tree head as the service serves it: a C2SP {@code tlog-checkpoint} (origin, tree size, root) in a C2SP
 * {@code signed-note}, read strictly and verified with the one note key the auditor pinned, never with a key the
 * evidence names. The parser is the verifier's own, so that what it accepts is exactly what the specifications say:
 * the note's text, a blank line, then signature lines {@code — <name> <base64(4-byte key id || signature)>}; lines
 * of keys other than the pinned one are ignored, as the signed-note specification requires of verifiers, but the
 * pinned key's line must be there, once, and verify.
 */
record SignedTreeHead(String origin, long size, byte[] root, String where) {

    /** The signature type of an Ed25519 note key. */
    private static final byte ED25519 = 0x01;

    private static final String SIGNATURE_PREFIX = "\u2014 ";
    /** The specification caps a note's signatures, so a note cannot make a verifier work without bound. */
    private static final int MAX_SIGNATURES = 100;

    private static final Pattern KEY_NAME = Pattern.compile("[^\\s+]+");
    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** The note key the auditor pinned: its name, 4-byte id and Ed25519 public key, from its verifier key text. */
    record Key(String name, byte[] id, PublicKey publicKey, String text) {

        /** Parses {@code <name>+<key id, 8 hex digits>+<base64(0x01 || 32-byte public key)>}; the id must be the key's. */
        static Key parse(String verifierKey) throws KeyException {
            // The base64 key may itself hold "+": only the first two separate the parts.
            String[] parts = verifierKey.split("\\+", 3);
            if (parts.length != 3 || !KEY_NAME.matcher(parts[0]).matches() || !parts[1].matches("[0-9a-f]{8}")) {
                throw new KeyException("--note-key is not a note verifier key <name>+<8 hex digits>+<base64 key>");
            }
            byte[] typed = canonicalBase64(parts[2]);
            if (typed == null || typed.length != 33 || typed[0] != ED25519) {
                throw new KeyException("--note-key does not hold an Ed25519 key (type 0x01 and 32 bytes, in base64)");
            }
            byte[] publicKey = Arrays.copyOfRange(typed, 1, typed.length);
            byte[] id = keyId(parts[0], publicKey);
            if (!HexFormat.of().formatHex(id).equals(parts[1])) {
                throw new KeyException("--note-key: its key id " + parts[1] + " is not the id of its name and key ("
                        + HexFormat.of().formatHex(id) + "): the verifier key was mistyped or altered");
            }
            return new Key(parts[0], id, ed25519(publicKey), verifierKey);
        }

        /** A key's id: the first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key). */
        static byte[] keyId(String name, byte[] publicKey) {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                sha256.update(name.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0x0A);
                sha256.update(ED25519);
                sha256.update(publicKey);
                return Arrays.copyOf(sha256.digest(), 4);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        private static PublicKey ed25519(byte[] publicKey) throws KeyException {
            byte[] spki = new byte[ED25519_SPKI_PREFIX.length + publicKey.length];
            System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
            System.arraycopy(publicKey, 0, spki, ED25519_SPKI_PREFIX.length, publicKey.length);
            try {
                return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            } catch (GeneralSecurityException e) {
                throw new KeyException("--note-key is not a usable Ed25519 public key");
            }
        }
    }

    /**
     * Reads the note's bytes, checks its pinned signature and then its checkpoint text; {@code where} names the note
     * in failures (e.g. "the signed tree head new.note").
     */
    static SignedTreeHead read(byte[] note, Key key, String where) throws VerificationFailure {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(note))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new VerificationFailure(where + ": is not UTF-8, so it is not the note the service served");
        }
        int split = text.lastIndexOf("\n\n");
        if (split < 0) {
            throw new VerificationFailure(
                    where + ": is not a signed note (no blank line between its text and " + "its signatures)");
        }
        String body = text.substring(0, split + 1);
        verifySignature(body, text.substring(split + 2), key, where);
        return checkpoint(body, where);
    }

    private static void verifySignature(String body, String signatures, Key key, String where)
            throws VerificationFailure {
        if (body.chars().anyMatch(c -> (c < 0x20 && c != '\n') || c == 0x7f)) {
            throw new VerificationFailure(where + ": its text holds a control character, which a note may not");
        }
        if (signatures.isEmpty() || !signatures.endsWith("\n")) {
            throw new VerificationFailure(where + ": its signature lines do not end with a line feed");
        }
        String[] lines = signatures.substring(0, signatures.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new VerificationFailure(where + ": has more than " + MAX_SIGNATURES + " signature lines");
        }
        List<String> otherNames = new ArrayList<>();
        int pinned = 0;
        for (String line : lines) {
            byte[] signature = signatureOf(line, where);
            String name = line.substring(SIGNATURE_PREFIX.length(), line.lastIndexOf(' '));
            if (!name.equals(key.name()) || !Arrays.equals(Arrays.copyOf(signature, 4), key.id())) {
                otherNames.add(name);
                continue;
            }
            if (++pinned > 1) {
                throw new VerificationFailure(where + ": the key " + key.name() + " signs it twice");
            }
            if (signature.length != 4 + 64 || !verifies(key, body, Arrays.copyOfRange(signature, 4, 68))) {
                throw new VerificationFailure(where + ": the signature by " + key.name() + " does not verify with "
                        + "the key you pinned: the note was altered or forged");
            }
        }
        if (pinned == 0) {
            throw new VerificationFailure(where + ": is not signed by the key you pinned (" + key.text() + "); "
                    + "it is signed by " + String.join(", ", otherNames) + ", which a forger may name too");
        }
    }

    /** One signature line's bytes (key id and signature); the line must be exactly of the specified form. */
    private static byte[] signatureOf(String line, String where) throws VerificationFailure {
        int space = line.lastIndexOf(' ');
        byte[] bytes = line.startsWith(SIGNATURE_PREFIX) && space > SIGNATURE_PREFIX.length()
                ? canonicalBase64(line.substring(space + 1))
                : null;
        String name = bytes == null ? "" : line.substring(SIGNATURE_PREFIX.length(), space);
        if (bytes == null || !KEY_NAME.matcher(name).matches() || bytes.length < 5) {
            throw new VerificationFailure(
                    where + ": a signature line is not \"\u2014 <key name> <base64 of key id " + "and signature>\"");
        }
        return bytes;
    }

    private static boolean verifies(Key key, String body, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key.publicKey());
            ed25519.update(body.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(signature);
        } catch (SignatureException malformed) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime since 15 verifies Ed25519", e);
        }
    }

    /** The checkpoint text: origin, size in decimal, root in padded base64, each ending in a line feed. */
    private static SignedTreeHead checkpoint(String body, String where) throws VerificationFailure {
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new VerificationFailure(where + ": its text is not a checkpoint (origin, tree size, root hash)");
        }
        if (lines.length > 3) {
            // The checkpoint format allows extension lines; the service writes none, so one here was added.
            throw new VerificationFailure(
                    where + ": its checkpoint has lines after the root hash, which the service " + "never writes");
        }
        if (lines[0].isEmpty()) {
            throw new VerificationFailure(where + ": its origin line is empty");
        }
        if (!SIZE.matcher(lines[1]).matches()) {
            throw new VerificationFailure(where + ": its tree size \"" + lines[1] + "\" is not a decimal number");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException tooLarge) {
            throw new VerificationFailure(where + ": its tree size " + lines[1] + " is too large");
        }
        byte[] root = canonicalBase64(lines[2]);
        if (root == null || root.length != 32) {
            throw new VerificationFailure(where + ": its root hash is not 32 bytes in padded base64");
        }
        return new SignedTreeHead(lines[0], size, root, where + " (size " + size + ")");
    }

    /** Padded, canonical base64, or null: evidence that differs from what was served is refused, not read kindly. */
    static byte[] canonicalBase64(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
