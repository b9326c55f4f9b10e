package dev.custos.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.custos.events.custody.CustodyType;
import dev.custos.events.custody.CustodyType.Use;

/**
 * The database's CHECK constraints on custody types say what the catalogue says: the migrations and
 * {@link CustodyType} can only change together.
 */
class CustodyCatalogueTest {

    private static final Pattern QUOTED = Pattern.compile("'([a-z_]+)'");

    @ParameterizedTest
    @CsvSource({"cc_legal_hold_targets, target_type, HOLD", "cc_authority_access_scopes, scope_type, SCOPE",
            "cc_dispute_materials, material_type, MATERIAL"})
    void eachCheckListsExactlyTheTypesOfItsUse(String table, String column, Use use) {
        String check = QueryDatabase.fresh().app.queryForObject("SELECT pg_get_constraintdef(c.oid) "
                + "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
                + "WHERE t.relname = ? AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE ?", String.class,
                table, "%" + column + "%");
        Set<String> allowed = new LinkedHashSet<>();
        for (Matcher found = QUOTED.matcher(check); found.find(); ) {
            allowed.add(found.group(1));
        }
        assertThat(allowed).isEqualTo(CustodyType.keys(use));
    }
}
