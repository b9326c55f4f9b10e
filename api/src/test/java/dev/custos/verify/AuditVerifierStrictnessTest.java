package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.ChainedEvent;
import dev.custos.verify.AuditTrail.Run;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evidence that differs from what the service served is refused, even where a kind reading would make it verify:
 * a field left out instead of null, a signature without its padding, a byte that is not UTF-8, a CR, a string
 * escape that is not Unicode text. Each was once accepted.
 */
class AuditVerifierStrictnessTest {

    @TempDir
    Path directory;

    /** Line 5's payload note holds U+FFFD and a question mark: what the byte and surrogate cases then change. */
    private final AuditTrail trail = AuditTrail.of(
            seq -> {
                ChainedEvent event = AuditTrail.event(seq);
                if (seq != 5) {
                    return event;
                }
                JsonNode payload = ChainEncoding.JSON.readTree("{\"note\":\"a \uFFFD and a ?\"}");
                return new ChainedEvent(
                        event.eventId(),
                        event.eventType(),
                        event.revision(),
                        event.aggregateType(),
                        event.aggregateId(),
                        event.aggregateSequence(),
                        event.occurredAt(),
                        payload);
            },
            10,
            10);

    @Test
    void theUntouchedTrailVerifies() throws IOException {
        assertThat(trail.verify(directory).exit()).isZero();
    }

    @Test
    void aNullFieldLeftOutIsMissingNotNull() throws IOException {
        ObjectNode line = trail.parse(10);
        assertThat(line.get("aggregate_type").isNull()).isTrue();
        line.remove("aggregate_type");
        trail.set(10, line);

        assertFailure(trail.verify(directory), "line 10 (seq 10): \"aggregate_type\" is missing");
    }

    @Test
    void aSignatureWithoutItsPaddingIsRefused() throws IOException {
        Map<String, Object> checkpoint = trail.checkpoints.get(0);
        String padded = (String) checkpoint.get("signature");
        assertThat(padded).endsWith("=");
        checkpoint.put("signature", padded.replace("=", ""));

        assertFailure(trail.verify(directory), "its signature is not padded, canonical base64");
    }

    @Test
    void aByteThatIsNotUtf8IsRefusedAtItsLine() throws IOException {
        Path stream = streamWithLine5(
                line -> replace(line, "\uFFFD".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF}));

        assertFailure(runOn(stream), "line 5: is not UTF-8");
    }

    @Test
    void aLoneSurrogateIsNotTheQuestionMarkItWouldBeEncodedAs() throws IOException {
        Path stream = streamWithLine5(line -> replace(
                line, "and a ?".getBytes(StandardCharsets.UTF_8), "and a \\ud800".getBytes(StandardCharsets.UTF_8)));

        assertFailure(runOn(stream), "line 5 (expected seq 5): a string holds a lone surrogate");
    }

    @Test
    void aCarriageReturnIsRefused() throws IOException {
        Path stream = streamWithLine5(line -> {
            byte[] withCr = new byte[line.length + 1];
            System.arraycopy(line, 0, withCr, 0, line.length);
            withCr[line.length] = '\r';
            return withCr;
        });

        assertFailure(runOn(stream), "line 5: holds a carriage return");
    }

    /** The stream as bytes, LF after each line, with line 5's bytes changed by {@code change}. */
    private Path streamWithLine5(java.util.function.UnaryOperator<byte[]> change) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int number = 1; number <= trail.lines.size(); number++) {
            byte[] line = trail.lines.get(number - 1).getBytes(StandardCharsets.UTF_8);
            bytes.writeBytes(number == 5 ? change.apply(line) : line);
            bytes.write('\n');
        }
        return Files.write(directory.resolve("stream.ndjson"), bytes.toByteArray());
    }

    private Run runOn(Path stream) throws IOException {
        Path checkpoints = Files.writeString(directory.resolve("checkpoints.json"), trail.checkpointsAnswer());
        Path keys = AuditTrail.writeKeys(directory.resolve("trusted.pem"), trail.signingKey);
        return AuditTrail.run(
                "--stream",
                stream.toString(),
                "--checkpoints",
                checkpoints.toString(),
                "--public-key",
                keys.toString());
    }

    private static byte[] replace(byte[] line, byte[] what, byte[] with) {
        for (int at = 0; at + what.length <= line.length; at++) {
            if (java.util.Arrays.equals(line, at, at + what.length, what, 0, what.length)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(line, 0, at);
                out.writeBytes(with);
                out.write(line, at + what.length, line.length - at - what.length);
                return out.toByteArray();
            }
        }
        throw new AssertionError("line 5 does not hold what the test changes");
    }

    private static void assertFailure(Run run, String message) {
        assertThat(run.exit()).as(run.out()).isEqualTo(VerifyAuditCommand.FAILED);
        assertThat(run.out()).startsWith("FAILED: ").contains(message);
    }
}
