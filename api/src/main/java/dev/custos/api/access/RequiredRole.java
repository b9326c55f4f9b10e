package dev.custos.api.access;

import dev.custos.events.operator.OperatorRoleKey;

/** The role an action needs: one operator role, or any of them ({@code role} null). */
public record RequiredRole(OperatorRoleKey role) {

    public static final RequiredRole ANY_OPERATOR = new RequiredRole(null);

    public static RequiredRole of(OperatorRoleKey role) {
        return new RequiredRole(java.util.Objects.requireNonNull(role));
    }

    String key() {
        return role == null ? null : role.key();
    }

    String describe() {
        return role == null ? "an operator role" : "the " + role.key() + " role";
    }
}
