package dev.custos.api.evidence;

import java.util.UUID;

/** Download filenames that are safe in a Content-Disposition header and on every file system. */
public final class Filenames {

    private static final int MAX_LENGTH = 100;

    private Filenames() {
    }

    public static String safe(String title, UUID fallbackId) {
        String cleaned = title == null ? "" : title.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (cleaned.length() > MAX_LENGTH) {
            cleaned = cleaned.substring(0, MAX_LENGTH);
        }
        return cleaned.isEmpty() ? "evidence-" + fallbackId : cleaned;
    }
}
