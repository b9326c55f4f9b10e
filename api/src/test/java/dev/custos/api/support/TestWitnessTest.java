package dev.custos.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.chain.Note;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test witness on its own, over HTTP: it answers as a tlog-witness must, and cosigns only consistent heads. */
class TestWitnessTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestLog log = TestLog.create("custos.example/custos/t1").append(5, "entry");
    private TestWitness witness;

    @BeforeEach
    void start() throws IOException {
        witness = TestWitness.start("witness.example/w1", List.of(log.key()));
    }

    @AfterEach
    void stop() {
        witness.close();
    }

    @Test
    void cosignsAFirstCheckpointAndThenOnlyConsistentExtensions() throws Exception {
        HttpResponse<String> first = post(0, List.of(), log.signedCheckpoint());

        assertThat(first.statusCode()).isEqualTo(200);
        assertCosignedBy(witness, log.checkpointText(), first.body());
        assertThat(witness.recordedSize(log.origin())).isEqualTo(5);

        log.append(4, "entry");
        HttpResponse<String> next = post(5, log.consistencyProof(5, 9), log.signedCheckpoint());

        assertThat(next.statusCode()).isEqualTo(200);
        assertCosignedBy(witness, log.checkpointText(), next.body());
        assertThat(witness.recordedSize(log.origin())).isEqualTo(9);
    }

    @Test
    void cosignsTheSameHeadAgain() throws Exception {
        post(0, List.of(), log.signedCheckpoint());

        HttpResponse<String> again = post(5, List.of(), log.signedCheckpoint());

        assertThat(again.statusCode()).isEqualTo(200);
        assertCosignedBy(witness, log.checkpointText(), again.body());
    }

    @Test
    void answers409WithItsSizeWhenTheOldSizeIsNotTheOneItHolds() throws Exception {
        post(0, List.of(), log.signedCheckpoint());
        log.append(3, "entry");

        HttpResponse<String> stale = post(0, List.of(), log.signedCheckpoint());
        HttpResponse<String> ahead = post(7, log.consistencyProof(7, 8), log.signedCheckpoint());

        for (HttpResponse<String> conflict : List.of(stale, ahead)) {
            assertThat(conflict.statusCode()).isEqualTo(409);
            assertThat(conflict.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
            assertThat(conflict.body()).isEqualTo("5\n");
        }
        assertThat(witness.recordedSize(log.origin())).isEqualTo(5);
    }

    @Test
    void refusesAForkedHistoryWith422AndKeepsItsHead() throws Exception {
        post(0, List.of(), log.signedCheckpoint());
        TestLog fork = log.fork(3).append(6, "forged");

        HttpResponse<String> forked = post(5, fork.consistencyProof(5, 9), fork.signedCheckpoint());

        assertThat(forked.statusCode()).isEqualTo(422);
        assertThat(witness.recordedSize(log.origin())).isEqualTo(5);
    }

    @Test
    void refusesAnotherRootAtTheSameSizeWith409() throws Exception {
        post(0, List.of(), log.signedCheckpoint());
        TestLog fork = log.fork(3).append(2, "forged");

        HttpResponse<String> forked = post(5, List.of(), fork.signedCheckpoint());

        assertThat(forked.statusCode()).isEqualTo(409);
        assertThat(forked.body()).isEqualTo("5\n");
    }

    @Test
    void refusesAProofThatDoesNotVerify() throws Exception {
        post(0, List.of(), log.signedCheckpoint());
        log.append(4, "entry");
        List<byte[]> proof = log.consistencyProof(5, 9);
        proof.get(0)[0] ^= 1;

        assertThat(post(5, proof, log.signedCheckpoint()).statusCode()).isEqualTo(422);
        assertThat(post(5, List.of(), log.signedCheckpoint()).statusCode()).isEqualTo(422);
        assertThat(witness.recordedSize(log.origin())).isEqualTo(5);
    }

    @Test
    void answers404ForAnUnknownOriginAnd403ForASignatureItDoesNotTrust() throws Exception {
        TestLog unknown = TestLog.create("elsewhere.example/log").append(2, "entry");

        assertThat(post(0, List.of(), unknown.signedCheckpoint()).statusCode()).isEqualTo(404);
        assertThat(post(0, List.of(), log.signedByAnotherKey()).statusCode()).isEqualTo(403);
        assertThat(witness.recordedSize(log.origin())).isZero();
    }

    @Test
    void answers400ForMalformedRequestsAndAnOldSizePastTheCheckpoint() throws Exception {
        String note = log.signedCheckpoint();
        List<String> malformed = List.of(
                "old 0\n" + note,
                "old 00\n\n" + note,
                "old -1\n\n" + note,
                "new 0\n\n" + note,
                "old 0\nnot a hash\n\n" + note,
                "old 0\n\n" + log.checkpointText(),
                "old 0\n\n" + note.replace("\n5\n", "\n05\n"),
                "old 0\n" + ("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n").repeat(64) + "\n" + note);
        for (String body : malformed) {
            assertThat(post(body).statusCode()).as(body).isEqualTo(400);
        }
        assertThat(post(6, List.of(), note).statusCode()).isEqualTo(400);
        assertThat(witness.recordedSize(log.origin())).isZero();
    }

    private static void assertCosignedBy(TestWitness witness, String checkpointText, String answer) {
        assertThat(answer).startsWith("\u2014 witness.example/w1 ").endsWith("\n");
        assertThat(Note.parse(checkpointText + "\n" + answer).verifiedBy(List.of(witness.key())))
                .hasSize(1);
    }

    private HttpResponse<String> post(long old, List<byte[]> proof, String note) throws Exception {
        StringBuilder body = new StringBuilder("old " + old + "\n");
        proof.forEach(
                hash -> body.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        return post(body.append('\n').append(note).toString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(witness.submissionPrefix() + "/add-checkpoint"))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
