package dev.custos.verify;

import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.MerkleTree;
import dev.custos.events.chain.NoteVerifierKey;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Verifies one entry's receipt offline: its stream line, its inclusion proof and the signed tree head the proof is
 * against. The line's entry bytes give its leaf; the proof must lead from that leaf, at the line's seq, to the root
 * of the head, and the head must be signed by the pinned key. No stream and no checkpoints are needed: that is what
 * lets a holder of one receipt check it alone.
 */
final class ReceiptVerifier {

    private ReceiptVerifier() {}

    static Verdict verify(Path entry, Path inclusion, Path note, NoteVerifierKey key) throws IOException {
        try {
            InclusionProof proof = InclusionProof.read(inclusion);
            StreamLine line = line(entry, proof.seq());
            SignedTreeHead head =
                    SignedTreeHead.read(Files.readAllBytes(note), key, "the signed tree head " + note.getFileName());
            if (line.seq() != proof.seq()) {
                throw new VerificationFailure(
                        "the entry is seq " + line.seq() + " but the inclusion proof is of seq " + proof.seq());
            }
            ProofCheck.inclusion(proof, MerkleTree.leafHash(line.entryBytes()), head.size(), head.root());
            return Verdict.ok("seq " + line.seq() + " (" + line.event().eventType() + ", event "
                    + line.event().eventId()
                    + ") is entry " + line.seq() + " of the log " + head.origin() + " of " + head.size()
                    + " entries, whose tree head is signed by " + key);
        } catch (VerificationFailure failure) {
            return Verdict.failed(failure);
        }
    }

    /** The one line of the entry file, read as strictly as a stream line, and consistent with its own hash. */
    private static StreamLine line(Path entry, long expectedSeq) throws IOException, VerificationFailure {
        try (StreamLines reader = new StreamLines(new BufferedInputStream(Files.newInputStream(entry)))) {
            String text = reader.next();
            if (text == null || reader.next() != null) {
                throw new VerificationFailure("the entry file must hold exactly one stream line");
            }
            StreamLine line = StreamLine.parse(text, 1, expectedSeq);
            if (line.entryBytes() == null) {
                throw new VerificationFailure("the entry (seq " + line.seq() + ") is redacted: its leaf is the hash of "
                        + "the entry the service holds, which the line does not show, so no receipt can be checked");
            }
            if (!Arrays.equals(ChainEncoding.link(line.prevHash(), line.entryBytes()), line.hash())) {
                throw new VerificationFailure("the entry (seq " + line.seq() + "): the recomputed hash differs from "
                        + "the line's hash: the event's contents were modified");
            }
            return line;
        }
    }
}
