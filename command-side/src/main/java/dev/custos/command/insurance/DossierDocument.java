package dev.custos.command.insurance;

import dev.custos.events.canonical.CanonicalJson;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one shape of a claim dossier. It is written as canonical JSON (sorted keys, no white space), so the bytes
 * served are the bytes hashed, and anyone can recompute {@code dossier_sha256} from the JSON alone. Evidence is
 * listed in capture order (then by id), so the same claim and evidence give the same list however it was read.
 */
final class DossierDocument {

    static final String FORMAT = "custos.claim_dossier.v1";

    private DossierDocument() {}

    static String write(
            UUID tenantId,
            UUID dossierId,
            ClaimState claim,
            List<DossierItem> evidence,
            Instant assembledAt,
            UUID assembledBy) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("dossier_id", dossierId.toString());
        document.put("tenant_id", tenantId.toString());
        document.put("claim", claim(claim));
        document.put("assembled_at", assembledAt.toString());
        document.put("assembled_by_individual_id", text(assembledBy));
        document.put(
                "evidence",
                evidence.stream()
                        .sorted(Comparator.comparing(DossierItem::capturedAt).thenComparing(DossierItem::id))
                        .map(DossierDocument::item)
                        .toList());
        return CanonicalJson.write(document);
    }

    private static Map<String, Object> claim(ClaimState claim) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", claim.id().toString());
        fields.put("circle_id", text(claim.circleId()));
        fields.put("claim_number", claim.claimNumber());
        fields.put("policy_ref", claim.policyRef());
        fields.put("loss_date", text(claim.lossDate())); // ISO-8601, as the contract writes dates
        fields.put("title", claim.title());
        fields.put("opened_at", claim.openedAt().toString());
        return fields;
    }

    private static Map<String, Object> item(DossierItem item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", item.id().toString());
        fields.put("title", item.title());
        fields.put("content_mime", item.contentMime());
        fields.put("content_bytes", item.contentBytes());
        fields.put("content_sha256", item.contentSha256());
        fields.put("captured_at", item.capturedAt().toString());
        return fields;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
