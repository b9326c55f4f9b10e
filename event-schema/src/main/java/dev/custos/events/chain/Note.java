package dev.custos.events.chain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A C2SP signed note as read: its text (every line ending in LF) and its signature lines, in order. Parsing is strict,
 * as in Go's {@code golang.org/x/mod/sumdb/note}: valid UTF-8, no control character but LF, the text separated from
 * the signatures by the last blank line, every signature line well formed. Nothing here trusts the text; only
 * {@link #verifiedBy} says who signed it.
 */
public record Note(String text, List<NoteSignature> signatures) {

    /**
     * At most this many signature lines: the specification asks verifiers to take at least 16, and a note that
     * carries its log's signature and a cosignature from each of a few witnesses stays far below.
     */
    public static final int MAX_SIGNATURES = 100;
    /** At most this many characters in a note, so a peer cannot make a verifier read without end. */
    public static final int MAX_CHARS = 1 << 20;

    public Note {
        signatures = List.copyOf(signatures);
    }

    /** Reads a note from its UTF-8 bytes; bytes that are not UTF-8 make it malformed. */
    public static Note parse(byte[] utf8) {
        try {
            return parse(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString());
        } catch (CharacterCodingException e) {
            throw new NoteException("a signed note is UTF-8");
        }
    }

    /** Reads a note. */
    public static Note parse(String note) {
        if (note == null || note.length() > MAX_CHARS) {
            throw new NoteException("a signed note is at most " + MAX_CHARS + " characters");
        }
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new NoteException("a signed note holds no control character but LF");
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c)
                        && i + 1 < note.length()
                        && Character.isLowSurrogate(note.charAt(i + 1));
                if (!paired) {
                    throw new NoteException("a signed note is UTF-8");
                }
                i++;
            }
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteException("a signed note is text, a blank line and signature lines");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new NoteException("a signed note has signature lines, each ending in LF");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int start = 0;
        while (start < block.length()) {
            int end = block.indexOf('\n', start);
            if (signatures.size() == MAX_SIGNATURES) {
                throw new NoteException("a signed note carries at most " + MAX_SIGNATURES + " signatures");
            }
            signatures.add(NoteSignature.parse(block.substring(start, end)));
            start = end + 1;
        }
        return new Note(text, signatures);
    }

    /**
     * The signatures by these keys, each checked: a signature whose name and id match no key is ignored (it may be a
     * witness or a rotated key the caller does not know); one that matches a key must verify, or the whole note is
     * refused; and at least one must verify. Identical signature lines count once.
     *
     * @throws NoteException when a known key's signature fails, two known keys share a name and id, or no known key
     *     signed the note
     */
    public List<NoteSignature> verifiedBy(List<NoteVerifierKey> keys) {
        List<NoteSignature> verified = new ArrayList<>();
        for (NoteSignature signature : signatures) {
            List<NoteVerifierKey> named =
                    keys.stream().filter(key -> key.names(signature)).distinct().toList();
            if (named.isEmpty() || verified.contains(signature)) {
                continue;
            }
            String key = signature.keyName() + "+" + HexFormat.of().toHexDigits(signature.keyId());
            if (named.size() > 1) {
                throw new NoteException("ambiguous key " + key);
            }
            if (!named.get(0).verifies(text, signature.signature())) {
                throw new NoteException("invalid signature for key " + key);
            }
            verified.add(signature);
        }
        if (verified.isEmpty()) {
            throw new NoteException("the note has no signature by a known key");
        }
        return List.copyOf(verified);
    }

    /** The note as it is written: its text, a blank line and its signature lines. */
    public String encode() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> note.append(signature.line()));
        return note.toString();
    }
}
