package dev.custos.command.insurance;

import dev.custos.command.Reach;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assemble a dossier of the claim listing {@code evidence}: the claim's live evidence, as the caller read it. */
public record AssembleClaimDossier(
        @TargetAggregateIdentifier UUID claimId,
        UUID tenantId,
        UUID dossierId,
        List<DossierItem> evidence,
        UUID requestedBy,
        Reach reach) {}
