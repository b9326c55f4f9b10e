package dev.custos.verify;

import static dev.custos.verify.AuditVerifierTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.chain.ChainEncoding;
import dev.custos.verify.AuditTrail.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forged, removed and foreign checkpoints, keys the auditor did not give, and key rotation. */
class AuditVerifierCheckpointsTest {

    @TempDir
    Path directory;

    /** 50 events, checkpoints 1, 2 and 3 at seq 15, 30 and 45. */
    private final AuditTrail trail = AuditTrail.of(50, 15, 30, 45);

    private final String keyId = AuditTrail.keyId(trail.signingKey);

    @Test
    void aCheckpointWithAChangedHashDoesNotVerify() throws IOException {
        trail.checkpoints.get(1).put("hash", trail.hashAt(31));

        assertFailure(
                trail.verify(directory),
                "checkpoint 2 (seq 30): the signature does not verify with key " + keyId
                        + ": the checkpoint was altered or forged");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsSignedByAKeyYouDidNotGive() throws IOException {
        KeyPair forger = AuditTrail.newKey();
        trail.checkpoints.set(1, trail.checkpoint(2, 30, signatureOf(1), forger));

        assertFailure(
                trail.verify(directory),
                "checkpoint 2 (seq 30) is signed by key " + AuditTrail.keyId(forger)
                        + ", a key you did not give (you gave " + keyId + ")");
    }

    @Test
    void aCheckpointSignedByAnotherKeyUnderTheRealKeyIdDoesNotVerify() throws IOException {
        KeyPair forger = AuditTrail.newKey();
        Map<String, Object> forged = trail.checkpoints.get(1);
        forged.put(
                "signature",
                AuditTrail.sign(
                        forger,
                        ChainEncoding.checkpointBytes(
                                AuditTrail.TENANT,
                                30,
                                trail.hashAt(30),
                                (String) forged.get("signed_at"),
                                signatureOf(1),
                                keyId)));

        assertFailure(
                trail.verify(directory),
                "checkpoint 2 (seq 30): the signature does not verify with key " + keyId
                        + ": the checkpoint was altered or forged");
    }

    @Test
    void aCheckpointRemovedFromTheMiddleLeavesAGap() throws IOException {
        trail.checkpoints.remove(1);

        assertFailure(trail.verify(directory), "the checkpoint numbers jump from 1 to 3: checkpoints were removed");
    }

    @Test
    void aCheckpointRemovedAndTheRestRenumberedBreaksThePreviousSignature() throws IOException {
        trail.checkpoints.remove(1);
        trail.checkpoints.get(1).put("number", 2);

        assertFailure(
                trail.verify(directory),
                "checkpoint 2 (seq 45): its prev_signature is not the signature of "
                        + "checkpoint 1 (seq 15): a checkpoint was removed, replaced or reordered");
    }

    @Test
    void theKeysListedInTheCheckpointsFileAreNotTrusted() throws IOException {
        KeyPair auditorsKey = AuditTrail.newKey();

        assertFailure(
                trail.verify(directory, auditorsKey),
                "checkpoint 1 (seq 15) is signed by key " + keyId + ", a key you did not give (you gave "
                        + AuditTrail.keyId(auditorsKey) + ")");
    }

    @Test
    void aRotatedKeyVerifiesWhenBothKeysAreGiven() throws IOException {
        KeyPair rotated = AuditTrail.newKey();
        trail.checkpoints.set(2, trail.checkpoint(3, 45, signatureOf(2), rotated));

        Run both = trail.verify(directory, trail.signingKey, rotated);
        assertThat(both.exit()).as(both.out()).isZero();
        assertThat(both.out()).contains("by key " + AuditTrail.keyId(rotated));

        Path first = AuditTrail.writeKeys(directory.resolve("first.pem"), trail.signingKey);
        Path second = AuditTrail.writeKeys(directory.resolve("second.pem"), rotated);
        Run twoFiles = AuditTrail.run(
                "--stream",
                directory.resolve("stream.ndjson").toString(),
                "--checkpoints",
                directory.resolve("checkpoints.json").toString(),
                "--public-key",
                first.toString(),
                "--public-key",
                second.toString());
        assertThat(twoFiles.exit()).as(twoFiles.out()).isZero();

        assertFailure(
                trail.verify(directory, trail.signingKey),
                "checkpoint 3 (seq 45) is signed by key " + AuditTrail.keyId(rotated) + ", a key you did not give");
    }

    @Test
    void onePageOfTheNewestCheckpointsVerifies() throws IOException {
        trail.checkpoints.remove(0);

        Run run = trail.verify(directory);

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out())
                .startsWith(
                        "OK: 50 events (seq 1..50), 2 checkpoints verified (numbers 2..3), the " + "newest at seq 45");
    }

    @Test
    void aFirstCheckpointThatSignsAPreviousOneWasRenumbered() throws IOException {
        trail.checkpoints.remove(0);
        trail.checkpoints.get(0).put("number", 1);
        trail.checkpoints.get(1).put("number", 2);

        assertFailure(trail.verify(directory), "checkpoint 1 (seq 30) is numbered 1 but signs a previous checkpoint");
    }

    @Test
    void noCheckpointsVerifyButAnchorNothing() throws IOException {
        trail.checkpoints.clear();

        Run run = trail.verify(directory);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("OK: 50 events (seq 1..50), 0 checkpoints: nothing anchors this stream\n");
    }

    private String signatureOf(int number) {
        return (String) trail.checkpoints.get(number - 1).get("signature");
    }
}
