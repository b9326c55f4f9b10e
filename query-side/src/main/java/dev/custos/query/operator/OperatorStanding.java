package dev.custos.query.operator;

import java.util.Set;
import java.util.UUID;

/**
 * What the read model knows of one operator for one request: whether a role counts tenant-wide, whether it counts
 * in the request's circle, and which circles the operator is a member of.
 */
public record OperatorStanding(boolean tenantWide, boolean inRequestCircle, Set<UUID> circles) {
}
