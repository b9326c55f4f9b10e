package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import dev.custos.query.access.ObjectKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Java names the kinds of object an action can target ({@link ObjectKind}); SQL says where each keeps its circle
 * ({@code custos_object_circle}). Every kind must have its query there, and an unknown kind is an error, never
 * "not found". (Whether each query finds the right circle, the authorization matrix shows route by route.)
 */
class ObjectKindsIT extends IntegrationTest {

    @Test
    void everyKindJavaNamesHasItsQueryInSql() throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Connection db = TestDatabase.superuser(databaseName());
                PreparedStatement locate =
                        db.prepareStatement("SELECT located, circle FROM custos_object_circle(?, ?)")) {
            for (ObjectKind kind : ObjectKind.values()) {
                locate.setString(1, kind.key());
                locate.setObject(2, UUID.randomUUID());
                try (ResultSet row = locate.executeQuery()) {
                    row.next();
                    assertThat(row.getBoolean("located")).as(kind.key()).isFalse();
                } catch (SQLException unknown) {
                    missing.add(kind.key() + ": " + unknown.getMessage());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** And the other way: SQL locates no kind Java does not name. */
    @Test
    void sqlLocatesOnlyTheKindsJavaNames() throws SQLException {
        List<String> located = new ArrayList<>();
        try (Connection db = TestDatabase.superuser(databaseName());
                ResultSet source = db.createStatement()
                        .executeQuery("SELECT prosrc FROM pg_proc WHERE oid = 'custos_object_circle'::regproc")) {
            source.next();
            for (Matcher branch = Pattern.compile("WHEN\\s+'([a-z_]+)'\\s+THEN").matcher(source.getString(1));
                    branch.find(); ) {
                located.add(branch.group(1));
            }
        }
        assertThat(located)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(ObjectKind.values()).map(ObjectKind::key).toList());
    }

    @Test
    void anUnknownKindIsAnErrorNotANotFound() throws SQLException {
        try (Connection db = TestDatabase.superuser(databaseName());
                PreparedStatement locate = db.prepareStatement("SELECT located FROM custos_object_circle(?, ?)")) {
            locate.setString(1, "SELECT 1");
            locate.setObject(2, UUID.randomUUID());
            assertThatThrownBy(locate::executeQuery).hasMessageContaining("not an object kind");
        }
    }
}
