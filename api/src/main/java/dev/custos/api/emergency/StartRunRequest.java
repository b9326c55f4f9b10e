package dev.custos.api.emergency;

import java.util.Objects;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.custos.api.access.InCircle;
import dev.custos.api.support.IdempotencyKeys;
import dev.custos.api.support.Multiline;
import dev.custos.query.emergency.EmergencyRunView;

/** {@code POST /api/operator/emergency/runs/start}; a repeat with the same client_request_id finds its run. */
public record StartRunRequest(
        @NotBlank @Size(max = 64)
        @Pattern(regexp = "[a-z][a-z0-9_]{0,63}", message = "must be a lower-case key such as flood") String runType,
        @NotBlank @Size(max = 200) String title,
        @Multiline @Size(max = 4000) String summary,
        UUID circleId,
        @Size(max = IdempotencyKeys.MAX_LENGTH) String clientRequestId) implements InCircle {

    /** Whether {@code original} is the run this request, sent before under the same client_request_id, started. */
    boolean repeats(EmergencyRunView original) {
        return original.runType().equals(runType) && original.title().equals(title.strip())
                && Objects.equals(original.summary(), summary) && Objects.equals(original.circleId(), circleId);
    }
}
