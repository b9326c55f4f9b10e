package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.AuditProofs;
import dev.custos.api.support.IntegrationTest;
import dev.custos.verify.VerifyAuditCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custos verify-audit} on what the live routes serve, byte for byte: the whole stream against a signed tree
 * head, only the new lines from a head kept earlier with a consistency proof, and one entry's receipt, each with
 * the keys pinned before anything was signed, never taken from the answer being checked.
 */
class VerifyTransparencyLogIT extends IntegrationTest {

    @TempDir
    private Path files;

    private Caller platform;
    private String noteKey;
    private Path publicKey;

    @BeforeEach
    void anAuditorWithPinnedKeys() throws IOException {
        UUID operator = UUID.randomUUID();
        platform = as(operator, createTenant(operator));
        platform.addMember(UUID.randomUUID());
        publicKey = AuditProofs.pinPublicKey(platform, files);
        noteKey = (String) platform.get("/api/audit/checkpoints")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("note_verifier_key");
    }

    @Test
    void theWholeStreamVerifiesAgainstTheSignedTreeHead() throws IOException {
        Path note = signAndFetchNote("head.note");
        Path checkpoints = fetch("/api/audit/checkpoints", "checkpoints.json");
        Path stream = fetch("/api/audit/stream", "stream.ndjson");

        assertThat(verify(
                        "--stream",
                        stream,
                        "--checkpoints",
                        checkpoints,
                        "--public-key",
                        publicKey,
                        "--note",
                        note,
                        "--note-key",
                        noteKey))
                .startsWith("OK");
        Files.writeString(note, Files.readString(note).replaceFirst("\n(\\d+)\n", "\n1\n"));
        assertThat(verify(
                        "--stream",
                        stream,
                        "--checkpoints",
                        checkpoints,
                        "--public-key",
                        publicKey,
                        "--note",
                        note,
                        "--note-key",
                        noteKey))
                .startsWith("FAILED");
    }

    @Test
    void onlyTheNewLinesVerifyFromAHeadKeptEarlier() throws IOException {
        Path old = signAndFetchNote("old.note");
        long kept = size(old);
        platform.addMember(UUID.randomUUID());
        Path latest = signAndFetchNote("new.note");
        long now = size(latest);
        Path lines = fetch("/api/audit/stream?after_seq=" + kept, "new-lines.ndjson");
        Path proof = fetch("/api/audit/proof/consistency?from=" + kept + "&to=" + now, "consistency.json");
        Path checkpoints = fetch("/api/audit/checkpoints", "checkpoints.json");

        assertThat(verify(
                        "--stream",
                        lines,
                        "--checkpoints",
                        checkpoints,
                        "--public-key",
                        publicKey,
                        "--from-checkpoint",
                        old,
                        "--note",
                        latest,
                        "--consistency",
                        proof,
                        "--note-key",
                        noteKey))
                .startsWith("OK");
    }

    @Test
    void oneEntrysReceiptVerifiesAlone() throws IOException {
        Path note = signAndFetchNote("head.note");
        String stream = AuditProofs.stream(platform);
        String second = stream.lines().skip(1).findFirst().orElseThrow();
        Path entry = Files.writeString(files.resolve("entry.ndjson"), second + "\n");
        Path inclusion = fetch("/api/audit/proof/inclusion?seq=2&tree_size=" + size(note), "inclusion.json");

        assertThat(verify("--entry", entry, "--inclusion", inclusion, "--note", note, "--note-key", noteKey))
                .startsWith("OK");
        Files.writeString(entry, second.replace("\"seq\":2", "\"seq\":3") + "\n");
        assertThat(verify("--entry", entry, "--inclusion", inclusion, "--note", note, "--note-key", noteKey))
                .startsWith("FAILED");
    }

    private Path signAndFetchNote(String name) throws IOException {
        platform.post("/api/audit/checkpoints", Map.of()).expectStatus().isCreated();
        return fetch("/api/audit/checkpoint", name);
    }

    private Path fetch(String path, String name) throws IOException {
        byte[] body = platform.get(path)
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return Files.write(files.resolve(name), body);
    }

    private static long size(Path note) throws IOException {
        return Long.parseLong(Files.readAllLines(note).get(1));
    }

    private static String verify(Object... args) {
        List<String> arguments = new ArrayList<>();
        for (Object arg : args) {
            arguments.add(arg.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        VerifyAuditCommand.run(
                arguments.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }
}
