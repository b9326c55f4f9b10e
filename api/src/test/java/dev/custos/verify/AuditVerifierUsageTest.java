package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.verify.AuditTrail.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command that cannot be run answers 2 with what is wrong and the usage, and verifies nothing. */
class AuditVerifierUsageTest {

    @TempDir
    Path directory;

    private final AuditTrail trail = AuditTrail.of(5, 5);

    @Test
    void noArguments() {
        assertUsageError(AuditTrail.run(), "--stream, --checkpoints and at least one --public-key are needed");
    }

    @Test
    void noPublicKey() throws IOException {
        trail.verify(directory);

        assertUsageError(
                AuditTrail.run("--stream", file("stream.ndjson"), "--checkpoints", file("checkpoints.json")),
                "at least one --public-key");
    }

    @Test
    void anUnknownOption() {
        assertUsageError(AuditTrail.run("--strem", "x"), "unknown option --strem");
    }

    @Test
    void anOptionWithoutItsFile() {
        assertUsageError(AuditTrail.run("--stream"), "--stream needs a FILE");
    }

    @Test
    void anUnreadableFile() throws IOException {
        trail.verify(directory);

        assertUsageError(
                AuditTrail.run(
                        "--stream",
                        file("absent.ndjson"),
                        "--checkpoints",
                        file("checkpoints.json"),
                        "--public-key",
                        file("trusted.pem")),
                "cannot read " + file("absent.ndjson"));
    }

    @Test
    void aKeyFileWithoutAPublicKey() throws IOException {
        trail.verify(directory);
        Files.writeString(
                directory.resolve("private.pem"),
                "-----BEGIN PRIVATE KEY-----\nAAAA\n" + "-----END PRIVATE KEY-----\n");

        assertUsageError(
                AuditTrail.run(
                        "--stream",
                        file("stream.ndjson"),
                        "--checkpoints",
                        file("checkpoints.json"),
                        "--public-key",
                        file("private.pem")),
                "holds no PEM \"PUBLIC KEY\" block");
    }

    @Test
    void helpIsNotAnError() {
        Run run = AuditTrail.run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("usage: custos verify-audit --stream FILE");
    }

    private String file(String name) {
        return directory.resolve(name).toString();
    }

    private static void assertUsageError(Run run, String message) {
        assertThat(run.exit()).isEqualTo(VerifyAuditCommand.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("custos verify-audit: ")
                .contains(message)
                .contains("usage: custos verify-audit");
    }
}
