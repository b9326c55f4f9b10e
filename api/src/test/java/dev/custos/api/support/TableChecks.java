package dev.custos.api.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The CHECK constraints of the live schema, read so that tests can hold the Java side of a closed set to them. */
public final class TableChecks {

    private static final Pattern QUOTED = Pattern.compile("'([a-z_]+)'");

    private TableChecks() {}

    /** The definitions of the table's CHECK constraints that name the column. */
    public static List<String> naming(Connection db, String table, String column) throws SQLException {
        List<String> checks = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c "
                + "WHERE c.conrelid = ?::regclass AND c.contype = 'c' AND pg_get_constraintdef(c.oid) ~ ?")) {
            query.setString(1, table);
            query.setString(2, "\\m" + column + "\\M");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    checks.add(rows.getString(1));
                }
            }
        }
        return checks;
    }

    /** The quoted words of a definition, in order: the values an {@code IN (...)} check accepts. */
    public static Set<String> quoted(String definition) {
        Set<String> found = new LinkedHashSet<>();
        for (Matcher quoted = QUOTED.matcher(definition); quoted.find(); ) {
            found.add(quoted.group(1));
        }
        return found;
    }
}
