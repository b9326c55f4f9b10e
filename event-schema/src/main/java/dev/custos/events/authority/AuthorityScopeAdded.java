package dev.custos.events.authority;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A grant now lets its readers see one more sealed object: a bundle, claim, dossier or evidence object. */
@Revision("1")
public record AuthorityScopeAdded(
        UUID tenantId,
        UUID grantId,
        UUID scopeId,
        String scopeType,
        UUID scopeObjectId,
        String label,
        String notes,
        Instant addedAt,
        UUID addedByIndividualId) {}
