package dev.custos.api.blob;

import java.time.Instant;

/** A short-lived signed GET. The URL is a bearer credential: it must never be logged or stored. */
public record PresignedDownload(String url, Instant expiresAt) {}
