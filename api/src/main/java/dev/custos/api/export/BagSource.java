package dev.custos.api.export;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What one bag carries: a tenant's source object, the document that describes it and the payload files whose bytes
 * stay in blob storage until they stream into the bag. The document is small JSON and is held as its exact bytes.
 *
 * @param sourceType   the kind of source, in snake case: {@code claim_dossier}, {@code defense_pack}
 * @param digestLabel  the {@code bag-info.txt} label of the source's own digest: {@code Dossier-SHA256},
 *                     {@code Manifest-SHA256}, {@code Pack-SHA256}
 * @param digestSha256 that digest, lower-case hex
 * @param documentName the document's file name in {@code data/}, e.g. {@code dossier.json}
 */
public record BagSource(
        UUID tenantId,
        String sourceType,
        UUID sourceId,
        String digestLabel,
        String digestSha256,
        String documentName,
        byte[] document,
        List<PayloadFile> payload) {

    static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SOURCE_TYPE = Pattern.compile("[a-z][a-z0-9_]*");
    /** Ending in -SHA256, a label says what it is and can never be one of the labels BagIt reserves. */
    private static final Pattern DIGEST_LABEL = Pattern.compile("[A-Z][A-Za-z0-9]*(-[A-Za-z0-9]+)*-SHA256");

    public BagSource {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(documentName, "documentName");
        require(
                sourceType != null && SOURCE_TYPE.matcher(sourceType).matches(),
                "a source type is snake case, like claim_dossier");
        require(
                digestLabel != null && DIGEST_LABEL.matcher(digestLabel).matches(),
                "a digest label names what it digests and ends in -SHA256, like Dossier-SHA256");
        require(
                digestSha256 != null && SHA256_HEX.matcher(digestSha256).matches(),
                "a digest is 64 lower-case hex digits");
        document = document.clone();
        payload = List.copyOf(payload);
    }

    /** A copy: the bytes of a record must not change under it. */
    @Override
    public byte[] document() {
        return document.clone();
    }

    /** The bag's name: its top-level directory, and the download's file name. */
    String bagName() {
        return "custos-" + sourceType + "-" + sourceId;
    }

    /** BagIt's Payload-Oxum, {@code <octets>.<files>}: the document and every payload file, as claimed. */
    String payloadOxum() {
        long octets =
                document.length + payload.stream().mapToLong(PayloadFile::bytes).sum();
        return octets + "." + (payload.size() + 1);
    }

    @Override
    public String toString() {
        return "BagSource[" + sourceType + " " + sourceId + " of tenant " + tenantId + ", " + payload.size()
                + " payload files]";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
