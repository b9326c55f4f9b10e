package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.custos.api.config.DatabaseEndpoint;
import dev.custos.api.support.AuditProofs;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import dev.custos.query.audit.CheckpointSigner;
import dev.custos.query.audit.Checkpoints;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The audit chain: every event of a tenant is chained exactly once, in one order that a late commit cannot fork or
 * skip; the stream and checkpoints are the tenant's platform operators', audited, and verifiable by an auditor.
 */
class AuditChainIT extends IntegrationTest {

    @TempDir
    private Path files;

    @Autowired
    private Checkpoints checkpoints;

    @Autowired
    private CheckpointSigner signer;

    private UUID operator;
    private UUID tenant;
    private Caller platform;

    @BeforeEach
    void tenantWithAPlatformOperator() {
        operator = UUID.randomUUID();
        tenant = createTenant(operator);
        platform = as(operator, tenant);
    }

    @Test
    void concurrentWritersAndALateCommitMakeOneUnbrokenChainOfEveryEvent() throws Exception {
        try (Connection late = TestDatabase.connect(databaseUrl(), DatabaseEndpoint.APP_ROLE, "runtime-password")) {
            // An event whose transaction stays open while others commit after it: a gap in the global index.
            late.setAutoCommit(false);
            insertEvent(late, "{\"tenantId\":\"" + tenant + "\",\"note\":\"late\"}");
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                done.add(writers.submit(() -> platform.addMember(UUID.randomUUID())));
            }
            for (Future<?> each : done) {
                each.get();
            }
            writers.shutdown();
            Thread.sleep(500);
            // Nothing after the open transaction is chained ahead of it: the chain waits rather than skip it.
            assertThat(chained()).isLessThan(stored());
            late.commit();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> chained() == stored());

        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM audit_chain c JOIN domain_event_entry e "
                                + "USING (global_index) WHERE c.tenant_id = '" + tenant
                                + "' AND e.tenant_id = c.tenant_id"))
                .isEqualTo(stored());
        assertThat(TestDatabase.count(
                        databaseName(), "SELECT max(seq) FROM audit_chain WHERE tenant_id = '" + tenant + "'"))
                .isEqualTo(stored());
        // The late event is chained before every event that committed while it was open.
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM audit_chain c JOIN domain_event_entry e "
                                + "USING (global_index) WHERE c.tenant_id = '" + tenant
                                + "' AND e.global_index > (SELECT "
                                + "global_index FROM domain_event_entry WHERE payload_type = 'dev.custos.test.LateCommit' AND "
                                + "tenant_id = '" + tenant + "') AND c.seq < (SELECT c2.seq FROM audit_chain c2 JOIN "
                                + "domain_event_entry e2 USING (global_index) WHERE e2.payload_type = 'dev.custos.test.LateCommit' "
                                + "AND e2.tenant_id = '" + tenant + "')"))
                .isZero();

        List<JsonNode> lines = AuditProofs.lines(stream(""));
        assertThat(lines).hasSizeGreaterThanOrEqualTo((int) stored() - 1);
        assertThat(verified()).startsWith("OK: ");
        assertThat(lines)
                .allSatisfy(
                        line -> assertThat(line.get("payload").get("tenantId").asString())
                                .isEqualTo(tenant.toString()));
    }

    /**
     * Transaction ids are ordered as numbers, also where their digits grow (9,999 then 10,000): events held behind
     * an open transaction, then released together across such a boundary, are chained once each, in their order.
     */
    @Test
    void transactionIdsThatGainADigitKeepTheirOrder() throws Exception {
        try (Connection late = TestDatabase.connect(databaseUrl(), DatabaseEndpoint.APP_ROLE, "runtime-password")) {
            long next = burnTransactionIdsUntilAPowerOfTenIsNear();
            late.setAutoCommit(false);
            insertEvent(late, "{\"tenantId\":\"" + tenant + "\",\"n\":0}");
            for (int n = 1; n <= 30; n++) {
                try (Connection writer =
                        TestDatabase.connect(databaseUrl(), DatabaseEndpoint.APP_ROLE, "runtime-password")) {
                    insertEvent(writer, "{\"tenantId\":\"" + tenant + "\",\"n\":" + n + "}");
                }
            }
            assertThat(TestDatabase.count(
                            databaseName(),
                            "SELECT max(tx_id::text::bigint) FROM domain_event_entry " + "WHERE tenant_id = '" + tenant
                                    + "'"))
                    .as("the events cross " + next)
                    .isGreaterThan(next);
            late.commit();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> chained() == stored());
        // One link per event, in the order of their transactions, which here is the order they were stored in.
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM audit_chain a JOIN audit_chain b "
                                + "ON a.tenant_id = b.tenant_id AND a.seq < b.seq WHERE a.tenant_id = '" + tenant + "' "
                                + "AND a.global_index > b.global_index"))
                .isZero();
        assertThat(verified()).startsWith("OK: ");
    }

    /** Spends transaction ids (cheaply: no flush per commit) until the next is a few short of a power of ten. */
    private long burnTransactionIdsUntilAPowerOfTenIsNear() throws SQLException {
        try (Connection owner = TestDatabase.connect(databaseUrl(), TestDatabase.OWNER, "owner");
                Statement statement = owner.createStatement()) {
            statement.execute("SET synchronous_commit = off");
            long current = TestDatabase.count(databaseName(), "SELECT pg_current_xact_id()::text::bigint");
            long power = 10;
            while (power < current + 50) {
                power *= 10;
            }
            statement.execute("DO $$ BEGIN WHILE pg_current_xact_id()::text::bigint < " + (power - 8)
                    + " LOOP COMMIT; END LOOP; END $$");
            return power;
        }
    }

    @Test
    void anEventThatNamesNoTenantCannotBeStored() throws SQLException {
        try (Connection app = TestDatabase.connect(databaseUrl(), DatabaseEndpoint.APP_ROLE, "runtime-password")) {
            assertThatThrownBy(() -> insertEvent(app, "{\"note\":\"whose?\"}"))
                    .hasMessageContaining("must name its tenant");
        }
    }

    @Test
    void theStreamIsThePlatformOperatorsAndEveryRequestIsAudited() {
        UUID legal = UUID.randomUUID();
        platform.addMember(legal);
        platform.assign("legal_operator", legal, null);
        long auditRows = auditRows("audit_stream");

        as(legal, tenant).get("/api/audit/stream").expectStatus().isForbidden();
        assertThat(auditRows("audit_stream")).isEqualTo(auditRows);

        UUID stranger = UUID.randomUUID();
        UUID otherTenant = createTenant(stranger);
        as(stranger, tenant).get("/api/audit/stream").expectStatus().isForbidden();
        as(stranger, otherTenant).get("/api/audit/stream").expectStatus().isOk();

        await().atMost(Duration.ofSeconds(5)).until(() -> chained() == stored());
        String body = stream("?after_seq=0&limit=3");
        assertThat(AuditProofs.lines(body))
                .hasSize(3)
                .extracting(line -> line.get("seq").asLong())
                .containsExactly(1L, 2L, 3L);
        assertThat(auditRows("audit_stream")).isEqualTo(auditRows + 1);
        assertThat(AuditProofs.lines(stream("?after_seq=2&limit=1"))
                        .get(0)
                        .get("seq")
                        .asLong())
                .isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"after_seq=-1", "after_seq=x", "limit=0", "limit=10000001"})
    void badParametersAreProblems(String query) {
        platform.get("/api/audit/stream?" + query)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json");
    }

    @Test
    void checkpointsAreSignedChainedToEachOtherAndPublishedWithTheKey() throws Exception {
        Map<?, ?> first = sign(201);
        Map<?, ?> second = sign(201);
        assertThat(first.get("number")).isEqualTo(1);
        assertThat(first.get("prev_signature")).isNull();
        assertThat(second.get("number")).isEqualTo(2);
        assertThat(second.get("prev_signature")).isEqualTo(first.get("signature"));

        Map<?, ?> published = platform.get("/api/audit/checkpoints")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String publicKey = (String) published.get("public_key");
        assertThat(published.get("algorithm")).isEqualTo("Ed25519");
        assertThat(List.<Object>copyOf((List<?>) published.get("checkpoints"))).containsExactly(second, first);
        assertThat(AuditProofs.signedBy(first, tenant, publicKey)).isTrue();
        assertThat(AuditProofs.signedBy(second, tenant, publicKey)).isTrue();
        Map<Object, Object> forged = new java.util.HashMap<>(second);
        forged.put("seq", ((Number) second.get("seq")).longValue() + 1);
        assertThat(AuditProofs.signedBy(forged, tenant, publicKey)).isFalse();

        // Each checkpoint names the hash the stream shows at its seq.
        List<JsonNode> lines = AuditProofs.lines(stream(""));
        long seq = ((Number) second.get("seq")).longValue();
        assertThat(lines.get((int) seq - 1).get("hash").asString()).isEqualTo(second.get("hash"));
        assertThat(auditRows("audit_checkpoint")).isEqualTo(2);
    }

    /**
     * What the periodic round signs: a tenant whose head moved, and never the same head twice. (The service's own
     * round may run meanwhile; it does the same, so the assertions hold either way.)
     */
    @Test
    void thePeriodicRoundSignsMovedHeadsOnly() {
        await().atMost(Duration.ofSeconds(5)).until(() -> chained() == stored());
        checkpoints.signMovedHeads(signer);
        checkpoints.signMovedHeads(signer);
        assertThat(newestCheckpointSeq()).isEqualTo(stored());

        platform.addMember(UUID.randomUUID());
        await().atMost(Duration.ofSeconds(5)).until(() -> chained() == stored());
        checkpoints.signMovedHeads(signer);
        assertThat(newestCheckpointSeq()).isEqualTo(stored());
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) - count(DISTINCT seq) FROM audit_checkpoints " + "WHERE tenant_id = '" + tenant
                                + "'"))
                .isZero();
    }

    private long newestCheckpointSeq() {
        return TestDatabase.count(
                databaseName(), "SELECT max(seq) FROM audit_checkpoints WHERE tenant_id = '" + tenant + "'");
    }

    /** What {@code custos verify-audit} says of the tenant's stream and checkpoints, fetched over HTTP now. */
    private String verified() throws Exception {
        AuditProofs.Verdict verdict =
                AuditProofs.fetchAndVerify(platform, files, AuditProofs.pinPublicKey(platform, files));
        assertThat(verdict.exit()).as(verdict.output()).isZero();
        return verdict.output();
    }

    private Map<?, ?> sign(int status) {
        return platform.post("/api/audit/checkpoints", Map.of())
                .expectStatus()
                .isEqualTo(status)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private String stream(String query) {
        byte[] body = platform.get("/api/audit/stream" + query)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/x-ndjson")
                .expectBody()
                .returnResult()
                .getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private long stored() {
        return TestDatabase.count(
                databaseName(), "SELECT count(*) FROM domain_event_entry WHERE tenant_id = '" + tenant + "'");
    }

    private long chained() {
        return TestDatabase.count(
                databaseName(), "SELECT count(*) FROM audit_chain WHERE tenant_id = '" + tenant + "'");
    }

    private long auditRows(String actionKey) {
        return TestDatabase.count(
                databaseName(),
                "SELECT count(*) FROM cc_operator_events WHERE tenant_id = '" + tenant + "' AND action_key = '"
                        + actionKey + "'");
    }

    private static void insertEvent(Connection connection, String payload) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry "
                + "(event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                + "payload_revision, payload, meta_data) VALUES (?, ?, 0, NULL, ?, 'dev.custos.test.LateCommit', "
                + "'1', ?, convert_to('{}', 'UTF8'))")) {
            insert.setString(1, id);
            insert.setString(2, id);
            insert.setString(3, Instant.now().toString());
            insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }
}
