package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import dev.custos.events.authority.AccessWindow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Is this grant or token still active?" has one home in Java ({@link AccessWindow}) and one in SQL
 * ({@code custos_access_open}, which the portal's definer functions call). They must decide every case alike: each
 * status, an expiry long past, just past, exactly now, just ahead and far ahead, and none.
 */
class AccessWindowAgreementIT extends IntegrationTest {

    private static final List<String> STATUSES = Arrays.asList("active", "revoked", "expired", null);
    private static final List<Duration> OFFSETS = Arrays.asList(
            Duration.ofHours(-1),
            Duration.ofSeconds(-1),
            Duration.ofNanos(-1000),
            Duration.ZERO,
            Duration.ofNanos(1000),
            Duration.ofSeconds(1),
            Duration.ofHours(1),
            null);

    @Test
    void javaAndSqlDecideEveryCaseAlike() throws Exception {
        List<String> disagreements = new ArrayList<>();
        int open = 0;
        try (Connection db = TestDatabase.superuser(databaseName())) {
            // One transaction, so that now() is one instant for every case.
            db.setAutoCommit(false);
            Instant now;
            try (ResultSet row = db.createStatement().executeQuery("SELECT now()")) {
                row.next();
                now = row.getObject(1, OffsetDateTime.class).toInstant();
            }
            try (PreparedStatement decide = db.prepareStatement("SELECT custos_access_open(?, ?)")) {
                for (String status : STATUSES) {
                    for (Duration offset : OFFSETS) {
                        Instant expiresAt = offset == null ? null : now.plus(offset);
                        decide.setString(1, status);
                        decide.setObject(
                                2, expiresAt == null ? null : OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
                        boolean sql;
                        try (ResultSet row = decide.executeQuery()) {
                            row.next();
                            sql = row.getBoolean(1);
                        }
                        boolean java = AccessWindow.open(status, expiresAt, now);
                        open += java ? 1 : 0;
                        if (sql != java) {
                            disagreements.add(status + " expiring at now" + (offset == null ? " never" : " + " + offset)
                                    + ": SQL " + sql + ", Java " + java);
                        }
                    }
                }
            }
            db.rollback();
        }
        assertThat(disagreements).isEmpty();
        // Only an active grant whose expiry is ahead is open: three of the cases.
        assertThat(open).isEqualTo(3);
    }
}
