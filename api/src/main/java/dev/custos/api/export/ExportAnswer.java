package dev.custos.api.export;

import java.time.Instant;
import java.util.UUID;

/**
 * What an export answers: the stored bag's size and SHA-256, as they were written, and a short-lived signed link
 * to download it.
 *
 * @param format always {@value BagExports#FORMAT}
 */
public record ExportAnswer(UUID exportId, String format, long bytes, String sha256, String url, Instant expiresAt) {

    /** Without the link, which is a bearer credential and must never reach a log. */
    @Override
    public String toString() {
        return "ExportAnswer[" + exportId + ", " + format + ", " + bytes + " bytes, sha256=" + sha256 + "]";
    }
}
