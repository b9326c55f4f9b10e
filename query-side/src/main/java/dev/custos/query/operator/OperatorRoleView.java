package dev.custos.query.operator;

import java.util.UUID;

/** A role a tenant offers. */
public record OperatorRoleView(UUID id, String roleKey, String title, String description) {}
