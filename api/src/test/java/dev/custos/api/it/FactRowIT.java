package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.api.support.IntegrationTest;
import dev.custos.query.tenancy.FactRow;
import dev.custos.query.tenancy.TenantWrites;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A projection row under a natural key: the same fact again is a no-op, a different fact fails loudly. */
class FactRowIT extends IntegrationTest {

    @Autowired
    private TenantWrites writes;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void theSameFactTwiceIsOneRowAndADifferentFactIsAConflict() {
        UUID tenant = createTenant(UUID.randomUUID());
        UUID circle = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneOffset.UTC);
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        Runnable north = () -> inTransaction.executeWithoutResult(status -> FactRow.into("cc_circles")
                .key("tenant_id", tenant)
                .key("id", circle)
                .value("name", "North")
                .value("created_at", at)
                .value("created_by_individual_id", null)
                .insert(writes.as(tenant)));

        north.run();
        assertThatCode(north::run).as("a replay of the same event").doesNotThrowAnyException();
        assertThatThrownBy(() -> inTransaction.executeWithoutResult(status -> FactRow.into("cc_circles")
                        .key("tenant_id", tenant)
                        .key("id", circle)
                        .value("name", "South")
                        .value("created_at", at)
                        .value("created_by_individual_id", null)
                        .insert(writes.as(tenant))))
                .isInstanceOf(FactRow.ProjectionConflict.class)
                .hasMessageContaining("cc_circles");
    }
}
