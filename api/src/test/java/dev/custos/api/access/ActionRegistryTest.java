package dev.custos.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.events.operator.OperatorRoleKey;
import dev.custos.query.access.ObjectKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the registry refuses at start-up, so that a mis-declared operator action never serves a request. */
class ActionRegistryTest {

    private static final RequiredRole LEGAL = RequiredRole.of(OperatorRoleKey.LEGAL_OPERATOR);

    private static ActionRegistry registry(ActionSpec<?>... specs) {
        return new ActionRegistry(List.of(() -> List.of(specs)));
    }

    @Test
    void anObjectActionNamesItsObjectInTheRouteAndNoOtherActionDoes() {
        assertThatThrownBy(() -> registry(ActionSpec.post("/api/operator/legal/holds/{id}/release", LEGAL)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{id}");
        assertThatThrownBy(() -> registry(
                        ActionSpec.post("/api/operator/legal/holds", LEGAL).on(ObjectKind.LEGAL_HOLD)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneRouteIsOneAction() {
        ActionSpec<NoBody> place =
                ActionSpec.post("/api/operator/legal/holds", LEGAL).creating().audited("hold_create", "legal_hold");
        assertThatThrownBy(() -> registry(place, ActionSpec.post("/api/operator/legal/holds", LEGAL)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two actions");
        assertThat(registry(place, ActionSpec.get("/api/operator/legal/holds", LEGAL))
                        .actions())
                .hasSize(2);
    }

    @Test
    void anAuditedActionNamesItsKeyAndSubjectAndABillableOneIsAudited() {
        ActionSpec<NoBody> listing = ActionSpec.get("/api/operator/things", LEGAL);
        assertThatThrownBy(listing::charged).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> listing.audited("thing_view", null)).isInstanceOf(NullPointerException.class);
        assertThat(listing.audited("thing_view", "thing").charged().billable()).isTrue();
    }

    @Test
    void anActionThatCreatesAnswers201() {
        assertThat(ActionSpec.post("/api/operator/legal/holds", LEGAL)
                        .creating()
                        .status()
                        .value())
                .isEqualTo(201);
    }
}
