package dev.custos.command.insurance;

import java.time.Instant;
import java.util.UUID;

/** One evidence object as a dossier lists it: enough to find it, and its sha256 to check it. */
public record DossierItem(
        UUID id, String title, String contentMime, long contentBytes, String contentSha256, Instant capturedAt) {}
