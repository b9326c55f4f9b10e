package dev.custos.api.access;

import java.util.UUID;

/** A body that may name the circle of the object it creates ({@code null}: the request's circle, else none). */
public interface InCircle {

    UUID circleId();
}
