package dev.custos.api.evidence;

import dev.custos.api.access.ActionSpec;
import dev.custos.api.access.InCircle;
import dev.custos.api.access.NoBody;
import dev.custos.api.access.RequiredRole;
import dev.custos.query.access.ObjectKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The evidence subsystem's operator actions (any operator), as the operator-action pipeline runs them. Uploads and
 * reads are open to every tenant member and are not operator actions.
 */
final class EvidenceActions {

    private static final RequiredRole ANY = RequiredRole.ANY_OPERATOR;

    static final ActionSpec<NoBody> SEAL =
            ActionSpec.post("/api/evidence/{id}/seal", ANY).on(ObjectKind.EVIDENCE_OBJECT);

    static final ActionSpec<NoBody> VERIFY =
            ActionSpec.post("/api/evidence/{id}/verify", ANY).on(ObjectKind.EVIDENCE_OBJECT);

    static final ActionSpec<NoBody> DESTROY =
            ActionSpec.delete("/api/evidence/{id}", ANY).on(ObjectKind.EVIDENCE_OBJECT);

    static final ActionSpec<CreateBundleRequest> CREATE_BUNDLE = ActionSpec.post("/api/evidence/bundles", ANY)
            .body(CreateBundleRequest.class)
            .creating();

    static final ActionSpec<NoBody> SEAL_BUNDLE =
            ActionSpec.post("/api/evidence/bundles/{id}/seal", ANY).on(ObjectKind.EVIDENCE_BUNDLE);

    static final List<ActionSpec<?>> ALL = List.of(SEAL, VERIFY, DESTROY, CREATE_BUNDLE, SEAL_BUNDLE);

    private EvidenceActions() {}

    /**
     * {@code POST /api/evidence/bundles}. The bundle belongs to {@code circle_id}, else to the request's circle, else
     * to the whole tenant; its members must be tenant-wide or of that circle.
     */
    public record CreateBundleRequest(
            @NotBlank @Size(max = 200) String title,
            @NotEmpty @Size(max = 1000) List<@NotNull UUID> evidenceIds,
            UUID circleId)
            implements InCircle {}
}
