package dev.custos.verify;

import dev.custos.events.chain.Checkpoint;
import dev.custos.events.chain.Note;
import dev.custos.events.chain.NoteException;
import dev.custos.events.chain.NoteSignature;
import dev.custos.events.chain.NoteVerifierKey;
import dev.custos.events.chain.SignedNote;
import java.security.KeyException;
import java.util.List;

/**
 * A signed tree head as the service serves it: a C2SP {@code tlog-checkpoint} (origin, tree size, root) in a C2SP
 * {@code signed-note}, verified with the one note key the auditor pinned, never with a key the evidence names. The
 * note, the key and the checkpoint are read by the event schema's parsers, the ones the service's witness code uses,
 * so the verifier and the service obey the same note rules. On top of them the verifier refuses what the service
 * never writes: a pinned key of another type or spelling, a second line of the pinned key, a DEL in the text and
 * extension lines in the checkpoint. Lines of keys other than the pinned one are ignored, as the signed-note
 * specification requires of verifiers, but the pinned key's line must be there, once, and verify.
 */
record SignedTreeHead(String origin, long size, byte[] root, String where) {

    /**
     * Reads the auditor's {@code --note-key}: a note verifier key of an Ed25519 note key, written exactly as the service
     * publishes it.
     */
    static NoteVerifierKey pinnedKey(String verifierKey) throws KeyException {
        NoteVerifierKey key;
        try {
            key = NoteVerifierKey.parse(verifierKey);
        } catch (NoteException malformed) {
            throw new KeyException("--note-key is not a note verifier key <name>+<8 hex digits>+<base64 key>: "
                    + malformed.getMessage());
        }
        if (key.type() != SignedNote.ED25519) {
            throw new KeyException("--note-key does not hold an Ed25519 note key (type 0x01): a witness's "
                    + "cosignature key does not sign tree heads");
        }
        // The pin is compared and shown as text, so only the one spelling the service publishes is taken.
        if (!key.toString().equals(verifierKey)) {
            throw new KeyException("--note-key is not written as the service publishes it (" + key + "): its key id "
                    + "is in lower-case hex");
        }
        return key;
    }

    /**
     * Reads the note's bytes, checks its pinned signature and then its checkpoint text; {@code where} names the note
     * in failures (e.g. "the signed tree head new.note").
     */
    static SignedTreeHead read(byte[] bytes, NoteVerifierKey key, String where) throws VerificationFailure {
        Note note;
        try {
            note = Note.parse(bytes);
        } catch (NoteException malformed) {
            throw new VerificationFailure(
                    where + ": is not a signed note as the service serves it: " + malformed.getMessage());
        }
        verifySignature(note, key, where);
        return checkpoint(note.text(), where);
    }

    private static void verifySignature(Note note, NoteVerifierKey key, String where) throws VerificationFailure {
        // The signed-note rules allow DEL; the service never writes one, so one here was added.
        if (note.text().indexOf(0x7f) >= 0) {
            throw new VerificationFailure(where + ": its text holds a control character, which a note may not");
        }
        List<NoteSignature> pinned =
                note.signatures().stream().filter(key::names).toList();
        if (pinned.isEmpty()) {
            throw new VerificationFailure(where + ": is not signed by the key you pinned (" + key + "); it is signed "
                    + "by "
                    + String.join(
                            ", ",
                            note.signatures().stream()
                                    .map(NoteSignature::keyName)
                                    .toList())
                    + ", which a forger may name too");
        }
        // The note rules count identical lines once; the service signs a head once, so a second line was added.
        if (pinned.size() > 1) {
            throw new VerificationFailure(where + ": the key " + key.name() + " signs it twice");
        }
        try {
            note.verifiedBy(List.of(key));
        } catch (NoteException invalid) {
            throw new VerificationFailure(where + ": the signature by " + key.name() + " does not verify with the "
                    + "key you pinned: the note was altered or forged");
        }
    }

    /** The checkpoint text: origin, size in decimal, root in padded base64, each ending in a line feed. */
    private static SignedTreeHead checkpoint(String text, String where) throws VerificationFailure {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(text);
        } catch (NoteException malformed) {
            throw new VerificationFailure(
                    where + ": its text is not a checkpoint (origin, tree size, root hash): " + malformed.getMessage());
        }
        if (!checkpoint.extensions().isEmpty()) {
            // The checkpoint format allows extension lines; the service writes none, so one here was added.
            throw new VerificationFailure(
                    where + ": its checkpoint has lines after the root hash, which the service never writes");
        }
        return new SignedTreeHead(
                checkpoint.origin(), checkpoint.size(), checkpoint.root(), where + " (size " + checkpoint.size() + ")");
    }
}
