package dev.custos.verify;

import static dev.custos.verify.AuditVerifierTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.verify.AuditTrail.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An auditor's incremental check: a trusted older head, a newer head, the consistency proof and only the new lines. */
class AuditVerifierConsistencyTest {

    @TempDir
    Path directory;

    /** 40 events of entry version 2, JSON checkpoints at seq 13 and 30. */
    private final TreeTrail trail = TreeTrail.of(40, 13, 30);

    @Test
    void theNewLinesOfAnExtendedLogVerify() throws IOException {
        Run run = incremental(13, trail.consistency(13, 37), trail.note(37));

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .startsWith("OK: 27 events (seq 14..40)")
                .contains("; the first line's prev_hash is the hash checkpoint 1 signed at seq 13")
                .contains(
                        "; seq 14..37 proven to extend the trusted signed tree head of size 13 to the one of size 37 ("
                                + TreeTrail.ORIGIN + ") by the consistency proof")
                .contains("; seq 38..40 are not covered by the newer signed tree head");
    }

    @Test
    void everyOlderSizeVerifies() throws IOException {
        for (int m = 1; m < 40; m++) {
            Run run = incremental(m, trail.consistency(m, 40), trail.note(40));

            assertThat(run.exit()).as("from %d: %s%s", m, run.out(), run.err()).isZero();
        }
    }

    @Test
    void withoutACheckpointAtTheOlderSizeTheFirstLinkIsNotChecked() throws IOException {
        Run run = incremental(20, trail.consistency(20, 40), trail.note(40));

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("; the first line's prev_hash is not checked: the lines up to seq 20 were not given, and no "
                        + "checkpoint in the checkpoints file is at seq 20");
    }

    @Test
    void aRewrittenNewEntryWithTheChainRecomputedDoesNotGiveTheProofsHash() throws IOException {
        String note = trail.note(40);
        String proof = trail.consistency(20, 40);
        String older = trail.note(20);
        trail.checkpoints.remove(1);
        rewrite(35);

        assertFailure(
                incremental(older, 20, proof, note),
                "line 20 (seq 40): the lines of seq 33..40 do not give the consistency proof's hash 5 of 5");
    }

    @Test
    void aNewLineRemovedWithTheRestRechainedIsCaught() throws IOException {
        String note = trail.note(40);
        String proof = trail.consistency(20, 40);
        String older = trail.note(20);
        trail.checkpoints.remove(1);
        trail.events.remove(24);
        trail.events.add(AuditTrail.event(99));
        trail.rechain(25);

        Run run = incremental(older, 20, proof, note);

        assertThat(run.exit()).as(run.out()).isEqualTo(VerifyAuditCommand.FAILED);
        assertThat(run.out()).contains("do not give the consistency proof's hash");
    }

    @Test
    void swappedNewLinesAreOutOfOrder() throws IOException {
        Collections.swap(trail.lines, 24, 25);

        assertFailure(incremental(20, trail.consistency(20, 40), trail.note(40)), "line 5 (seq 26): ");
    }

    @Test
    void aProofForOtherSizesIsRefused() throws IOException {
        assertFailure(
                incremental(20, trail.consistency(19, 40), trail.note(40)),
                "the consistency proof is from 19 to 40, but the signed tree heads are of sizes 20 and 40");
    }

    @Test
    void anAlteredProofIsRefused() throws IOException {
        String proof = trail.consistency(20, 40)
                .replaceFirst(
                        "\"hashes\":\\[\"[A-Za-z0-9+/=]+\"",
                        "\"hashes\":[\"" + java.util.Base64.getEncoder().encodeToString(trail.root(3)) + "\"");

        assertFailure(
                incremental(20, proof, trail.note(40)),
                "the consistency proof does not prove that the tree of 40 entries extends the tree of 20");
    }

    @Test
    void aForkedLogIsNotConsistentWithTheTrustedHead() throws IOException {
        String older = trail.note(20);
        rewrite(10);
        trail.checkpoints.clear();

        assertFailure(
                incremental(older, 20, trail.consistency(20, 40), trail.note(40)),
                "the consistency proof does not prove that the tree of 40 entries extends the tree of 20");
    }

    @Test
    void aTrustedHeadSignedByAnotherKeyIsRefused() throws IOException {
        KeyPair forger = AuditTrail.newKey();
        String older = TreeTrail.note(TreeTrail.ORIGIN, 20, trail.root(20), forger);

        assertFailure(
                incremental(older, 20, trail.consistency(20, 40), trail.note(40)),
                "the signed tree head older.note: is not signed by the key you pinned");
    }

    @Test
    void aStreamEndingBeforeTheNewerHeadMissesItsTail() throws IOException {
        String note = trail.note(40);
        trail.lines.subList(37, 40).clear();

        assertFailure(
                incremental(20, trail.consistency(20, 40), note),
                "after line 17: the stream ends at seq 37 but the signed tree head newer.note (size 40) covers 40 "
                        + "entries: its tail is missing");
    }

    @Test
    void aStreamStartingAnywhereElseIsRefused() throws IOException {
        Run run = trail.verifyFrom(
                directory,
                19,
                "--from-checkpoint",
                TreeTrail.file(directory, "older.note", trail.note(20)),
                "--note",
                TreeTrail.file(directory, "newer.note", trail.note(40)),
                "--consistency",
                TreeTrail.file(directory, "proof.json", trail.consistency(20, 40)),
                "--note-key",
                trail.verifierKey());

        assertFailure(run, "line 1 (seq 19): the stream must start at seq 21 (fetch it with after_seq=20)");
    }

    @Test
    void theOlderHeadNeedsTheProofAndOneNote() throws IOException {
        Run run = trail.verify(
                directory,
                "--from-checkpoint",
                TreeTrail.file(directory, "older.note", trail.note(20)),
                "--note",
                TreeTrail.file(directory, "newer.note", trail.note(40)),
                "--note-key",
                trail.verifierKey());

        assertThat(run.exit()).isEqualTo(VerifyAuditCommand.USAGE);
        assertThat(run.err()).contains("--from-checkpoint and --consistency go together");
    }

    private void rewrite(int seq) {
        trail.rewriteAndRechain(seq);
    }

    private Run incremental(int from, String proof, String newer) throws IOException {
        return incremental(trail.note(from), from, proof, newer);
    }

    private Run incremental(String older, int from, String proof, String newer) throws IOException {
        return trail.verifyFrom(
                directory,
                from + 1,
                "--from-checkpoint",
                TreeTrail.file(directory, "older.note", older),
                "--note",
                TreeTrail.file(directory, "newer.note", newer),
                "--consistency",
                TreeTrail.file(directory, "proof.json", proof),
                "--note-key",
                trail.verifierKey());
    }
}
