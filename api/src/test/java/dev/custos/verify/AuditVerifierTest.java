package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.verify.AuditTrail.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The stream's kinds of tampering, each caught at its first line with a message that says what happened there. */
class AuditVerifierTest {

    @TempDir
    Path directory;

    /** 50 events, checkpoints 1, 2 and 3 at seq 15, 30 and 45. */
    private final AuditTrail trail = AuditTrail.of(50, 15, 30, 45);

    @Test
    void anIntactTrailVerifies() throws IOException {
        Run run = trail.verify(directory);

        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .isEqualTo("OK: 50 events (seq 1..50), 3 checkpoints verified, the newest at seq 45 "
                        + "signed 2026-12-04T16:03:00.123Z by key " + AuditTrail.keyId(trail.signingKey)
                        + "; seq 46..50 are not covered by a checkpoint yet\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aModifiedPayloadFailsAtItsLine() throws IOException {
        ObjectNode line = trail.parse(20);
        ((ObjectNode) line.get("payload")).put("amount", 1250);
        trail.set(20, line);

        assertFailure(
                trail.verify(directory),
                "line 20 (seq 20): the recomputed hash differs from the line's hash: "
                        + "the event's contents were modified");
    }

    @Test
    void aModifiedPayloadWithTheChainRecomputedFailsAtTheNextCheckpoint() throws IOException {
        ObjectNode line = trail.parse(20);
        line.put("occurred_at", "2026-12-04T15:20:00.124Z");
        trail.set(20, line);
        trail.rechain(20);

        assertFailure(
                trail.verify(directory),
                "line 30 (seq 30): the recomputed hash is not the one checkpoint 2 "
                        + "signed: the chain up to seq 30 was rewritten");
    }

    @Test
    void aDeletedLineFailsWhereItIsMissing() throws IOException {
        trail.lines.remove(19);

        assertFailure(
                trail.verify(directory),
                "line 20 (seq 21): seq 20 is missing after seq 19: events were " + "deleted (or moved further down)");
    }

    @Test
    void deletedLinesWithTheSeqsRenumberedBreakTheChain() throws IOException {
        trail.lines.subList(19, 22).clear();
        for (int number = 20; number <= trail.lines.size(); number++) {
            ObjectNode line = trail.parse(number);
            line.put("seq", number);
            trail.set(number, line);
        }

        assertFailure(
                trail.verify(directory),
                "line 20 (seq 20): prev_hash is not the hash of line 19 (seq 19): "
                        + "the chain breaks here, lines were removed, reordered or rewritten");
    }

    @Test
    void aSwappedPairIsReportedAsReordered() throws IOException {
        Collections.swap(trail.lines, 19, 20);

        assertFailure(
                trail.verify(directory),
                "line 20 (seq 21): seq 21 comes before seq 20 (line 21): the events " + "are out of order (reordered)");
    }

    @Test
    void aSwappedPairWithTheirSeqsSwappedBackBreaksTheChain() throws IOException {
        Collections.swap(trail.lines, 19, 20);
        for (int number : new int[] {20, 21}) {
            ObjectNode line = trail.parse(number);
            line.put("seq", number);
            trail.set(number, line);
        }

        assertFailure(
                trail.verify(directory),
                "line 20 (seq 20): prev_hash is not the hash of line 19 (seq 19): "
                        + "the chain breaks here, lines were removed, reordered or rewritten");
    }

    @Test
    void aLineMovedUpIsOutOfOrder() throws IOException {
        trail.lines.add(10, trail.lines.remove(29));

        assertFailure(
                trail.verify(directory),
                "line 11 (seq 30): seq 30 comes before seq 11 (line 12): the events " + "are out of order (reordered)");
    }

    @Test
    void aRepeatedLineIsOutOfOrder() throws IOException {
        trail.lines.add(20, trail.lines.get(19));

        assertFailure(
                trail.verify(directory),
                "line 21 (seq 20): seq 20 is repeated: the events are out of order " + "(reordered)");
    }

    @Test
    void aTailCutBehindTheLastCheckpointIsMissing() throws IOException {
        trail.lines.subList(40, 50).clear();

        assertFailure(
                trail.verify(directory),
                "after line 40: the stream ends at seq 40 but checkpoint 3 covers " + "seq 45: its tail is missing");
    }

    @Test
    void aTailCutAfterTheLastCheckpointStillVerifiesButSaysSo() throws IOException {
        trail.lines.subList(47, 50).clear();

        Run run = trail.verify(directory);

        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .startsWith("OK: 47 events (seq 1..47), 3 checkpoints verified")
                .endsWith("; seq 46..47 are not covered by a checkpoint yet\n");
    }

    @Test
    void aMalformedLineFailsAtItsNumber() throws IOException {
        trail.lines.set(6, trail.lines.get(6).substring(0, 40));

        assertFailure(trail.verify(directory), "line 7 (expected seq 7): not valid JSON (");
    }

    @Test
    void aBlankLineIsMalformed() throws IOException {
        trail.lines.set(6, "");

        assertFailure(trail.verify(directory), "line 7 (expected seq 7): not a JSON object");
    }

    @Test
    void aLineWithAFieldGivenTwiceIsAmbiguous() throws IOException {
        String line = trail.lines.get(6);
        trail.lines.set(6, line.substring(0, line.length() - 1) + ",\"payload\":{}}");

        assertFailure(
                trail.verify(directory),
                "line 7 (expected seq 7): not valid JSON (Duplicate Object property " + "\"payload\"");
    }

    @Test
    void aLineWithoutItsHashFails() throws IOException {
        ObjectNode line = trail.parse(7);
        line.remove("hash");
        trail.set(7, line);

        assertFailure(trail.verify(directory), "line 7 (seq 7): \"hash\" is missing");
    }

    @Test
    void aStreamThatDoesNotStartAtTheBeginningFails() throws IOException {
        trail.lines.subList(0, 5).clear();

        assertFailure(
                trail.verify(directory),
                "line 1 (seq 6): the stream must start at seq 1 (fetch it with " + "after_seq=0)");
    }

    @Test
    void anotherTenantsStreamDoesNotStartAtThisTenantsGenesis() throws IOException {
        ObjectNode line = trail.parse(1);
        line.put("prev_hash", "00".repeat(32));
        trail.set(1, line);

        assertFailure(
                trail.verify(directory),
                "line 1 (seq 1): prev_hash is not the genesis of tenant " + AuditTrail.TENANT
                        + ": the stream belongs to another tenant, or its start was rewritten");
    }

    static void assertFailure(Run run, String message) {
        assertThat(run.exit()).as(run.out()).isEqualTo(VerifyAuditCommand.FAILED);
        assertThat(run.out()).startsWith("FAILED: " + message);
    }
}
