package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.custos.api.config.DatabaseEndpoint;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The event store is the audit log of record: nobody may change or remove an event, not even its owner. */
class EventStoreAppendOnlyIT extends IntegrationTest {

    private static final String[] TAMPERING = {
        "UPDATE domain_event_entry SET payload_type = 'forged'",
        "DELETE FROM domain_event_entry",
        "TRUNCATE domain_event_entry"
    };
    private static final String[] AUDIT_TAMPERING = {
        "UPDATE cc_operator_events SET action_key = 'forged'",
        "DELETE FROM cc_operator_events",
        "TRUNCATE cc_operator_events"
    };

    /** Events, and an audit row, so that every statement below would have something to change. */
    @BeforeEach
    void someEvents() {
        UUID operator = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        as(operator, tenant).addMember(member);
        as(operator, tenant).assign("legal_operator", member, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> auditRows(tenant) == 1);
    }

    private long auditRows(UUID tenant) throws SQLException {
        try (Connection superuser = TestDatabase.superuser(databaseName());
                ResultSet rows = superuser
                        .createStatement()
                        .executeQuery("SELECT count(*) FROM cc_operator_events WHERE tenant_id = '" + tenant + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long eventCount() throws SQLException {
        try (Connection connection = TestDatabase.connect(databaseUrl(), TestDatabase.OWNER, "owner");
                ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void theOwnerCannotTamper(int statementIndex) throws SQLException {
        long before = eventCount();
        try (Connection owner = TestDatabase.connect(databaseUrl(), TestDatabase.OWNER, "owner");
                Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.execute(TAMPERING[statementIndex]))
                    .hasMessageContaining("append-only");
        }
        assertThat(eventCount()).isEqualTo(before).isPositive();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void theRuntimeRoleHasNoPrivilegeToTamper(int statementIndex) throws SQLException {
        try (Connection app = TestDatabase.connect(databaseUrl(), DatabaseEndpoint.APP_ROLE, "runtime-password");
                Statement statement = app.createStatement()) {
            assertThatThrownBy(() -> statement.execute(TAMPERING[statementIndex]))
                    .hasMessageContaining("permission denied");
        }
    }

    /** The superuser sees every audit row (no row-level security), and still cannot change or remove one. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void evenASuperuserCannotTamperWithTheAuditRows(int statementIndex) throws SQLException {
        try (Connection superuser = TestDatabase.superuser(databaseName());
                Statement statement = superuser.createStatement()) {
            assertThatThrownBy(() -> statement.execute(AUDIT_TAMPERING[statementIndex]))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void replicationModeDoesNotSwitchTheTriggersOff() throws SQLException {
        try (Connection superuser = TestDatabase.superuser(databaseName());
                Statement statement = superuser.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            assertThatThrownBy(() -> statement.execute(TAMPERING[1])).hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute(AUDIT_TAMPERING[1])).hasMessageContaining("append-only");
        }
    }
}
