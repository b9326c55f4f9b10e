package dev.custos.api.audit;

import dev.custos.events.chain.MerkleProofPlan;
import dev.custos.events.evidence.EvidenceBundleSealed;
import dev.custos.events.evidence.EvidenceSealed;
import dev.custos.events.insurance.ClaimDossierAssembled;
import dev.custos.query.audit.AuditReader;
import dev.custos.query.tenancy.TenantScope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Receipts: for an object sealed or assembled in the tenant's log, the proof a reader can check alone that the event
 * which sealed it is in the log the tenant's key signs. A receipt is the latest signed tree head (its note), the
 * stream line of that event, and its inclusion proof against that head; all of one index's proofs are read in one
 * query, and kept: under one head an object's receipt never changes. An object sealed after the latest signed
 * head, or chained before entries of version 2, has none yet.
 */
@Component
public class Receipts {

    /** The event that seals or assembles each kind of object, and the payload field naming the object. */
    private static final Map<String, String> OBJECT_FIELD = Map.of(
            EvidenceSealed.class.getName(), "evidenceId",
            EvidenceBundleSealed.class.getName(), "bundleId",
            ClaimDossierAssembled.class.getName(), "dossierId");

    /** Receipts kept: an object's receipt under one head never changes, so it is read once per head. */
    private static final int MOST_RECEIPTS = 10_000;

    private final AuditReader reader;
    private final AuditSigningKey key;
    private final RecentHeads recentHeads;
    private final Map<Known, Optional<Receipt>> knownReceipts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Known, Optional<Receipt>> eldest) {
            return size() > MOST_RECEIPTS;
        }
    };

    Receipts(AuditReader reader, AuditSigningKey key, RecentHeads recentHeads) {
        this.reader = reader;
        this.key = key;
        this.recentHeads = recentHeads;
    }

    /** The tenant's log key, as note verifiers take it: what a receipt's signature is checked against. */
    public String logKey() {
        return key.noteVerifierKey();
    }

    /** The tenant's name, for "recorded in its signed log". */
    public Mono<String> logOwner(UUID tenantId) {
        return recentHeads.owner(tenantId);
    }

    /** The origin line of the tenant's signed tree heads: a head of another origin is not this log's. */
    public String logOrigin(UUID tenantId) {
        return key.noteOrigin(tenantId);
    }

    /**
     * The receipts of these objects, by object id.
     *
     * @param aggregates each object's id and the id of the aggregate whose event sealed or assembled it (the claim
     *     of a dossier, the object itself otherwise)
     */
    public Mono<Map<UUID, Receipt>> of(UUID tenantId, Map<UUID, UUID> aggregates) {
        if (aggregates.isEmpty()) {
            return Mono.just(Map.of());
        }
        return recentHeads
                .head(tenantId)
                .flatMap(head -> {
                    Map<UUID, Receipt> found = new HashMap<>();
                    Map<UUID, UUID> unknown = new HashMap<>();
                    aggregates.forEach((object, aggregate) -> {
                        Optional<Receipt> known = known(new Known(tenantId, object, head.treeSize()));
                        if (known == null) {
                            unknown.put(object, aggregate);
                        } else {
                            known.ifPresent(receipt -> found.put(object, receipt));
                        }
                    });
                    if (unknown.isEmpty()) {
                        return Mono.just(found);
                    }
                    return read(tenantId, head, unknown).map(read -> {
                        unknown.keySet().forEach(object -> {
                            Receipt receipt = read.get(object);
                            remember(new Known(tenantId, object, head.treeSize()), Optional.ofNullable(receipt));
                            if (receipt != null) {
                                found.put(object, receipt);
                            }
                        });
                        return found;
                    });
                })
                .defaultIfEmpty(Map.of());
    }

    /** The receipts of these objects under one head, read from the log: the sealing entries, then their proofs. */
    private Mono<Map<UUID, Receipt>> read(UUID tenantId, AuditReader.SignedHead head, Map<UUID, UUID> aggregates) {
        TenantScope scope = new TenantScope(tenantId, null);
        Set<String> aggregateIds = new LinkedHashSet<>();
        aggregates.values().forEach(id -> aggregateIds.add(id.toString()));
        return reader.entriesOf(scope, List.copyOf(aggregateIds), List.copyOf(OBJECT_FIELD.keySet()), head.treeSize())
                .filter(link -> aggregates.containsKey(objectOf(link)))
                .collectList()
                .flatMap(links -> withProofs(scope, head, links));
    }

    /** What is known of an object's receipt under a head: a receipt, none (empty), or not yet read (null). */
    private Optional<Receipt> known(Known key) {
        synchronized (knownReceipts) {
            return knownReceipts.get(key);
        }
    }

    private void remember(Known key, Optional<Receipt> receipt) {
        synchronized (knownReceipts) {
            knownReceipts.put(key, receipt);
        }
    }

    private Mono<Map<UUID, Receipt>> withProofs(
            TenantScope scope, AuditReader.SignedHead head, List<AuditReader.Link> links) {
        Map<AuditReader.Link, List<MerkleProofPlan.Range>> plans = new HashMap<>();
        Set<MerkleProofPlan.Node> wanted = new LinkedHashSet<>();
        for (AuditReader.Link link : links) {
            List<MerkleProofPlan.Range> ranges = MerkleProofPlan.inclusion(link.seq() - 1, head.treeSize());
            plans.put(link, ranges);
            wanted.addAll(MerkleProofPlan.nodes(ranges));
        }
        return reader.nodes(scope, wanted).map(stored -> {
            Map<UUID, Receipt> receipts = new HashMap<>();
            plans.forEach((link, ranges) -> {
                List<String> hashes = new ArrayList<>();
                MerkleProofPlan.hashes(ranges, stored)
                        .forEach(hash -> hashes.add(Base64.getEncoder().encodeToString(hash)));
                receipts.put(
                        objectOf(link),
                        new Receipt(
                                head.note(),
                                head.signedAt(),
                                new String(AuditLines.line(link), StandardCharsets.UTF_8).stripTrailing(),
                                new AuditTreeRoutes.InclusionProof(
                                        link.seq(), link.seq() - 1, head.treeSize(), hashes)));
            });
            return receipts;
        });
    }

    private static UUID objectOf(AuditReader.Link link) {
        JsonNode id = link.event().payload().get(OBJECT_FIELD.get(link.event().eventType()));
        return id == null || !id.isString() ? null : UUID.fromString(id.stringValue());
    }

    /** An object's receipt under the tenant's head of one size. */
    private record Known(UUID tenantId, UUID objectId, long treeSize) {}

    /**
     * A receipt: the signed tree head (C2SP note text) and when it was signed, the entry's stream line exactly as
     * the stream serves it (without its LF), and the entry's inclusion proof against that head.
     */
    public record Receipt(String checkpoint, String signedAt, String entry, AuditTreeRoutes.InclusionProof inclusion) {}
}
