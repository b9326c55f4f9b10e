package dev.custos.api.audit.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.api.audit.witness.WitnessOutcome.Cosigned;
import dev.custos.api.audit.witness.WitnessOutcome.Reason;
import dev.custos.api.audit.witness.WitnessOutcome.Refused;
import dev.custos.api.support.TestLog;
import dev.custos.api.support.TestWitness;
import dev.custos.events.chain.Note;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The witness client against the test witness, over HTTP. */
class WitnessesTest {

    private final TestLog log = TestLog.create("custos.example/custos/t1").append(5, "entry");
    private final List<long[]> proofsAsked = new ArrayList<>();
    private TestWitness testWitness;
    private Witness witness;
    private Witnesses witnesses;

    @BeforeEach
    void start() throws IOException {
        testWitness = TestWitness.start("witness.example/w1", List.of(log.key()));
        witness = new Witness(testWitness.key(), testWitness.submissionPrefix());
        witnesses = new Witnesses(List.of(witness), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        testWitness.close();
    }

    @Test
    void aConsistentHeadIsCosignedAndTheCosignatureVerifiesOnTheServedNote() {
        Cosigned first = cosigned(cosign(log, 0));
        log.append(4, "entry");

        Cosigned next = cosigned(cosign(log, first.size()));

        assertThat(first.size()).isEqualTo(5);
        assertThat(next.size()).isEqualTo(9);
        assertThat(proofsAsked).containsExactly(new long[] {5, 9});
        String served = log.signedCheckpoint() + next.signatureLines();
        Note note = Note.parse(served);
        assertThat(note.verifiedBy(List.of(log.key()))).hasSize(1);
        assertThat(note.verifiedBy(List.of(testWitness.key()))).hasSize(1);
    }

    @Test
    void aForkedLogIsRefusedAsInconsistent() {
        cosigned(cosign(log, 0));

        Refused longer = refused(cosign(log.fork(3).append(6, "forged"), 5));
        Refused sameSize = refused(cosign(log.fork(3).append(2, "forged"), 5));

        assertThat(longer.reason()).isEqualTo(Reason.INCONSISTENT);
        assertThat(sameSize.reason()).isEqualTo(Reason.INCONSISTENT);
        assertThat(testWitness.recordedSize(log.origin())).isEqualTo(5);
    }

    @Test
    void aProofThatDoesNotVerifyIsRefused() {
        cosigned(cosign(log, 0));
        log.append(4, "entry");

        WitnessOutcome outcome = witnesses
                .cosign(log.signedCheckpoint(), w -> 5, (from, to) -> {
                    List<byte[]> proof = log.consistencyProof(from, to);
                    proof.get(proof.size() - 1)[31] ^= 1;
                    return proof;
                })
                .get(0);

        assertThat(refused(outcome).reason()).isEqualTo(Reason.INCONSISTENT);
        assertThat(testWitness.recordedSize(log.origin())).isEqualTo(5);
    }

    @Test
    void a409IsFollowedByOneRetryFromTheWitnesssSize() {
        cosigned(cosign(log, 0));
        log.append(3, "entry");

        // The log lost track of what the witness holds: it says 0, the witness says 5.
        Cosigned outcome = cosigned(cosign(log, 0));

        assertThat(outcome.size()).isEqualTo(8);
        assertThat(testWitness.answers()).containsExactly(200, 409, 200);
        assertThat(proofsAsked).containsExactly(new long[] {5, 8});
    }

    @Test
    void aWitnessAheadOfTheCheckpointIsRefusedAfterItsSizeIsLearned() {
        TestLog longer = log.fork(5).append(5, "entry");
        cosigned(cosign(longer, 0));

        Refused outcome = refused(cosign(log, 0));

        assertThat(outcome.reason()).isEqualTo(Reason.WITNESS_AHEAD);
        assertThat(testWitness.answers()).containsExactly(200, 409);
    }

    @Test
    void aCosignatureByAnotherKeyIsRefused() throws IOException {
        try (TestWitness impostor = TestWitness.start("witness.example/w1", List.of(log.key()))) {
            Witness expectingTheRealKey = new Witness(testWitness.key(), impostor.submissionPrefix());
            Witnesses configured =
                    new Witnesses(List.of(expectingTheRealKey), Duration.ofSeconds(2), Duration.ofSeconds(5));

            WitnessOutcome outcome = configured
                    .cosign(log.signedCheckpoint(), w -> 0, log::consistencyProof)
                    .get(0);

            assertThat(refused(outcome).reason()).isEqualTo(Reason.BAD_COSIGNATURE);
            assertThat(impostor.answers()).containsExactly(200);
        }
    }

    @Test
    void aLogTheWitnessDoesNotTrustIsNotAccepted() {
        TestLog unknown = TestLog.create("elsewhere.example/log").append(1, "entry");

        assertThat(refused(cosign(unknown, 0)).reason()).isEqualTo(Reason.NOT_ACCEPTED);
        assertThat(refused(witnesses
                                .cosign(log.signedByAnotherKey(), w -> 0, log::consistencyProof)
                                .get(0))
                        .reason())
                .isEqualTo(Reason.NOT_ACCEPTED);
    }

    @Test
    void aWitnessThatCannotBeReachedIsUnavailableWithinTheTimeouts() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Witnesses unreachable = new Witnesses(
                List.of(new Witness(testWitness.key(), URI.create("http://127.0.0.1:" + closedPort + "/w"))),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));

        WitnessOutcome outcome = unreachable
                .cosign(log.signedCheckpoint(), w -> 0, log::consistencyProof)
                .get(0);

        assertThat(refused(outcome).reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(refused(outcome).detail()).doesNotContain(String.valueOf(closedPort));
    }

    @Test
    void readsTheConfiguredWitnesses() {
        String entry = testWitness.key() + " https://witness.example/w1";

        List<Witness> parsed = new WitnessProperties(List.of(" " + entry + " ", "")).parsed();

        assertThat(parsed).containsExactly(new Witness(testWitness.key(), URI.create("https://witness.example/w1")));
        assertThat(parsed.get(0).addCheckpoint()).isEqualTo(URI.create("https://witness.example/w1/add-checkpoint"));
        assertThat(new WitnessProperties(null).parsed()).isEmpty();
        assertThatThrownBy(() -> Witness.parse(log.key() + " https://witness.example/w1"))
                .hasMessageContaining("type 0x04");
        assertThatThrownBy(() -> Witness.parse(testWitness.key() + " https://user:pw@witness.example/w1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> Witness.parse(testWitness.key().toString()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private WitnessOutcome cosign(TestLog from, long lastKnownSize) {
        return witnesses
                .cosign(from.signedCheckpoint(), w -> lastKnownSize, (a, b) -> {
                    proofsAsked.add(new long[] {a, b});
                    return from.consistencyProof(a, b);
                })
                .get(0);
    }

    private static Cosigned cosigned(WitnessOutcome outcome) {
        assertThat(outcome).isInstanceOf(Cosigned.class);
        return (Cosigned) outcome;
    }

    private static Refused refused(WitnessOutcome outcome) {
        assertThat(outcome).isInstanceOf(Refused.class);
        return (Refused) outcome;
    }
}
