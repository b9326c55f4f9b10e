package dev.custos.api.evidence;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A body naming one evidence object of the tenant: what a claim or a run attaches. */
public record EvidenceReference(@NotNull UUID evidenceId) {}
