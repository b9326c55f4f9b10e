package dev.custos.api.evidence;

import dev.custos.api.access.Acting;
import dev.custos.api.access.OperatorActions;
import dev.custos.api.problem.ProblemException;
import dev.custos.command.Refusal;
import dev.custos.query.access.ObjectKind;
import dev.custos.query.evidence.EvidenceReader;
import dev.custos.query.evidence.EvidenceView;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Evidence that may be attached to a container the caller acts on (a claim, a run, a dispute): the tenant's,
 * visible from the container's circle (404 otherwise), and not destroyed (409): destroyed evidence has nothing left
 * to rest on.
 */
@Component
public class AttachableEvidence {

    private final OperatorActions gate;
    private final EvidenceReader evidence;

    AttachableEvidence(OperatorActions gate, EvidenceReader evidence) {
        this.gate = gate;
        this.evidence = evidence;
    }

    public Mono<EvidenceView> find(Acting container, UUID evidenceId) {
        return gate.addable(container, ObjectKind.EVIDENCE_OBJECT, evidenceId)
                .then(Mono.defer(() -> evidence.evidence(container.scope(), evidenceId)))
                .filter(found -> !found.destroyed())
                .switchIfEmpty(Mono.error(() ->
                        ProblemException.refused(Refusal.TARGET_DESTROYED, "destroyed evidence cannot be attached")));
    }
}
