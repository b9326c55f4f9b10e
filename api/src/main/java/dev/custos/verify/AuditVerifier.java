package dev.custos.verify;

import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.MerkleTree;
import dev.custos.events.chain.NoteVerifierKey;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Verifies one tenant's audit stream against its signed checkpoints, offline, and answers the first failure.
 *
 * <p>The checkpoints are read and their signatures checked first; then the stream is read line by line (never
 * whole, so memory stays flat over millions of lines), each line's link recomputed from the previous one, and the
 * recomputed hash compared with every checkpoint's as the stream passes its seq. A checkpoint beyond the last line
 * means the stream lost its tail.
 *
 * <p>Given signed tree heads, the walk also grows the stream's Merkle tree and checks each head's root as it passes
 * the head's size ({@link NoteRoots}); given an older trusted head and a consistency proof, the stream holds only the
 * lines after the older head and is bound to the proof instead ({@link ExtensionProof}).
 */
public final class AuditVerifier {

    /** How many redacted seqs the summary lists by number. */
    private static final int REDACTED_LISTED = 10;

    /** How many lines pass between two progress reports. */
    public static final long PROGRESS_EVERY = 100_000;

    private final PublicKeys keys;
    private final LongConsumer progress;

    /** {@code progress} hears the number of lines verified so far, every {@value #PROGRESS_EVERY} lines. */
    public AuditVerifier(PublicKeys keys, LongConsumer progress) {
        this.keys = keys;
        this.progress = progress;
    }

    /** The verdict on the evidence; an {@link IOException} only when a file cannot be read at all. */
    public Verdict verify(Path stream, Path checkpointsFile) throws IOException {
        return verify(stream, checkpointsFile, TreeEvidence.NONE);
    }

    /** The same, with the Merkle tree evidence checked too. */
    Verdict verify(Path stream, Path checkpointsFile, TreeEvidence evidence) throws IOException {
        try {
            CheckpointsFile checkpoints = CheckpointsFile.read(checkpointsFile);
            checkpoints.verify(keys);
            TreeCheck tree = treeCheck(evidence, checkpoints);
            Walk walk =
                    new Walk(checkpoints, tree, tree instanceof ExtensionProof extension ? extension.trustedSize() : 0);
            walk.through(stream);
            walk.verifyTail();
            return Verdict.ok(walk.summary());
        } catch (VerificationFailure failure) {
            return Verdict.failed(failure);
        }
    }

    private static TreeCheck treeCheck(TreeEvidence evidence, CheckpointsFile checkpoints)
            throws IOException, VerificationFailure {
        List<SignedTreeHead> heads = new ArrayList<>();
        for (Path note : evidence.notes()) {
            heads.add(head(note, evidence.noteKey(), checkpoints));
        }
        if (evidence.fromCheckpoint() != null) {
            SignedTreeHead older = head(evidence.fromCheckpoint(), evidence.noteKey(), checkpoints);
            return ExtensionProof.of(older, heads.get(0), ConsistencyProof.read(evidence.consistency()));
        }
        return heads.isEmpty()
                ? TreeCheck.NONE
                : new NoteRoots(heads, evidence.noteKey().name());
    }

    /** A signed tree head, verified with the pinned key, of this tenant's log. */
    static SignedTreeHead head(Path note, NoteVerifierKey key, CheckpointsFile checkpoints)
            throws IOException, VerificationFailure {
        SignedTreeHead head =
                SignedTreeHead.read(Files.readAllBytes(note), key, "the signed tree head " + note.getFileName());
        if (!head.origin().endsWith("/custos/" + checkpoints.tenantId())) {
            throw new VerificationFailure(head.where() + " is of the log " + head.origin() + ", not of tenant "
                    + checkpoints.tenantId() + " (its origin must end with /custos/" + checkpoints.tenantId() + ")");
        }
        return head;
    }

