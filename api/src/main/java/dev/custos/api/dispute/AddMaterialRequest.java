package dev.custos.api.dispute;

import dev.custos.api.support.CustodyTypeFor;
import dev.custos.events.custody.CustodyType;
import dev.custos.events.custody.CustodyType.Use;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** {@code POST /api/disputes/{id}/materials}: evidence, a sealed bundle or a claim dossier of the tenant. */
public record AddMaterialRequest(
        @NotNull @Size(max = 32) @CustodyTypeFor(Use.MATERIAL)
        String materialType,

        @NotNull UUID materialId) {

    /** The type, once validated. */
    public CustodyType custodyType() {
        return CustodyType.of(Use.MATERIAL, materialType).orElseThrow();
    }
}
