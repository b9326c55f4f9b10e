package dev.custos.api.evidence;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.custos.api.access.Action;
import dev.custos.api.problem.ProblemException;
import dev.custos.command.Reach;
import dev.custos.command.evidence.CreateEvidenceBundle;
import dev.custos.command.evidence.EnsureEvidenceSealed;
import dev.custos.command.evidence.SealEvidenceBundle;
import dev.custos.query.evidence.BundleView;
import dev.custos.query.evidence.EvidenceReader;
import dev.custos.query.evidence.EvidenceView;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes a sealed pack of evidence, the workflow behind a run's record pack and a dispute's defense pack: seal each
 * member still open, bundle them all, seal the bundle. Every command is one of the caller's action, so the whole
 * pack is one audit row. A member sealed meanwhile by another request is taken as sealed (two packs of the same
 * captures both complete); one destroyed meanwhile makes this one a conflict, checked inside the sealing command,
 * never a pack with a member in an unknown state.
 */
@Service
public class SealedPacks {

    private final EvidenceReader evidence;

    SealedPacks(EvidenceReader evidence) {
        this.evidence = evidence;
    }

    /**
     * Answers the sealed bundle, as the read model holds it once every command is committed. The bundle belongs to
     * the circle of the container acted on ({@code action.acting().circleId()}), and so takes in only what fits it:
     * the container's own circle's material and tenant-wide material. Whether each member is still there, sealed
     * and not destroyed is decided again inside the sealing command, from the members as committed.
     *
     * @param reach the reach over the members and the bundle. The caller decides it from the container: acting on
     *              a run (or dispute) covers packing what belongs to it, also for an operator whose role is of the
     *              container's circle only. Sealing and bundling destroy nothing.
     */
    public Mono<BundleView> seal(Action<?> action, Reach reach, String title, List<EvidenceView> members) {
        UUID circleId = action.acting().circleId();
        List<EvidenceView> live = members.stream()
                .filter(member -> !member.destroyed() && Reach.fitsIn(circleId, member.circleId()))
                .toList();
        if (live.isEmpty()) {
            return Mono.error(ProblemException.conflict("there is no evidence to pack"));
        }
        UUID bundleId = UUID.randomUUID();
        List<UUID> ids = live.stream().map(EvidenceView::id).toList();
        return sealOpen(action, reach, live)
                .then(Mono.defer(() -> action.send(new CreateEvidenceBundle(bundleId, action.tenantId(), circleId,
                        title, ids, action.individualId(), reach))))
                .then(Mono.defer(() -> action.send(new SealEvidenceBundle(bundleId, action.tenantId(),
                        action.individualId(), reach))))
                .then(Mono.defer(() -> evidence.bundle(action.acting().scope(), bundleId)));
    }

    /**
     * Seals each of {@code members} still open, as commands of the caller's action. What a pack or dossier lists by
     * its sha256 is sealed first, so no listed object can change its chain status behind the listing.
     */
    public Mono<Void> sealOpen(Action<?> action, Reach reach, List<EvidenceView> members) {
        return Flux.fromIterable(members)
                .filter(member -> !member.sealed() && !member.destroyed())
                .concatMap(open -> action.send(new EnsureEvidenceSealed(open.id(), action.tenantId(),
                        action.individualId(), reach)))
                .then();
    }
}
