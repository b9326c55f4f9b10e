package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import dev.custos.events.authority.GrantType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The database accepts exactly the grant types Java names ({@link GrantType}): its CHECK, read from the catalog. */
class GrantTypeCheckIT extends IntegrationTest {

    @Test
    void theGrantsTableChecksExactlyTheJavaTypes() throws SQLException {
        String definition;
        try (Connection db = TestDatabase.superuser(databaseName());
                ResultSet row = db.createStatement()
                        .executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                                + "WHERE conrelid = 'cc_authority_access_grants'::regclass AND contype = 'c' "
                                + "AND pg_get_constraintdef(oid) LIKE '%grant_type%'")) {
            assertThat(row.next()).as("a CHECK on grant_type").isTrue();
            definition = row.getString(1);
        }
        List<String> allowed = new ArrayList<>();
        Matcher quoted = Pattern.compile("'([^']*)'").matcher(definition);
        while (quoted.find()) {
            allowed.add(quoted.group(1));
        }
        assertThat(allowed)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(GrantType.values()).map(GrantType::key).toList());
    }
}
