package dev.custos.query.operator;

import dev.custos.events.operator.OperatorRoleKey;
import dev.custos.events.wire.Nullable;
import dev.custos.events.wire.OneOf;
import java.util.UUID;

/** A role a tenant offers. */
public record OperatorRoleView(
        UUID id,
        @OneOf(keysOf = OperatorRoleKey.class) String roleKey,
        String title,
        @Nullable String description) {}
