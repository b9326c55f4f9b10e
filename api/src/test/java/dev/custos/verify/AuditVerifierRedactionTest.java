package dev.custos.verify;

import static dev.custos.verify.AuditVerifierTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.ChainedEvent;
import dev.custos.events.chain.SecretFields;
import dev.custos.verify.AuditTrail.Run;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * A line whose stored payload held a secret is served with the secret replaced by its sha256 and listed under
 * {@code redacted}. Its link cannot be recomputed, so the verifier takes its hash from the line, checks that it
 * follows the line before and is followed by the line after and the checkpoints, and says that its content is not
 * verified. Nothing else passes for a redaction.
 */
class AuditVerifierRedactionTest {

    private static final long SECRET_AT = 12;
    private static final String HASH = "$argon2id$v=19$m=16384,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo";

    @TempDir
    Path directory;

    /** 20 events, the 12th an old grant with its passcode hash, checkpoints at seq 10 and 15; line 12 redacted. */
    private final AuditTrail trail =
            AuditTrail.of(seq -> seq == SECRET_AT ? grantWithHash() : AuditTrail.event(seq), 20, 10, 15);

    AuditVerifierRedactionTest() {
        redact(trail, (int) SECRET_AT);
    }

    private static ChainedEvent grantWithHash() {
        ChainedEvent plain = AuditTrail.event(SECRET_AT);
        ObjectNode payload = (ObjectNode) plain.payload().deepCopy();
        payload.put("requirePasscode", true).put("passcodeHash", HASH);
        return new ChainedEvent(
                plain.eventId(),
                "dev.custos.events.authority.AuthorityGrantCreated",
                "1",
                "AuthorityGrant",
                plain.aggregateId(),
                plain.aggregateSequence(),
                plain.occurredAt(),
                payload);
    }

    /** What the service does to the line: the payload redacted, the pointers listed, the hash kept. */
    private static void redact(AuditTrail trail, int number) {
        ObjectNode line = trail.parse(number);
        SecretFields.Redacted shown = SecretFields.redact(line.get("payload"));
        line.set("payload", shown.payload());
        line.putArray("redacted")
                .addAll(shown.pointers().stream()
                        .map(pointer -> (tools.jackson.databind.JsonNode)
                                ChainEncoding.JSON.getNodeFactory().stringNode(pointer))
                        .toList());
        trail.set(number, line);
    }

    @Test
    void aRedactedLineVerifiesAsALinkAndIsReportedUnverified() throws IOException {
        Run run = trail.verify(directory);

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out())
                .startsWith("OK: 20 events (seq 1..20), 2 checkpoints verified")
                .contains("; 1 event redacted, content not verified (seq 12): a secret was replaced by its sha256");
        assertThat(String.join("\n", trail.lines)).doesNotContain(HASH).doesNotContain("argon2id");
        assertThat(trail.parse(12)
                        .get("payload")
                        .get("passcodeHash")
                        .get("sha256")
                        .stringValue())
                .isEqualTo(ChainEncoding.hex(sha256(HASH)));
    }

    @Test
    void aRedactedLineWhoseHashWasChangedBreaksTheNextLine() throws IOException {
        ObjectNode line = trail.parse(12);
        line.put("hash", "0".repeat(64));
        trail.set(12, line);

        assertFailure(trail.verify(directory), "line 13 (seq 13): prev_hash is not the hash of line 12 (seq 12)");
    }

    @Test
    void aRewrittenChainThroughARedactedLineFailsAtTheNextCheckpoint() throws IOException {
        ObjectNode line = trail.parse(12);
        line.put("hash", "0".repeat(64));
        trail.set(12, line);
        trail.rechain(13);

        assertFailure(
                trail.verify(directory),
                "line 15 (seq 15): the recomputed hash is not the one checkpoint 2 " + "signed");
    }

    @Test
    void onlyASecretFieldMayBeRedacted() throws IOException {
        ObjectNode line = trail.parse(5);
        ((ObjectNode) line.get("payload")).putObject("note").put("sha256", "a".repeat(64));
        line.putArray("redacted").add("/note");
        trail.set(5, line);

        assertFailure(
                trail.verify(directory), "line 5 (seq 5): \"redacted\" names /note, which is not a secret " + "field");
    }

    @Test
    void aRedactedFieldMustHoldACommitment() throws IOException {
        ObjectNode line = trail.parse(12);
        ((ObjectNode) line.get("payload")).put("passcodeHash", "whatever");
        trail.set(12, line);

        assertFailure(
                trail.verify(directory),
                "line 12 (seq 12): \"redacted\" names /passcodeHash, whose value is "
                        + "not {\"sha256\": 64 hex digits}");
    }

    @Test
    void anEmptyRedactionListIsRefused() throws IOException {
        ObjectNode line = trail.parse(3);
        line.putArray("redacted");
        trail.set(3, line);

        assertFailure(trail.verify(directory), "line 3 (seq 3): \"redacted\" is not a non-empty list");
    }

    /** The limit, pinned: a line that calls itself redacted is never reported as verified content. */
    @Test
    void aLineThatCallsItselfRedactedIsReportedUnverifiedNeverVerified() throws IOException {
        ObjectNode line = trail.parse(5);
        ((ObjectNode) line.get("payload"))
                .put("amount", 99)
                .putObject("passcodeHash")
                .put("sha256", "b".repeat(64));
        line.putArray("redacted").add("/passcodeHash");
        trail.set(5, line);

        Run run = trail.verify(directory);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("2 events redacted, content not verified (seq 5, 12)");
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