    /** The state of one pass over the stream: where it is, the last recomputed hash, and the anchors ahead. */
    private final class Walk {
        private final CheckpointsFile checkpoints;
        private final TreeCheck tree;
        private final Map<Long, SignedCheckpoint> anchorsBySeq = new HashMap<>();
        /** The seq the stream starts after: 0, or the size of the auditor's trusted tree head. */
        private final long start;
        /** What the first line's prev_hash is checked against, for the summary when the stream starts later. */
        private final SignedCheckpoint startAnchor;

        private long lines;
        private long lastSeq;
        /** Null while unknown: the hash of the line before a stream that starts after a trusted tree head. */
        private byte[] lastHash;

        private final List<Long> redacted = new ArrayList<>();

        Walk(CheckpointsFile checkpoints, TreeCheck tree, long start) {
            this.checkpoints = checkpoints;
            this.tree = tree;
            this.start = start;
            this.lastSeq = start;
            checkpoints.checkpoints().forEach(checkpoint -> anchorsBySeq.put(checkpoint.seq(), checkpoint));
            this.startAnchor = start == 0 ? null : anchorsBySeq.get(start);
            this.lastHash = start == 0
                    ? ChainEncoding.genesis(checkpoints.tenantId())
                    : startAnchor == null ? null : ChainEncoding.unhex(startAnchor.hash());
        }

        void through(Path stream) throws IOException, VerificationFailure {
            try (StreamLines reader = new StreamLines(new BufferedInputStream(Files.newInputStream(stream), 1 << 16))) {
                String line = reader.next();
                while (line != null) {
                    // One line of look-ahead tells a pair of lines swapped from a line deleted.
                    String next = reader.next();
                    lines++;
                    check(StreamLine.parse(line, lines, lastSeq + 1), next);
                    if (lines % PROGRESS_EVERY == 0) {
                        progress.accept(lines);
                    }
                    line = next;
                }
            }
        }

        private void check(StreamLine line, String next) throws VerificationFailure {
            String where = "line " + lines + " (seq " + line.seq() + "): ";
            if (line.seq() != lastSeq + 1) {
                throw new VerificationFailure(where + outOfSequence(line.seq(), next));
            }
            if (lastHash != null && !Arrays.equals(line.prevHash(), lastHash)) {
                throw new VerificationFailure(where
                        + (lastSeq == 0
                                ? "prev_hash is not the genesis of tenant " + checkpoints.tenantId()
                                        + ": the stream belongs to another tenant, or its start was rewritten"
                                : lines == 1
                                        ? "prev_hash is not the hash checkpoint " + startAnchor.number()
                                                + " signed at seq " + lastSeq + ": the chain breaks here, lines were "
                                                + "removed, reordered or rewritten"
                                        : "prev_hash is not the hash of line " + (lines - 1) + " (seq " + lastSeq
                                                + "): the chain "
                                                + "breaks here, lines were removed, reordered or rewritten"));
            }
            // A redacted line's link cannot be recomputed without its secret: its hash is taken as the service
            // wrote it, and is bound by the next line's prev_hash and by every checkpoint from here on.
            // Where the line before is not given, the link is recomputed from the prev_hash the line states.
            byte[] previous = lastHash != null ? lastHash : line.prevHash();
            byte[] hash = line.redacted().isEmpty() ? ChainEncoding.link(previous, line.entryBytes()) : line.hash();
            if (!line.redacted().isEmpty()) {
                redacted.add(line.seq());
            }
            if (!Arrays.equals(hash, line.hash())) {
                throw new VerificationFailure(where + "the recomputed hash differs from the line's hash: the "
                        + "event's contents were modified");
            }
            SignedCheckpoint anchor = anchorsBySeq.get(line.seq());
            if (anchor != null && !anchor.hash().equals(ChainEncoding.hex(hash))) {
                throw new VerificationFailure(where + "the recomputed hash is not the one checkpoint " + anchor.number()
                        + " signed: the chain up to seq " + line.seq() + " was rewritten");
            }
            if (tree != TreeCheck.NONE) {
                tree.accept(
                        line.seq(), line.entryBytes() == null ? null : MerkleTree.leafHash(line.entryBytes()), where);
            }
            lastSeq = line.seq();
            lastHash = hash;
        }

