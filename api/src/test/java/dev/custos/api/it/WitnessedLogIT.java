package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import dev.custos.api.support.TestWitness;
import dev.custos.events.chain.Checkpoint;
import dev.custos.events.chain.Note;
import dev.custos.events.chain.NoteSignature;
import dev.custos.events.chain.NoteVerifierKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit log cosigned by witnesses, through HTTP: every checkpoint signed is sent to the configured witnesses, the
 * served signed tree head carries their cosignatures after the log's signature, a witness that is down only leaves
 * its cosignature out, and a head a witness refused as inconsistent with what it cosigned before is never served.
 */
class WitnessedLogIT extends IntegrationTest {

    /** A witness that follows the specification; it learns each test tenant's log once the tenant exists. */
    private static final TestWitness WITNESS = start("witness.test/w1");
    /** A configured witness nobody answers for: its port is closed before the service starts. */
    private static final TestWitness DOWN = start("witness.test/down");

    static {
        DOWN.close();
    }

    @DynamicPropertySource
    static void witnesses(DynamicPropertyRegistry registry) {
        registry.add(
                "custos.audit.witnesses",
                () -> WITNESS.key() + " " + WITNESS.submissionPrefix() + "," + DOWN.key() + " "
                        + DOWN.submissionPrefix());
    }

    @AfterAll
    static void stopWitness() {
        WITNESS.close();
    }

    private Caller platform;
    private UUID tenant;
    private NoteVerifierKey logKey;
    private String origin;

    @BeforeEach
    void tenantWhoseLogTheWitnessTrusts() {
        UUID operator = UUID.randomUUID();
        tenant = createTenant(operator);
        platform = as(operator, tenant);
        logKey = NoteVerifierKey.parse((String) platform.get("/api/audit/checkpoints")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("note_verifier_key"));
        // Each tenant's log has its own origin under the service's note key name.
        origin = logKey.name() + "/" + tenant;
        WITNESS.trust(origin, logKey);
    }

    @Test
    void twoCheckpointsInARowAreEachCosignedAndServedWithTheirCosignature() {
        long first = sign();
        Note firstHead = servedHead();
        assertThat(Checkpoint.parse(firstHead.text()).size()).isEqualTo(first);
        assertCosignedByLogAndWitness(firstHead);
        assertThat(WITNESS.recordedSize(origin)).isEqualTo(first);

        platform.addMember(UUID.randomUUID());
        int answered = WITNESS.answers().size();
        long second = sign();
        assertThat(second).isGreaterThan(first);
        // One answer, a cosignature: the witness was sent a proof from the size it held, which it verified.
        assertThat(WITNESS.answers().subList(answered, WITNESS.answers().size()))
                .containsExactly(200);
        Note secondHead = servedHead();
        assertThat(Checkpoint.parse(secondHead.text()).size()).isEqualTo(second);
        assertCosignedByLogAndWitness(secondHead);
        assertThat(WITNESS.recordedSize(origin)).isEqualTo(second);
        assertThat(refusals("UNAVAILABLE")).isEqualTo(2);
    }

    @Test
    void aHeadTheWitnessRefusedIsNeverServed() {
        long first = sign();
        String good = served();
        assertCosignedByLogAndWitness(Note.parse(good));

        // The witness now holds another tree of that size: the log's next head does not extend what it saw.
        WITNESS.believe(origin, first, sha256("a forked view"));
        platform.addMember(UUID.randomUUID());
        long refused = sign();
        assertThat(refused).isGreaterThan(first);
        assertThat(refusals("INCONSISTENT")).isEqualTo(1);
        assertThat(served()).isEqualTo(good);
        assertThat(platform.get("/api/audit/proof/inclusion?seq=1")
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("tree_size"))
                .isEqualTo((int) first);

        platform.addMember(UUID.randomUUID());
        sign();
        assertThat(refusals("INCONSISTENT")).isEqualTo(2);
        assertThat(served()).isEqualTo(good);
    }

    private void assertCosignedByLogAndWitness(Note head) {
        assertThat(head.signatures())
                .extracting(NoteSignature::keyName)
                .containsExactly(logKey.name(), "witness.test/w1");
        assertThat(head.verifiedBy(List.of(logKey))).hasSize(1);
        assertThat(head.verifiedBy(List.of(WITNESS.key()))).hasSize(1);
    }

    private long sign() {
        return ((Number) platform.post("/api/audit/checkpoints", Map.of())
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("seq"))
                .longValue();
    }

    private String served() {
        return platform.get("/api/audit/checkpoint")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private Note servedHead() {
        return Note.parse(served());
    }

    private long refusals(String reason) {
        return TestDatabase.count(
                databaseName(),
                "SELECT count(*) FROM audit_witness_refusals WHERE tenant_id = '" + tenant + "' AND reason = '" + reason
                        + "'");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestWitness start(String name) {
        try {
            return TestWitness.start(name, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
