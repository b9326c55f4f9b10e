package dev.custos.api.dispute;

import static dev.custos.events.operator.OperatorRoleKey.LEGAL_OPERATOR;

import dev.custos.api.access.ActionSpec;
import dev.custos.api.access.InCircle;
import dev.custos.api.access.NoBody;
import dev.custos.api.access.RequiredRole;
import dev.custos.api.authority.ShareRequest;
import dev.custos.query.access.ObjectKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * The dispute operations, as the operator-action pipeline runs them. Opening a dispute and adding material are
 * outside {@code /api/operator/}: their own events record them, not the audit table. Assembling a defense pack is
 * audited but not billed (the contract bills record packs, dossier assemblies, exports and shares).
 */
final class DisputeActions {

    private static final RequiredRole LEGAL = RequiredRole.of(LEGAL_OPERATOR);
    private static final String DISPUTES = "/api/disputes";
    private static final String PACKS = "/api/operator/defense-packs/";

    static final ActionSpec<OpenDisputeRequest> OPEN =
            ActionSpec.post(DISPUTES, LEGAL).body(OpenDisputeRequest.class).creating();

    static final ActionSpec<AddMaterialRequest> ADD_MATERIAL = ActionSpec.post(DISPUTES + "/{id}/materials", LEGAL)
            .on(ObjectKind.DISPUTE)
            .body(AddMaterialRequest.class);

    static final ActionSpec<NoBody> ASSEMBLE = ActionSpec.post(
                    "/api/operator/disputes/{id}/assemble-defense-pack", LEGAL)
            .on(ObjectKind.DISPUTE)
            .answers(HttpStatus.CREATED)
            .audited("dispute_assemble_defense_pack", "dispute");

    static final ActionSpec<NoBody> EXPORT = ActionSpec.post(PACKS + "{id}/export", LEGAL)
            .on(ObjectKind.DEFENSE_PACK)
            .audited("defense_pack_export", "defense_pack")
            .charged();

    static final ActionSpec<ShareRequest> SHARE = ActionSpec.post(PACKS + "{id}/share-authority", LEGAL)
            .on(ObjectKind.DEFENSE_PACK)
            .body(ShareRequest.class)
            .answers(HttpStatus.CREATED)
            .audited("defense_pack_share_authority", "defense_pack")
            .charged();

    static final List<ActionSpec<?>> ALL = List.of(OPEN, ADD_MATERIAL, ASSEMBLE, EXPORT, SHARE);

    private DisputeActions() {}

    /** {@code POST /api/disputes}. */
    public record OpenDisputeRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 200) String counterparty,
            UUID circleId) implements InCircle {}
}
