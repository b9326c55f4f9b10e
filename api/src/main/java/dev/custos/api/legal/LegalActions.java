package dev.custos.api.legal;

import static dev.custos.events.operator.OperatorRoleKey.LEGAL_OPERATOR;

import java.util.List;

import org.springframework.http.HttpStatus;

import dev.custos.api.access.ActionSpec;
import dev.custos.api.access.RequiredRole;
import dev.custos.query.access.ObjectKind;

/** The legal operations, as the operator-action pipeline runs them. */
final class LegalActions {

    private static final RequiredRole LEGAL = RequiredRole.of(LEGAL_OPERATOR);
    private static final String HOLD = "legal_hold";

    static final ActionSpec<PlaceHoldRequest> PLACE_HOLD = ActionSpec.post("/api/operator/legal/holds", LEGAL)
            .body(PlaceHoldRequest.class).creating().audited("hold_create", HOLD);

    static final ActionSpec<AddTargetRequest> ADD_TARGET = ActionSpec.post("/api/operator/legal/holds/{id}/targets",
                    LEGAL)
            .on(ObjectKind.LEGAL_HOLD).body(AddTargetRequest.class).answers(HttpStatus.CREATED)
            .audited("hold_add_target", HOLD);

    static final ActionSpec<ReleaseHoldRequest> RELEASE = ActionSpec.post("/api/operator/legal/holds/{id}/release",
                    LEGAL)
            .on(ObjectKind.LEGAL_HOLD).body(ReleaseHoldRequest.class).audited("hold_release", HOLD);

    static final List<ActionSpec<?>> ALL = List.of(PLACE_HOLD, ADD_TARGET, RELEASE);

    private LegalActions() {
    }
}
