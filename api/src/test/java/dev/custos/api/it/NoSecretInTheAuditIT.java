package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.authority.Passcodes;
import dev.custos.api.support.AuditProofs;
import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Shares;
import dev.custos.api.support.TestDatabase;
import dev.custos.query.audit.ChainFollower;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A share's passcode hash never leaves its one table. A share made now puts no hash in its event, its audit row or
 * the audit stream, and its passcode works. A grant stored before (its revision-1 event still holding the hash, put
 * in the store as the owner, as an old installation has it) keeps a working passcode through the back-fill, its
 * aggregate still loads, and the operator audit and the stream show its hash only as a sha256 commitment; the
 * stream still verifies with {@code custos verify-audit}, which names that one line as not verified in content.
 */
class NoSecretInTheAuditIT extends IntegrationTest {

    private static final String GRANT_CREATED = "dev.custos.events.authority.AuthorityGrantCreated";
    /** A secret as a JSON string value, in either naming; a commitment is an object and does not match. */
    private static final Pattern SECRET_VALUE = Pattern.compile("\"passcode_?[hH]ash\"\\s*:\\s*\"");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private ChainFollower follower;

    @Autowired
    private Passcodes passcodes;

    @TempDir
    private Path files;

    private Caller platform;
    private Path publicKey;

    @BeforeEach
    void aTenantWithAnInsuranceOperatorAndAPinnedKey() throws Exception {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        as(operator, tenant).assign("insurance_operator", operator, null);
        platform = as(operator, tenant);
        publicKey = AuditProofs.pinPublicKey(platform, files);
    }

    @Test
    void aPasscodedShareKeepsItsHashOutOfTheEventTheAuditAndTheStream() throws Exception {
        String passcode = "hail-claim-" + UUID.randomUUID();
        Shares.SECRETS.add(passcode);
        UUID dossier = dossier();

        Map<?, ?> shared = platform.post(
                        "/api/operator/insurance/dossiers/" + dossier + "/share-authority",
                        Map.of(
                                "grant_type",
                                "adjuster",
                                "title",
                                "Hail claim",
                                "expires_at",
                                inTwoDays(),
                                "require_passcode",
                                true,
                                "passcode",
                                passcode))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        UUID grant = UUID.fromString((String) shared.get("grant_id"));
        String url = (String) shared.get("share_url");
        String token = url.substring(url.indexOf("#token=") + 7);
        Shares.SECRETS.add(token);

        Shares.exchange(http(), token, "not-" + passcode).expectStatus().isUnauthorized();
        Shares.session(http(), token, passcode);

        assertThat(storedHash(grant)).as("the hash, in its one home").startsWith("$argon2id$");
        assertThat(asOwner("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE payload_type = '"
                        + GRANT_CREATED + "' AND aggregate_identifier = '" + grant + "' AND payload_revision = '2'"))
                .contains("\"requirePasscode\":true")
                .doesNotContain("asscodeHash")
                .doesNotContain("argon2id");
        String audit = platform.get("/api/operator/events?action_key=dossier_share_authority&subject_id=" + dossier)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(audit)
                .contains("\"require_passcode\":true")
                .doesNotContain("passcode_hash")
                .doesNotContain("passcodeHash")
                .doesNotContain("argon2id")
                .doesNotContain("pbkdf2$");

        String stream = verified();
        assertThat(stream)
                .contains(grant.toString())
                .doesNotContain("passcodeHash")
                .doesNotContain("passcode_hash")
                .doesNotContain("$argon2id")
                .doesNotContain("pbkdf2$")
                .doesNotContain("\"redacted\"");
    }

