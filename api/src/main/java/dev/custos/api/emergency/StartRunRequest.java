package dev.custos.api.emergency;

import dev.custos.api.access.Idempotent.Asked;
import dev.custos.api.access.InCircle;
import dev.custos.api.support.IdempotencyKeys;
import dev.custos.api.support.Multiline;
import dev.custos.query.emergency.EmergencyRunView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** {@code POST /api/operator/emergency/runs/start}; a repeat with the same client_request_id finds its run. */
public record StartRunRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[a-z][a-z0-9_]{0,63}", message = "must be a lower-case key such as flood")
        String runType,

        @NotBlank @Size(max = 200) String title,
        @Multiline @Size(max = 4000) String summary,
        UUID circleId,
        @Size(max = IdempotencyKeys.MAX_LENGTH) String clientRequestId)
        implements InCircle {

    /** The run this request starts, in the circle the action acts in (the body's, or {@code x-circle-id}'s). */
    Asked asked(UUID circle) {
        return Asked.of(runType, title.strip(), summary, circle);
    }

    /** What {@code original} was started from, in the fields of {@link #asked}. */
    static Asked madeFrom(EmergencyRunView original) {
        return Asked.of(original.runType(), original.title(), original.summary(), original.circleId());
    }
}
