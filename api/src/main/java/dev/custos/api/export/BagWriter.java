package dev.custos.api.export;

import dev.custos.api.blob.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one BagIt bag (RFC 8493) into a zip, under a single top-level directory named after the bag, with SHA-256
 * manifests. Payload files stream from blob storage through a buffer of {@value #COPY_BUFFER_BYTES} bytes and are
 * hashed on the way; only the manifests, a line per file, are held until the end.
 */
final class BagWriter {

    private static final int COPY_BUFFER_BYTES = 64 * 1024;

    private final ZipOutputStream zip;
    private final String root;
    private final long entryTime;
    private final Function<String, InputStream> open;
    private final byte[] buffer = new byte[COPY_BUFFER_BYTES];
    private final StringBuilder manifest = new StringBuilder();
    private final StringBuilder tagManifest = new StringBuilder();

    /** @param open opens a blob's stored bytes by key */
    BagWriter(ZipOutputStream zip, String bagName, Instant exportedAt, Function<String, InputStream> open) {
        this.zip = zip;
        this.root = bagName + "/";
        this.entryTime = exportedAt.toEpochMilli();
        this.open = open;
    }

    /** A tag file (outside {@code data/}), listed in the tag manifest. Lines end with LF. */
    void tagFile(String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        entry(name, bytes);
        tagManifest.append(Sha256.hex(bytes)).append("  ").append(name).append('\n');
    }

    /** A payload file held in memory, at a path from {@link BagPaths}. */
    void payload(String path, byte[] bytes) throws IOException {
        entry(path, bytes);
        manifest.append(Sha256.hex(bytes)).append("  ").append(path).append('\n');
    }

    /**
     * A payload file streamed from blob storage, at a path from {@link BagPaths}. It is listed with the hash of the
     * bytes that streamed, which must be the ones {@code file} claims.
     *
     * @throws PayloadIntegrityFailure if the stored bytes are not the claimed ones; the zip then holds a damaged
     *                                 entry and must be thrown away
     */
    void payload(String path, PayloadFile file) throws IOException {
        MessageDigest sha256 = Sha256.digest();
        long streamed = 0;
        zip.putNextEntry(entryNamed(path));
        try (InputStream in = open.apply(file.blobKey())) {
            for (int read; (read = in.read(buffer)) != -1; ) {
                streamed += read;
                if (streamed > file.bytes()) {
                    throw new PayloadIntegrityFailure(path + " (blob " + file.blobKey() + ") holds more than the "
                            + file.bytes() + " bytes recorded for it");
                }
                sha256.update(buffer, 0, read);
                zip.write(buffer, 0, read);
            }
        }
        String streamedSha256 = Sha256.hex(sha256);
        if (streamed != file.bytes() || !streamedSha256.equals(file.sha256())) {
            throw new PayloadIntegrityFailure(path + " (blob " + file.blobKey() + ") holds " + streamed
                    + " bytes with sha256 " + streamedSha256 + ", not the " + file.bytes() + " bytes with sha256 "
                    + file.sha256() + " recorded for it");
        }
        zip.closeEntry();
        manifest.append(streamedSha256).append("  ").append(path).append('\n');
    }

    /** The payload manifest and the tag manifest, which covers every tag file before it. Written last. */
    void manifests() throws IOException {
        tagFile("manifest-sha256.txt", manifest.toString());
        entry("tagmanifest-sha256.txt", tagManifest.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void entry(String path, byte[] bytes) throws IOException {
        zip.putNextEntry(entryNamed(path));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Dated at the export, which bag-info.txt records, not at whenever each entry happened to be written. */
    private ZipEntry entryNamed(String path) {
        ZipEntry entry = new ZipEntry(root + path);
        entry.setTime(entryTime);
        return entry;
    }
}
