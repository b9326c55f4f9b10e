package dev.custos.api.export;

import java.util.Objects;

/**
 * A file of a bag's payload whose bytes live in blob storage. The export checks the bytes it streams against
 * {@code sha256} and {@code bytes} and fails on any difference.
 *
 * @param path   the wanted path under {@code data/}, e.g. {@code evidence/<id>-<title>}; the bag keeps only a
 *               safe form of it (see {@link BagPaths})
 * @param sha256 lower-case hex, as recorded when the blob was stored
 */
public record PayloadFile(String path, String blobKey, String sha256, long bytes) {

    public PayloadFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(blobKey, "blobKey");
        if (sha256 == null || !BagSource.SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a payload file's sha256 is 64 lower-case hex digits");
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("a payload file cannot have fewer than 0 bytes");
        }
    }
}
