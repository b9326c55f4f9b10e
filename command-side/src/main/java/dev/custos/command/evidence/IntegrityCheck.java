package dev.custos.command.evidence;

/** The outcome of an integrity check: the hash recorded at capture and the hash of the bytes stored now. */
public record IntegrityCheck(boolean intact, String contentSha256, String computedSha256) {}
