package dev.custos.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are "the database is out of reach" (503 with Retry-After) and which are not. */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheCausesAreUnreachable() {
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException(
                        "no connection",
                        new SQLTransientConnectionException("custos-app - Connection is not available"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("I/O error", "08006"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("terminating connection", "57P01")))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new R2dbcNonTransientResourceException("Connection validation failed")))
                .isTrue();
    }

    @Test
    void aRollbackThatFailedOnACutConnectionIsUnreachable() {
        TransactionSystemException rollback = new TransactionSystemException(
                "JDBC rollback failed", new SQLException(/* Hikari's closed proxy */ "Connection is closed"));
        assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();

        TransactionSystemException afterACut = new TransactionSystemException("JDBC rollback failed");
        afterACut.initApplicationException(new SQLException("An I/O error occurred", "08006"));
        assertThat(DatabaseUnavailable.causedBy(afterACut)).isTrue();
    }

    @Test
    void whatTheDatabaseRefusedIsNotUnreachable() {
        assertThat(DatabaseUnavailable.causedBy(
                        new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("lock timeout", "55P03")))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("some other closed thing")))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug")))
                .isFalse();
    }
}
