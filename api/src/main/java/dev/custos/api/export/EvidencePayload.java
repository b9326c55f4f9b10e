package dev.custos.api.export;

import dev.custos.query.evidence.EvidenceView;
import java.util.List;

/**
 * Evidence as a bag's payload: each live object under {@code evidence/<id>-<title>}, checked against the sha256 and
 * size recorded at its capture. Destroyed evidence has no bytes left to carry; its listing in the source document
 * (dossier or manifest) still names it and its sha256.
 */
public final class EvidencePayload {

    private EvidencePayload() {}

    public static List<PayloadFile> of(List<EvidenceView> evidence) {
        return evidence.stream()
                .filter(item -> !item.destroyed())
                .map(item -> new PayloadFile(
                        "evidence/" + item.id() + "-" + item.title(),
                        item.blobKey(),
                        item.contentSha256(),
                        item.contentBytes()))
                .toList();
    }
}
