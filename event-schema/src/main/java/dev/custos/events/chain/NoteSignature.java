package dev.custos.events.chain;

import java.util.Arrays;

/**
 * One signature line of a signed note, {@code — <key name> <base64(key id || signature)>}, kept as it was written
 * ({@code base64}) so that a note re-assembled from its parts is byte for byte the one read.
 */
public record NoteSignature(String keyName, int keyId, String base64) {

    /** The key id and at least one byte of signature. */
    private static final int MIN_BYTES = 5;

    /** Reads one signature line without its final LF; refuses anything but the exact form. */
    public static NoteSignature parse(String line) {
        if (!line.startsWith(SignedNote.SIGNATURE_PREFIX)) {
            throw new NoteException("a signature line starts with an em dash and a space");
        }
        String rest = line.substring(SignedNote.SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new NoteException("a signature line is a key name, a space and a signature");
        }
        String keyName = rest.substring(0, space);
        if (!SignedNote.isKeyName(keyName)) {
            throw new NoteException("a signature's key name is non-empty, without spaces or '+'");
        }
        String base64 = rest.substring(space + 1);
        byte[] bytes = Base64s.decode(base64);
        if (bytes == null || bytes.length < MIN_BYTES) {
            throw new NoteException("a signature is base64 of a key id and a signature");
        }
        return new NoteSignature(keyName, NoteVerifierKey.toInt(bytes), base64);
    }

    /** The signature bytes after the 4-byte key id. */
    public byte[] signature() {
        byte[] bytes = Base64s.decode(base64);
        return Arrays.copyOfRange(bytes, 4, bytes.length);
    }

    /** The line as it stands in a note, with its LF. */
    public String line() {
        return SignedNote.SIGNATURE_PREFIX + keyName + " " + base64 + "\n";
    }
}
