package dev.custos.api.portal;

import dev.custos.api.audit.Receipts;
import dev.custos.events.authority.GrantType;
import dev.custos.events.wire.Nullable;
import dev.custos.events.wire.OneOf;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** What the portal shows, read from the definer functions' JSON into the contract's shapes. */
final class PortalViews {

    /**
     * The functions answer in snake_case; anything internal (the blob key) is simply not mapped. Times are read as
     * PostgreSQL renders them ({@link StoredTimes}), whatever the session's time zone and whatever a row holds.
     */
    static final JsonMapper FROM_DATABASE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(StoredTimes.module())
            .build();

    private PortalViews() {}

    static <T> T read(JsonNode node, Class<T> type) {
        return FROM_DATABASE.treeToValue(node, type);
    }

    record IndexGrant(
            String title, @OneOf(keysOf = GrantType.class) String grantType, Instant expiresAt) {}

    /**
     * A sealed bundle with its members, in the bundle's order (each also in the index's evidence list), and its
     * receipt from the tenant's signed log (null until a signed tree head covers its sealing).
     */
    record IndexBundle(
            UUID bundleId,
            String title,
            String manifestSha256,
            Instant sealedAt,
            List<UUID> evidenceIds,
            @Nullable Receipts.Receipt receipt) {

        IndexBundle withReceipt(Receipts.Receipt found) {
            return new IndexBundle(bundleId, title, manifestSha256, sealedAt, evidenceIds, found);
        }
    }

    /** A shared claim dossier with the evidence it lists (each also in the index's evidence list), and its receipt. */
    record IndexDossier(
            UUID dossierId,
            UUID claimId,
            String dossierSha256,
            Instant assembledAt,
            List<UUID> evidenceIds,
            @Nullable Receipts.Receipt receipt) {

        IndexDossier withReceipt(Receipts.Receipt found) {
            return new IndexDossier(dossierId, claimId, dossierSha256, assembledAt, evidenceIds, found);
        }
    }

    record IndexClaim(UUID claimId, String claimNumber, String policyRef, LocalDate lossDate, String title) {}

    /**
     * Every part is typed, so every time is written as the contract's RFC 3339 UTC ({@code Z}), whatever time zone the
     * database session renders {@code jsonb} in. {@code logKey} is the note verifier key the receipts are checked
     * against, {@code logOwner} the tenant's name and {@code logOrigin} the origin its signed tree heads name.
     */
    record Index(
            IndexGrant grant,
            List<IndexBundle> bundles,
            List<IndexDossier> dossiers,
            List<IndexClaim> claims,
            List<Evidence> evidence,
            String logKey,
            String logOwner,
            String logOrigin) {}

    record Manifest(UUID bundleId, String title, String manifestJson, String manifestSha256, Instant sealedAt) {}

    record Dossier(UUID dossierId, UUID claimId, String dossierJson, String dossierSha256, Instant assembledAt) {}

    /** The evidence summary, without storage keys; a sealed object's receipt once a signed tree head covers it. */
    record Evidence(
            UUID id,
            String sourceType,
            String title,
            @Nullable Instant occurredAt,
            Instant createdAt,
            Instant capturedAt,
            String contentMime,
            long contentBytes,
            String contentSha256,

            @OneOf({"open", "sealed", "integrity_failed", "destroyed"})
            String chainStatus,

            Instant sealedAt,
            @Nullable Receipts.Receipt receipt) {

        Evidence withReceipt(Receipts.Receipt found) {
            return new Evidence(
                    id,
                    sourceType,
                    title,
                    occurredAt,
                    createdAt,
                    capturedAt,
                    contentMime,
                    contentBytes,
                    contentSha256,
                    chainStatus,
                    sealedAt,
                    found);
        }
    }

    /** {@code POST /p/authority/evidence/{id}/download}: a signed GET valid for 60 seconds. */
    record Download(String url, Instant expiresAt) {

        @Override
        public String toString() {
            return "Download[expiresAt=" + expiresAt + "]";
        }
    }
}
