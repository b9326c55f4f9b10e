package dev.custos.api.evidence;

import dev.custos.api.access.Action;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.CommandTransaction;
import dev.custos.command.Reach;
import dev.custos.command.Refusal;
import dev.custos.command.evidence.CreateEvidenceBundle;
import dev.custos.command.evidence.EnsureEvidenceSealed;
import dev.custos.command.evidence.SealEvidenceBundle;
import dev.custos.command.evidence.SealedBundle;
import dev.custos.query.evidence.CommittedEvidence;
import dev.custos.query.evidence.CommittedEvidence.Member;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Makes a sealed pack of evidence, the workflow behind a run's record pack, a dispute's defense pack and a claim's
 * dossier: seal each member still open, bundle them all, seal the bundle. Every step is one of the caller's unit of
 * work, so a pack is made whole or not at all, and is one audit row. The members are read as committed, inside that
 * transaction and locked until it ends: one destroyed before is left out, none can be destroyed while the pack is
 * made, and a second pack of the same objects waits for this one and then finds them sealed.
 */
@Service
public class SealedPacks {

    /** A pack just sealed: its bundle, the hash of its manifest, and how many objects it lists. */
    public record Pack(UUID bundleId, String manifestSha256, int members) {}

    private final CommittedEvidence committed;

    SealedPacks(CommittedEvidence committed) {
        this.committed = committed;
    }

    /**
     * Packs what of {@code candidates} is still there into a sealed bundle. The bundle belongs to the circle of the
     * container acted on ({@code action.acting().circleId()}), and so takes in only what fits it: the container's
     * own circle's material and tenant-wide material.
     *
     * @param reach the reach over the members and the bundle. The caller decides it from the container: acting on
     *              a run (or dispute) covers packing what belongs to it, also for an operator whose role is of the
     *              container's circle only. Sealing and bundling destroy nothing.
     */
    public Pack seal(
            CommandTransaction steps, Action<?> action, Reach reach, String title, Collection<UUID> candidates) {
        UUID circleId = action.acting().circleId();
        List<Member> members = live(action, candidates).stream()
                .filter(member -> Reach.fitsIn(circleId, member.circleId()))
                .toList();
        if (members.isEmpty()) {
            throw ProblemException.refused(Refusal.NOTHING_TO_PACK, "there is no evidence to pack");
        }
        sealOpen(steps, action, reach, members);
        UUID bundleId = UUID.randomUUID();
        steps.send(new CreateEvidenceBundle(
                bundleId,
                action.tenantId(),
                circleId,
                title,
                members.stream().map(Member::id).toList(),
                action.individualId(),
                reach));
        SealedBundle sealed = steps.call(
                new SealEvidenceBundle(bundleId, action.tenantId(), action.individualId(), reach), SealedBundle.class);
        return new Pack(bundleId, sealed.manifestSha256(), members.size());
    }

    /**
     * Seals each of {@code candidates} still there and open, and answers the ones still there. What a pack or
     * dossier lists by its sha256 is sealed first, so no listed object can change its chain status behind the
     * listing.
     */
    public List<Member> sealLive(CommandTransaction steps, Action<?> action, Reach reach, Collection<UUID> candidates) {
        List<Member> members = live(action, candidates);
        sealOpen(steps, action, reach, members);
        return members;
    }

    /** The candidates still there, in the caller's order, locked until the pack's transaction ends. */
    private List<Member> live(Action<?> action, Collection<UUID> candidates) {
        Map<UUID, Member> found = committed.lockedForUpdate(action.tenantId(), candidates).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        return candidates.stream()
                .map(found::get)
                .filter(member -> member != null && !member.destroyed())
                .toList();
    }

    private static void sealOpen(CommandTransaction steps, Action<?> action, Reach reach, List<Member> members) {
        members.stream()
                .filter(member -> !member.sealed())
                .forEach(open -> steps.send(
                        new EnsureEvidenceSealed(open.id(), action.tenantId(), action.individualId(), reach)));
    }
}
