package dev.custos.query.access;

import java.util.Set;
import java.util.UUID;

/**
 * What the read model knows of one caller for one operator action, read in one statement: tenant membership,
 * membership of the request's circle, whether the action's role counts tenant-wide or in the request's circle,
 * the circles the caller is a member of, and the object acted on ({@code null} when there is none, or when it
 * does not exist or is hidden from the caller).
 */
public record Standing(
        boolean tenantMember,
        boolean requestCircleMember,
        boolean roleTenantWide,
        boolean roleInRequestCircle,
        Set<UUID> circles,
        Located target) {}
