package dev.custos.api.legal;

import static dev.custos.events.operator.OperatorRoleKey.LEGAL_OPERATOR;

import dev.custos.api.access.ActionSpec;
import dev.custos.api.access.InCircle;
import dev.custos.api.access.RequiredRole;
import dev.custos.api.support.Multiline;
import dev.custos.query.access.ObjectKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The legal operations, as the operator-action pipeline runs them. */
final class LegalActions {

    private static final RequiredRole LEGAL = RequiredRole.of(LEGAL_OPERATOR);
    private static final String HOLD = "legal_hold";

    static final ActionSpec<PlaceHoldRequest> PLACE_HOLD = ActionSpec.post("/api/operator/legal/holds", LEGAL)
            .body(PlaceHoldRequest.class)
            .creating()
            .audited("hold_create", HOLD);

    static final ActionSpec<AddTargetRequest> ADD_TARGET = ActionSpec.post(
                    "/api/operator/legal/holds/{id}/targets", LEGAL)
            .on(ObjectKind.LEGAL_HOLD)
            .body(AddTargetRequest.class)
            .answers(HttpStatus.CREATED)
            .audited("hold_add_target", HOLD);

    static final ActionSpec<ReleaseHoldRequest> RELEASE = ActionSpec.post(
                    "/api/operator/legal/holds/{id}/release", LEGAL)
            .on(ObjectKind.LEGAL_HOLD)
            .body(ReleaseHoldRequest.class)
            .audited("hold_release", HOLD);

    static final List<ActionSpec<?>> ALL = List.of(PLACE_HOLD, ADD_TARGET, RELEASE);

    private LegalActions() {}

    /** {@code POST /api/operator/legal/holds}. */
    public record PlaceHoldRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Multiline @Size(max = 4000) String reason,
            Boolean restrictSharing,
            UUID circleId)
            implements InCircle {}

    /** {@code POST /api/operator/legal/holds/{id}/release}. */
    public record ReleaseHoldRequest(
            @NotBlank @Multiline @Size(max = 4000) String reason) {}
}
