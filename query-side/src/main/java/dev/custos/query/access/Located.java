package dev.custos.query.access;

import java.util.UUID;

/** An object the caller can see, and its circle ({@code null}: the whole tenant). */
public record Located(ObjectKind kind, UUID id, UUID circleId) {}
