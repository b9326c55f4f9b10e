package dev.custos.api.portal;

import dev.custos.api.audit.Receipts;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the receipts into a portal index: each sealed bundle, sealed evidence object and assembled dossier gets the
 * proof that its sealing is in the tenant's signed log, and the index names the log key they are checked against.
 */
@Component
class IndexReceipts {

    private final Receipts receipts;

    IndexReceipts(Receipts receipts) {
        this.receipts = receipts;
    }

    Mono<PortalViews.Index> attach(UUID tenantId, PortalViews.Index index) {
        Map<UUID, UUID> aggregates = new HashMap<>();
        index.bundles().forEach(bundle -> aggregates.put(bundle.bundleId(), bundle.bundleId()));
        index.dossiers().forEach(dossier -> aggregates.put(dossier.dossierId(), dossier.claimId()));
        index.evidence().stream()
                .filter(evidence -> evidence.sealedAt() != null)
                .forEach(evidence -> aggregates.put(evidence.id(), evidence.id()));
        return Mono.zip(
                        receipts.of(tenantId, aggregates),
                        receipts.logOwner(tenantId).defaultIfEmpty(""))
                .map(both -> {
                    Map<UUID, Receipts.Receipt> found = both.getT1();
                    return new PortalViews.Index(
                            index.grant(),
                            index.bundles().stream()
                                    .map(bundle -> bundle.withReceipt(found.get(bundle.bundleId())))
                                    .toList(),
                            index.dossiers().stream()
                                    .map(dossier -> dossier.withReceipt(found.get(dossier.dossierId())))
                                    .toList(),
                            index.claims(),
                            index.evidence().stream()
                                    .map(evidence -> evidence.withReceipt(found.get(evidence.id())))
                                    .toList(),
                            receipts.logKey(),
                            both.getT2().isEmpty() ? null : both.getT2(),
                            receipts.logOrigin(tenantId));
                });
    }
}
