package dev.custos.api.legal;

import dev.custos.api.support.CustodyTypeFor;
import dev.custos.events.custody.CustodyType;
import dev.custos.events.custody.CustodyType.Use;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** {@code POST /api/operator/legal/holds/{id}/targets}: a type the custody catalogue says can be held. */
public record AddTargetRequest(
        @NotNull @CustodyTypeFor(Use.HOLD) @Size(max = 32) String targetType,
        @NotNull UUID targetId) {

    /** The type, once validated. */
    public CustodyType custodyType() {
        return CustodyType.of(Use.HOLD, targetType).orElseThrow();
    }
}
