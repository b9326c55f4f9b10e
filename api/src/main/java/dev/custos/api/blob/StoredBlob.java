package dev.custos.api.blob;

/** What was stored: the number of bytes and the lower-case hex SHA-256 of them, computed as they streamed. */
public record StoredBlob(long bytes, String sha256) {}
