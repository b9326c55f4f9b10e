package dev.custos.command.insurance;

import java.time.Instant;
import java.util.UUID;

/** An assembled dossier: its exact canonical bytes, their sha256, and when it was assembled. */
public record ClaimDossier(UUID id, UUID claimId, String dossierJson, String dossierSha256, Instant assembledAt) {}
