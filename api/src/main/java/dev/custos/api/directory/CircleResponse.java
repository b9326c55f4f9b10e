package dev.custos.api.directory;

import java.util.UUID;

/** A created circle. */
public record CircleResponse(UUID circleId, String name) {
}
