package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.custos.api.evidence.EvidenceSummary;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TableChecks;
import dev.custos.api.support.TestDatabase;
import dev.custos.command.legal.LegalHoldState;
import dev.custos.events.wire.OneOf;
import dev.custos.query.authority.GrantView;
import dev.custos.query.authority.TokenView;
import dev.custos.query.emergency.EmergencyRunView;
import dev.custos.query.evidence.BundleView;
import dev.custos.query.operator.RoleAssignmentView;
import java.sql.Connection;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each status an answer declares as a closed set (its {@link OneOf}, the enum the OpenAPI document publishes) is
 * exactly what its table's CHECK accepts: a status added to one side only fails here, before a client meets it.
 */
class StatusSetsIT extends IntegrationTest {

    static Stream<Arguments> statuses() {
        return Stream.of(
                arguments(EmergencyRunView.class, "status", "cc_emergency_runs", "status"),
                arguments(RoleAssignmentView.class, "status", "cc_operator_role_assignments", "status"),
                arguments(EvidenceSummary.class, "chainStatus", "cc_evidence_objects", "chain_status"),
                arguments(BundleView.class, "status", "cc_evidence_bundles", "status"),
                arguments(LegalHoldState.class, "status", "cc_legal_holds", "status"),
                arguments(GrantView.class, "status", "cc_authority_access_grants", "status"),
                arguments(TokenView.class, "status", "cc_authority_access_tokens", "status"));
    }

    @ParameterizedTest(name = "{0}.{1} = {2}.{3}")
    @MethodSource("statuses")
    void theAnswersSetIsTheTablesCheck(Class<?> answer, String component, String table, String column)
            throws Exception {
        OneOf declared = Arrays.stream(answer.getRecordComponents())
                .filter(candidate -> candidate.getName().equals(component))
                .findFirst()
                .orElseThrow()
                .getAnnotation(OneOf.class);
        assertThat(declared)
                .as(answer.getSimpleName() + "." + component + " declares its set")
                .isNotNull();
        try (Connection db = TestDatabase.superuser(databaseName())) {
            List<String> checks = TableChecks.naming(db, table, column);
            assertThat(checks).as("one CHECK on " + table + "." + column).hasSize(1);
            Set<String> accepted = TableChecks.quoted(checks.get(0));
            assertThat(new LinkedHashSet<>(List.of(declared.value()))).isEqualTo(accepted);
        }
    }
}
