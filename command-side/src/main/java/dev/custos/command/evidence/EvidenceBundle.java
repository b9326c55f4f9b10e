package dev.custos.command.evidence;

import static dev.custos.command.CommandRefused.Reason.INVALID;
import static dev.custos.command.CommandRefused.Reason.NOT_FOUND;
import static dev.custos.command.Rules.require;
import static dev.custos.command.Rules.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.custos.command.Aggregates;
import dev.custos.command.Reach;
import dev.custos.command.Refusal;
import dev.custos.events.canonical.CanonicalJson;
import dev.custos.events.evidence.EvidenceBundleCreated;
import dev.custos.events.evidence.EvidenceBundleSealed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A bundle of evidence objects, of one circle or of the whole tenant. Sealing it writes a manifest in canonical JSON listing every member's id, title,
 * content hash and size, and records the SHA-256 of exactly those bytes.
 */
@Aggregate(cache = Aggregates.CACHE, lockFactory = Aggregates.LOCKS)
class EvidenceBundle {

    @AggregateIdentifier
    private UUID bundleId;

    private UUID tenantId;
    private UUID circleId;
    private String title;
    private Set<UUID> members;
    private boolean sealed;

    /**
     * Answers the bundle as created: the new bundle is exactly its event, so the answer needs no read. Its members
     * are read as committed: each must be the tenant's, not destroyed, and tenant-wide or of the bundle's circle.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    EvidenceBundleCreated handle(CreateEvidenceBundle command, EvidenceRegistry evidence, Clock clock) {
        require(
                command.bundleId() != null && command.tenantId() != null,
                INVALID,
                "bundle and tenant ids are required");
        command.reach().requireActOn(command.circleId(), "circle");
        require(
                command.evidenceIds() != null && !command.evidenceIds().isEmpty(),
                INVALID,
                "evidence_ids must name at least one evidence object");
        require(
                new HashSet<>(command.evidenceIds()).size()
                        == command.evidenceIds().size(),
                INVALID,
                "evidence_ids must not repeat an id");
        Map<UUID, ManifestMember> found = evidence.members(command.tenantId(), command.evidenceIds());
        for (UUID id : command.evidenceIds()) {
            ManifestMember member = found.get(id);
            require(member != null, NOT_FOUND, "no such evidence: " + id);
            Reach.requireSameCircle(command.circleId(), member.circleId(), "evidence");
            require(!member.destroyed(), Refusal.TARGET_DESTROYED, "a destroyed evidence object cannot be bundled");
        }
        EvidenceBundleCreated created = new EvidenceBundleCreated(
                command.tenantId(),
                command.bundleId(),
                command.circleId(),
                requireText(command.title(), "title"),
                List.copyOf(command.evidenceIds()),
                clock.instant(),
                command.requestedBy());
        apply(created);
        return created;
    }

    /** The manifest lists the members as committed now: every one sealed and none destroyed, or nothing is sealed. */
    @CommandHandler
    SealedBundle handle(SealEvidenceBundle command, EvidenceRegistry evidence, Clock clock) {
        require(tenantId.equals(command.tenantId()), NOT_FOUND, "no such bundle");
        command.reach().requireActOn(circleId, "bundle");
        require(!sealed, Refusal.ALREADY_SEALED, "the bundle is already sealed");
        Map<UUID, ManifestMember> found = evidence.members(tenantId, members);
        require(
                found.keySet().equals(members),
                Refusal.BUNDLE_MEMBER_MISSING,
                "a member of the bundle is no longer there");
        require(
                found.values().stream().noneMatch(ManifestMember::destroyed),
                Refusal.TARGET_DESTROYED,
                "a member of the bundle was destroyed");
        require(
                found.values().stream().allMatch(ManifestMember::sealed),
                Refusal.NOT_SEALED,
                "every member must be sealed before the bundle");
        Instant sealedAt = clock.instant();
        String manifest = CanonicalJson.write(manifest(List.copyOf(found.values()), sealedAt));
        String sha256 = CanonicalJson.sha256Hex(manifest);
        apply(new EvidenceBundleSealed(tenantId, bundleId, manifest, sha256, sealedAt, command.requestedBy()));
        return new SealedBundle(manifest, sha256, sealedAt);
    }

    private Map<String, Object> manifest(List<ManifestMember> described, Instant sealedAt) {
        List<Object> listed = new ArrayList<>();
        described.stream()
                .sorted(Comparator.comparing(member -> member.evidenceId().toString()))
                .forEach(member -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", member.evidenceId().toString());
                    entry.put("title", member.title());
                    entry.put("content_sha256", member.contentSha256());
                    entry.put("content_bytes", member.contentBytes());
                    listed.add(entry);
                });
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("bundle_id", bundleId.toString());
        manifest.put("title", title);
        manifest.put("sealed_at", sealedAt.toString());
        manifest.put("members", listed);
        return manifest;
    }

    @EventSourcingHandler
    void on(EvidenceBundleCreated event) {
        bundleId = event.bundleId();
        tenantId = event.tenantId();
        circleId = event.circleId();
        title = event.title();
        members = Set.copyOf(event.evidenceIds());
    }

    @EventSourcingHandler
    void on(EvidenceBundleSealed event) {
        sealed = true;
    }

    EvidenceBundle() {
        // Required by Axon to rebuild the aggregate from its events.
    }
}
