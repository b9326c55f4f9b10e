package dev.custos.command.evidence;

import java.util.UUID;

/**
 * What a bundle's manifest says of one member (id, title, hash, size), with what decides whether it may be bundled
 * and sealed: its circle, whether it is sealed yet, and whether it was destroyed.
 */
public record ManifestMember(
        UUID evidenceId,
        UUID circleId,
        String title,
        String contentSha256,
        long contentBytes,
        boolean sealed,
        boolean destroyed) {}
