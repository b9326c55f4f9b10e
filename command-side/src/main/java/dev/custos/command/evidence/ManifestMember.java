package dev.custos.command.evidence;

import java.util.UUID;

/** What a bundle's manifest says of one member, and whether that member is sealed yet. */
public record ManifestMember(UUID evidenceId, String title, String contentSha256, long contentBytes, boolean sealed) {
}