    @Test
    void anOldGrantKeepsItsPasscodeAndItsHashIsShownOnlyAsACommitment() throws Exception {
        String passcode = "old-passcode-" + UUID.randomUUID();
        Shares.SECRETS.add(passcode);
        String hash = passcodes.hash(passcode).block();
        UUID grant = UUID.randomUUID();
        Instant expires = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        storeRevisionOneGrant(grant, hash, expires);

        assertThat(storedHash(grant)).as("not copied before the back-fill runs").isNull();
        assertThat(Long.parseLong(asOwner("SELECT custos_backfill_passcode_hashes()")))
                .isPositive();
        assertThat(storedHash(grant)).isEqualTo(hash);

        Shares.Token token = Shares.token(platform, grant, null);
        Shares.exchange(http(), token.raw(), null).expectStatus().isUnauthorized();
        Shares.exchange(http(), token.raw(), "not-" + passcode).expectStatus().isUnauthorized();
        Shares.session(http(), token.raw(), passcode);

        String audit = platform.get("/api/operator/events?subject_id=" + grant)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(audit).contains("\"sha256\"").doesNotContain(hash).doesNotContain("argon2id");
        assertThat(SECRET_VALUE.matcher(audit).find()).as(audit).isFalse();

        String stream = verified();
        assertThat(stream).doesNotContain(hash).doesNotContain("$argon2id").doesNotContain("pbkdf2$");
        assertThat(SECRET_VALUE.matcher(stream).find()).isFalse();
        JsonNode line = AuditProofs.lines(stream).stream()
                .filter(node -> node.get("event_type").stringValue().equals(GRANT_CREATED)
                        && node.get("aggregate_id").stringValue().equals(grant.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(line.get("event_revision").stringValue()).isEqualTo("1");
        assertThat(line.get("redacted")).hasSize(1);
        assertThat(line.get("redacted").get(0).stringValue()).isEqualTo("/passcodeHash");
        assertThat(line.get("payload").get("passcodeHash").get("sha256").stringValue())
                .matches("[0-9a-f]{64}");
        assertThat(line.get("hash").stringValue()).as("the link as chained").isEqualTo(chainedHash(grant));

        // The grant's aggregate loads its revision-1 event through the upcaster, and can still be revoked.
        platform.post("/api/authority/grants/" + grant + "/revoke", Map.of("reason", "case closed"))
                .expectStatus()
                .isOk();
        Shares.exchange(http(), token.raw(), passcode).expectStatus().isUnauthorized();
    }

    /**
     * The service serves a redacted line's hash as recomputed from the event stored now: an old grant edited in the
     * store after it was chained (as the owner, its trigger switched off) no longer links to the line after it.
     */
    @Test
    void aRedactedEventEditedInTheStoreBreaksTheChainAtTheNextLine() throws Exception {
        UUID grant = UUID.randomUUID();
        storeRevisionOneGrant(
                grant,
                passcodes.hash("edited-" + UUID.randomUUID()).block(),
                Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
        verified();

        try (Connection owner = TestDatabase.connect(databaseUrl(), TestDatabase.OWNER, "owner");
                Statement statement = owner.createStatement()) {
            statement.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_refuse_update_delete");
            statement.execute("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, "
                    + "'UTF8'), 'Old share', 'Forged share'), 'UTF8') WHERE aggregate_identifier = '" + grant + "'");
            statement.execute("ALTER TABLE domain_event_entry ENABLE ALWAYS TRIGGER "
                    + "domain_event_entry_refuse_update_delete");
        }

        AuditProofs.Verdict verdict = AuditProofs.fetchAndVerify(platform, files, publicKey);
        String stream = Files.readString(files.resolve("stream.ndjson"), StandardCharsets.UTF_8);
        assertThat(stream).contains("Forged share").doesNotContain("$argon2id");
        assertThat(verdict.exit()).as(verdict.output()).isEqualTo(dev.custos.verify.VerifyAuditCommand.FAILED);
        assertThat(verdict.output()).contains("prev_hash is not the hash of line");
    }

    /** Chains what is final, signs the head, fetches both and verifies offline; answers the stream's text. */
    private String verified() throws Exception {
        follower.catchUpNow();
        platform.post("/api/audit/checkpoints", Map.of()).expectStatus().is2xxSuccessful();
        AuditProofs.Verdict verdict = AuditProofs.fetchAndVerify(platform, files, publicKey);
        String stream = Files.readString(files.resolve("stream.ndjson"), StandardCharsets.UTF_8);
        assertThat(verdict.exit()).as(verdict.output()).isZero();
        if (stream.contains("\"redacted\"")) {
            assertThat(verdict.output()).contains("1 event redacted, content not verified");
        } else {
            assertThat(verdict.output()).doesNotContain("redacted");
        }
        return stream;
    }

    private UUID dossier() {
        Map<?, ?> claim = platform.post(
                        "/api/insurance/claims",
                        Map.of(
                                "claim_number",
                                "CLM-" + UUID.randomUUID(),
                                "policy_ref",
                                "POL-7",
                                "loss_date",
                                "2026-11-20",
                                "title",
                                "Hail"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        UUID claimId = UUID.fromString((String) claim.get("id"));
        Evidence.uploadFor(platform, "x-claim-id", claimId, "Roof photo");
        Map<?, ?> dossier = platform.post("/api/operator/insurance/claims/" + claimId + "/assemble", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return UUID.fromString((String) dossier.get("id"));
    }

    /**
     * A grant as an installation from before V26 holds it: its revision-1 event, hash included, in the store; its
     * read row, as the projection wrote it; its operator audit row, as the audit projection wrote it.
     */
    private void storeRevisionOneGrant(UUID grant, String hash, Instant expires) throws SQLException {
        UUID tenant = platform.tenant();
        UUID operator = platform.individual();
        String created = "2026-12-01T10:00:00.123Z";
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("tenantId", tenant.toString());
        payload.put("grantId", grant.toString());
        payload.put("circleId", null);
        payload.put("portalId", null);
        payload.put("grantType", "adjuster");
        payload.put("title", "Old share");
        payload.put("description", null);
        payload.put("expiresAt", expires.toString());
        payload.put("maxViews", null);
        payload.put("requirePasscode", true);
        payload.put("passcodeHash", hash);
        payload.put("allowUnsealed", false);
        payload.put("clientRequestId", null);
        payload.put("createdAt", created);
        payload.put("createdByIndividualId", operator.toString());
        try (Connection owner = TestDatabase.connect(databaseUrl(), TestDatabase.OWNER, "owner");
                PreparedStatement insert = owner.prepareStatement("INSERT INTO domain_event_entry (event_identifier, "
                        + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, "
                        + "payload, meta_data) VALUES (?, ?, 0, 'AuthorityGrant', ?, ?, '1', ?, "
                        + "convert_to('{}', 'UTF8'))")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, grant.toString());
            insert.setString(3, created);
            insert.setString(4, GRANT_CREATED);
            insert.setBytes(5, JSON.writeValueAsBytes(payload));
            insert.executeUpdate();
        }
        try (Connection app = TestDatabase.connect(databaseUrl(), "custos_app", "runtime-password")) {
            app.setAutoCommit(false);
            try (Statement statement = app.createStatement()) {
                statement.execute("SELECT set_config('app.tenant_id', '" + tenant + "', true)");
            }
            try (PreparedStatement row = app.prepareStatement("INSERT INTO cc_authority_access_grants (id, "
                    + "tenant_id, grant_type, title, created_at, created_by_individual_id, expires_at, "
                    + "require_passcode, metadata) VALUES (?, ?, 'adjuster', 'Old share', ?::timestamptz, ?, "
                    + "?::timestamptz, true, jsonb_build_object('allow_unsealed', false))")) {
                row.setObject(1, grant);
                row.setObject(2, tenant);
                row.setString(3, created);
                row.setObject(4, operator);
                row.setString(5, expires.toString());
                row.executeUpdate();
            }
            try (PreparedStatement row = app.prepareStatement("INSERT INTO cc_operator_events (id, tenant_id, "
                    + "operator_individual_id, action_key, subject_type, subject_id, occurred_at, payload) "
                    + "VALUES (?, ?, ?, 'dossier_share_authority', 'authority_grant', ?, ?::timestamptz, ?::jsonb)")) {
                row.setObject(1, UUID.randomUUID());
                row.setObject(2, tenant);
                row.setObject(3, operator);
                row.setObject(4, grant);
                row.setString(5, created);
                row.setString(
                        6,
                        "{\"tenant_id\":\"" + tenant + "\",\"grant_id\":\"" + grant
                                + "\",\"require_passcode\":true,\"passcode_hash\":\"" + hash + "\"}");
                row.executeUpdate();
            }
            app.commit();
        }
    }

    private static String inTwoDays() {
        return Instant.now().plus(2, ChronoUnit.DAYS).toString();
    }

    private String storedHash(UUID grant) throws SQLException {
        return asSuperuser("SELECT passcode_hash FROM authority_passcode_hashes WHERE grant_id = '" + grant + "'");
    }

    private String chainedHash(UUID grant) throws SQLException {
        return asSuperuser("SELECT encode(c.hash, 'hex') FROM audit_chain c JOIN domain_event_entry e "
                + "ON e.global_index = c.global_index WHERE e.aggregate_identifier = '" + grant + "' "
                + "AND e.payload_type = '" + GRANT_CREATED + "'");
    }

    /** One value, or null when there is no row. */
    private String asOwner(String sql) throws SQLException {
        try (Connection owner = TestDatabase.connect(databaseUrl(), TestDatabase.OWNER, "owner")) {
            return first(owner, sql);
        }
    }

    private String asSuperuser(String sql) throws SQLException {
        try (Connection superuser = TestDatabase.superuser(databaseName())) {
            return first(superuser, sql);
        }
    }

    private static String first(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Least privilege: the app may only add a hash, only the definer reads one, the reader and the portal never. */
    @Test
    void onlyTheDefinerFunctionReadsTheHashes() throws SQLException {
        try (Connection owner = TestDatabase.connect(databaseUrl(), TestDatabase.OWNER, "owner");
                Statement statement = owner.createStatement();
                ResultSet rows = statement.executeQuery("SELECT c.relrowsecurity, c.relforcerowsecurity, "
                        + "has_table_privilege('custos_reader', c.oid, 'SELECT'), "
                        + "has_table_privilege('custos_portal', c.oid, 'SELECT'), "
                        + "has_table_privilege('custos_app', c.oid, 'SELECT'), "
                        + "has_table_privilege('custos_app', c.oid, 'UPDATE'), "
                        + "has_table_privilege('custos_app', c.oid, 'DELETE'), "
                        + "has_table_privilege('custos_app', c.oid, 'INSERT'), "
                        + "has_table_privilege('custos_definer', c.oid, 'SELECT'), "
                        + "(SELECT count(*) FROM information_schema.columns WHERE table_name = "
                        + "'cc_authority_access_grants' AND column_name = 'passcode_hash') "
                        + "FROM pg_class c WHERE c.relname = 'authority_passcode_hashes'")) {
            assertThat(rows.next()).isTrue();
            assertThat(List.of(rows.getBoolean(1), rows.getBoolean(2)))
                    .as("RLS enabled and forced")
                    .containsOnly(true);
            assertThat(List.of(
                            rows.getBoolean(3),
                            rows.getBoolean(4),
                            rows.getBoolean(5),
                            rows.getBoolean(6),
                            rows.getBoolean(7)))
                    .as("reader, portal; app reading, changing, removing")
                    .containsOnly(false);
            assertThat(List.of(rows.getBoolean(8), rows.getBoolean(9)))
                    .as("app inserting, definer reading")
                    .containsOnly(true);
            assertThat(rows.getLong(10)).as("the read table's copy of the hash").isZero();
        }
    }
}
