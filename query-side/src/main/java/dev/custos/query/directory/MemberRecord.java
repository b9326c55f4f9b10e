package dev.custos.query.directory;

import dev.custos.events.directory.AdoptedRoleAssignment;
import java.util.List;
import java.util.UUID;

/** What the directory holds of one member of a tenant: the circles they belong to, and every role they were given. */
public record MemberRecord(UUID individualId, List<UUID> circleIds, List<AdoptedRoleAssignment> assignments) {

    public MemberRecord {
        circleIds = List.copyOf(circleIds);
        assignments = List.copyOf(assignments);
    }
}
