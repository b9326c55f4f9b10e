package dev.custos.verify;

import static dev.custos.verify.AuditVerifierTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.verify.AuditTrail.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One entry's receipt checked alone: its line, its inclusion proof and the signed tree head. */
class AuditVerifierReceiptTest {

    @TempDir
    Path directory;

    private final TreeTrail trail = TreeTrail.of(21);

    @Test
    void aReceiptVerifies() throws IOException {
        for (int seq = 1; seq <= 21; seq++) {
            Run run = receipt(trail.lines.get(seq - 1), trail.inclusion(seq, 21), trail.note(21));

            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(run.out())
                    .startsWith("OK: seq " + seq + " (")
                    .contains("is entry " + seq + " of the log " + TreeTrail.ORIGIN + " of 21 entries, whose tree head "
                            + "is signed by " + trail.verifierKey());
        }
    }

    @Test
    void anotherEntrysLineIsNotTheProofs() throws IOException {
        assertFailure(
                receipt(trail.lines.get(6), trail.inclusion(5, 21), trail.note(21)),
                "the entry is seq 7 but the inclusion proof is of seq 5");
    }

    @Test
    void aRewrittenEntryDoesNotLeadToTheRoot() throws IOException {
        String line = trail.lines.get(4);
        String rewritten = trail.lines.get(4).replace("\"actor\":\"system\"", "\"actor\":\"someone\"");
        assertThat(rewritten).isNotEqualTo(line);

        assertFailure(
                receipt(rewritten, trail.inclusion(5, 21), trail.note(21)),
                "the entry (seq 5): the recomputed hash differs from the line's hash");
    }

    @Test
    void aProofForAnotherTreeSizeIsRefused() throws IOException {
        assertFailure(
                receipt(trail.lines.get(4), trail.inclusion(5, 20), trail.note(21)),
                "the inclusion proof of seq 5 is for a tree of 20 entries, but the signed tree head is of 21");
    }

    @Test
    void aProofAgainstAnotherHeadDoesNotLeadToItsRoot() throws IOException {
        String otherTree = TreeTrail.note(TreeTrail.ORIGIN, 21, trail.root(20), trail.signingKey);

        assertFailure(
                receipt(trail.lines.get(4), trail.inclusion(5, 21), otherTree),
                "the inclusion proof of seq 5 does not lead from the entry to the root of the signed tree head of "
                        + "size 21");
    }

    @Test
    void aHeadSignedByAnotherKeyIsRefused() throws IOException {
        KeyPair forger = AuditTrail.newKey();

        assertFailure(
                receipt(
                        trail.lines.get(4),
                        trail.inclusion(5, 21),
                        TreeTrail.note(TreeTrail.ORIGIN, 21, trail.root(21), forger)),
                "the signed tree head head.note: is not signed by the key you pinned");
    }

    @Test
    void aReceiptIsVerifiedAlone() throws IOException {
        Run run = AuditTrail.run(
                "--entry",
                TreeTrail.file(directory, "entry.ndjson", trail.lines.get(0) + "\n"),
                "--inclusion",
                TreeTrail.file(directory, "inclusion.json", trail.inclusion(1, 21)),
                "--note",
                TreeTrail.file(directory, "head.note", trail.note(21)),
                "--note-key",
                trail.verifierKey(),
                "--stream",
                TreeTrail.file(directory, "stream.ndjson", trail.lines.get(0) + "\n"));

        assertThat(run.exit()).isEqualTo(VerifyAuditCommand.USAGE);
        assertThat(run.err()).contains("a receipt (--entry, --inclusion) is verified alone");
    }

    private Run receipt(String line, String inclusion, String note) throws IOException {
        return AuditTrail.run(
                "--entry",
                TreeTrail.file(directory, "entry.ndjson", line + "\n"),
                "--inclusion",
                TreeTrail.file(directory, "inclusion.json", inclusion),
                "--note",
                TreeTrail.file(directory, "head.note", note),
                "--note-key",
                trail.verifierKey());
    }
}
