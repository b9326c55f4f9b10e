package dev.custos.api.authority;

import dev.custos.api.support.CustodyTypeFor;
import dev.custos.api.support.Multiline;
import dev.custos.events.custody.CustodyType;
import dev.custos.events.custody.CustodyType.Use;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** {@code POST /api/authority/grants/{id}/scopes}: a type the custody catalogue says can be shared. */
public record AddScopeRequest(
        @NotNull @CustodyTypeFor(Use.SCOPE) @Size(max = 32) String scopeType,
        @NotNull UUID scopeId,
        @Size(max = 200) String label,
        @Multiline @Size(max = 2000) String notes) {

    /** The type, once validated. */
    public CustodyType custodyType() {
        return CustodyType.of(Use.SCOPE, scopeType).orElseThrow();
    }
}
