package dev.custos.events.emergency;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Evidence captured before (or outside) the run now belongs to it, as if it had been uploaded for it: it is in the
 * run's dashboard, playbook and every record pack from now on. (Evidence uploaded with {@code x-emergency-run-id}
 * belongs to the run from its capture on, and needs no such event.)
 */
@Revision("1")
public record EmergencyRunCaptureAttached(
        UUID tenantId, UUID runId, UUID circleId, UUID evidenceId, Instant attachedAt, UUID attachedByIndividualId) {}
