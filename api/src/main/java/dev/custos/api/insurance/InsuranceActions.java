package dev.custos.api.insurance;

import static dev.custos.events.operator.OperatorRoleKey.INSURANCE_OPERATOR;

import dev.custos.api.access.ActionSpec;
import dev.custos.api.access.InCircle;
import dev.custos.api.access.NoBody;
import dev.custos.api.access.RequiredRole;
import dev.custos.api.authority.ShareRequest;
import dev.custos.api.evidence.EvidenceReference;
import dev.custos.query.access.ObjectKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * The insurance operations, as the operator-action pipeline runs them. Opening a claim and attaching evidence are
 * outside {@code /api/operator/}: like the evidence routes, their own events record them, not the audit table.
 */
final class InsuranceActions {

    private static final RequiredRole INSURANCE = RequiredRole.of(INSURANCE_OPERATOR);
    private static final String CLAIMS = "/api/insurance/claims";
    private static final String OPERATOR = "/api/operator/insurance/";

    static final ActionSpec<OpenClaimRequest> OPEN =
            ActionSpec.post(CLAIMS, INSURANCE).body(OpenClaimRequest.class).creating();

    static final ActionSpec<EvidenceReference> ATTACH_EVIDENCE = ActionSpec.post(CLAIMS + "/{id}/evidence", INSURANCE)
            .on(ObjectKind.CLAIM)
            .body(EvidenceReference.class);

    static final ActionSpec<NoBody> ASSEMBLE = ActionSpec.post(OPERATOR + "claims/{id}/assemble", INSURANCE)
            .on(ObjectKind.CLAIM)
            .answers(HttpStatus.CREATED)
            .audited("claim_assemble", "claim")
            .charged();

    static final ActionSpec<ShareRequest> SHARE = ActionSpec.post(OPERATOR + "dossiers/{id}/share-authority", INSURANCE)
            .on(ObjectKind.CLAIM_DOSSIER)
            .body(ShareRequest.class)
            .answers(HttpStatus.CREATED)
            .audited("dossier_share_authority", "claim_dossier")
            .charged();

    static final ActionSpec<NoBody> EXPORT = ActionSpec.post(OPERATOR + "dossiers/{id}/export", INSURANCE)
            .on(ObjectKind.CLAIM_DOSSIER)
            .audited("dossier_export", "claim_dossier")
            .charged();

    static final List<ActionSpec<?>> ALL = List.of(OPEN, ATTACH_EVIDENCE, ASSEMBLE, SHARE, EXPORT);

    private InsuranceActions() {}

    /** {@code POST /api/insurance/claims}: {@code loss_date} is an ISO-8601 date, such as 2026-11-20. */
    public record OpenClaimRequest(
            @NotBlank @Size(max = 100) String claimNumber,
            @NotBlank @Size(max = 100) String policyRef,
            @NotNull LocalDate lossDate,
            @NotBlank @Size(max = 200) String title,
            UUID circleId)
            implements InCircle {}
}
