package dev.custos.events.chain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed-note verifier key, {@code <name>+<key id, 8 hex digits>+<base64(type || public key)>}: the name and id a
 * signature line must carry, and the key and algorithm that check it. Two types are read, the ones Custos needs:
 * plain Ed25519 note signatures ({@code 0x01}) and Ed25519 {@code cosignature/v1} witness cosignatures
 * ({@code 0x04}). A key whose id is not the one its name, type and key hash to is refused, so a mistyped or spliced
 * key never silently trusts something else.
 */
public final class NoteVerifierKey {

    private final String name;
    private final int keyId;
    private final byte type;
    private final byte[] publicKey;

    private NoteVerifierKey(String name, int keyId, byte type, byte[] publicKey) {
        this.name = name;
        this.keyId = keyId;
        this.type = type;
        this.publicKey = publicKey.clone();
    }

    /** The verifier key of an Ed25519 key of this type ({@link SignedNote#ED25519} or a cosignature's). */
    public static NoteVerifierKey of(String name, byte type, byte[] publicKey) {
        if (!SignedNote.isKeyName(name)) {
            throw new NoteException("a note key name is non-empty, without spaces or '+'");
        }
        if (type != SignedNote.ED25519 && type != SignedNote.COSIGNATURE_V1) {
            throw new NoteException("unsupported note key type " + (type & 0xff));
        }
        if (publicKey.length != Ed25519.KEY_BYTES) {
            throw new NoteException("an Ed25519 note key is 32 bytes");
        }
        byte[] id = SignedNote.keyId(name, type, publicKey);
        return new NoteVerifierKey(name, toInt(id), type, publicKey);
    }

    /** Parses {@code <name>+<8 hex digits>+<base64(type || key)>}, refusing anything else. */
    public static NoteVerifierKey parse(String verifierKey) {
        if (verifierKey == null) {
            throw new NoteException("no verifier key");
        }
        int first = verifierKey.indexOf('+');
        int second = first < 0 ? -1 : verifierKey.indexOf('+', first + 1);
        // The base64 may itself hold '+', so the key is all after the second separator.
        if (second < 0) {
            throw new NoteException("a verifier key is <name>+<key id>+<key>");
        }
        String name = verifierKey.substring(0, first);
        String hex = verifierKey.substring(first + 1, second);
        byte[] typed = Base64s.decode(verifierKey.substring(second + 1));
        if (!SignedNote.isKeyName(name)) {
            throw new NoteException("a verifier key's name is non-empty, without spaces or '+'");
        }
        if (hex.length() != 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
            throw new NoteException("a verifier key's id is 8 hex digits");
        }
        if (typed == null || typed.length < 2) {
            throw new NoteException("a verifier key's key is base64 of its type and key");
        }
        NoteVerifierKey key = of(name, typed[0], Arrays.copyOfRange(typed, 1, typed.length));
        if (key.keyId != HexFormat.fromHexDigits(hex)) {
            throw new NoteException("a verifier key's id " + hex + " is not the id of its name and key ("
                    + HexFormat.of().toHexDigits(key.keyId) + "): the key was mistyped or altered");
        }
        return key;
    }

    public String name() {
        return name;
    }

    /** The key id, as the big-endian number that starts each of its signatures. */
    public int keyId() {
        return keyId;
    }

    public byte type() {
        return type;
    }

    /** The 32 raw bytes of the Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Whether a signature line names this key: the same name and the same id. */
    public boolean names(NoteSignature signature) {
        return name.equals(signature.keyName()) && keyId == signature.keyId();
    }

    /**
     * Whether {@code signature} (the bytes after the key id) is this key's signature of the note {@code text}: for a
     * note key, Ed25519 over the text; for a cosigner, a {@code cosignature/v1} (timestamp and Ed25519 over the
     * timestamped text).
     */
    public boolean verifies(String text, byte[] signature) {
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        if (type == SignedNote.ED25519) {
            return Ed25519.verify(publicKey, textBytes, signature);
        }
        return Cosignature.verify(publicKey, text, signature);
    }

    /** The key in its text form, as parsed. */
    @Override
    public String toString() {
        byte[] typed = new byte[publicKey.length + 1];
        typed[0] = type;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name + "+" + HexFormat.of().toHexDigits(keyId) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteVerifierKey key
                && name.equals(key.name)
                && keyId == key.keyId
                && type == key.type
                && Arrays.equals(publicKey, key.publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, keyId, type, Arrays.hashCode(publicKey));
    }

    static int toInt(byte[] fourBytes) {
        return ((fourBytes[0] & 0xff) << 24)
                | ((fourBytes[1] & 0xff) << 16)
                | ((fourBytes[2] & 0xff) << 8)
                | (fourBytes[3] & 0xff);
    }
}
