package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.custos.api.config.DatabaseEndpoint;
import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Shares;
import dev.custos.api.support.Shares.Share;
import dev.custos.api.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The portal under attack: brute force, racing, probing, shadowing, and secrets that must never leak. */
class PortalAbuseIT extends IntegrationTest {

    private static final Instant IN_A_DAY = Instant.now().plus(Duration.ofDays(1));
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    private Caller me;
    private UUID bundle;

    /**
     * Attached once the application (and so its logging) has started; Boot resets appenders when it configures
     * logging, so attaching earlier would capture nothing.
     */
    @BeforeEach
    void captureEveryLogLine() {
        Logger root = (Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(LOGS.getName()) == null) {
            LOGS.setName("portal-secret-scan");
            LOGS.start();
            root.addAppender(LOGS);
            org.slf4j.LoggerFactory.getLogger("dev.custos.api").info("portal secret scan: capturing");
        }
    }

    @BeforeEach
    void tenantWithASealedBundle() {
        UUID operator = UUID.randomUUID();
        me = as(operator, createTenant(operator));
        bundle = Evidence.sealedBundle(me, "Pack", Evidence.sealed(me, "Statement"));
    }

    private Share share(Integer maxViews, String passcode) {
        return Shares.share(me, IN_A_DAY, maxViews, passcode, Map.of("evidence_bundle", bundle));
    }