        private String outOfSequence(long seq, String next) {
            long expected = lastSeq + 1;
            if (lines == 1) {
                return "the stream must start at seq " + expected + " (fetch it with after_seq=" + lastSeq + ")";
            }
            if (seq < expected) {
                return (seq == lastSeq ? "seq " + seq + " is repeated" : "seq " + seq + " comes after seq " + lastSeq)
                        + ": the events are out of order (reordered)";
            }
            OptionalLong nextSeq = StreamLine.seqOf(next);
            if (nextSeq.isPresent() && nextSeq.getAsLong() == expected) {
                return "seq " + seq + " comes before seq " + expected + " (line " + (lines + 1) + "): the events "
                        + "are out of order (reordered)";
            }
            String missing =
                    seq == expected + 1 ? "seq " + expected + " is" : "seq " + expected + ".." + (seq - 1) + " are";
            return missing + " missing after seq " + lastSeq + ": events were deleted (or moved further down)";
        }

        /** A checkpoint past the last line signs events the stream no longer holds. */
        void verifyTail() throws VerificationFailure {
            String end =
                    lines == 0 ? "the stream is empty" : "after line " + lines + ": the stream ends at seq " + lastSeq;
            tree.verifyTail(end, lastSeq);
            SignedCheckpoint newest = checkpoints.newest().orElse(null);
            if (newest != null && newest.seq() > lastSeq) {
                throw new VerificationFailure(end + " but checkpoint " + newest.number() + " covers seq " + newest.seq()
                        + ": its tail is missing");
            }
        }

        String summary() {
            return anchors() + startLink() + tree.summary(lastSeq) + redactions();
        }

        /** How the first line of a stream that starts after a trusted tree head is linked to the lines before. */
        private String startLink() {
            if (start == 0 || lines == 0) {
                return "";
            }
            return startAnchor == null
                    ? "; the first line's prev_hash is not checked: the lines up to seq " + start + " were not given, "
                            + "and no checkpoint in the checkpoints file is at seq " + start
                    : "; the first line's prev_hash is the hash checkpoint " + startAnchor.number() + " signed at seq "
                            + start;
        }

        /** What the redacted lines leave unproven: each one's content. Their place in the chain is proven. */
        private String redactions() {
            if (redacted.isEmpty()) {
                return "";
            }
            String seqs = redacted.stream()
                            .limit(REDACTED_LISTED)
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "))
                    + (redacted.size() > REDACTED_LISTED ? ", ..." : "");
            return "; " + plural(redacted.size(), "event") + " redacted, content not verified (seq " + seqs + "): "
                    + "a secret was replaced by its sha256, so the hash of "
                    + (redacted.size() == 1 ? "that line is" : "those lines are")
                    + " the service's, verified only as a link between its neighbours";
        }

        private String anchors() {
            String events = lastSeq == start
                    ? "0 events"
                    : plural(lastSeq - start, "event") + " (seq " + (start + 1) + ".." + lastSeq + ")";
            SignedCheckpoint newest = checkpoints.newest().orElse(null);
            if (newest == null) {
                return events + ", 0 checkpoints: nothing anchors this stream";
            }
            SignedCheckpoint oldest = checkpoints.checkpoints().get(0);
            int count = checkpoints.checkpoints().size();
            String numbers = oldest.number() == 1 ? "" : " (numbers " + oldest.number() + ".." + newest.number() + ")";
            String unanchored = newest.seq() == lastSeq
                    ? ""
                    : newest.seq() + 1 == lastSeq
                            ? "; seq " + lastSeq + " is not covered by a checkpoint yet"
                            : "; seq " + (newest.seq() + 1) + ".." + lastSeq + " are not covered by a checkpoint yet";
            return events + ", " + plural(count, "checkpoint") + " verified" + numbers
                    + ", the newest at seq " + newest.seq() + " signed " + newest.signedAt() + " by key "
                    + newest.keyId() + unanchored;
        }
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
