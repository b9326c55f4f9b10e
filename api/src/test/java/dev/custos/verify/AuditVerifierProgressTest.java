package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.ChainedEvent;
import dev.custos.verify.AuditTrail.Run;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long stream is read line by line, with progress on stderr, and verified up to its last line. */
class AuditVerifierProgressTest {

    private static final int EVENTS = 300_000;

    @TempDir
    Path directory;

    @Test
    void aLongStreamReportsProgressOnStderr() throws IOException, NoSuchAlgorithmException {
        Path stream = writeRepeatedEvent(directory.resolve("stream.ndjson"));
        AuditTrail noCheckpoints = AuditTrail.of(0);
        Path checkpoints = Files.writeString(directory.resolve("checkpoints.json"), noCheckpoints.checkpointsAnswer());
        Path key = AuditTrail.writeKeys(directory.resolve("trusted.pem"), noCheckpoints.signingKey);

        Run run = AuditTrail.run(
                "--stream", stream.toString(), "--checkpoints", checkpoints.toString(), "--public-key", key.toString());

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).startsWith("OK: 300000 events (seq 1..300000), 0 checkpoints");
        assertThat(run.err().lines())
                .containsExactly("verified 100000 events...", "verified 200000 events...", "verified 300000 events...");
    }

    /**
     * One small event, {@value #EVENTS} times: every link still differs, because each covers the hash before it.
     * The event's bytes are encoded once and each link is sha256(prev_hash || event bytes) as the chain defines
     * it, so writing the file costs far less than verifying it.
     */
    private static Path writeRepeatedEvent(Path stream) throws IOException, NoSuchAlgorithmException {
        ChainedEvent event = new ChainedEvent(
                "0f8e3c1a-2b4d-4e6f-8a9b-1c2d3e4f5a6b",
                "dev.custos.events.portal.PortalAccessed",
                null,
                null,
                null,
                0,
                "2026-12-04T15:00:00.123Z",
                ChainEncoding.JSON.readTree("{\"tenantId\":\"" + AuditTrail.TENANT + "\",\"page\":\"cases\"}"));
        byte[] eventBytes = ChainEncoding.eventBytes(event);
        byte[] previous = ChainEncoding.genesis(AuditTrail.TENANT);
        String sample = AuditTrail.line(1, event, previous, previous);
        String fields = sample.substring("{\"seq\":1".length(), sample.indexOf("\"prev_hash\":"));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (BufferedWriter writer = Files.newBufferedWriter(stream, StandardCharsets.UTF_8)) {
            for (long seq = 1; seq <= EVENTS; seq++) {
                sha256.update(previous);
                byte[] hash = sha256.digest(eventBytes);
                writer.write("{\"seq\":" + seq + fields + "\"prev_hash\":\"" + ChainEncoding.hex(previous)
                        + "\",\"hash\":\"" + ChainEncoding.hex(hash) + "\"}\n");
                previous = hash;
            }
        }
        return stream;
    }
}