    @Test
    void fiftyConcurrentExchangesAdmitExactlyMaxViews() throws Exception {
        Share share = share(5, null);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<CompletableFuture<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                attempts.add(CompletableFuture.supplyAsync(
                        () -> Shares.exchange(http(), share.token().raw(), null)
                                .returnResult(String.class)
                                .getStatus()
                                .value(),
                        pool));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> attempt : attempts) {
                statuses.add(attempt.get());
            }
            assertThat(statuses.stream().filter(status -> status == 200).count())
                    .isEqualTo(5);
            assertThat(statuses).allMatch(status -> status == 200 || status == 401 || status == 429);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void everyRefusalIsTheSameBytes() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(refusal(UUID.randomUUID().toString(), null)); // unknown
        Share expiring = share(null, null);
        var shortLived = Shares.token(me, expiring.grantId(), Instant.now().plusSeconds(1));
        Thread.sleep(1500);
        bodies.add(refusal(shortLived.raw(), null)); // expired
        Share revoked = share(null, null);
        me.post("/api/authority/tokens/" + revoked.token().id() + "/revoke", Map.of("reason", "x"))
                .expectStatus()
                .isOk();
        bodies.add(refusal(revoked.token().raw(), null)); // revoked
        Share once = share(1, null);
        Shares.session(http(), once.token().raw(), null);
        bodies.add(refusal(once.token().raw(), null)); // exhausted
        Share guarded = share(null, "s3cret-passcode");
        bodies.add(refusal(guarded.token().raw(), "not-the-passcode")); // wrong passcode
        bodies.add(refusal(guarded.token().raw(), null)); // missing passcode
        for (byte[] body : bodies) {
            assertThat(body).isEqualTo("{\"ok\":false}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private byte[] refusal(String token, String passcode) {
        return Shares.exchange(http(), token, passcode)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .returnResult()
                .getResponseBody();
    }

    @Test
    void overThirtyRequestsAMinuteAreRateLimitedAndLogged() {
        Share share = share(null, null);
        String session = Shares.session(http(), share.token().raw(), null);
        int limited = 0;
        for (int i = 0; i < 35; i++) {
            int status = Shares.get(http(), session, "/p/authority/index")
                    .returnResult(String.class)
                    .getStatus()
                    .value();
            if (status == 429) {
                limited++;
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(5);
        Shares.get(http(), session, "/p/authority/index")
                .expectStatus()
                .isEqualTo(429)
                .expectBody()
                .json("{}", true)
                .jsonPath("$.detail")
                .doesNotExist();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Shares.eventTypes(me, share.grantId()).contains("rate_limited"));
    }

    @Test
    void aSpoofedForwardedForDoesNotEscapeTheLimit() {
        // A known token (revoked, so every exchange is refused): its limit is per address and token.
        Share revoked = share(null, null);
        me.post("/api/authority/tokens/" + revoked.token().id() + "/revoke", Map.of("reason", "x"))
                .expectStatus()
                .isOk();
        int limited = 0;
        for (int i = 0; i < 35; i++) {
            String spoofed = "203.0.113." + i;
            int status = http().post()
                    .uri("/p/authority/session")
                    .header("X-Forwarded-For", spoofed)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("token", revoked.token().raw()))
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value();
            if (status == 429) {
                limited++;
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(5);
    }

    @Test
    void thePortalRoleCannotReadAnyTable() throws Exception {
        try (Connection portal = TestDatabase.connect(databaseUrl(), DatabaseEndpoint.PORTAL_ROLE, "runtime-password");
                Statement statement = portal.createStatement();
                Connection owner = TestDatabase.connect(databaseUrl(), TestDatabase.OWNER, "owner");
                ResultSet tables = owner.createStatement()
                        .executeQuery("SELECT relname FROM pg_class WHERE relkind = 'r' "
                                + "AND relnamespace = 'public'::regnamespace ORDER BY relname")) {
            int checked = 0;
            while (tables.next()) {
                String table = tables.getString(1);
                assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM " + table + " LIMIT 1"))
                        .as(table)
                        .hasMessageContaining("permission denied");
                checked++;
            }
            assertThat(checked).isGreaterThan(15);
        }
    }

    @Test
    void theDefinerFunctionsIgnoreTemporaryShadows() throws Exception {
        Share share = share(null, null);
        String fakeHash = "f".repeat(64);
        try (Connection portal = TestDatabase.connect(databaseUrl(), DatabaseEndpoint.PORTAL_ROLE, "runtime-password");
                Statement statement = portal.createStatement()) {
            // A reader's own temporary table and function, named like ours, with a row pointing at a real grant.
            statement.execute("CREATE TEMP TABLE cc_authority_access_tokens (id uuid, tenant_id uuid, grant_id uuid, "
                    + "token_hash text, status text, expires_at timestamptz, access_count int)");
            statement.execute("INSERT INTO pg_temp.cc_authority_access_tokens VALUES ('"
                    + share.token().id() + "', '" + me.tenant() + "', '" + share.grantId() + "', '" + fakeHash
                    + "', 'active', now() + interval '1 day', 0)");
            statement.execute("CREATE FUNCTION pg_temp.custos_current_tenant() RETURNS uuid LANGUAGE sql AS "
                    + "$$ SELECT '" + me.tenant() + "'::uuid $$");
            try (ResultSet rows =
                    statement.executeQuery("SELECT token_id FROM cc_authority_validate_token('" + fakeHash + "')")) {
                rows.next();
                assertThat(rows.getString("token_id")).isNull();
            }
            try (ResultSet rows = statement.executeQuery("SELECT token_id FROM cc_authority_validate_token('"
                    + dev.custos.api.authority.ShareTokens.sha256Hex(
                            share.token().raw()) + "')")) {
                rows.next();
                assertThat(rows.getString("token_id"))
                        .isEqualTo(share.token().id().toString());
            }
        }
    }

    /**
     * After everything above (and every portal test before it in this JVM), no secret appears anywhere: no raw
     * token, passcode, session token or signed URL, and no passcode hash in a log line or a new event.
     */
    @AfterAll
    static void noSecretInAnyLogLineEventOrAccessRow() throws Exception {
        List<String> lines = LOGS.list.stream()
                .map(event -> event.getFormattedMessage()
                        + (event.getThrowableProxy() == null
                                ? ""
                                : " " + event.getThrowableProxy().getMessage()))
                .toList();
        assertThat(Shares.SECRETS).isNotEmpty();
        assertThat(lines)
                .as("the scan must be attached to the service's logging")
                .contains("portal secret scan: capturing");
        try (Connection superuser = TestDatabase.superuser(databaseName());
                Statement statement = superuser.createStatement()) {
            // Every passcode hash kept so far, in its one home: none may appear in a log line, or in an event
            // written since hashes left the events (revision 1 of AuthorityGrantCreated still holds its own).
            List<String> hashes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT passcode_hash FROM authority_passcode_hashes")) {
                while (rows.next()) {
                    hashes.add(rows.getString(1));
                }
            }
            assertThat(hashes).as("passcoded shares were made").isNotEmpty();
            assertThat(lines).noneMatch(line -> line.contains("$argon2id$") || line.contains("pbkdf2$"));
            for (String hash : hashes) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM domain_event_entry WHERE "
                        + "position(convert_to('" + hash.replace("'", "''") + "', 'UTF8') in payload) > 0 "
                        + "AND NOT (payload_type = 'dev.custos.events.authority.AuthorityGrantCreated' "
                        + "AND payload_revision = '1')")) {
                    rows.next();
                    assertThat(rows.getLong(1))
                            .as("events holding a passcode hash")
                            .isZero();
                }
            }
            for (String secret : Shares.SECRETS) {
                assertThat(lines).noneMatch(line -> line.contains(secret));
                try (ResultSet rows = statement.executeQuery("SELECT (SELECT count(*) FROM domain_event_entry "
                        + "WHERE position(convert_to('" + secret.replace("'", "''") + "', 'UTF8') in payload) > 0) + "
                        + "(SELECT count(*) FROM cc_authority_access_events WHERE event_payload::text LIKE '%"
                        + secret.replace("'", "''").replace("%", "\\%") + "%')")) {
                    rows.next();
                    assertThat(rows.getLong(1)).as("stored copies of a secret").isZero();
                }
            }
        }
    }
}
