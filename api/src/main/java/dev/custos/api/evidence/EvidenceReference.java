package dev.custos.api.evidence;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** A body naming one evidence object of the tenant: what a claim or a run attaches. */
public record EvidenceReference(@NotNull UUID evidenceId) {
}
