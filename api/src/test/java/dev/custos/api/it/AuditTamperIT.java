package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.AuditProofs;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import dev.custos.query.audit.ChainFollower;
import dev.custos.query.audit.CheckpointSigner;
import dev.custos.query.audit.Checkpoints;
import dev.custos.verify.VerifyAuditCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a database owner can still do to the store, done for real: rows edited as the owner with the append-only
 * triggers switched off by that owner. The auditor fetches the stream and checkpoints over HTTP, verifies them with
 * {@code custos verify-audit} and a public key taken before the tampering, and every kind is caught. Only events
 * of a test type that no projection reads are touched, so the read tables of the shared test database stay true.
 */
class AuditTamperIT extends IntegrationTest {

    private static final String NOTE = "dev.custos.test.Note";

    @Autowired
    private ChainFollower follower;

    @Autowired
    private Checkpoints checkpoints;

    @Autowired
    private CheckpointSigner signer;

    @TempDir
    private Path files;

    private UUID tenant;
    private Caller platform;
    private Path publicKey;

    /** A tenant whose chain ends in ten notes, all covered by a signed checkpoint. */
    @BeforeEach
    void aTenantWithACheckpointedChain() throws Exception {
        UUID operator = UUID.randomUUID();
        tenant = createTenant(operator);
        platform = as(operator, tenant);
        platform.addMember(UUID.randomUUID());
        // Empty metadata, as Axon writes it: an event stored with none cannot be read back by Axon, and the shared
        // store must stay replayable (a rebuild reads every event, ProjectionRebuildIT).
        asOwner("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload_revision, payload, meta_data) "
                + "SELECT id, id, 0, NULL, '2026-12-04T10:00:00.000Z', '" + NOTE + "', '1', "
                + "convert_to(json_build_object('tenantId', '" + tenant + "', 'n', n)::text, 'UTF8'), "
                + "convert_to('{}', 'UTF8') "
                + "FROM (SELECT gen_random_uuid()::text AS id, n FROM generate_series(1, 10) n) notes ORDER BY n");
        follower.catchUpNow();
        assertThat(checkpoints.sign(tenant, signer))
                .hasValueSatisfying(signed -> assertThat(signed.created()).isTrue());
        publicKey = AuditProofs.pinPublicKey(platform, files);
    }

    @Test
    void anUntouchedChainVerifiesWithTheBuiltJar() throws Exception {
        Path jar = Path.of("target/custos.jar");
        assertThat(jar).exists();
        assertThat(AuditProofs.fetchAndVerify(platform, files, publicKey).exit())
                .isZero();
        Process verifier = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-jar",
                        jar.toString(),
                        "verify-audit",
                        "--stream",
                        files.resolve("stream.ndjson").toString(),
                        "--checkpoints",
                        files.resolve("checkpoints.json").toString(),
                        "--public-key",
                        publicKey.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verifier.waitFor()).as(output).isZero();
        assertThat(output).startsWith("OK: ").contains("1 checkpoint verified");
    }

    @Test
    void aModifiedPayloadIsFound() throws Exception {
        long seq = seqOf(4);
        tamper(
                "domain_event_entry",
                "UPDATE domain_event_entry SET payload = convert_to(json_build_object("
                        + "'tenantId', tenant_id, 'n', 40)::text, 'UTF8') WHERE " + note(4));
        assertThat(verify()).contains("FAILED").contains("(seq " + seq + ")").contains("were modified");
    }

    @Test
    void aDeletedEventIsFound() throws Exception {
        long seq = seqOf(5);
        tamper("domain_event_entry", "DELETE FROM domain_event_entry WHERE " + note(5));
        assertThat(verify())
                .contains("FAILED")
                .contains("seq " + seq + " is missing")
                .contains("deleted");
    }

    @Test
    void aReorderedPairIsFound() throws Exception {
        long third = seqOf(3);
        // The two events trade places in the chain: each now sits where the other was linked.
        String chain = "UPDATE audit_chain SET seq = %d WHERE tenant_id = '" + tenant + "' AND seq = %d";
        tamper(
                "audit_chain",
                String.format(chain, Long.MAX_VALUE, third),
                String.format(chain, third, third + 1),
                String.format(chain, third + 1, Long.MAX_VALUE));
        assertThat(verify()).contains("FAILED").contains("(seq " + third + ")").contains("reordered");
    }

    @Test
    void aTruncatedTailBehindTheLastCheckpointIsFound() throws Exception {
        long ninth = seqOf(9);
        tamper("domain_event_entry", "DELETE FROM domain_event_entry WHERE " + note(9) + " OR " + note(10));
        assertThat(verify())
                .contains("FAILED")
                .contains("the stream ends at seq " + (ninth - 1))
                .contains("tail is missing");
    }

    @Test
    void aForgedCheckpointIsFound() throws Exception {
        tamper(
                "audit_checkpoints",
                "UPDATE audit_checkpoints SET seq = seq - 1, hash = (SELECT hash FROM audit_chain "
                        + "c WHERE c.tenant_id = audit_checkpoints.tenant_id AND c.seq = audit_checkpoints.seq - 1) "
                        + "WHERE tenant_id = '" + tenant
                        + "' AND number = (SELECT max(number) FROM audit_checkpoints WHERE "
                        + "tenant_id = '" + tenant + "')");
        assertThat(verify()).contains("FAILED").contains("the signature does not verify");
    }

    /** Fetches the stream and the checkpoints as an auditor does, runs the verifier, and expects it to fail. */
    private String verify() throws Exception {
        AuditProofs.Verdict verdict = AuditProofs.fetchAndVerify(platform, files, publicKey);
        assertThat(verdict.exit()).as(verdict.output()).isEqualTo(VerifyAuditCommand.FAILED);
        return verdict.output();
    }

    /** Runs the statement as the database owner, with the table's append-only trigger off for just that. */
    private void tamper(String table, String... statements) throws SQLException {
        List<String> all = new ArrayList<>();
        all.add("ALTER TABLE " + table + " DISABLE TRIGGER " + table + "_refuse_update_delete");
        all.addAll(List.of(statements));
        all.add("ALTER TABLE " + table + " ENABLE ALWAYS TRIGGER " + table + "_refuse_update_delete");
        asOwner(all.toArray(String[]::new));
    }

    private void asOwner(String... statements) throws SQLException {
        try (Connection owner = TestDatabase.connect(databaseUrl(), TestDatabase.OWNER, "owner")) {
            owner.setAutoCommit(false);
            try (Statement statement = owner.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            owner.commit();
        }
    }

    private long seqOf(int n) {
        return TestDatabase.count(
                databaseName(),
                "SELECT seq FROM audit_chain WHERE global_index = "
                        + "(SELECT global_index FROM domain_event_entry WHERE " + note(n) + ")");
    }

    private String note(int n) {
        return "tenant_id = '" + tenant + "' AND payload_type = '" + NOTE
                + "' AND convert_from(payload, 'UTF8')::jsonb " + "->> 'n' = '" + n + "'";
    }
}
