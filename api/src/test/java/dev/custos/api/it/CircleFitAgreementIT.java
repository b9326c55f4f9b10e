package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import dev.custos.command.Reach;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "May an object of this circle go into a container of that circle?" has one home in Java ({@link Reach#fitsIn},
 * which the gate and the aggregates decide with) and one in SQL ({@code custos_fits_in}, which the portal's definer
 * functions filter with). They must decide every case alike.
 */
class CircleFitAgreementIT extends IntegrationTest {

    private static final UUID ONE = UUID.randomUUID();
    private static final UUID TWO = UUID.randomUUID();
    private static final List<UUID> CIRCLES = Arrays.asList(null, ONE, TWO);

    @Test
    void javaAndSqlDecideEveryCaseAlike() throws Exception {
        List<String> disagreements = new ArrayList<>();
        int fits = 0;
        try (Connection db = TestDatabase.superuser(databaseName());
                PreparedStatement decide = db.prepareStatement("SELECT custos_fits_in(?, ?)")) {
            for (UUID container : CIRCLES) {
                for (UUID added : CIRCLES) {
                    decide.setObject(1, container);
                    decide.setObject(2, added);
                    boolean sql;
                    try (ResultSet row = decide.executeQuery()) {
                        row.next();
                        sql = row.getBoolean(1);
                    }
                    boolean java = Reach.fitsIn(container, added);
                    fits += java ? 1 : 0;
                    if (sql != java) {
                        disagreements.add(added + " into " + container + ": SQL " + sql + ", Java " + java);
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        // Tenant-wide objects fit every container (3), and a circle's objects fit only its own (2).
        assertThat(fits).isEqualTo(5);
    }
}
